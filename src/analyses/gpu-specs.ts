/** gpu-specs: the candidates side by side; dense rates drive estimates, sparse shown apart. */
import type { AnalysisBuilder } from './context.ts';
import type { Column } from '../report/model.ts';

export const buildGpuSpecs: AnalysisBuilder = ({ scenario, t }) => {
  const cur = scenario.economics.currency;
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'vendor', label: t('col.vendor'), format: 'text' },
    { key: 'architecture', label: t('col.architecture'), format: 'text' },
    { key: 'year', label: t('col.year'), format: 'text' },
    { key: 'memory', label: t('col.memory'), unit: 'GB', format: 'integer' },
    { key: 'memoryType', label: t('col.memoryType'), format: 'text' },
    { key: 'bandwidth', label: t('col.bandwidth'), unit: 'GB/s', format: 'integer' },
    { key: 'bf16', label: t('col.bf16Dense'), unit: 'TFLOPS', format: 'decimal1' },
    { key: 'fp8', label: t('col.fp8Dense'), unit: 'TFLOPS', format: 'decimal1' },
    { key: 'fp4', label: t('col.fp4Dense'), unit: 'TFLOPS', format: 'decimal1' },
    { key: 'int8', label: t('col.int8Dense'), unit: 'TOPS', format: 'decimal1' },
    { key: 'bf16Sparse', label: t('col.bf16Sparse'), unit: 'TFLOPS', format: 'decimal1' },
    { key: 'scaleUp', label: t('col.scaleUp'), unit: 'GB/s', format: 'integer' },
    { key: 'tdp', label: t('col.tdp'), unit: 'W', format: 'integer' },
    { key: 'priceLow', label: t('col.priceLow'), unit: cur, format: 'currency' },
    { key: 'priceHigh', label: t('col.priceHigh'), unit: cur, format: 'currency' },
    { key: 'rentLow', label: t('col.rentLow'), unit: `${cur}/GPU-h`, format: 'currency2' },
    { key: 'rentHigh', label: t('col.rentHigh'), unit: `${cur}/GPU-h`, format: 'currency2' },
  ];
  const rows = scenario.candidates.map(({ gpu, purchasePrice, rentalPerGpuHour }) => ({
    gpu: gpu.name,
    vendor: gpu.vendor,
    architecture: gpu.architecture,
    year: String(gpu.releaseYear),
    memory: gpu.memoryGB,
    memoryType: gpu.memoryType,
    bandwidth: gpu.memoryBandwidthGBps,
    bf16: gpu.denseTflops.bf16 ?? gpu.denseTflops.fp16,
    fp8: gpu.denseTflops.fp8,
    fp4: gpu.denseTflops.fp4,
    int8: gpu.denseTflops.int8,
    bf16Sparse: gpu.sparseTflopsVendorQuoted.bf16 ?? gpu.sparseTflopsVendorQuoted.fp16,
    scaleUp: gpu.scaleUp?.bidirectionalGBps ?? null,
    tdp: gpu.tdpWatts,
    priceLow: purchasePrice?.low ?? null,
    priceHigh: purchasePrice?.high ?? null,
    rentLow: rentalPerGpuHour?.low ?? null,
    rentHigh: rentalPerGpuHour?.high ?? null,
  }));
  return {
    id: 'gpu-specs',
    title: t('gpuSpecs.title'),
    intro: t('gpuSpecs.intro'),
    blocks: [
      { kind: 'table', id: 'gpu-specs', columns, rows },
      { kind: 'note', tone: 'info', text: t('gpuSpecs.denseNote') },
    ],
  };
};
