/**
 * summary: the answer first. The recommended configuration (the top-ranked option), its cost as
 * low/base/high, why, and the main risks, each risk computed from this scenario's numbers.
 */
import { exportFlag } from '../catalog/export-controls.ts';
import { localUnit } from '../report/currency.ts';
import { formatMoney, formatNumber, joinList, round, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import type { Block, KeyValueItem } from '../report/model.ts';
import { ACQ, configurationLabel, optionReason, remedyText } from './recommendation.ts';
import { paramLabel, formatParamValue } from './sensitivity.ts';
import type { Option } from '../plan/options.ts';
import type { TermDiscount } from '../plan/rental-terms.ts';
import { headlineOption } from '../plan/results.ts';
import { REMEDY_MAX_GPUS } from '../plan/remedies.ts';
import { summaryCells } from './live-cells.ts';

/** A met target with less headroom than this is named as a risk. */
const HEADROOM_RISK = 0.15;

export const buildSummary: AnalysisBuilder = (ctx) => {
  const { scenario, results, t, locale } = ctx;
  const e = scenario.economics;
  const cur = e.currency;
  const best = results.options[0];
  const blocks: Block[] = [];
  if (!best) {
    blocks.push({ kind: 'note', tone: 'warning', text: t('summary.none') });
    return { id: 'summary', title: t('summary.title'), intro: scenario.description || t('summary.intro'), blocks };
  }
  const months = e.horizonMonths;
  // When nothing meets every constraint, the headline is the cheapest change that makes one work.
  const lead = headlineOption(results);
  const remedy = lead.remedy;
  const shown = lead.option ?? best;
  const configuration = t('acq.with', { config: configurationLabel(shown, t), acq: t(ACQ[shown.acquisition]) });
  const headline: KeyValueItem[] = [
    { label: t('sum.configuration'), value: configuration, format: 'text' },
    { label: t('sum.costLow', { months }), value: round(shown.total.low, 6), unit: cur, format: 'currency' },
    { label: t('sum.cost', { months }), value: round(shown.total.base, 6), unit: cur, format: 'currency' },
    { label: t('sum.costHigh', { months }), value: round(shown.total.high, 6), unit: cur, format: 'currency' },
  ];
  const figures: KeyValueItem[] = [];
  const levels = shown.bought?.tco.levels;
  // Over budget is said first, with the cheapest fix (never shown as a plain answer).
  if (shown.withinBudget === false && e.budget !== undefined) {
    const fix = remedy ?? results.remedies[0];
    figures.push({
      label: t('sum.budget'),
      value: t('sum.overBudget', {
        basis: t(shown.acquisition === 'rent' ? 'basis.cash' : e.budgetBasis === 'cash' ? 'basis.cash' : 'basis.capex'),
        amount: formatMoney(shown.budgetBasis.base, cur, locale),
        budget: formatMoney(e.budget, cur, locale),
        fix: fix ? remedyText(ctx, fix) : t('rec.noRemedy', { limit: REMEDY_MAX_GPUS }),
      }),
      format: 'text',
    });
  }
  if (shown.bought && levels) figures.push({ label: t('sum.capex'), value: round(levels.base.capex, 6), unit: cur, format: 'currency' });
  figures.push({
    label: t('sum.npv', { rate: `${formatNumber(e.discountRatePerYear * 100, locale, 2)}%` }),
    value: round(shown.npv.base, 6),
    unit: cur,
    format: 'currency',
  });
  if (shown.acquisition === 'buy' && levels)
    figures.push({ label: t('sum.accounting', { months }), value: round(levels.base.ownedTotal, 6), unit: cur, format: 'currency' });
  // Spare GPUs of the last server: of the whole fleet (buy) or of the inference servers (mixed).
  const needed = shown.acquisition === 'mixed' ? shown.drivers.inferenceGpus : shown.candidate.gpusNeeded;
  const spare = shown.bought && needed !== null ? shown.gpus - needed : 0;
  if (spare > 0) figures.push({ label: t('sum.spare'), value: spare, unit: t('unit.gpu'), format: 'integer' });
  const runs = shown.candidate.trainingRuns[0];
  if (runs !== undefined && runs !== 1) figures.push({ label: t('sum.runs', { months }), value: round(runs, 4), format: 'decimal1' });
  if (shown.term) figures.push({ label: t('sum.term'), value: termText(ctx, shown.term), format: 'text' });
  if (shown.acquisition === 'mixed') figures.push({ label: t('sum.mixedLabel'), value: t('sum.mixed'), format: 'text' });
  if (shown.candidate.shared.length)
    figures.push({
      label: t('sum.sharedLabel'),
      value: t('sum.shared', { workloads: joinList(t, shown.candidate.shared) }),
      format: 'text',
    });
  for (const [workload, list] of headrooms(shown)) {
    if (list.length === 0) continue;
    figures.push({
      label: t('sum.headroom', {
        workload,
        end: t(scenario.workloads[0]?.sizingConfidence === 'base' ? 'sum.end.base' : 'sum.end.pessimistic'),
      }),
      value: joinList(
        t,
        list.map(([metric, h]) => `${t(`sum.metric.${metric}` as 'sum.metric.ttft')} ${Math.round(h * 100)}%`),
      ),
      format: 'text',
    });
  }
  if (shown.costPerMillionTokens) {
    const c = shown.costPerMillionTokens;
    // Three numbers, not one text: the workbook keeps them as numeric cells.
    figures.push(
      { label: t('sum.cpm'), value: round(c.base, 6), unit: cur, format: 'decimal3' },
      { label: t('sum.cpmLow'), value: round(c.low, 6), unit: cur, format: 'decimal3' },
      { label: t('sum.cpmHigh'), value: round(c.high, 6), unit: cur, format: 'decimal3' },
    );
  }
  const run = shown.trainingRunCost[0];
  if (run && Number.isFinite(run.base)) figures.push({ label: t('sum.run'), value: round(run.base, 6), unit: cur, format: 'currency' });
  if (shown.acquisition === 'buy' && levels?.base.breakEvenMonth != null)
    figures.push({ label: t('sum.breakEven'), value: levels.base.breakEvenMonth, unit: t('unit.month'), format: 'integer' });
  if (e.budget !== undefined) {
    figures.push({ label: t('sum.budget'), value: e.budget, unit: cur, format: 'currency' });
    // The one line that says which figure the budget is held against (budgetBasis), with that figure.
    const figure = shown.acquisition === 'rent' ? 'sum.figure.rent' : e.budgetBasis === 'cash' ? 'sum.figure.cash' : 'sum.figure.capex';
    figures.push({
      label: t('assume.budgetBasis'),
      value: t('sum.budgetAgainst', {
        budget: formatMoney(e.budget, cur, locale),
        figure: t(figure, { months }),
        amount: formatMoney(shown.budgetBasis.base, cur, locale),
        basis: e.budgetBasis,
      }),
      format: 'text',
    });
  }
  const reason = remedy ? `${t('rec.none')} ${remedyText(ctx, remedy)}` : optionReason(ctx, best, results.options);
  const riskList = risks(ctx, shown);
  blocks.push(
    { kind: 'keyValue', id: 'headline', items: headline, itemCells: summaryCells(ctx, shown, headline) },
    { kind: 'keyValue', id: 'why', items: [{ label: t('document.why'), value: reason, format: 'text' }] },
    ...(figures.length ? [{ kind: 'keyValue' as const, id: 'figures', items: figures, itemCells: summaryCells(ctx, shown, figures) }] : []),
    {
      kind: 'keyValue',
      id: 'risks',
      title: t('sum.risksTitle'),
      items: riskList.map(([label, text]) => ({ label, value: text, format: 'text' as const })),
    },
  );
  const highlights = {
    recommendation: configuration,
    cost: {
      label: t('sum.costBand', { months }),
      unit: cur,
      format: 'currency' as const,
      low: round(shown.total.low, 6),
      base: round(shown.total.base, 6),
      high: round(shown.total.high, 6),
    },
    reasons: [reason],
    risks: riskList.map(([, text]) => text),
    coversBlocks: ['headline', 'why', 'risks'],
  };
  if (e.currency !== 'USD')
    blocks.push({
      kind: 'note',
      tone: 'info',
      text: t('sum.currencyNote', { rate: e.usdExchangeRate, currency: localUnit(cur, ctx.locale) }),
    });
  return { id: 'summary', title: t('summary.title'), intro: scenario.description || t('summary.intro'), blocks, highlights };
};

/** The main risks of the recommendation, most important first, each with its numbers. */
function risks(ctx: AnalysisContext, best: Option): [string, string][] {
  const { t, scenario, results, locale } = ctx;
  const cur = scenario.economics.currency;
  const money = (v: number) => formatMoney(v, cur, locale);
  const out: [string, string][] = [];
  if (!results.options.some((o) => o.feasible)) out.push([t('sum.riskLabel.feasibility'), t('sum.risk.infeasible')]);
  // A bought GPU (buy or mixed) that needs an export licence for the scenario's destination blocks the purchase: first.
  const gpu = best.candidate.candidate.gpu;
  const exported = scenario.region && best.bought ? exportFlag(gpu, scenario.region) : null;
  if (exported && scenario.region) {
    out.push([
      t('sum.riskLabel.export'),
      t(exported.kind === 'licence' ? 'flag.exportLicence' : 'flag.exportDensity', {
        gpu: gpu.name,
        tpp: Math.round(exported.tpp),
        region: t(`region.${scenario.region}`),
      }),
    ]);
  }
  // Spot capacity can be taken back at short notice: a serving SLA cannot rest on it.
  if (best.term?.term === 'spot') out.push([t('sum.riskLabel.spot'), t('sum.risk.spot')]);
  const price = results.sensitivity?.rows.find((r) => r.param === 'gpuPrice' || r.param === 'nodePrice' || r.param === 'rentalRate');
  if (price && price.totalAtLow !== price.totalAtHigh) {
    out.push([
      t('sum.riskLabel.price'),
      price.spread === undefined
        ? t('sum.risk.price', { gpu: best.candidate.candidate.gpu.name, low: money(price.totalAtLow), high: money(price.totalAtHigh) })
        : // One price, no range: the cost band above is flat, so say what was moved instead.
          t('sum.risk.priceSpread', {
            gpu: best.candidate.candidate.gpu.name,
            spread: Math.round(price.spread * 100),
            low: money(price.totalAtLow),
            high: money(price.totalAtHigh),
          }),
    ]);
  }
  const driver = results.sensitivity?.rows[0];
  if (driver && driver !== price && driver.totalAtLow !== driver.totalAtHigh) {
    out.push([
      t('sum.riskLabel.driver'),
      t('sum.risk.driver', {
        param: paramLabel(t, driver.param),
        low: money(Math.min(driver.totalAtLow, driver.totalAtHigh)),
        high: money(Math.max(driver.totalAtLow, driver.totalAtHigh)),
      }),
    ]);
  }
  for (const [workload, list] of headrooms(best)) {
    for (const [metric, headroom] of list) {
      if (headroom >= 0 && headroom < HEADROOM_RISK) {
        out.push([
          t('sum.riskLabel.headroom'),
          t('sum.risk.headroom', { workload, metric: t(`sum.metric.${metric}` as 'sum.metric.ttft'), pct: Math.round(headroom * 100) }),
        ]);
      }
    }
  }
  const thr = results.basis.errorBands.inferenceThroughput;
  const lat = results.basis.errorBands.latency;
  out.push([
    t('sum.riskLabel.estimate'),
    t('sum.risk.estimate', { thr: Math.round((thr.highFactor - 1) * 100), lat: Math.round((lat.highFactor - 1) * 100) }),
  ]);
  const flip = results.sensitivity?.flips.find((f) => f.value !== null);
  if (flip && results.sensitivity?.runnerUp) {
    out.push([
      t('sum.riskLabel.flip'),
      t('sum.risk.flip', {
        config: t('acq.with', {
          config: configurationLabel(results.sensitivity.runnerUp, t),
          acq: t(ACQ[results.sensitivity.runnerUp.acquisition]),
        }),
        param: paramLabel(t, flip.param),
        value: formatParamValue(ctx, flip.param, flip.value!),
      }),
    ]);
  }
  return out;
}

/**
 * Headroom of each set target of each inference workload on the option's fleet, at the end of the
 * band the sizing confidence checks (pessimistic: the slow end): 1 − estimate / target for
 * latency, estimate / target − 1 for throughput.
 */
function headrooms(o: Option): [string, [string, number][]][] {
  return o.candidate.workloads.flatMap((x): [string, [string, number][]][] => {
    if (x.kind !== 'inference' || !x.sizing.estimate?.fits) return [];
    const w = x.workload;
    const e = x.sizing.estimate;
    const p = w.sizingConfidence === 'pessimistic';
    const list: [string, number][] = [];
    if (w.targets.ttftMs) list.push(['ttft', 1 - (p ? e.ttftMs.high : e.ttftMs.value) / w.targets.ttftMs]);
    if (w.targets.tpotMs) list.push(['tpot', 1 - (p ? e.tpotMs.high : e.tpotMs.value) / w.targets.tpotMs]);
    if (w.targets.outputTokensPerSecond)
      list.push(['throughput', (p ? e.outputTokensPerSecond.low : e.outputTokensPerSecond.value) / w.targets.outputTokensPerSecond - 1]);
    return [[w.name, list]];
  });
}

/** The steady rental's term as a sentence part: its name, its discount below on demand and where that comes from. */
export function termText(ctx: AnalysisContext, term: TermDiscount): string {
  const { t, locale } = ctx;
  const name = t(`term.${term.term}`);
  if (term.from === 'none') return name;
  const pct = formatNumber(term.discount * 100, locale, 0);
  const s = term.source;
  if (term.from === 'sourced' && s) return t('term.from.sourced', { term: name, rate: s.usdPerGpuHour, pct, basis: s.basis, date: s.date });
  return t(term.from === 'scenario' ? 'term.from.scenario' : 'term.from.derived', { term: name, pct });
}
