/** recommendation: ranked configurations against every constraint, each with a one-sentence reason. */
import { formatMoney, formatNumber, joinClauses, platformName, round, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import type { Translate } from '../i18n/index.ts';
import type { Block, Column } from '../report/model.ts';
import type { Acquisition, Option } from '../plan/options.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Remedy } from '../plan/remedies.ts';
import { REMEDY_MAX_GPUS } from '../plan/remedies.ts';
import { recommendationCells } from './live-cells.ts';

/**
 * The configuration as a quote reads it: bought, whole servers of the platform with the GPUs they
 * hold ("2 × HGX/DGX 8-GPU server (16 × NVIDIA H100 SXM5 80GB)"); rented, GPUs.
 */
export const configurationLabel = (o: Option, t: Translate): string => {
  const { gpu } = o.candidate.candidate;
  const platform = o.bought?.platform ?? o.candidate.platform;
  if (o.acquisition === 'rent' || platform.gpusPerNode === 1) return `${o.gpus} × ${gpu.name}`;
  return t('rec.configuration', {
    nodes: Math.ceil(o.gpus / platform.gpusPerNode),
    platform: platformName(t, platform),
    gpus: o.gpus,
    gpu: gpu.name,
  });
};

/** The word for each way of acquiring a fleet. */
export const ACQ = { buy: 'acq.buy', rent: 'acq.rent', mixed: 'acq.mixed' } as const satisfies Record<Acquisition, MessageKey>;

export const buildRecommendation: AnalysisBuilder = (ctx) => {
  const { scenario, results, t } = ctx;
  const cur = scenario.economics.currency;
  const months = scenario.economics.horizonMonths;
  const hasInference = scenario.workloads.some((w) => w.kind === 'inference');
  const hasTraining = scenario.workloads.some((w) => w.kind === 'training');
  const columns: Column[] = [
    { key: 'rank', label: t('rec.col.rank'), format: 'integer' },
    { key: 'configuration', label: t('rec.col.configuration'), format: 'text' },
    { key: 'acquisition', label: t('rec.col.acquisition'), format: 'text' },
    { key: 'totalLow', label: t('rec.col.totalLow'), unit: cur, format: 'currency' },
    { key: 'total', label: t('rec.col.total'), unit: cur, format: 'currency' },
    { key: 'totalHigh', label: t('rec.col.totalHigh'), unit: cur, format: 'currency' },
    { key: 'budgetBasis', label: t('rec.col.budgetBasis'), unit: cur, format: 'currency' },
    ...(hasInference ? [{ key: 'cpm', label: t('rec.col.cpm'), unit: cur, format: 'currency2' } as const] : []),
    ...(hasTraining ? [{ key: 'run', label: t('rec.col.run'), unit: cur, format: 'currency' } as const] : []),
    { key: 'targets', label: t('rec.col.targets'), format: 'boolean', status: true },
    { key: 'budget', label: t('rec.col.budget'), format: 'boolean', status: true },
    { key: 'feasible', label: t('rec.col.feasible'), format: 'boolean', status: true },
    { key: 'reason', label: t('rec.col.reason'), format: 'text' },
  ];
  const options = results.options;
  const rows = options.map((o, i) => ({
    rank: i + 1,
    configuration: configurationLabel(o, t),
    acquisition: t(ACQ[o.acquisition]),
    totalLow: round(o.total.low, 6),
    total: round(o.total.base, 6),
    totalHigh: round(o.total.high, 6),
    budgetBasis: round(o.budgetBasis.base, 6),
    ...(hasInference ? { cpm: o.costPerMillionTokens ? round(o.costPerMillionTokens.base) : null } : {}),
    ...(hasTraining
      ? { run: o.trainingRunCost[0] && Number.isFinite(o.trainingRunCost[0].base) ? round(o.trainingRunCost[0].base, 6) : null }
      : {}),
    targets: o.targetsMet,
    budget: o.withinBudget,
    feasible: o.feasible,
    reason: optionReason(ctx, o, options),
  }));
  const blocks: Block[] = [{ kind: 'table', id: 'recommendation', columns, rows, rowCells: recommendationCells(ctx, options, rows) }];
  if (!options.some((o) => o.feasible)) {
    blocks.push({ kind: 'note', tone: 'warning', text: t('rec.none') });
    for (const r of results.remedies) blocks.push({ kind: 'note', tone: 'info', text: remedyText(ctx, r) });
    if (results.remedies.length === 0) blocks.push({ kind: 'note', tone: 'warning', text: t('rec.noRemedy', { limit: REMEDY_MAX_GPUS }) });
  }
  blocks.push({ kind: 'note', tone: 'info', text: t('rec.method') });
  return { id: 'recommendation', title: t('rec.title'), intro: t('rec.intro', { months }), blocks };
};

/** One sentence: why this option ranks where it does. */
export function optionReason(ctx: AnalysisContext, o: Option, options: readonly Option[]): string {
  const { t, scenario, locale } = ctx;
  const cur = scenario.economics.currency;
  const feasible = options.filter((x) => x.feasible);
  if (o.feasible && o === feasible[0]) {
    return t('rec.reason.best', {
      count: feasible.length,
      total: formatMoney(o.total.base, cur, locale),
      months: scenario.economics.horizonMonths,
    });
  }
  if (o.feasible) {
    const pct = Math.round(((o.total.base - feasible[0]!.total.base) / feasible[0]!.total.base) * 100);
    return t('rec.reason.feasible', { pct });
  }
  return t('rec.reason.misses', { what: joinClauses(t, misses(ctx, o)) });
}

/** The constraints an option misses, with the numbers. */
function misses(ctx: AnalysisContext, o: Option): string[] {
  const { t, scenario, locale } = ctx;
  const out: string[] = [];
  o.candidate.workloads.forEach((x) => {
    if (x.kind === 'inference' && x.sizing.estimate?.fits) {
      const { workload: w, sizing: z } = x;
      const e = x.sizing.estimate;
      if (z.targets.ttft === false)
        out.push(t('rec.miss.ttft', { workload: w.name, value: formatNumber(e.ttftMs.value, locale, 0), target: w.targets.ttftMs! }));
      if (z.targets.tpot === false)
        out.push(t('rec.miss.tpot', { workload: w.name, value: formatNumber(e.tpotMs.value, locale, 1), target: w.targets.tpotMs! }));
      if (z.targets.throughput === false)
        out.push(
          t('rec.miss.throughput', {
            workload: w.name,
            value: formatNumber(e.outputTokensPerSecond.value, locale, 0),
            target: formatNumber(w.targets.outputTokensPerSecond!, locale, 0),
          }),
        );
    }
    if (x.kind === 'training' && x.sizing.deadlineMet === false && x.sizing.estimate?.fits) {
      out.push(
        t('rec.miss.deadline', {
          workload: x.workload.name,
          value: formatNumber(x.sizing.estimate.days.value, locale, 1),
          target: x.workload.deadlineDays!,
        }),
      );
    }
  });
  if (o.withinBudget === false) {
    out.push(
      t('rec.miss.budget', {
        basis: t(o.acquisition === 'rent' ? 'rec.basis.rent' : 'rec.basis.buy'),
        value: formatMoney(o.budgetBasis.base, scenario.economics.currency, locale),
        budget: formatMoney(scenario.economics.budget!, scenario.economics.currency, locale),
      }),
    );
  }
  return out;
}

export function remedyText(ctx: AnalysisContext, r: Remedy): string {
  const { t, scenario, locale } = ctx;
  const cur = scenario.economics.currency;
  const o = r.option;
  const common = {
    config: configurationLabel(o, t),
    acq: t(ACQ[o.acquisition]),
    total: formatMoney(o.total.base, cur, locale),
    budgetNote:
      o.withinBudget === false
        ? t('rec.remedy.needsBudget', { budget: formatMoney(o.budgetBasis.base, cur, locale) })
        : o.withinBudget
          ? t('rec.remedy.withinBudget')
          : '',
  };
  switch (r.kind) {
    case 'budget':
      return t('rec.remedy.budget', { ...common, budget: formatMoney(r.value ?? o.budgetBasis.base, cur, locale) });
    case 'moreGpus':
      return t('rec.remedy.moreGpus', { ...common, limit: r.value ?? REMEDY_MAX_GPUS });
    case 'quantise':
      return t('rec.remedy.quantise', common);
    case 'lora':
      return t('rec.remedy.lora', common);
    case 'qlora':
      return t('rec.remedy.qlora', common);
  }
}
