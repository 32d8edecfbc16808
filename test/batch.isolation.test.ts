/**
 * One scenario failing does not stop the others: a calculator that throws, a renderer that
 * throws and a scenario that hangs past its timeout are each reported with their file and
 * reason, the rest are written, the index says which is which, and the exit code is 3.
 * The failures are injected by wrapping the real modules (keyed on the scenario's name).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { quietBatch, readJson, removeTempDirs, scenarioYaml, tempDir, write } from './batch/helpers.ts';
import type { BatchSummary, Report } from '../src/report/model.ts';

vi.mock('../src/plan/results.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/plan/results.ts')>();
  return {
    ...real,
    calculateResults: (s: Parameters<typeof real.calculateResults>[0]) => {
      if (s.name.includes('THROW-CALC')) throw new RangeError('injected calculator failure');
      return real.calculateResults(s);
    },
  };
});

vi.mock('../src/render/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/index.ts')>();
  return {
    ...real,
    RENDERERS: {
      ...real.RENDERERS,
      json: async (report: Parameters<typeof real.RENDERERS.json>[0], ctx: Parameters<typeof real.RENDERERS.json>[1]) => {
        if (report.scenario.name.includes('THROW-JSON')) throw new Error('injected renderer failure');
        if (report.scenario.name.includes('HANG')) return new Promise<Uint8Array>(() => {});
        return real.RENDERERS.json(report, ctx);
      },
    },
  };
});

afterAll(removeTempDirs);

let dir: string;
let result: Awaited<ReturnType<typeof quietBatch>>;
let index: BatchSummary;

beforeAll(async () => {
  dir = tempDir('isolation');
  const input = path.join(dir, 'in');
  write(path.join(input, 'a-ok.yaml'), scenarioYaml({ name: 'fine one' }));
  write(path.join(input, 'b-calc.yaml'), scenarioYaml({ name: 'THROW-CALC' }));
  write(path.join(input, 'c-render.yaml'), scenarioYaml({ name: 'THROW-JSON' }));
  write(path.join(input, 'd-hang.yaml'), scenarioYaml({ name: 'HANG' }));
  write(path.join(input, 'e-invalid.yaml'), 'version: 1\nname: broken\n');
  write(path.join(input, 'f-ok.yaml'), scenarioYaml({ name: 'fine two' }));
  result = await quietBatch([input], { outDir: path.join(dir, 'out'), timeoutMs: 1500, concurrency: 2 });
  index = (readJson(path.join(dir, 'out', 'index.json')) as Report).batch!;
});

describe('failure isolation', () => {
  it('writes the healthy scenarios and exits 3 (some outputs failed)', () => {
    expect(result.exitCode).toBe(3);
    expect(fs.existsSync(path.join(dir, 'out', 'a-ok.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', 'f-ok.json'))).toBe(true);
    expect(index.totals).toEqual({ total: 6, ok: 2, overBudget: 0, invalid: 1, failed: 3 });
  });

  it('reports a calculator that throws with its file and reason', () => {
    const row = index.scenarios.find((r) => r.output === 'b-calc')!;
    expect(row.status).toBe('failed');
    expect(row.reason).toContain('injected calculator failure');
    expect(result.stderr).toMatch(/b-calc\.yaml: scenario: could not be processed: injected calculator failure/);
  });

  it('reports a renderer that throws, and writes nothing for that format', () => {
    const row = index.scenarios.find((r) => r.output === 'c-render')!;
    expect(row.status).toBe('failed');
    expect(row.reason).toBe('json: injected renderer failure');
    expect(fs.existsSync(path.join(dir, 'out', 'c-render.json'))).toBe(false);
  });

  it('fails a hung scenario after the timeout while the others finish', () => {
    const row = index.scenarios.find((r) => r.output === 'd-hang')!;
    expect(row.status).toBe('failed');
    expect(row.reason).toMatch(/timed out after 1\.5 s/);
    expect(result.elapsedMs).toBeLessThan(30_000);
  });

  it('lists invalid scenarios with their first problem and location', () => {
    const row = index.scenarios.find((r) => r.output === 'e-invalid')!;
    expect(row.status).toBe('invalid');
    expect(row.reason).toMatch(/^\d+:\d+: .+/);
    expect(result.stderr).toMatch(/e-invalid\.yaml:\d+:\d+: /);
  });

  it('ends with a summary line', () => {
    expect(result.stderr).toMatch(/6 scenario\(s\): 2 written, 1 invalid, 3 failed \(\d+\.\d s\)/);
  });
});
