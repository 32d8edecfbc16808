/**
 * training-plan: per training workload, each candidate's sized run (GPUs, DP/TP/PP, CP where any run uses it, ZeRO,
 * recomputation, micro-batch, memory, tokens/s, MFU, days, GPU-hours, rent, deadline), the same
 * run as full / LoRA / QLoRA on each candidate, and suggestions that follow from the numbers.
 */
import type { TrainingWorkloadResult } from '../plan/workloads.ts';
import type { Block, CellValue, Column, TableBlock } from '../report/model.ts';
import { round, workloadLabel, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import { numberText } from './inference-capacity-format.ts';
import { extrapolatedNote } from './inference-capacity-notes.ts';
import { METHOD_KEYS, RECOMPUTE_KEYS, suggestionNotes } from './training-plan-notes.ts';

export const buildTrainingPlan: AnalysisBuilder = (ctx) => {
  const { results, t, locale } = ctx;
  const fmt = numberText(locale);
  const blocks: Block[] = [];
  const workloads = results.workloads.flatMap((r, i) => (r.kind === 'training' ? [{ r, i }] : []));
  if (workloads.length === 0) blocks.push({ kind: 'note', tone: 'info', text: t('trainingPlan.none') });
  for (const { r, i } of workloads) blocks.push(...workloadBlocks(ctx, r, i));
  const b = results.basis.errorBands.trainingThroughput;
  blocks.push({
    kind: 'note',
    tone: 'info',
    text: t('trainingPlan.method', {
      low: fmt(b.lowFactor, 2),
      high: fmt(b.highFactor, 2),
      med: fmt(b.medianAbsError * 100, 1),
      rows: b.rows,
    }),
  });
  return { id: 'training-plan', title: t('trainingPlan.title'), intro: t('trainingPlan.intro'), blocks };
};

function workloadBlocks(ctx: AnalysisContext, r: TrainingWorkloadResult, index: number): Block[] {
  const { scenario, t, locale } = ctx;
  const w = r.workload;
  const fmt = numberText(locale);
  const cur = scenario.economics.currency;
  const perGpuHour = t('inferenceCapacity.unit.perGpuHour', { currency: cur });
  const tps = t('inferenceCapacity.unit.tokensPerSecond');
  const days = t('trainingPlan.unit.days');
  // The context-parallel column appears only where a sized run splits its sequences (long sequences).
  const withCp = r.perCandidate.some(({ sizing: z }) => z.estimate?.fits === true && (z.estimate.plan.contextParallel ?? 1) > 1);
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('trainingPlan.col.gpus'), format: 'integer' },
    { key: 'dp', label: t('trainingPlan.col.dp'), format: 'integer' },
    { key: 'tp', label: t('trainingPlan.col.tp'), format: 'integer' },
    { key: 'pp', label: t('trainingPlan.col.pp'), format: 'integer' },
    ...(withCp ? [{ key: 'cp', label: t('trainingPlan.col.cp'), format: 'integer' } as const] : []),
    { key: 'zero', label: t('trainingPlan.col.zero'), format: 'integer' },
    { key: 'recompute', label: t('trainingPlan.col.recompute'), format: 'text' },
    { key: 'microBatch', label: t('trainingPlan.col.microBatch'), format: 'integer' },
    { key: 'memory', label: t('trainingPlan.col.memory'), unit: 'GiB', format: 'decimal1' },
    { key: 'tpsLow', label: t('trainingPlan.col.tpsLow'), unit: tps, format: 'integer' },
    { key: 'tps', label: t('trainingPlan.col.tps'), unit: tps, format: 'integer' },
    { key: 'tpsHigh', label: t('trainingPlan.col.tpsHigh'), unit: tps, format: 'integer' },
    { key: 'mfu', label: t('trainingPlan.col.mfu'), format: 'percent' },
    { key: 'daysLow', label: t('trainingPlan.col.daysLow'), unit: days, format: 'decimal2' },
    { key: 'days', label: t('trainingPlan.col.days'), unit: days, format: 'decimal2' },
    { key: 'daysHigh', label: t('trainingPlan.col.daysHigh'), unit: days, format: 'decimal2' },
    { key: 'gpuHours', label: t('trainingPlan.col.gpuHours'), format: 'integer' },
    { key: 'rate', label: t('inferenceCapacity.col.rate'), unit: perGpuHour, format: 'currency2' },
    { key: 'rent', label: t('trainingPlan.col.rent'), unit: cur, format: 'currency' },
    { key: 'deadlineMet', label: t('trainingPlan.col.deadlineMet'), format: 'boolean', status: true },
  ];
  const rows = r.perCandidate.map(({ candidate, sizing: z, rent }): Record<string, CellValue> => {
    const rate = candidate.rentalPerGpuHour?.base ?? null;
    if (z.gpus === null || !z.estimate?.fits)
      return { gpu: candidate.gpu.name, rate: rate === null ? null : round(rate), deadlineMet: null };
    const e = z.estimate;
    const p = e.plan;
    return {
      gpu: candidate.gpu.name,
      gpus: z.gpus,
      dp: p.dataParallel,
      tp: p.tensorParallel,
      pp: p.pipelineParallel,
      ...(withCp ? { cp: p.contextParallel ?? 1 } : {}),
      zero: p.zeroStage,
      recompute: t(RECOMPUTE_KEYS[p.recompute]),
      microBatch: p.microBatch,
      memory: round(e.memory.perGpuGiB),
      tpsLow: round(e.tokensPerSecondPerGpu.low),
      tps: round(e.tokensPerSecondPerGpu.value),
      tpsHigh: round(e.tokensPerSecondPerGpu.high),
      mfu: round(e.mfu.value, 3),
      daysLow: round(e.days.low),
      days: round(e.days.value),
      daysHigh: round(e.days.high),
      gpuHours: round(e.gpuHours.value, 6),
      rate: rate === null ? null : round(rate),
      rent: rent === null ? null : round(rent, 6),
      deadlineMet: z.deadlineMet,
    };
  });
  const title = t(w.deadlineDays === undefined ? 'trainingPlan.tableTitle' : 'trainingPlan.tableTitleDeadline', {
    workload: workloadLabel(w),
    method: t(METHOD_KEYS[w.method]),
    precision: w.precision,
    tokens: fmt(w.tokens),
    seqLen: fmt(w.seqLen),
    deadline: fmt(w.deadlineDays ?? 0, 1),
  });
  const extrapolated = r.perCandidate.flatMap((p) =>
    p.sizing.estimate?.fits && p.sizing.estimate.extrapolated ? [p.candidate.gpu.name] : [],
  );
  const cpNote: Block[] = withCp
    ? [{ kind: 'note', tone: 'info', text: t('trainingPlan.contextParallelNote', { seqLen: fmt(w.seqLen) }) }]
    : [];
  const notes = [...cpNote, ...extrapolatedNote(ctx, extrapolated), ...r.perCandidate.flatMap((p) => suggestionNotes(ctx, p))];
  return [{ kind: 'table', id: `training-plan-${index}`, title, columns, rows }, ...notes, methodTable(ctx, r, index)];
}

function methodTable(ctx: AnalysisContext, r: TrainingWorkloadResult, index: number): TableBlock {
  const { scenario, t } = ctx;
  const w = r.workload;
  const cur = scenario.economics.currency;
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'method', label: t('trainingPlan.col.method'), format: 'text' },
    { key: 'gpus', label: t('trainingPlan.col.fewestGpus'), format: 'integer' },
    { key: 'memory', label: t('trainingPlan.col.memory'), unit: 'GiB', format: 'decimal1' },
    { key: 'days', label: t('trainingPlan.col.days'), unit: t('trainingPlan.unit.days'), format: 'decimal2' },
    { key: 'gpuHours', label: t('trainingPlan.col.gpuHours'), format: 'integer' },
    { key: 'rent', label: t('trainingPlan.col.rent'), unit: cur, format: 'currency' },
    { key: 'fits', label: t('trainingPlan.col.fitsWithinLimit'), format: 'boolean', status: true },
  ];
  const rows = r.perCandidate.flatMap(({ candidate, methods }) =>
    methods.map(({ method, fit: f, rent }): Record<string, CellValue> => ({
      gpu: candidate.gpu.name,
      method: t(METHOD_KEYS[method]),
      gpus: f?.gpus ?? null,
      memory: f ? round(f.estimate.memory.perGpuGiB) : null,
      days: f ? round(f.estimate.days.value) : null,
      gpuHours: f ? round(f.estimate.gpuHours.value, 6) : null,
      rent: rent === null ? null : round(rent, 6),
      fits: f !== null,
    })),
  );
  return {
    kind: 'table',
    id: `training-methods-${index}`,
    title: t('trainingPlan.methodsTitle', { workload: workloadLabel(w) }),
    columns,
    rows,
  };
}
