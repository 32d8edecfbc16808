/** Hostile YAML: alias bombs and huge files are refused quickly, with a clear reason, and the batch goes on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { quietBatch, readJson, removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';
import type { BatchSummary, Report } from '../../src/report/model.ts';

afterAll(removeTempDirs);

/** "Billion laughs": 9 levels of 9 aliases, ~387 million nodes if expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\nversion: 1\nname: *a9\n`;
}

let dir: string;
let result: Awaited<ReturnType<typeof quietBatch>>;
let index: BatchSummary;

beforeAll(async () => {
  dir = tempDir('yaml');
  write(path.join(dir, 'in', 'bomb.yaml'), aliasBomb());
  // 50 MB: far past the 1 MiB limit.
  const big = Buffer.alloc(50 * 2 ** 20, 'x: 1\n');
  write(path.join(dir, 'in', 'huge.yaml'), big);
  write(path.join(dir, 'in', 'ok.yaml'), scenarioYaml());
  result = await quietBatch([path.join(dir, 'in')], { outDir: path.join(dir, 'out') });
  index = (readJson(path.join(dir, 'out', 'index.json')) as Report).batch!;
});

describe('hostile YAML', () => {
  it('refuses an alias bomb quickly with the reason', () => {
    const outcome = result.outcomes.find((o) => o.file.endsWith('bomb.yaml'))!;
    expect(outcome.status).toBe('invalid');
    expect(index.scenarios.find((r) => r.output === 'bomb')!.reason).toMatch(/alias/i);
    expect(outcome.timings.loadMs).toBeLessThan(5_000);
  });

  it('refuses a 50 MB file from its size alone, without reading it', () => {
    const outcome = result.outcomes.find((o) => o.file.endsWith('huge.yaml'))!;
    expect(outcome.status).toBe('invalid');
    // This message comes only from the stat check that runs before any read.
    expect(index.scenarios.find((r) => r.output === 'huge')!.reason).toBe(
      '1:1: file is 50.0 MiB; a scenario is at most 1024 KiB of YAML (refused without reading it)',
    );
    expect(result.stderr).toContain('huge.yaml:1:1: file is 50.0 MiB');
    expect(outcome.timings.loadMs).toBeLessThan(1_000);
  });

  it('still writes the valid scenario and exits 2 (invalid input)', () => {
    expect(fs.existsSync(path.join(dir, 'out', 'ok.json'))).toBe(true);
    expect(result.exitCode).toBe(2);
    expect(index.totals).toEqual({ total: 3, ok: 1, overBudget: 0, invalid: 2, failed: 0 });
  });
});
