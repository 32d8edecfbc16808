/** assumptions: every input, default and constant the numbers rest on, with its source. */
import type { AnalysisBuilder } from './context.ts';
import type { Column, Assumption } from '../report/model.ts';
import { ECONOMICS } from '../catalog/economics.ts';
import type { MessageKey } from '../i18n/index.ts';
import { PLANNING_DEFAULTS } from '../scenario/resolve.ts';
import { PROFILES } from '../scenario/profiles.ts';
import { round } from './context.ts';

export const buildAssumptions: AnalysisBuilder = ({ scenario, results, t }) => {
  const e = scenario.economics;
  const { estimatorAssumptions, gpusPerServer } = results.basis;
  const scenarioSource = t('source.scenario');
  const pick = (field: string, fallback: string, url?: string) =>
    e.fromScenario.has(field) ? { source: scenarioSource } : { source: fallback, ...(url ? { url } : {}) };
  const rate = e.usdExchangeRate;
  const items: Assumption[] = [
    { id: 'currency', label: t('assume.currency'), value: e.currency, source: scenarioSource },
    ...(e.currency !== 'USD' ? [{ id: 'usdExchangeRate', label: t('assume.usdRate', { currency: e.currency }), value: rate, unit: `${e.currency}/USD`, source: scenarioSource }] : []),
    { id: 'electricityPricePerKwh', label: t('assume.electricity'), value: round(e.electricityPricePerKwh), unit: `${e.currency}/kWh`, ...pick('electricityPricePerKwh', ECONOMICS.electricityUsdPerKwh.source, ECONOMICS.electricityUsdPerKwh.url) },
    { id: 'pue', label: t('assume.pue'), value: e.pue, ...pick('pue', ECONOMICS.pue.source, ECONOMICS.pue.url) },
    { id: 'utilization', label: t('assume.utilization'), value: e.utilization, ...pick('utilization', t('source.planningDefault', { value: PLANNING_DEFAULTS.utilization })) },
    { id: 'horizonMonths', label: t('assume.horizon'), value: e.horizonMonths, unit: t('unit.month'), ...pick('horizonMonths', t('source.planningDefault', { value: PLANNING_DEFAULTS.horizonMonths })) },
    ...(e.budget !== undefined ? [{ id: 'budget', label: t('assume.budget'), value: e.budget, unit: e.currency, source: scenarioSource }] : []),
    { id: 'serverOverheadMultiplier', label: t('assume.serverOverhead'), value: e.serverOverheadMultiplier, unit: '×', ...pick('serverOverheadMultiplier', ECONOMICS.serverOverheadMultiplier.source, ECONOMICS.serverOverheadMultiplier.url) },
    { id: 'networkingShare', label: t('assume.networking', { gpus: gpusPerServer }), value: e.networkingShare, source: ECONOMICS.networkingShareOfTotal.source, url: ECONOMICS.networkingShareOfTotal.url },
    { id: 'depreciationYears', label: t('assume.depreciation'), value: e.depreciationYears, unit: t('unit.year'), ...pick('depreciationYears', ECONOMICS.depreciationYears.source, ECONOMICS.depreciationYears.url) },
    { id: 'residualValueShare', label: t('assume.residual'), value: e.residualValueShare, ...pick('residualValueShare', t('source.default')) },
    { id: 'hostingPerKwMonth', label: t('assume.hosting'), value: e.hostingPerKwMonth, unit: `${e.currency}/kW/${t('unit.month')}`, ...pick('hostingPerKwMonth', t('source.default')) },
    { id: 'maintenanceSharePerYear', label: t('assume.maintenance'), value: e.maintenanceSharePerYear, ...pick('maintenanceSharePerYear', t('source.default')) },
    { id: 'reservedDiscount', label: t('assume.reserved'), value: e.reservedDiscount, ...pick('reservedDiscount', ECONOMICS.reservedDiscount.source, ECONOMICS.reservedDiscount.url) },
    ...estimatorAssumptions.map((a) => ({ id: `estimator.${a.id}`, label: t(`assume.est.${a.id}` as MessageKey), value: round(a.value), unit: a.unit, source: a.source, ...(a.url ? { url: a.url } : {}) })),
    ...[...new Set(scenario.workloads.flatMap((w) => (w.kind === 'inference' && w.profile ? [w.profile] : [])))].map((p) => ({
      id: `profile.${p}`, label: t('assume.profile', { profile: p }), value: `${PROFILES[p].concurrency}`, unit: t('unit.concurrent'), source: PROFILES[p].source,
    })),
    ...[...new Map(scenario.workloads.map((w) => [w.model.id + w.model.name, w.model])).values()].map((m) => ({
      id: `model.${m.id}`, label: t('assume.model', { model: m.name }),
      value: t('assume.modelValue', { params: m.paramsB, layers: m.layers, hidden: m.hiddenSize, heads: m.attentionHeads, kv: m.kvHeads }),
      source: m.source, ...(m.source.startsWith('http') ? { url: m.source.split(';')[0]! } : {}),
    })),
    ...scenario.candidates.flatMap(({ gpu, purchasePrice, rentalPerGpuHour }) => [
      { id: `gpu.${gpu.id}.specs`, label: t('assume.gpuSpecs', { gpu: gpu.name }), value: t('assume.gpuSpecsValue', { memory: gpu.memoryGB, bandwidth: gpu.memoryBandwidthGBps, bf16: gpu.denseTflops.bf16 ?? gpu.denseTflops.fp16 ?? '—', tdp: gpu.tdpWatts ?? '—' }), source: gpu.sources[0] ?? '', url: gpu.sources[0] ?? '' },
      ...(purchasePrice ? [{ id: `gpu.${gpu.id}.price`, label: t('assume.gpuPrice', { gpu: gpu.name }), value: `${round(purchasePrice.low)}–${round(purchasePrice.high)}`, unit: e.currency, source: purchasePrice.from === 'scenario' ? scenarioSource : t('source.catalogPrice', { basis: gpu.purchasePriceUsd?.basis ?? '', asOf: gpu.purchasePriceUsd?.asOf ?? '' }) }] : []),
      ...(rentalPerGpuHour ? [{ id: `gpu.${gpu.id}.rent`, label: t('assume.gpuRent', { gpu: gpu.name }), value: `${round(rentalPerGpuHour.low)}–${round(rentalPerGpuHour.high)}`, unit: `${e.currency}/GPU-h`, source: rentalPerGpuHour.from === 'scenario' ? scenarioSource : t('source.catalogRent', { asOf: gpu.cloudUsdPerGpuHour?.asOf ?? '' }) }] : []),
    ]),
  ];
  const columns: Column[] = [
    { key: 'label', label: t('col.assumption'), format: 'text' },
    { key: 'value', label: t('col.value'), format: 'text' },
    { key: 'unit', label: t('col.unit'), format: 'text' },
    { key: 'source', label: t('col.source'), format: 'text' },
    { key: 'url', label: t('col.link'), format: 'text' },
  ];
  return {
    id: 'assumptions',
    title: t('assumptions.title'),
    intro: t('assumptions.intro'),
    blocks: [{
      kind: 'table', id: 'assumptions', columns,
      rows: items.map((a) => ({ label: a.label, value: typeof a.value === 'number' ? a.value : a.value, unit: a.unit ?? '', source: a.source, url: a.url ?? '' })),
    }],
  };
};
