/**
 * The real CLI: a bad --shard is invalid input (exit 2), and a batch SIGKILLed mid-run leaves
 * only complete reports in the output folder (atomic writes); the next run there removes the
 * temporary files the killed one left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { BIN, REPO_ROOT, describeRun, removeTempDirs, runCli, scenarioYaml, tempDir, write, type CliResult } from '../batch/helpers.ts';

afterAll(removeTempDirs);

const GPUS = ['l40s', 'h100-sxm5-80gb', 'a100-sxm4-80gb', 'amd-mi300x'];

/** Starts the CLI in its own process group, SIGKILLs the group once a first PDF is in place. */
function runAndKill(args: string[], out: string): Promise<{ killedAfterMs: number; signal: NodeJS.Signals | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: 'ignore',
      detached: true,
    });
    let killedAfterMs = -1;
    const poll = setInterval(() => {
      const done = fs.existsSync(out) && fs.readdirSync(out).some((f) => f.endsWith('.pdf'));
      if (done || performance.now() - started > 60_000) {
        clearInterval(poll);
        killedAfterMs = performance.now() - started;
        process.kill(-child.pid!, 'SIGKILL');
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve({ killedAfterMs, signal });
    });
  });
}

let dir: string;
let badShard: CliResult;
let killed: { killedAfterMs: number; signal: NodeJS.Signals | null };
let rerun: CliResult;
let afterKill: string[];

beforeAll(async () => {
  dir = tempDir('cli');
  for (let i = 0; i < 10; i++)
    write(path.join(dir, 'in', `s${String(i).padStart(2, '0')}.yaml`), scenarioYaml({ name: `scenario ${i}`, gpu: GPUS[i % GPUS.length] }));
  const out = path.join(dir, 'out');
  [badShard, killed] = await Promise.all([
    runCli(['run', path.join(dir, 'in'), '--out', path.join(dir, 'bad'), '--shard', '3/2', '--format', 'json']),
    runAndKill(['run', path.join(dir, 'in'), '--out', out, '--format', 'xlsx,pdf,json', '--concurrency', '2'], out),
  ]);
  afterKill = fs.readdirSync(out);
  // Leave a temporary file as a killed run would (a process id that is not running).
  fs.writeFileSync(path.join(out, '.s00.json.tmp-999999-0123abcd'), '{"trunc');
  rerun = await runCli(['run', path.join(dir, 'in', 's00.yaml'), '--out', out, '--format', 'json']);
}, 150_000);

describe('gpu-report run (CLI)', () => {
  it('rejects a bad --shard as invalid input before doing any work', () => {
    expect(badShard.code, describeRun(badShard)).toBe(2);
    expect(badShard.stderr).toContain('--shard must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 (got "3/2")');
    expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
  });

  it('was killed mid-batch', () => {
    expect(killed.signal).toBe('SIGKILL');
    expect(afterKill.some((f) => f.endsWith('.pdf'))).toBe(true);
    // Killed before the end: the index is written last.
    expect(afterKill).not.toContain('index.json');
  });

  it('leaves only complete reports behind: PDFs parse, JSON parses, workbooks open', async () => {
    const out = path.join(dir, 'out');
    const outputs = afterKill.filter((f) => !f.startsWith('.'));
    expect(outputs.length).toBeGreaterThan(0);
    for (const f of outputs) {
      const file = path.join(out, f);
      if (f.endsWith('.pdf')) {
        expect(fs.readFileSync(file).subarray(-8).toString('latin1'), f).toContain('%%EOF');
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), f).toMatch(/Pages:\s+[1-9]/);
      } else if (f.endsWith('.xlsx')) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        expect(wb.worksheets.length, f).toBeGreaterThan(0);
      } else {
        expect(f).toMatch(/\.json$/);
      }
    }
    // Temporary files, if any, are hidden and never carry an output extension.
    for (const f of afterKill.filter((name) => name.startsWith('.'))) expect(f).toMatch(/\.tmp-\d+-[0-9a-f]{8}$/);
  });

  it('the next run in the folder removes the leftovers and completes', () => {
    expect(rerun.code, describeRun(rerun)).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'out'));
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(rerun.stderr).toMatch(/removed \d+ temporary file\(s\) left in .+ by an interrupted run/);
    for (const f of files.filter((name) => name.endsWith('.json'))) JSON.parse(fs.readFileSync(path.join(dir, 'out', f), 'utf8'));
  });
});
