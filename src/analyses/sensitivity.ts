/** sensitivity: which assumption moves the recommended configuration's cost most (tornado data), and where the top two swap. */
import { formatMoney, formatNumber, joinList, round, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import type { Block, Column } from '../report/model.ts';
import type { SensitivityParam } from '../plan/sensitivity.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ACQ, configurationLabel } from './recommendation.ts';
import type { Acquisition } from '../plan/options.ts';
import { ECONOMIC_PARAMETERS, parameter, unitText, type EconomicKey } from '../economics/parameters.ts';

const isEconomic = (p: SensitivityParam): p is EconomicKey => p in ECONOMIC_PARAMETERS;

/** An economic parameter's short label (its declaration), else the per-candidate one's. */
export const paramLabel = (t: AnalysisContext['t'], p: SensitivityParam): string =>
  isEconomic(p) ? t(parameter(p).shortLabel ?? parameter(p).label) : t(`param.${p}` as MessageKey);

/** The unit an assumption's values are in: the declared unit, else × for ratios and 0–1 for shares. */
function paramUnit(ctx: AnalysisContext, p: SensitivityParam): string {
  const cur = ctx.scenario.economics.currency;
  if (isEconomic(p)) {
    const unit = unitText(p, { currency: cur, month: ctx.t('unit.month'), year: ctx.t('unit.year') });
    return unit || (parameter(p).format === 'percent' ? '0–1' : '×');
  }
  switch (p) {
    case 'gpuPrice':
    case 'nodePrice':
      return cur;
    case 'rentalRate':
      return `${cur}/GPU-h`;
    case 'throughput':
      return '×';
  }
}

export const formatParamValue = (ctx: AnalysisContext, p: SensitivityParam, v: number): string =>
  `${formatNumber(v, ctx.locale, p === 'gpuPrice' || p === 'nodePrice' ? 0 : 3)} ${paramUnit(ctx, p)}`;

export const buildSensitivity: AnalysisBuilder = (ctx) => {
  const { results, scenario, t } = ctx;
  const cur = scenario.economics.currency;
  const sens = results.sensitivity;
  if (!sens) return { id: 'sensitivity', title: t('sens.title'), intro: t('sens.none'), blocks: [] };
  const o = sens.option;
  const acq = (a: Acquisition) => t(ACQ[a]);
  const hasCpm = sens.rows.some((r) => r.cpmAtLow !== null);
  const columns: Column[] = [
    { key: 'assumption', label: t('sens.col.assumption'), format: 'text' },
    { key: 'unit', label: t('col.unit'), format: 'text' },
    { key: 'low', label: t('sens.col.low'), format: 'decimal3' },
    { key: 'high', label: t('sens.col.high'), format: 'decimal3' },
    { key: 'totalLow', label: t('sens.col.totalLow'), unit: cur, format: 'currency' },
    { key: 'totalHigh', label: t('sens.col.totalHigh'), unit: cur, format: 'currency' },
    { key: 'swing', label: t('sens.col.swing'), unit: cur, format: 'currency' },
    ...(hasCpm
      ? [
          { key: 'cpmLow', label: t('sens.col.cpmLow'), unit: cur, format: 'currency2' } as const,
          { key: 'cpmHigh', label: t('sens.col.cpmHigh'), unit: cur, format: 'currency2' } as const,
        ]
      : []),
  ];
  const rows = sens.rows.map((r) => ({
    assumption: paramLabel(t, r.param),
    unit: paramUnit(ctx, r.param),
    low: round(r.lowValue),
    high: round(r.highValue),
    totalLow: round(r.totalAtLow, 6),
    totalHigh: round(r.totalAtHigh, 6),
    swing: round(Math.abs(r.totalAtHigh - r.totalAtLow), 6),
    ...(hasCpm
      ? { cpmLow: r.cpmAtLow === null ? null : round(r.cpmAtLow), cpmHigh: r.cpmAtHigh === null ? null : round(r.cpmAtHigh) }
      : {}),
  }));
  const byCost = sens.rows.filter((r) => r.totalAtLow !== r.totalAtHigh);
  const blocks: Block[] = [
    { kind: 'table', id: 'sensitivity', columns, rows },
    {
      kind: 'chart',
      id: 'tornado',
      chartType: 'tornado',
      title: t('sens.chart', { base: formatMoney(o.total.base, cur, ctx.locale) }),
      categories: byCost.map((r) => paramLabel(t, r.param)),
      baseValue: round(o.total.base, 6),
      xLabel: cur,
      series: [
        {
          name: t('rec.col.total'),
          values: byCost.map(() => round(o.total.base, 6)),
          low: byCost.map((r) => round(r.totalAtLow, 6)),
          high: byCost.map((r) => round(r.totalAtHigh, 6)),
        },
      ],
    },
  ];
  if (sens.runnerUp) {
    const ru = sens.runnerUp;
    const flipped = sens.flips.filter((f) => f.value !== null);
    const base = (p: SensitivityParam) => (p in scenario.economics ? (scenario.economics as unknown as Record<string, number>)[p]! : NaN);
    for (const f of flipped) {
      blocks.push({
        kind: 'note',
        tone: 'info',
        text: t('sens.flip', {
          config: configurationLabel(ru, t),
          acq: acq(ru.acquisition),
          param: paramLabel(t, f.param),
          value: formatParamValue(ctx, f.param, f.value!),
          base: formatParamValue(ctx, f.param, base(f.param)),
        }),
      });
    }
    if (flipped.length === 0)
      blocks.push({ kind: 'note', tone: 'info', text: t('sens.noFlip', { config: configurationLabel(ru, t), acq: acq(ru.acquisition) }) });
    else {
      const none = sens.flips.filter((f) => f.value === null).map((f) => paramLabel(t, f.param));
      if (none.length) blocks.push({ kind: 'note', tone: 'info', text: t('sens.noFlipFor', { params: joinList(t, none) }) });
    }
  }
  return {
    id: 'sensitivity',
    title: t('sens.title'),
    intro: t('sens.intro', { config: configurationLabel(o, t), acq: acq(o.acquisition) }),
    blocks,
  };
};
