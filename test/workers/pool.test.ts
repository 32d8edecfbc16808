/**
 * The worker threads of the compiled CLI: the same run with workers (GPU_REPORT_WORKERS=2) and
 * without (0) writes byte-identical outputs, an invalid scenario is reported the same way, and
 * the worker count follows the CPUs and the override.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from '../../src/workers/pool.ts';
import { EXIT, describeRun, fixture, makeTempDir, removeTempDirs, runCli, type CliResult } from '../e2e/helpers.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
let dir = '';
let runs: CliResult[] = [];
beforeAll(async () => {
  dir = makeTempDir('workers');
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  for (const f of ['support-assistant.yaml', 'rag-api-eur.yaml', 'qlora-finetune-cny.yaml'])
    fs.copyFileSync(path.join(ROOT, 'scenarios', f), path.join(input, f));
  fs.copyFileSync(fixture('bad', 'unknown-gpu-id.yaml'), path.join(input, 'unknown-gpu-id.yaml'));
  runs = await Promise.all(
    ['2', '0'].map((n) =>
      runCli(['run', input, '--out', path.join(dir, `out-${n}`), '--format', 'xlsx,html,json'], {
        env: { GPU_REPORT_WORKERS: n, SOURCE_DATE_EPOCH: '1700000000' },
      }),
    ),
  );
}, 120_000);
afterAll(removeTempDirs);

describe('worker threads', () => {
  it('write the same bytes as the main thread alone, and report the invalid scenario the same way', () => {
    for (const run of runs) expect(run.code, describeRun(run)).toBe(EXIT.invalidInput);
    // Same lines (in the order scenarios finished), but for the output folder and the time taken.
    const lines = (r: CliResult) =>
      r.stderr
        .replace(/out-\d/g, 'out')
        .replace(/\(\d+\.\d s\)/, '')
        .split('\n')
        .sort();
    expect(lines(runs[0]!)).toEqual(lines(runs[1]!));
    const files = fs.readdirSync(path.join(dir, 'out-0')).sort();
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(4); // three reports and the index
    expect(fs.readdirSync(path.join(dir, 'out-2')).sort()).toEqual(files);
    for (const f of files)
      expect(fs.readFileSync(path.join(dir, 'out-2', f)).equals(fs.readFileSync(path.join(dir, 'out-0', f))), f).toBe(true);
  });

  it('take one CPU per worker beside the main thread, at most one per scenario in flight; GPU_REPORT_WORKERS overrides', () => {
    expect(workerCount(1, {})).toBe(1);
    expect(workerCount(64, {})).toBeGreaterThanOrEqual(1);
    expect(workerCount(3, { GPU_REPORT_WORKERS: '8' })).toBe(3);
    expect(workerCount(3, { GPU_REPORT_WORKERS: '0' })).toBe(0);
  });
});
