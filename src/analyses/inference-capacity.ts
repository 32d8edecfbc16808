/**
 * inference-capacity: per inference workload, what each candidate's sized layout serves (GPUs,
 * TP × replicas, concurrency that fits, TTFT, TPOT, output tokens/s with bands), whether each
 * target is met, the rent per 1M output tokens, and throughput vs concurrency.
 */
import type { InferenceWorkloadResult } from '../plan/workloads.ts';
import type { Block, CellValue, ChartBlock, Column } from '../report/model.ts';
import { round, workloadLabel, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import { numberText } from './inference-capacity-format.ts';
import { extrapolatedNote, shortfallNotes, targetsNote } from './inference-capacity-notes.ts';

export const buildInferenceCapacity: AnalysisBuilder = (ctx) => {
  const { results, t, locale } = ctx;
  const fmt = numberText(locale);
  const blocks: Block[] = [];
  const workloads = results.workloads.flatMap((r, i) => (r.kind === 'inference' ? [{ r, i }] : []));
  if (workloads.length === 0) blocks.push({ kind: 'note', tone: 'info', text: t('inferenceCapacity.none') });
  for (const { r, i } of workloads) blocks.push(...workloadBlocks(ctx, r, i));
  const lat = results.basis.errorBands.latency;
  const thr = results.basis.errorBands.inferenceThroughput;
  blocks.push({ kind: 'note', tone: 'info', text: `${t('inferenceCapacity.definitions')} ${t('inferenceCapacity.layoutNote')}` });
  blocks.push({
    kind: 'note',
    tone: 'info',
    text: t('inferenceCapacity.bands', {
      latLow: fmt(lat.lowFactor, 2),
      latHigh: fmt(lat.highFactor, 2),
      latMed: fmt(lat.medianAbsError * 100, 1),
      latRows: lat.rows,
      thrLow: fmt(thr.lowFactor, 2),
      thrHigh: fmt(thr.highFactor, 2),
      thrMed: fmt(thr.medianAbsError * 100, 1),
      thrRows: thr.rows,
    }),
  });
  return { id: 'inference-capacity', title: t('inferenceCapacity.title'), intro: t('inferenceCapacity.intro'), blocks };
};

function workloadBlocks(ctx: AnalysisContext, r: InferenceWorkloadResult, index: number): Block[] {
  const { scenario, t, locale } = ctx;
  const w = r.workload;
  const fmt = numberText(locale);
  const cur = scenario.economics.currency;
  const tps = t('inferenceCapacity.unit.tokensPerSecond');
  const pct = w.targets.percentile;
  const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? round(x) : null);
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('inferenceCapacity.col.gpus'), format: 'integer' },
    { key: 'tp', label: t('inferenceCapacity.col.tp'), format: 'integer' },
    { key: 'replicas', label: t('inferenceCapacity.col.replicas'), format: 'integer' },
    { key: 'maxConcurrency', label: t('inferenceCapacity.col.maxConcurrency'), format: 'integer' },
    { key: 'ttft', label: t('inferenceCapacity.col.ttft'), unit: 'ms', format: 'decimal1' },
    { key: 'tpot', label: t('inferenceCapacity.col.tpot'), unit: 'ms', format: 'decimal1' },
    // A target naming a percentile: that percentile of the queueing model beside the base estimate.
    ...(pct
      ? ([
          { key: 'ttftPct', label: t('inferenceCapacity.col.ttftPercentile', { percentile: pct }), unit: 'ms', format: 'decimal1' },
          { key: 'tpotPct', label: t('inferenceCapacity.col.tpotPercentile', { percentile: pct }), unit: 'ms', format: 'decimal1' },
        ] satisfies Column[])
      : []),
    { key: 'systemLow', label: t('inferenceCapacity.col.systemLow'), unit: tps, format: 'integer' },
    { key: 'system', label: t('inferenceCapacity.col.system'), unit: tps, format: 'integer' },
    { key: 'systemHigh', label: t('inferenceCapacity.col.systemHigh'), unit: tps, format: 'integer' },
    { key: 'perGpuLow', label: t('inferenceCapacity.col.perGpuLow'), unit: tps, format: 'decimal1' },
    { key: 'perGpu', label: t('inferenceCapacity.col.perGpu'), unit: tps, format: 'decimal1' },
    { key: 'perGpuHigh', label: t('inferenceCapacity.col.perGpuHigh'), unit: tps, format: 'decimal1' },
    { key: 'ttftMet', label: t('inferenceCapacity.col.ttftMet'), format: 'boolean', status: true },
    { key: 'tpotMet', label: t('inferenceCapacity.col.tpotMet'), format: 'boolean', status: true },
    { key: 'throughputMet', label: t('inferenceCapacity.col.throughputMet'), format: 'boolean', status: true },
    {
      key: 'rate',
      label: t('inferenceCapacity.col.rate'),
      unit: t('inferenceCapacity.unit.perGpuHour', { currency: cur }),
      format: 'currency2',
    },
    {
      key: 'costPerMillion',
      label: t('inferenceCapacity.col.costPerMillion'),
      unit: t('inferenceCapacity.unit.perMillion', { currency: cur }),
      format: 'currency2',
    },
  ];
  const tableRows = r.perCandidate.map(({ candidate, served: s, rentPerMillionTokens: cost }): Record<string, CellValue> => {
    const rate = candidate.rentalPerGpuHour?.base ?? null;
    return {
      gpu: candidate.gpu.name,
      gpus: s?.gpus ?? null,
      tp: s?.estimate.tensorParallel ?? null,
      replicas: s?.estimate.replicas ?? null,
      maxConcurrency: s?.estimate.maxConcurrency ?? null,
      ttft: s ? round(s.estimate.ttftMs.value) : null,
      tpot: s ? round(s.estimate.tpotMs.value) : null,
      ...(pct ? { ttftPct: finite(s?.estimate.ttftMsPercentiles[pct]), tpotPct: finite(s?.estimate.tpotMsPercentiles[pct]) } : {}),
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
    workload: workloadLabel(w),
    precision: w.precision,
    input: fmt(w.inputTokens),
    output: fmt(w.outputTokens),
    concurrency: fmt(w.concurrency),
  });
  return [
    { kind: 'table', id: `inference-capacity-${index}`, title, columns, rows: tableRows },
    { kind: 'note', tone: 'info', text: targetsNote(ctx, w) },
    ...extrapolatedNote(
      ctx,
      r.perCandidate.flatMap((p) => (p.served?.estimate.extrapolated ? [p.candidate.gpu.name] : [])),
    ),
    ...shortfallNotes(ctx, r),
    sweepChart(ctx, r, index),
  ];
}

/** Output tokens/s vs concurrency per candidate at its sized layout; a line ends where memory does. */
function sweepChart(ctx: AnalysisContext, r: InferenceWorkloadResult, index: number): ChartBlock {
  const { t } = ctx;
  const w = r.workload;
  const curves = r.perCandidate.flatMap(({ candidate, served, sweep }) => (served ? [{ name: candidate.gpu.name, points: sweep }] : []));
  const longest = Math.max(0, ...curves.map((k) => k.points.length));
  const categories = Array.from({ length: longest }, (_, k) => String(2 ** k));
  return {
    kind: 'chart',
    id: `inference-throughput-vs-concurrency-${index}`,
    chartType: 'line',
    title: t('inferenceCapacity.chartTitle', { workload: w.name }),
    xLabel: t('inferenceCapacity.chartX'),
    yLabel: t('inferenceCapacity.chartY'),
    categories,
    // NaN past a candidate's memory limit: the line stops there (JSON writes null).
    series: curves.map((k) => ({
      name: k.name,
      values: categories.map((_, j) => (k.points[j] ? round(k.points[j].system.value) : Number.NaN)),
    })),
  };
}
