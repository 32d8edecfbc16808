/**
 * `npm run bench`: 200 generated scenarios through the real batch, in-process, with every
 * format; then the same HTML files printed by the same browser alone ("raw printing"). Prints
 * scenarios per second, mean milliseconds per scenario by stage, peak memory of the process
 * tree (this process plus Chromium) and batch wall time / raw printing time; then the start-up
 * figures from fresh processes (bench/cold.ts: one scenario cold against a cold launch-and-print
 * of its HTML, `--version` against `node -e 0`), which need the compiled CLI (npm run build).
 *
 *   npm run bench                      # 200 scenarios, default concurrency
 *   npm run bench -- --count 50 --concurrency 4 --write   # --write updates BENCHMARKS.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { defaultConcurrency } from '../src/batch/limits.ts';
import { BrowserPool } from '../src/render/pdf/browser.ts';
import { printPdf } from '../src/render/pdf/print.ts';
import { writeScenarios } from './scenarios.ts';
import { MemorySampler } from './sampler.ts';
import { describeMachine, loadPerCore } from './machine.ts';
import { summarise, renderMarkdown, type BenchResult } from './report.ts';
import { timeCalculation } from './calculate.ts';
import { timeCold } from './cold.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('count') ?? 200);
const concurrency = Number(arg('concurrency') ?? defaultConcurrency());

// The compiled batch, as the CLI runs it (worker threads need compiled JavaScript: src/workers/pool.ts).
const { runBatch } = (await import(new URL('../dist/batch.js', import.meta.url).href)) as typeof import('../src/batch.ts');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gpu-report-bench-'));
const inDir = path.join(work, 'scenarios');
const outDir = path.join(work, 'out');
writeScenarios(inDir, count);

const browser = new BrowserPool();
const sampler = new MemorySampler(process.pid);
try {
  await browser.get();
  const loadBefore = loadPerCore();
  sampler.start();
  const cpuBefore = process.cpuUsage();
  const batch = await runBatch([inDir], {
    outDir,
    formats: ['xlsx', 'pdf', 'html', 'json'],
    now: new Date(),
    concurrency,
    progress: 'none',
    browser,
    timeoutMs: 120_000,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const batchPeak = sampler.stop();

  // Raw printing: the same HTML, the same browser and concurrency, nothing else.
  const htmlFiles = fs
    .readdirSync(outDir)
    .filter((f) => f.endsWith('.html') && f !== 'index.html')
    .map((f) => path.join(outDir, f));
  const pages = htmlFiles.map((f) => fs.readFileSync(f, 'utf8'));
  const rawLimit = pLimit(concurrency);
  const b = await browser.get();
  sampler.start();
  const rawStart = performance.now();
  await Promise.all(pages.map((html) => rawLimit(() => printPdf(b, html))));
  const rawMs = performance.now() - rawStart;
  const rawPeak = sampler.stop();

  const calculateAlone = await timeCalculation(inDir);
  // The first generated scenario (bench/scenarios.ts writes team-<k>/scenario-<nnn>.yaml).
  const cold = timeCold(path.join(inDir, 'team-0', 'scenario-001.yaml'));

  const result: BenchResult = summarise({
    count,
    concurrency,
    batch,
    rawMs,
    rawPages: pages.length,
    batchPeak,
    rawPeak,
    calculateAlone,
    cold,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    machine: describeMachine(),
    loadPerCore: { before: loadBefore, after: loadPerCore() },
  });
  const markdown = renderMarkdown(result);
  console.log(markdown);
  if (process.argv.includes('--write')) {
    const file = new URL('../BENCHMARKS.md', import.meta.url);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const block = `${start}\n${markdown}\n${end}`;
    fs.writeFileSync(
      file,
      current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${current}\n${block}\n`,
    );
    console.log(`wrote ${file.pathname}`);
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
