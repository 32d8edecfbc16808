/** memory: what each workload needs, and how many of each candidate GPU that takes. */
import { round, workloadLabel, type AnalysisBuilder } from './context.ts';
import type { Column, CellValue } from '../report/model.ts';
import type { FitResult } from '../plan/memory-fit.ts';

export const buildMemory: AnalysisBuilder = ({ scenario, results, t }) => {
  const needColumns: Column[] = [
    { key: 'workload', label: t('col.workload'), format: 'text' },
    { key: 'kind', label: t('col.kind'), format: 'text' },
    { key: 'precision', label: t('col.precision'), format: 'text' },
    { key: 'weights', label: t('col.weights'), unit: 'GiB', format: 'decimal1' },
    { key: 'kvCache', label: t('col.kvCache'), unit: 'GiB', format: 'decimal1' },
    { key: 'gradients', label: t('col.gradients'), unit: 'GiB', format: 'decimal1' },
    { key: 'optimizer', label: t('col.optimizer'), unit: 'GiB', format: 'decimal1' },
    { key: 'activations', label: t('col.activations'), unit: 'GiB', format: 'decimal1' },
    { key: 'overhead', label: t('col.overhead'), unit: 'GiB', format: 'decimal1' },
    { key: 'total', label: t('col.total'), unit: 'GiB', format: 'decimal1' },
  ];
  const firstFits = results.candidates[0]?.fits ?? [];
  const needRows = scenario.workloads.map((w, i) => needRow(firstFits[i], workloadLabel(w), t(w.kind === 'inference' ? 'kind.inference' : 'kind.training'), w.kind === 'training' ? `${w.precision} · ${w.method}` : `${w.precision} / KV ${w.kvPrecision}`));

  const fitColumns: Column[] = [
    { key: 'workload', label: t('col.workload'), format: 'text' },
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'usable', label: t('col.usablePerGpu'), unit: 'GiB', format: 'decimal1' },
    { key: 'gpus', label: t('col.gpusNeeded'), format: 'integer' },
    { key: 'perGpu', label: t('col.perGpuUse'), unit: 'GiB', format: 'decimal1' },
    { key: 'fitsOne', label: t('col.fitsOneGpu'), format: 'boolean', status: true },
    { key: 'fits', label: t('col.fits'), format: 'boolean', status: true },
  ];
  const fitRows = scenario.workloads.flatMap((w, i) =>
    results.candidates.map((c) => {
      const f = c.fits[i]!;
      return {
        workload: workloadLabel(w),
        gpu: c.candidate.gpu.name,
        usable: round(f.usableGiB),
        gpus: f.gpus,
        perGpu: f.perGpuGiB === null ? null : round(f.perGpuGiB),
        fitsOne: f.gpus === 1,
        fits: f.gpus !== null,
      };
    }),
  );

  return {
    id: 'memory',
    title: t('memory.title'),
    intro: t('memory.intro'),
    blocks: [
      { kind: 'table', id: 'memory-need', title: t('memory.needTitle'), columns: needColumns, rows: needRows },
      {
        kind: 'chart', id: 'memory-breakdown', title: t('memory.chartTitle'), chartType: 'stackedBar',
        categories: scenario.workloads.map((w) => w.name), yLabel: 'GiB',
        series: (['weights', 'kvCache', 'gradients', 'optimizer', 'activations', 'overhead'] as const).map((key) => ({
          name: needColumns.find((c) => c.key === key)!.label,
          values: needRows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : 0)),
        })),
      },
      { kind: 'table', id: 'memory-fit', title: t('memory.fitTitle'), columns: fitColumns, rows: fitRows },
      { kind: 'note', tone: 'info', text: t('memory.method') },
    ],
  };
};

function needRow(f: FitResult | undefined, workload: string, kind: string, precision: string): Record<string, CellValue> {
  if (!f) return { workload, kind, precision };
  const n = f.need;
  if (f.kind === 'inference' && 'kvCacheGiB' in n) {
    return { workload, kind, precision, weights: round(n.weightsGiB), kvCache: round(n.kvCacheGiB), gradients: null, optimizer: null, activations: round(n.activationsGiB), overhead: round(n.overheadGiB), total: round(n.totalGiB) };
  }
  if (f.kind === 'training' && 'gradientsGiB' in n) {
    return { workload, kind, precision, weights: round(n.weightsGiB), kvCache: null, gradients: round(n.gradientsGiB), optimizer: round(n.optimizerGiB), activations: round(n.activationsGiB), overhead: round(n.overheadGiB), total: round(n.perGpuGiB) };
  }
  return { workload, kind, precision };
}
