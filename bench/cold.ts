/**
 * Start-up figures, each from fresh processes (median of several runs, alternating):
 * - one scenario with every format through the compiled CLI (`node bin/gpu-report.js run`),
 *   against a cold Chromium launch-and-print of that scenario's HTML in a fresh Node process
 *   (the tool's own launch and print code from dist/, nothing else);
 * - `gpu-report --version` against `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'gpu-report.js');

export interface ColdTiming {
  /** Median wall time of one scenario, every format, fresh CLI process. */
  scenarioMs: number;
  /** Median wall time of a fresh Node process launching Chromium and printing the same HTML. */
  printMs: number;
  versionMs: number;
  nodeMs: number;
}

function wallMs(args: readonly string[], cwd = ROOT): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return ms;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]!);
};

const PRINT_ONCE = `
const fs = await import('node:fs');
const { BrowserPool } = await import('./dist/render/pdf/browser.js');
const { printPdf } = await import('./dist/render/pdf/print.js');
const pool = new BrowserPool();
try { await printPdf(await pool.get(), fs.readFileSync(process.argv[1], 'utf8')); } finally { await pool.close(); }
`;

export function timeCold(scenario: string, runs = 5): ColdTiming {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gpu-report-cold-'));
  try {
    const scenarioRuns: number[] = [];
    const printRuns: number[] = [];
    const html = path.join(work, 'out', `${path.basename(scenario).replace(/\.ya?ml$/, '')}.html`);
    for (let i = 0; i < runs; i++) {
      scenarioRuns.push(wallMs([BIN, 'run', scenario, '--out', path.join(work, 'out')]));
      printRuns.push(wallMs(['--input-type=module', '-e', PRINT_ONCE, html]));
    }
    const versionRuns: number[] = [];
    const nodeRuns: number[] = [];
    for (let i = 0; i < 2 * runs; i++) {
      versionRuns.push(wallMs([BIN, '--version']));
      nodeRuns.push(wallMs(['-e', '0']));
    }
    return { scenarioMs: median(scenarioRuns), printMs: median(printRuns), versionMs: median(versionRuns), nodeMs: median(nodeRuns) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
