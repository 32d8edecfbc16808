/** memory: what each workload needs, and how many of each candidate GPU that takes. */
import { round, workloadLabel, type AnalysisBuilder } from './context.ts';
import type { Column, CellValue } from '../report/model.ts';
import type { WorkloadResult } from '../plan/workloads.ts';

export const buildMemory: AnalysisBuilder = ({ results, t }) => {
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
  const needRows = results.workloads.map((r) =>
    needRow(r, workloadLabel(r.workload), t(r.kind === 'inference' ? 'kind.inference' : 'kind.training')),
  );

  const fitColumns: Column[] = [
    { key: 'workload', label: t('col.workload'), format: 'text' },
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'usable', label: t('col.usablePerGpu'), unit: 'GiB', format: 'decimal1' },
    { key: 'gpus', label: t('col.gpusNeeded'), format: 'integer' },
    { key: 'perGpu', label: t('col.perGpuUse'), unit: 'GiB', format: 'decimal1' },
    { key: 'fitsOne', label: t('col.fitsOneGpu'), format: 'boolean', status: true },
    { key: 'fits', label: t('col.fits'), format: 'boolean', status: true },
  ];
  const fitRows = results.workloads.flatMap((r) =>
    r.perCandidate.map(({ candidate, fit: f }) => ({
      workload: workloadLabel(r.workload),
      gpu: candidate.gpu.name,
      usable: round(f.usableGiB),
      gpus: f.gpus,
      perGpu: f.perGpuGiB === null ? null : round(f.perGpuGiB),
      fitsOne: f.gpus === 1,
      fits: f.gpus !== null,
    })),
  );

  return {
    id: 'memory',
    title: t('memory.title'),
    intro: t('memory.intro'),
    blocks: [
      { kind: 'table', id: 'memory-need', title: t('memory.needTitle'), columns: needColumns, rows: needRows },
      {
        kind: 'chart',
        id: 'memory-breakdown',
        title: t('memory.chartTitle'),
        chartType: 'stackedBar',
        categories: results.workloads.map((r) => r.workload.name),
        yLabel: 'GiB',
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

function needRow(r: WorkloadResult, workload: string, kind: string): Record<string, CellValue> {
  if (r.kind === 'inference') {
    const n = r.need;
    const precision = `${r.workload.precision} / KV ${r.workload.kvPrecision}`;
    return {
      workload,
      kind,
      precision,
      weights: round(n.weightsGiB),
      kvCache: round(n.kvCacheGiB),
      gradients: null,
      optimizer: null,
      activations: round(n.activationsGiB),
      overhead: round(n.overheadGiB),
      total: round(n.totalGiB),
    };
  }
  const n = r.need;
  const precision = `${r.workload.precision} · ${r.workload.method}`;
  return {
    workload,
    kind,
    precision,
    weights: round(n.weightsGiB),
    kvCache: null,
    gradients: round(n.gradientsGiB),
    optimizer: round(n.optimizerGiB),
    activations: round(n.activationsGiB),
    overhead: round(n.overheadGiB),
    total: round(n.perGpuGiB),
  };
}
