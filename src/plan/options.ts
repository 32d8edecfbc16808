/**
 * Procurement options: each candidate fleet bought or rented, with its cost over the horizon
 * (low/base/high), cost per 1M output tokens and per training run, and which constraints it
 * meets (memory, latency/throughput/deadline targets, budget). Pure. The money is the
 * evaluation of the formulas of economics/options.ts, which the workbook holds as text.
 */
import type { ResolvedScenario } from '../scenario/resolve.ts';
import type { CandidateResult } from './on-candidate.ts';
import { EVAL_NAMES, compileEval, type Compiled as Run } from '../economics/tco.ts';
import {
  evaluatedTco,
  namedDrivers,
  optionFormulas,
  type Acquisition,
  type ExprTriple,
  type OptionDrivers,
  type OptionFormulas,
  type Triple,
} from '../economics/options.ts';

export type { Acquisition } from '../economics/options.ts';

export interface Option {
  readonly candidate: CandidateResult;
  readonly acquisition: Acquisition;
  /** GPUs bought (whole servers) or rented (the GPUs needed). */
  readonly gpus: number;
  /** Cash over the horizon: capex + opex (buy) or total rent (rent); buy and rent ranked on it. */
  readonly total: Triple;
  /** Net present value of that cash at the scenario's discount rate. */
  readonly npv: Triple;
  /** What the budget is compared with: capex or cash (buy, by budgetBasis) or total rent (rent). */
  readonly budgetBasis: Triple;
  readonly costPerMillionTokens: Triple | null;
  /** Cost of one run of each training workload (same order as the training workloads). */
  readonly trainingRunCost: readonly Triple[];
  readonly targetsMet: boolean;
  readonly withinBudget: boolean | null;
  readonly feasible: boolean;
  /** The estimator's numbers in the option's formulas (economics/options.ts). */
  readonly drivers: OptionDrivers;
}

/**
 * Both read only the candidate's sizing, which the sensitivity analysis keeps while it re-prices
 * the same fleet hundreds of times: computed once per sizing.
 */
const perSizing = <T>(f: (workloads: CandidateResult['workloads'], c: CandidateResult) => T) => {
  const memo = new WeakMap<CandidateResult['workloads'], T>();
  return (c: CandidateResult): T => {
    if (!memo.has(c.workloads)) memo.set(c.workloads, f(c.workloads, c));
    return memo.get(c.workloads)!;
  };
};

const tokensPerSecond = perSizing((workloads): Triple | null => {
  const inference = workloads.flatMap(({ sizing: z }) =>
    z.kind === 'inference' && z.estimate?.fits ? [z.estimate.outputTokensPerSecond] : [],
  );
  if (inference.length === 0) return null;
  return { low: sum(inference.map((b) => b.low)), base: sum(inference.map((b) => b.value)), high: sum(inference.map((b) => b.high)) };
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function gpusBy(c: CandidateResult, kind: 'inference' | 'training'): number {
  return sum(c.workloads.map((x) => (x.kind === kind ? Math.max(x.sizing.gpus ?? 0, x.fit.gpus ?? 0) : 0)));
}

/** GPU-hours of each training workload's run at its sized layout (low/base/high from the throughput band). */
const trainingGpuHours = perSizing((workloads): Triple[] =>
  workloads.flatMap(({ sizing: z }) =>
    z.kind === 'training' && z.estimate?.fits
      ? [{ low: z.estimate.gpuHours.low, base: z.estimate.gpuHours.value, high: z.estimate.gpuHours.high }]
      : z.kind === 'training'
        ? [{ low: NaN, base: NaN, high: NaN }]
        : [],
  ),
);

export function calculateOptions(s: ResolvedScenario, candidates: readonly CandidateResult[]): Option[] {
  return rankOptions(
    candidates.flatMap((c) =>
      (['buy', 'rent'] as const).flatMap((a) => {
        const o = optionFor(s, c, a);
        return o ? [o] : [];
      }),
    ),
  );
}

/**
 * The estimator's numbers of a candidate's options, and the formulas built on them, once per
 * sizing (the memory fits are made with it): the sensitivity analysis re-prices the same fleet
 * hundreds of times, and only the environment changes.
 */
const driversOf = perSizing((_workloads, c): OptionDrivers => ({
  inferenceGpus: gpusBy(c, 'inference'),
  tokensPerSecond: tokensPerSecond(c),
  trainingGpuHours: trainingGpuHours(c),
  trainingRuns: c.trainingRuns,
}));
type RunTriple = Readonly<Record<'low' | 'base' | 'high', Run>>;
interface Compiled {
  readonly total: RunTriple;
  readonly npv: RunTriple;
  readonly budgetBasis: RunTriple;
  readonly costPerMillionTokens: RunTriple | null;
  readonly trainingRunCost: readonly RunTriple[];
  readonly withinBudget: Run | null;
}
const compileTriple = (t: ExprTriple): RunTriple => ({ low: compileEval(t.low), base: compileEval(t.base), high: compileEval(t.high) });
/** Compiled once per shape (buy or rent, fleet, budget, throughput, training runs): the drivers are read by name. */
const formulaCache = new Map<string, Compiled>();
function formulasFor(acquisition: Acquisition, fleetGpus: number, drivers: OptionDrivers, hasBudget: boolean, onCash: boolean): Compiled {
  const key = `${acquisition} ${fleetGpus > 0} ${hasBudget} ${onCash} ${drivers.tokensPerSecond !== null} ${drivers.trainingGpuHours.length}`;
  let c = formulaCache.get(key);
  if (!c) {
    const f: OptionFormulas = optionFormulas(
      acquisition,
      EVAL_NAMES,
      fleetGpus,
      namedDrivers(drivers.tokensPerSecond !== null, drivers.trainingGpuHours.length),
      evaluatedTco,
      hasBudget,
      onCash,
    );
    c = {
      total: compileTriple(f.total),
      npv: compileTriple(f.npv),
      budgetBasis: compileTriple(f.budgetBasis),
      costPerMillionTokens: f.costPerMillionTokens && compileTriple(f.costPerMillionTokens),
      trainingRunCost: f.trainingRunCost.map(compileTriple),
      withinBudget: f.withinBudget && compileEval(f.withinBudget),
    };
    formulaCache.set(key, c);
  }
  return c;
}

/** One candidate fleet bought or rented; null when it does not fit or has no price for that. */
export function optionFor(s: ResolvedScenario, c: CandidateResult, acquisition: Acquisition): Option | null {
  if (c.fleetGpus === null) return null;
  const levels = c.tco?.levels ?? null;
  const candidate = c.candidate;
  if (acquisition === 'buy' ? !levels : !candidate.rentalPerGpuHour) return null;
  const drivers = driversOf(c);
  const budget = s.economics.budget;
  const f = formulasFor(acquisition, c.fleetGpus, drivers, budget !== undefined, s.economics.budgetBasis === 'cash');
  const inputs = {
    gpus: c.fleetGpus,
    ...c.node.inputs,
    tdpWatts: candidate.gpu.tdpWatts,
    purchasePrice: candidate.purchasePrice,
    rentalPerGpuHour: candidate.rentalPerGpuHour,
  };
  const evaluate = (t: RunTriple): Triple => ({
    low: t.low(s.economics, inputs, levels, drivers),
    base: t.base(s.economics, inputs, levels, drivers),
    high: t.high(s.economics, inputs, levels, drivers),
  });
  const withinBudget = f.withinBudget === null ? null : f.withinBudget(s.economics, inputs, levels, drivers) === 1;
  return {
    candidate: c,
    acquisition,
    // Bought: whole servers; rented: the GPUs the workloads need (clouds rent by the GPU).
    gpus: acquisition === 'buy' ? c.fleetGpus : (c.gpusNeeded ?? c.fleetGpus),
    total: evaluate(f.total),
    npv: evaluate(f.npv),
    budgetBasis: evaluate(f.budgetBasis),
    costPerMillionTokens: f.costPerMillionTokens && evaluate(f.costPerMillionTokens),
    trainingRunCost: f.trainingRunCost.map((r) => evaluate(r)),
    targetsMet: c.targetsMet,
    withinBudget,
    feasible: c.targetsMet && withinBudget !== false,
    drivers,
  };
}

/** Feasible options first, then by base cash over the horizon (buy and rent alike); ties by fewer GPUs. */
function rankOptions(options: readonly Option[]): Option[] {
  return [...options].sort(
    (a, b) =>
      Number(b.feasible) - Number(a.feasible) ||
      Number(b.targetsMet) - Number(a.targetsMet) ||
      a.total.base - b.total.base ||
      a.gpus - b.gpus,
  );
}
