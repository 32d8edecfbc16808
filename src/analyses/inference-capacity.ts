/**
 * inference-capacity: per inference workload, what each candidate's sized layout serves (GPUs,
 * TP × replicas, concurrency that fits, TTFT, TPOT, output tokens/s with bands), whether each
 * target is met, the rent per 1M output tokens, and throughput vs concurrency.
 */
import { errorBand } from '../calibration/bands.ts';
import type { ResolvedInference } from '../scenario/resolve.ts';
import type { CandidateResult } from '../plan/results.ts';
import type { Block, CellValue, ChartBlock, Column } from '../report/model.ts';
import { round, workloadLabel, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import {
  concurrencySweep, costPerMillionTokens, estimateServed, inferenceInput, type Served,
} from './inference-capacity-calc.ts';
import { numberText } from './inference-capacity-format.ts';
import { shortfallNotes, targetsNote } from './inference-capacity-notes.ts';

export const buildInferenceCapacity: AnalysisBuilder = (ctx) => {
  const { scenario, t, locale } = ctx;
  const fmt = numberText(locale);
  const blocks: Block[] = [];
  const workloads = scenario.workloads.flatMap((w, i) => (w.kind === 'inference' ? [{ w, i }] : []));
  if (workloads.length === 0) blocks.push({ kind: 'note', tone: 'info', text: t('inferenceCapacity.none') });
  for (const { w, i } of workloads) blocks.push(...workloadBlocks(ctx, w, i));
  const lat = errorBand('latency');
  const thr = errorBand('inferenceThroughput');
  blocks.push({ kind: 'note', tone: 'info', text: `${t('inferenceCapacity.definitions')} ${t('inferenceCapacity.layoutNote')}` });
  blocks.push({
    kind: 'note', tone: 'info', text: t('inferenceCapacity.bands', {
      latLow: fmt(lat.lowFactor, 2), latHigh: fmt(lat.highFactor, 2), latMed: fmt(lat.medianAbsError * 100, 1), latRows: lat.rows,
      thrLow: fmt(thr.lowFactor, 2), thrHigh: fmt(thr.highFactor, 2), thrMed: fmt(thr.medianAbsError * 100, 1), thrRows: thr.rows,
    }),
  });
  return { id: 'inference-capacity', title: t('inferenceCapacity.title'), intro: t('inferenceCapacity.intro'), blocks };
};

interface Row {
  readonly c: CandidateResult;
  readonly served: Served | null;
}

function workloadBlocks(ctx: AnalysisContext, w: ResolvedInference, index: number): Block[] {
  const { scenario, results, t, locale } = ctx;
  const fmt = numberText(locale);
  const cur = scenario.economics.currency;
  const rows: Row[] = results.candidates.map((c) => {
    const z = c.sizing[index];
    if (z?.kind !== 'inference' || z.gpus === null || !z.estimate?.fits) return { c, served: null };
    return { c, served: estimateServed(inferenceInput(c.candidate.gpu, w, z.gpus, z.estimate.tensorParallel), w) };
  });
  const tps = t('inferenceCapacity.unit.tokensPerSecond');
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('inferenceCapacity.col.gpus'), format: 'integer' },
    { key: 'tp', label: t('inferenceCapacity.col.tp'), format: 'integer' },
    { key: 'replicas', label: t('inferenceCapacity.col.replicas'), format: 'integer' },
    { key: 'maxConcurrency', label: t('inferenceCapacity.col.maxConcurrency'), format: 'integer' },
    { key: 'ttft', label: t('inferenceCapacity.col.ttft'), unit: 'ms', format: 'decimal1' },
    { key: 'tpot', label: t('inferenceCapacity.col.tpot'), unit: 'ms', format: 'decimal1' },
    { key: 'systemLow', label: t('inferenceCapacity.col.systemLow'), unit: tps, format: 'integer' },
    { key: 'system', label: t('inferenceCapacity.col.system'), unit: tps, format: 'integer' },
    { key: 'systemHigh', label: t('inferenceCapacity.col.systemHigh'), unit: tps, format: 'integer' },
    { key: 'perGpuLow', label: t('inferenceCapacity.col.perGpuLow'), unit: tps, format: 'decimal1' },
    { key: 'perGpu', label: t('inferenceCapacity.col.perGpu'), unit: tps, format: 'decimal1' },
    { key: 'perGpuHigh', label: t('inferenceCapacity.col.perGpuHigh'), unit: tps, format: 'decimal1' },
    { key: 'ttftMet', label: t('inferenceCapacity.col.ttftMet'), format: 'boolean', status: true },
    { key: 'tpotMet', label: t('inferenceCapacity.col.tpotMet'), format: 'boolean', status: true },
    { key: 'throughputMet', label: t('inferenceCapacity.col.throughputMet'), format: 'boolean', status: true },
    { key: 'rate', label: t('inferenceCapacity.col.rate'), unit: t('inferenceCapacity.unit.perGpuHour', { currency: cur }), format: 'currency2' },
    { key: 'costPerMillion', label: t('inferenceCapacity.col.costPerMillion'), unit: t('inferenceCapacity.unit.perMillion', { currency: cur }), format: 'currency2' },
  ];
  const tableRows = rows.map(({ c, served: s }): Record<string, CellValue> => {
    const rate = c.candidate.rentalPerGpuHour?.base ?? null;
    const cost = s && rate !== null ? costPerMillionTokens(rate, s.gpus, s.system.value) : null;
    return {
      gpu: c.candidate.gpu.name,
      gpus: s?.gpus ?? null,
      tp: s?.estimate.tensorParallel ?? null,
      replicas: s?.estimate.replicas ?? null,
      maxConcurrency: s?.estimate.maxConcurrency ?? null,
      ttft: s ? round(s.estimate.ttftMs.value) : null,
      tpot: s ? round(s.estimate.tpotMs.value) : null,
      systemLow: s ? round(s.system.low) : null,
      system: s ? round(s.system.value) : null,
      systemHigh: s ? round(s.system.high) : null,
      perGpuLow: s ? round(s.perGpu.low) : null,
      perGpu: s ? round(s.perGpu.value) : null,
      perGpuHigh: s ? round(s.perGpu.high) : null,
      ttftMet: s?.targets.ttft ?? null,
      tpotMet: s?.targets.tpot ?? null,
      throughputMet: s?.targets.throughput ?? null,
      rate: rate === null ? null : round(rate),
      costPerMillion: cost === null ? null : round(cost),
    };
  });
  const title = t('inferenceCapacity.tableTitle', {
    workload: workloadLabel(w), precision: w.precision, input: fmt(w.inputTokens), output: fmt(w.outputTokens), concurrency: fmt(w.concurrency),
  });
  return [
    { kind: 'table', id: `inference-capacity-${index}`, title, columns, rows: tableRows },
    { kind: 'note', tone: 'info', text: targetsNote(ctx, w) },
    ...shortfallNotes(ctx, w, index, rows),
    sweepChart(ctx, w, rows, index),
  ];
}

/** Output tokens/s vs concurrency per candidate at its sized layout; a line ends where memory does. */
function sweepChart(ctx: AnalysisContext, w: ResolvedInference, rows: readonly Row[], index: number): ChartBlock {
  const { t } = ctx;
  const curves = rows.flatMap(({ c, served: s }) =>
    s ? [{ name: c.candidate.gpu.name, points: concurrencySweep(c.candidate.gpu, w, s.gpus, s.estimate.tensorParallel, s.estimate.maxConcurrency) }] : []);
  const longest = Math.max(0, ...curves.map((k) => k.points.length));
  const categories = Array.from({ length: longest }, (_, k) => String(2 ** k));
  return {
    kind: 'chart', id: `inference-throughput-vs-concurrency-${index}`, chartType: 'line',
    title: t('inferenceCapacity.chartTitle', { workload: w.name }),
    xLabel: t('inferenceCapacity.chartX'), yLabel: t('inferenceCapacity.chartY'),
    categories,
    // NaN past a candidate's memory limit: the line stops there (JSON writes null).
    series: curves.map((k) => ({ name: k.name, values: categories.map((_, j) => (k.points[j] ? round(k.points[j].system.value) : Number.NaN)) })),
  };
}
