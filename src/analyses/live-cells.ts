/**
 * The workbook formulas of the Summary and Recommendation sheets' money: each option's cost
 * over the horizon (low/base/high), budget basis, cost per 1M output tokens, training run cost
 * and within-budget flag, as the formulas of economics/options.ts over the Inputs sheet's names
 * and the TCO sheet's named cells. The rows keep the numbers the calculation evaluated from the
 * same formulas (the workbook caches them). Options of another fleet than the one on the Inputs
 * sheet (a remedy's) stay plain values.
 */
import type { AnalysisContext } from './context.ts';
import type { CellValue, KeyValueItem, RowCells } from '../report/model.ts';
import type { Option } from '../plan/options.ts';
import { candidateKeys, candidateNames, BUDGET } from '../economics/names.ts';
import { optionFormulas, workbookTco, writtenDrivers, type OptionFormulas } from '../economics/options.ts';
import { NAMED_RESULTS, tcoFormulas, type FleetExprs } from '../economics/tco.ts';
import type { Level } from '../economics/types.ts';
import { num, ref, type Expr } from '../economics/expr.ts';

/**
 * The mixed option's inference servers, which are not the Inputs sheet's fleet: their GPU count as
 * a number and, where their platform is not the candidate's (a smaller server), that platform's
 * node inputs as numbers; undefined for any other option (the Inputs sheet's names throughout).
 */
export function mixedServers(o: Option): ((level: Level) => FleetExprs) | undefined {
  const b = o.acquisition === 'mixed' ? o.bought : null;
  if (!b) return undefined;
  if (b.platform.id === o.candidate.platform.id) return () => ({ gpus: num(b.gpus) });
  const i = b.node.inputs;
  return (level) => ({
    gpus: num(b.gpus),
    gpusPerNode: num(i.gpusPerNode),
    fabric: num(i.fabric),
    rackScale: num(i.rackScale),
    nicsPerNode: num(i.nicsPerNode),
    nodePrice: num(i.nodePrice?.[level] ?? 0),
    hostPrice: num(i.hostPrice ?? 0),
    nodeLoadKw: num(i.nodeLoadKw ?? 0),
    nodeIdleKw: num(i.nodeIdleKw ?? 0),
  });
}

/** The option's formulas over the workbook's names; null when its fleet is not the Inputs sheet's. */
function workbookFormulas(
  { scenario, results }: AnalysisContext,
  o: Option,
): { f: OptionFormulas; capex: Expr | null; breakEven: Expr } | null {
  if (!results.candidates.includes(o.candidate)) return null;
  const index = scenario.candidates.indexOf(o.candidate.candidate);
  if (index < 0) return null;
  const names = candidateNames(candidateKeys(scenario.candidates)[index]!);
  const tco = workbookTco(names, mixedServers(o));
  return {
    f: optionFormulas(
      o.acquisition,
      names,
      o.gpus,
      writtenDrivers(o.drivers),
      tco,
      scenario.economics.budget !== undefined,
      scenario.economics.budgetBasis === 'cash',
    ),
    capex: o.bought ? tco.capex('base') : null,
    breakEven: tcoFormulas(names, 'base', NAMED_RESULTS).breakEvenMonth,
  };
}

/** A formula for each cell that shows a number or a truth value (a blank cell has nothing to cache). */
function cellsFor(
  values: Readonly<Record<string, CellValue | undefined>>,
  formulas: Readonly<Record<string, Expr | null | undefined>>,
): RowCells | null {
  const live = Object.entries(formulas).flatMap(([key, e]) => {
    const v = values[key];
    return e && ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') ? [[key, e.text] as const] : [];
  });
  return live.length ? { formulas: Object.fromEntries(live) } : null;
}

/** Recommendation rows (same order as the options): cost columns and the within-budget and feasible flags. */
export function recommendationCells(
  ctx: AnalysisContext,
  options: readonly Option[],
  rows: readonly Readonly<Record<string, CellValue>>[],
): (RowCells | null)[] {
  return options.map((o, i) => {
    const w = workbookFormulas(ctx, o);
    if (!w) return null;
    const { f } = w;
    return cellsFor(rows[i]!, {
      totalLow: f.total.low,
      total: f.total.base,
      totalHigh: f.total.high,
      budgetBasis: f.budgetBasis.base,
      cpm: f.costPerMillionTokens?.base,
      run: f.trainingRunCost[0]?.base,
      budget: f.withinBudget,
      // Meets all = targets met (estimator) and within budget (inputs): live when the targets are met.
      feasible: o.targetsMet ? f.withinBudget : null,
    });
  });
}

/** Summary figures of the shown option, matched by their labels: cost band, capex, training run, break-even, budget. */
export function summaryCells(ctx: AnalysisContext, o: Option, items: readonly KeyValueItem[]): (RowCells | null)[] {
  const w = workbookFormulas(ctx, o);
  const { t } = ctx;
  const months = ctx.scenario.economics.horizonMonths;
  const byLabel = new Map<string, Expr | undefined>(
    w
      ? [
          [t('sum.costLow', { months }), w.f.total.low],
          [t('sum.cost', { months }), w.f.total.base],
          [t('sum.costHigh', { months }), w.f.total.high],
          [t('sum.capex'), w.capex ?? undefined],
          [t('sum.run'), w.f.trainingRunCost[0]?.base],
          [t('sum.breakEven'), o.acquisition === 'buy' ? w.breakEven : undefined],
        ]
      : [],
  );
  byLabel.set(t('sum.budget'), ctx.scenario.economics.budget !== undefined ? ref(BUDGET) : undefined);
  return items.map((item) => cellsFor({ value: item.value }, { value: byLabel.get(item.label) }));
}
