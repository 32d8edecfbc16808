/**
 * Procurement options: each candidate fleet bought or rented, with its cost over the horizon
 * (low/base/high), cost per 1M output tokens and per training run, and which constraints it
 * meets (memory, latency/throughput/deadline targets, budget). Pure. The money is the
 * evaluation of the formulas of economics/options.ts, which the workbook holds as text.
 */
import type { ResolvedScenario } from '../scenario/resolve.ts';
import { nodeTerms, wholeNodes, type CandidateResult, type NodeTerms } from './on-candidate.ts';
import { EVAL_NAMES, calculateTco, compileEval, fleetInput, type EvalArgs, type TcoResult } from '../economics/tco.ts';
import type { Values } from '../economics/expr.ts';
import { platformFor, type PlatformSpec } from '../catalog/platforms.ts';
import { steadyTerm, type TermDiscount } from './rental-terms.ts';
import {
  evaluatedTco,
  namedDrivers,
  optionFormulas,
  type Acquisition,
  type OptionDrivers,
  type OptionFormulas,
  type Triple,
} from '../economics/options.ts';

export type { Acquisition } from '../economics/options.ts';

/** Servers bought: the candidate's whole fleet (buy) or its inference servers alone (mixed). */
interface BoughtFleet {
  readonly gpus: number;
  readonly nodes: number;
  readonly platform: PlatformSpec;
  /** What a node of that platform costs and draws (the mixed option's platform may be a smaller one). */
  readonly node: NodeTerms;
  readonly tco: TcoResult;
}

export interface Option {
  readonly candidate: CandidateResult;
  readonly acquisition: Acquisition;
  /** GPUs bought (whole servers; mixed: the inference servers) or rented (the GPUs needed). */
  readonly gpus: number;
  /** The servers bought (buy, mixed); null when rented. */
  readonly bought: BoughtFleet | null;
  /** The term of the steady (inference) rental (rent); training runs rent on demand (rent, mixed). */
  readonly term: TermDiscount | null;
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
      (['buy', 'rent', 'mixed'] as const).flatMap((a) => {
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
/** An option's formulas as one shape, computed together (economics/expr.ts `compiledSource`: shared parts once). */
const optionShape = (f: OptionFormulas) => ({
  total: f.total,
  npv: f.npv,
  budgetBasis: f.budgetBasis,
  costPerMillionTokens: f.costPerMillionTokens,
  trainingRunCost: f.trainingRunCost,
  withinBudget: f.withinBudget,
});
type Compiled = (...args: EvalArgs) => Values<ReturnType<typeof optionShape>>;
/** Compiled once per shape (buy or rent, fleet, budget, throughput, training runs): the drivers are read by name. */
const formulaCache = new Map<string, Compiled>();
/**
 * The same per drivers (one object per sizing, which fixes the throughput and training-run parts of
 * the shape) by a small number for the rest: the sensitivity asks hundreds of times per scenario.
 */
const byDrivers = new WeakMap<OptionDrivers, Map<number, Compiled>>();
const ACQUISITION_INDEX = { buy: 0, rent: 1, mixed: 2 } as const satisfies Record<Acquisition, number>;
function formulasFor(acquisition: Acquisition, fleetGpus: number, drivers: OptionDrivers, hasBudget: boolean, onCash: boolean): Compiled {
  let mine = byDrivers.get(drivers);
  if (!mine) byDrivers.set(drivers, (mine = new Map()));
  const shape = ACQUISITION_INDEX[acquisition] * 8 + (fleetGpus > 0 ? 4 : 0) + (hasBudget ? 2 : 0) + (onCash ? 1 : 0);
  const known = mine.get(shape);
  if (known) return known;
  const key = `${acquisition} ${fleetGpus > 0} ${hasBudget} ${onCash} ${drivers.tokensPerSecond !== null} ${drivers.trainingGpuHours.length}`;
  let c = formulaCache.get(key);
  if (!c) {
    const f = optionFormulas(
      acquisition,
      EVAL_NAMES,
      fleetGpus,
      namedDrivers(drivers.tokensPerSecond !== null, drivers.trainingGpuHours.length),
      evaluatedTco,
      hasBudget,
      onCash,
    );
    c = compileEval(optionShape(f));
    formulaCache.set(key, c);
  }
  mine.set(shape, c);
  return c;
}

/**
 * The mixed option's servers: the inference GPUs alone in whole servers, where the scenario has
 * training that needs GPUs of its own (not run on the inference fleet) and those servers are
 * fewer than the whole fleet's; null otherwise (docs/methodology.md#options-ranking-and-remedies).
 */
function mixedFleet(s: ResolvedScenario, c: CandidateResult, drivers: OptionDrivers, rentDiscount: number): BoughtFleet | null {
  const needed = drivers.inferenceGpus;
  const ownTraining = c.workloads.some((x) => x.kind === 'training' && !c.shared.includes(x.workload.name));
  if (needed <= 0 || !ownTraining || c.fleetGpus === null) return null;
  const platform = platformFor(c.candidate.platform, needed);
  const whole = wholeNodes(needed, platform.gpusPerNode);
  if (whole.gpus >= c.fleetGpus) return null;
  const node = nodeTerms(c.candidate, platform, s.economics.usdExchangeRate);
  const tco = calculateTco(
    fleetInput(
      whole.gpus,
      node.inputs,
      c.candidate.gpu.tdpWatts,
      c.candidate.purchasePrice,
      c.candidate.rentalPerGpuHour,
      rentDiscount,
      s.economics,
    ),
  );
  return { gpus: whole.gpus, nodes: whole.nodes, platform, node, tco };
}

/** One candidate fleet bought, rented or mixed; null when it does not fit or has no price for that. */
export function optionFor(s: ResolvedScenario, c: CandidateResult, acquisition: Acquisition): Option | null {
  if (c.fleetGpus === null) return null;
  const candidate = c.candidate;
  if (acquisition !== 'rent' && !c.tco?.levels) return null;
  if (acquisition !== 'buy' && !candidate.rentalPerGpuHour) return null;
  const drivers = driversOf(c);
  const term = steadyTerm(s.economics, candidate.gpu);
  const mixed = acquisition === 'mixed' ? mixedFleet(s, c, drivers, term.discount) : null;
  if (acquisition === 'mixed' && !mixed?.tco.levels) return null;
  const bought: BoughtFleet | null =
    acquisition === 'buy' ? { gpus: c.fleetGpus, nodes: c.nodes!, platform: c.platform, node: c.node, tco: c.tco! } : mixed;
  const levels = bought?.tco.levels ?? c.tco?.levels ?? null;
  const budget = s.economics.budget;
  const f = formulasFor(acquisition, c.fleetGpus, drivers, budget !== undefined, s.economics.budgetBasis === 'cash');
  const inputs: EvalArgs[1] = fleetInput(
    bought?.gpus ?? c.fleetGpus,
    (bought?.node ?? c.node).inputs,
    candidate.gpu.tdpWatts,
    candidate.purchasePrice,
    candidate.rentalPerGpuHour,
    term.discount,
    s.economics,
  );
  const v = f(s.economics, inputs, levels, drivers);
  const withinBudget = v.withinBudget === null ? null : v.withinBudget === 1;
  return {
    candidate: c,
    acquisition,
    // Bought: whole servers; rented: the GPUs the workloads need (clouds rent by the GPU).
    gpus: bought?.gpus ?? c.gpusNeeded ?? c.fleetGpus,
    bought,
    term: acquisition === 'rent' ? term : null,
    total: v.total,
    npv: v.npv,
    budgetBasis: v.budgetBasis,
    costPerMillionTokens: v.costPerMillionTokens,
    trainingRunCost: v.trainingRunCost,
    targetsMet: c.targetsMet,
    withinBudget,
    feasible: c.targetsMet && withinBudget !== false,
    drivers,
  };
}

/** Feasible options first, then by base cash over the horizon (buy, rent and mixed alike); ties by fewer GPUs. */
function rankOptions(options: readonly Option[]): Option[] {
  return [...options].sort(
    (a, b) =>
      Number(b.feasible) - Number(a.feasible) ||
      Number(b.targetsMet) - Number(a.targetsMet) ||
      a.total.base - b.total.base ||
      a.gpus - b.gpus,
  );
}
