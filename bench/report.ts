/** Benchmark figures from a batch result, and their Markdown for BENCHMARKS.md. */
import type { BatchResult } from '../src/batch.ts';
import type { Machine } from './machine.ts';
import type { Peak } from './sampler.ts';
import type { CalculationTiming } from './calculate.ts';
import type { ColdTiming } from './cold.ts';

export interface BenchInput {
  count: number;
  concurrency: number;
  batch: BatchResult;
  rawMs: number;
  rawPages: number;
  batchPeak: Peak;
  rawPeak: Peak;
  calculateAlone: CalculationTiming;
  cold: ColdTiming;
  nodeCpuMs: number;
  machine: Machine;
  loadPerCore: { before: number; after: number };
}

export interface BenchResult extends Omit<BenchInput, 'batch'> {
  date: string;
  wallMs: number;
  scenariosPerSecond: number;
  ok: number;
  overBudget: number;
  failed: number;
  invalid: number;
  stagesMs: Record<'loadValidate' | 'calculate' | 'buildReport' | 'xlsx' | 'html' | 'pdf' | 'json' | 'write', number>;
  ratio: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r1 = (x: number) => Math.round(x * 10) / 10;

export function summarise(input: BenchInput): BenchResult {
  const { batch, ...rest } = input;
  const t = batch.outcomes.map((o) => o.timings);
  const stage = (f: (x: (typeof t)[number]) => number | undefined) => r1(mean(t.map(f).filter((x): x is number => x !== undefined)));
  return {
    ...rest,
    date: new Date().toISOString().slice(0, 10),
    wallMs: Math.round(batch.elapsedMs),
    scenariosPerSecond: r1((batch.outcomes.length / batch.elapsedMs) * 1000 * 10) / 10,
    ...batch.index.totals,
    stagesMs: {
      loadValidate: stage((x) => x.loadMs),
      calculate: stage((x) => x.calculateMs),
      buildReport: stage((x) => x.buildMs),
      xlsx: stage((x) => x.renderMs.xlsx),
      html: stage((x) => x.renderMs.html),
      pdf: stage((x) => x.renderMs.pdf),
      json: stage((x) => x.renderMs.json),
      write: stage((x) => x.writeMs),
    },
    ratio: Math.round((batch.elapsedMs / input.rawMs) * 100) / 100,
  };
}

export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const s = r.stagesMs;
  return [
    `### ${r.date}: ${r.count} scenarios, concurrency ${r.concurrency}`,
    '',
    `Machine: ${m.cpu}, **${m.cores} cores**, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; ${m.chromium}. ` +
      `Load average per core (other work on the machine) before/after: ${r.loadPerCore.before}/${r.loadPerCore.after}.`,
    '',
    '| measure | value | target |',
    '| --- | ---: | ---: |',
    `| scenarios (within budget / over budget / invalid / failed) | ${r.ok} / ${r.overBudget} / ${r.invalid} / ${r.failed} | |`,
    `| batch wall time | ${(r.wallMs / 1000).toFixed(1)} s | |`,
    `| scenarios per second | ${r.scenariosPerSecond.toFixed(2)} | |`,
    `| raw printing of the same ${r.rawPages} HTML files, same browser | ${(r.rawMs / 1000).toFixed(1)} s | |`,
    `| **batch / raw printing** | **${r.ratio}×** | ≤ 1.5× |`,
    `| mean load + validate | ${s.loadValidate} ms | |`,
    `| mean calculate, in the batch (wall time, sharing the cores with Chromium) | ${s.calculate} ms | |`,
    `| **mean calculate, alone** (same ${r.calculateAlone.count} scenarios, one thread, after a warm-up pass; p90 ${r.calculateAlone.p90Ms} ms; CPU time ${r.calculateAlone.cpuMeanMs} ms) | **${r.calculateAlone.meanMs} ms** | ≤ 5 ms |`,
    `| mean build report (analyses) | ${s.buildReport} ms | |`,
    `| mean xlsx (exceljs, native chart parts, zip) | ${s.xlsx} ms | |`,
    `| mean html (rendered once for html and pdf: the charts' SVG, Handlebars) | ${s.html} ms | |`,
    `| mean pdf (print, then contents numbers and metadata as an incremental update; overlaps the other formats) | ${s.pdf} ms | |`,
    `| mean json | ${s.json} ms | |`,
    `| mean write (4 files, fsync each) | ${s.write} ms | |`,
    `| Node CPU time, whole batch | ${(r.nodeCpuMs / 1000).toFixed(1)} s | |`,
    `| peak memory, process tree (RSS sum every 0.2 s / PSS sum every 2 s) | ${r.batchPeak.rssMiB} / **${r.batchPeak.pssMiB} MiB** (${r.batchPeak.processes} processes; Node ${r.batchPeak.nodePssMiB} MiB of the PSS) | ≤ 1024 MiB |`,
    `| peak memory during raw printing (RSS / PSS) | ${r.rawPeak.rssMiB} / ${r.rawPeak.pssMiB} MiB | |`,
    `| one scenario, every format, cold (fresh \`gpu-report run\` process, median) | ${(r.cold.scenarioMs / 1000).toFixed(2)} s | |`,
    `| cold Chromium launch-and-print of its HTML (fresh Node process, median) | ${(r.cold.printMs / 1000).toFixed(2)} s | |`,
    `| **one scenario cold / cold launch-and-print** | **${(r.cold.scenarioMs / r.cold.printMs).toFixed(2)}×** | ≤ 2× |`,
    `| \`gpu-report --version\` / \`node -e 0\` (medians) | ${r.cold.versionMs} / ${r.cold.nodeMs} ms = **${(r.cold.versionMs / r.cold.nodeMs).toFixed(2)}×** | ≤ 3× |`,
    '',
    'Stage times are wall time inside each scenario; with several scenarios in flight they overlap ' +
      'and include waiting for the CPU, so they add up to more than the batch wall time.',
  ].join('\n');
}
