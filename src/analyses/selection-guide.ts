/**
 * selection-guide: budget tiers for this scenario's workloads, derived from the whole catalog
 * (plan/selection-guide.ts): per tier the capex range and every GPU that holds the workloads,
 * with its count, memory per GPU and capex.
 */
import type { MessageKey } from '../i18n/index.ts';
import type { Block, CellValue, Column } from '../report/model.ts';
import { round, type AnalysisBuilder } from './context.ts';
import { numberText } from './inference-capacity-format.ts';
import type { TierId } from '../plan/selection-guide.ts';

const TIER_KEYS = {
  entry: 'selectionGuide.tier.entry',
  mid: 'selectionGuide.tier.mid',
  high: 'selectionGuide.tier.high',
} as const satisfies Record<TierId, MessageKey>;

export const buildSelectionGuide: AnalysisBuilder = ({ scenario, results, t, locale }) => {
  const fmt = numberText(locale);
  const e = scenario.economics;
  const cur = e.currency;
  const guide = results.selectionGuide;
  const budget = e.budget;
  const sep = t('inferenceCapacity.separator');
  const tierColumns: Column[] = [
    { key: 'tier', label: t('selectionGuide.col.tier'), format: 'text' },
    { key: 'capexLow', label: t('selectionGuide.col.capexLow'), unit: cur, format: 'currency' },
    { key: 'capexHigh', label: t('selectionGuide.col.capexHigh'), unit: cur, format: 'currency' },
    { key: 'count', label: t('selectionGuide.col.count'), format: 'integer' },
    { key: 'configurations', label: t('selectionGuide.col.configurations'), format: 'text' },
  ];
  const tierRows = guide.tiers.map((tier): Record<string, CellValue> => ({
    tier: t(TIER_KEYS[tier.id]),
    capexLow: round(tier.capexLow, 6),
    capexHigh: round(tier.capexHigh, 6),
    count: tier.entries.length,
    configurations: tier.entries.map((x) => `${x.gpus} × ${x.gpu.name}`).join(sep),
  }));
  const detailColumns: Column[] = [
    { key: 'tier', label: t('selectionGuide.col.tier'), format: 'text' },
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'vendor', label: t('col.vendor'), format: 'text' },
    { key: 'memory', label: t('selectionGuide.col.memory'), unit: 'GB', format: 'integer' },
    { key: 'gpus', label: t('selectionGuide.col.gpus'), format: 'integer' },
    { key: 'perWorkload', label: t('selectionGuide.col.perWorkload'), format: 'text' },
    { key: 'price', label: t('selectionGuide.col.price'), unit: cur, format: 'currency' },
    { key: 'capex', label: t('selectionGuide.col.capex'), unit: cur, format: 'currency' },
    ...(budget === undefined
      ? []
      : [{ key: 'withinBudget', label: t('selectionGuide.col.withinBudget'), format: 'boolean' as const, status: true }]),
  ];
  const detailRows = guide.tiers.flatMap((tier) =>
    tier.entries.map((x): Record<string, CellValue> => ({
      tier: t(TIER_KEYS[tier.id]),
      gpu: x.gpu.name,
      vendor: x.gpu.vendor,
      memory: x.gpu.memoryGB,
      gpus: x.gpus,
      perWorkload: x.perWorkload.map(({ workload, gpus }) => t('sep.labelValue', { label: workload.name, value: gpus })).join(sep),
      price: round(x.price, 6),
      capex: round(x.capex, 6),
      ...(budget === undefined ? {} : { withinBudget: x.capex <= budget }),
    })),
  );
  const count = guide.tiers.reduce((a, tier) => a + tier.entries.length, 0);
  const blocks: Block[] =
    count === 0
      ? [{ kind: 'note', tone: 'warning', text: t('selectionGuide.none', { max: guide.maxGpusPerWorkload }) }]
      : [
          { kind: 'table', id: 'selection-guide-tiers', columns: tierColumns, rows: tierRows },
          { kind: 'table', id: 'selection-guide-gpus', title: t('selectionGuide.detailTitle'), columns: detailColumns, rows: detailRows },
        ];
  if (budget !== undefined && count > 0) {
    const within = guide.tiers.reduce((a, tier) => a + tier.entries.filter((x) => x.capex <= budget).length, 0);
    blocks.push({
      kind: 'note',
      tone: within === 0 ? 'warning' : 'info',
      text: t('selectionGuide.budget', { budget: fmt(budget), currency: cur, within, total: count }),
    });
  }
  if (guide.tooSmall.length > 0) {
    blocks.push({
      kind: 'note',
      tone: 'info',
      text: t('selectionGuide.tooSmall', { max: guide.maxGpusPerWorkload, gpus: guide.tooSmall.map((g) => g.name).join(sep) }),
    });
  }
  if (guide.unsupported.length > 0) {
    blocks.push({
      kind: 'note',
      tone: 'info',
      text: t('selectionGuide.unsupported', { gpus: guide.unsupported.map((g) => g.name).join(sep) }),
    });
  }
  if (guide.unpriced.length > 0) {
    blocks.push({
      kind: 'note',
      tone: 'info',
      text: t('selectionGuide.unpriced', { count: guide.unpriced.length, gpus: guide.unpriced.map((g) => g.name).join(sep) }),
    });
  }
  blocks.push({
    kind: 'note',
    tone: 'info',
    text:
      t('selectionGuide.method', {
        max: guide.maxGpusPerWorkload,
        overhead: fmt(e.serverOverheadMultiplier, 2),
      }) +
      (e.usdExchangeRate === 1 && cur === 'USD'
        ? ''
        : ` ${t('selectionGuide.conversion', { rate: fmt(e.usdExchangeRate, 4), currency: cur })}`),
  });
  return { id: 'selection-guide', title: t('selectionGuide.title'), intro: t('selectionGuide.intro'), blocks };
};
