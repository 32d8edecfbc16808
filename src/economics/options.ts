/**
 * The money of a procurement option (a candidate fleet bought or rented), written once as
 * formulas: plan/options.ts evaluates them for the report, the Summary and Recommendation sheets
 * hold their text. Estimator results (GPUs serving inference, tokens per second, training
 * GPU-hours) enter as numbers; prices, rents and economics as the Inputs sheet's names.
 * Method (docs/methodology.md#economics): buying and renting are ranked on the same basis, cash
 * over the horizon, with its net present value at the scenario's discount rate.
 *   bought: cash = capex + opex over the horizon (economics/tco.ts); budget compared with capex
 *           (budgetBasis capex, the default) or that cash (budgetBasis cash)
 *   rented: inference GPUs held every month at (1 − the steady term's discount) × the on-demand
 *           rate (reserved by default; docs/methodology.md#rent), training GPUs rented for the
 *           run's GPU-hours on demand; budget compared with the rent; NPV spreads the rent evenly
 *   mixed:  the inference servers bought (their capex + opex, as buy) and every training run
 *           rented in bursts on demand (as rent); budget compared with the servers' capex
 *           (budgetBasis capex) or the whole cash (cash); NPV = the servers' NPV + the bursts
 *           spread evenly
 *   cost per 1M output tokens = cost of the inference GPUs over the horizon
 *                               / output tokens produced at the scenario's utilisation
 */
import { add, atMost, div, mul, named, num, product, ref, sub, sum, type Expr } from './expr.ts';
import { annuityFormula } from './tco.ts';
import { BUDGET, type CandidateNames } from './names.ts';
import { NAMED_RESULTS, tcoFormulas, type FleetExprs } from './tco.ts';
import { TCO_RESULTS } from './names.ts';
import type { Level, OptionDrivers, Triple } from './types.ts';

export type { OptionDrivers, Triple };

export type Acquisition = 'buy' | 'rent' | 'mixed';
export type ExprTriple = Readonly<Record<Level, Expr>>;

/** How the formulas see the candidate's TCO: the workbook's TCO cells, or the numbers already evaluated. */
export interface TcoOperands {
  readonly ownedTotal: (level: Level) => Expr;
  readonly cashTotal: (level: Level) => Expr;
  readonly npv: (level: Level) => Expr;
  readonly capex: (level: Level) => Expr;
}

export interface OptionFormulas {
  /** Cash over the horizon: capex + opex (buy) or total rent (rent). */
  readonly total: ExprTriple;
  /** Net present value of that cash at the scenario's discount rate. */
  readonly npv: ExprTriple;
  /** What the budget is compared with: capex or cash (buy, by budgetBasis) or total rent (rent). */
  readonly budgetBasis: ExprTriple;
  readonly costPerMillionTokens: ExprTriple | null;
  /** Cost of one run of each training workload. */
  readonly trainingRunCost: readonly ExprTriple[];
  /** budget basis (base) ≤ budget: 1 or 0, TRUE or FALSE in the workbook; null without a budget. */
  readonly withinBudget: Expr | null;
}

const each = (f: (l: Level) => Expr): ExprTriple => ({ low: f('low'), base: f('base'), high: f('high') });
/** The lowest cost pairs the low price with the high throughput, and vice versa. */
const OPPOSITE = { low: 'high', base: 'base', high: 'low' } as const satisfies Record<Level, Level>;

/** How the estimator's numbers enter the formulas: written as numbers (the workbook), or read by name (the compiled calculation). */
export interface DriverExprs {
  readonly inferenceGpus: Expr;
  readonly tokensPerSecond: ExprTriple | null;
  readonly trainingGpuHours: readonly ExprTriple[];
  readonly trainingRuns: readonly Expr[];
}

export const writtenDrivers = (d: OptionDrivers): DriverExprs => ({
  inferenceGpus: num(d.inferenceGpus),
  tokensPerSecond: d.tokensPerSecond && each((l) => num(d.tokensPerSecond![l])),
  trainingGpuHours: d.trainingGpuHours.map((h) => each((l) => num(h[l]))),
  trainingRuns: d.trainingRuns.map((n) => num(n)),
});

/** Driver names (`driver_…`), which economics/tco.ts's compiled formulas read from the drivers argument. */
export const namedDrivers = (hasThroughput: boolean, trainingRuns: number): DriverExprs => ({
  inferenceGpus: ref('driver_inferenceGpus'),
  tokensPerSecond: hasThroughput ? each((l) => ref(`driver_tokensPerSecond_${l}`)) : null,
  trainingGpuHours: Array.from({ length: trainingRuns }, (_, i) => each((l) => ref(`driver_trainingGpuHours_${i}_${l}`))),
  trainingRuns: Array.from({ length: trainingRuns }, (_, i) => ref(`driver_trainingRuns_${i}`)),
});

export function optionFormulas(
  acquisition: Acquisition,
  names: CandidateNames,
  fleetGpus: number,
  drivers: DriverExprs,
  tco: TcoOperands,
  hasBudget: boolean,
  budgetOnCash = false,
): OptionFormulas {
  const hours = mul(ref('hoursPerMonth'), ref('horizonMonths'));
  const tps = drivers.tokensPerSecond;
  const tokensMillions = (l: Level) => (tps ? div(product(tps[l], num(3600), hours, ref('utilization')), num(1e6)) : num(0));
  const perMillion = (cost: (l: Level) => Expr): ExprTriple | null => (tps ? each((l) => div(cost(l), tokensMillions(OPPOSITE[l]))) : null);
  const withinBudget = (basis: ExprTriple) => (hasBudget ? atMost(basis.base, ref(BUDGET)) : null);
  if (acquisition === 'buy') {
    const total = each(tco.cashTotal);
    const basis = budgetOnCash ? total : each(tco.capex);
    const inferenceShare = fleetGpus > 0 ? div(drivers.inferenceGpus, ref(names.gpus)) : num(0);
    // Cash per GPU-hour of the fleet prices a training run on owned GPUs.
    const perGpuHour = (l: Level) => div(total[l], mul(ref(names.gpus), hours));
    return {
      total,
      npv: each(tco.npv),
      budgetBasis: basis,
      costPerMillionTokens: perMillion((l) => mul(total[l], inferenceShare)),
      trainingRunCost: drivers.trainingGpuHours.map((h) => each((l) => mul(h[l], perGpuHour(l)))),
      withinBudget: withinBudget(basis),
    };
  }
  const runs = drivers.trainingGpuHours.map((h) => each((l) => mul(h[l], ref(names.rent[l]))));
  // Every run over the horizon is rented (a recurring job: its runs; docs/methodology.md#recurring-jobs).
  const allRuns = (l: Level) => sum(...runs.map((r, i) => mul(r[l], drivers.trainingRuns[i]!)));
  // Cash spread evenly over the months, discounted at the scenario's rate.
  const evenNpv = (cash: Expr) => div(mul(cash, annuityFormula()), ref('horizonMonths'));
  if (acquisition === 'mixed') {
    // The tco operands are the inference servers' (plan/options.ts): the whole fleet serves inference.
    const total = each((l) => add(tco.cashTotal(l), allRuns(l)));
    const basis = budgetOnCash ? total : each(tco.capex);
    return {
      total,
      npv: each((l) => add(tco.npv(l), evenNpv(allRuns(l)))),
      budgetBasis: basis,
      costPerMillionTokens: perMillion(tco.cashTotal),
      trainingRunCost: runs,
      withinBudget: withinBudget(basis),
    };
  }
  const inferenceRent = (l: Level) => product(drivers.inferenceGpus, ref(names.rent[l]), sub(num(1), ref(names.rentDiscount)), hours);
  const total = each((l) => (runs.length ? add(inferenceRent(l), allRuns(l)) : inferenceRent(l)));
  return {
    total,
    npv: each((l) => evenNpv(total[l])),
    budgetBasis: total,
    costPerMillionTokens: perMillion(inferenceRent),
    trainingRunCost: runs,
    withinBudget: withinBudget(total),
  };
}

/** The candidate's TCO as the results calculateTco evaluated (names a compiled formula reads from its levels). */
export const evaluatedTco: TcoOperands = {
  ownedTotal: (l) => ref(TCO_RESULTS.ownedTotal[l]),
  cashTotal: (l) => ref(TCO_RESULTS.cashTotal[l]),
  npv: (l) => ref(TCO_RESULTS.npv[l]),
  capex: (l) => ref(TCO_RESULTS.capex[l]),
};

/**
 * The candidate's TCO in the workbook: the TCO sheet's named base cells, the full formula for low
 * and high; for another fleet of its GPU (`fleet`, the mixed option's servers), the full formulas.
 */
export function workbookTco(n: CandidateNames, fleet?: (level: Level) => FleetExprs): TcoOperands {
  if (fleet) {
    const f = {
      low: tcoFormulas(n, 'low', [], fleet('low')),
      base: tcoFormulas(n, 'base', [], fleet('base')),
      high: tcoFormulas(n, 'high', [], fleet('high')),
    };
    return { ownedTotal: (l) => f[l].ownedTotal, cashTotal: (l) => f[l].cashTotal, npv: (l) => f[l].npv, capex: (l) => f[l].capex };
  }
  const formulas = { low: tcoFormulas(n, 'low'), base: tcoFormulas(n, 'base', NAMED_RESULTS), high: tcoFormulas(n, 'high') };
  return {
    ownedTotal: (l) => (l === 'base' ? named(n.ownedTotal, formulas.base.ownedTotal) : formulas[l].ownedTotal),
    cashTotal: (l) => (l === 'base' ? named(n.cashTotal, formulas.base.cashTotal) : formulas[l].cashTotal),
    npv: (l) => formulas[l].npv,
    capex: (l) => (l === 'base' ? named(n.capex, formulas.base.capex) : formulas[l].capex),
  };
}
