/**
 * multi-gpu: throughput and scaling efficiency of each candidate from 1 to N GPUs (powers of two
 * up to min(limit, 64)) for the first training workload, or for the first inference workload of
 * an inference-only scenario; with each candidate's GPU-to-GPU link.
 */
import { scaledWorkload, type CurvePoint } from '../plan/multi-gpu.ts';
import type { Block, CellValue, Column } from '../report/model.ts';
import { round, workloadLabel, type AnalysisBuilder } from './context.ts';
import { numberText } from './inference-capacity-format.ts';
import { tpText } from './inference-capacity-notes.ts';
import { layoutText } from './training-plan-notes.ts';

export const buildMultiGpu: AnalysisBuilder = (ctx) => {
  const { results, t, locale } = ctx;
  const fmt = numberText(locale);
  const title = t('multiGpu.title');
  const scaled = scaledWorkload(results.workloads);
  if (!scaled) return { id: 'multi-gpu', title, intro: t('multiGpu.introNone'), blocks: [] };
  const w = scaled.workload;
  const curves = scaled.perCandidate.map(({ candidate, scaling }) => ({
    candidate,
    limitGpus: scaling?.limitGpus ?? 1,
    points: scaling?.points ?? [],
  }));
  const unit = t(w.kind === 'training' ? 'multiGpu.unit.trainingTokens' : 'multiGpu.unit.outputTokens');
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('multiGpu.col.gpus'), format: 'integer' },
    { key: 'layout', label: t('multiGpu.col.layout'), format: 'text' },
    { key: 'system', label: t('multiGpu.col.system'), unit, format: 'integer' },
    { key: 'perGpu', label: t('multiGpu.col.perGpu'), unit, format: 'integer' },
    { key: 'efficiency', label: t('multiGpu.col.efficiency'), format: 'percent' },
  ];
  const layout = (p: CurvePoint): string | null =>
    p.training
      ? layoutText(ctx, p.training)
      : p.inference
        ? t('inferenceCapacity.layout', { tp: tpText(p.inference), replicas: fmt(p.inference.replicas) })
        : null;
  // Counts that do not fit are left out of the table (the chart shows the gap, a note the misfits).
  const rows = curves.flatMap(({ candidate, points }) =>
    points
      .filter((p) => p.fits)
      .map((p): Record<string, CellValue> => ({
        gpu: candidate.gpu.name,
        gpus: p.gpus,
        layout: layout(p),
        system: p.tokensPerSecond === null ? null : round(p.tokensPerSecond),
        perGpu: p.perGpu === null ? null : round(p.perGpu),
        efficiency: p.efficiency === null ? null : round(p.efficiency, 3),
      })),
  );
  const maxShown = Math.max(...curves.map((c) => c.limitGpus));
  const categories = Array.from({ length: Math.log2(maxShown) + 1 }, (_, k) => String(2 ** k));
  const blocks: Block[] = [
    { kind: 'table', id: 'multi-gpu', columns, rows },
    {
      kind: 'chart',
      id: 'multi-gpu-efficiency',
      chartType: 'line',
      title: t('multiGpu.chartTitle'),
      categories,
      xLabel: t('multiGpu.col.gpus'),
      yLabel: t('multiGpu.chartY'),
      // Percent; NaN where a candidate does not fit (or is past its limit): the line has a gap.
      series: curves.map(({ candidate, points }) => ({
        name: candidate.gpu.name,
        values: categories.map((_, k) => {
          const e = points[k]?.efficiency;
          return e === null || e === undefined ? Number.NaN : round(e * 100, 3);
        }),
      })),
    },
    {
      kind: 'chart',
      id: 'multi-gpu-per-gpu',
      chartType: 'line',
      title: t('multiGpu.perGpuChartTitle'),
      categories,
      xLabel: t('multiGpu.col.gpus'),
      yLabel: unit,
      series: curves.map(({ candidate, points }) => ({
        name: candidate.gpu.name,
        values: categories.map((_, k) => {
          const v = points[k]?.perGpu;
          return v === null || v === undefined ? Number.NaN : round(v);
        }),
      })),
    },
    ...curves.flatMap(({ candidate, limitGpus, points }) =>
      points.some((p) => p.fits)
        ? []
        : [
            {
              kind: 'note' as const,
              tone: 'warning' as const,
              text: t('multiGpu.noFit', { gpu: candidate.gpu.name, workload: w.name, max: fmt(limitGpus) }),
            },
          ],
    ),
    {
      kind: 'note',
      tone: 'info',
      text: t(w.kind === 'training' ? 'multiGpu.trainingNote' : 'multiGpu.inferenceNote', {
        workload: workloadLabel(w),
        concurrency: fmt(w.kind === 'inference' ? w.concurrency : 0),
      }),
    },
    {
      kind: 'note',
      tone: 'info',
      text: t('multiGpu.linkNote', {
        scaleOut: fmt(results.basis.scaleOutGBpsPerGpu),
        links: results.candidates
          .map(({ candidate: { gpu } }) =>
            gpu.scaleUp
              ? t('multiGpu.link', { gpu: gpu.name, link: gpu.scaleUp.name, bandwidth: fmt(gpu.scaleUp.bidirectionalGBps) })
              : t('multiGpu.pcie', { gpu: gpu.name, host: gpu.host.name }),
          )
          .join(t('inferenceCapacity.separator')),
      }),
    },
  ];
  const intro = t(w.kind === 'training' ? 'multiGpu.introTraining' : 'multiGpu.introInference', {
    workload: workloadLabel(w),
    max: fmt(maxShown),
  });
  return { id: 'multi-gpu', title, intro, blocks };
};
