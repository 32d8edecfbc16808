/**
 * Procurement options: each candidate fleet bought or rented, with its cost over the horizon
 * (low/base/high), cost per 1M output tokens and per training run, and which constraints it
 * meets (memory, latency/throughput/deadline targets, budget). Pure.
 *
 *   bought: owned TCO = depreciation over the horizon + opex (calc/tco.ts); budget = capex
 *   rented: inference GPUs held every month at (1 − reserved discount) × the on-demand rate,
 *           training GPUs rented for the run's GPU-hours on demand; budget = total rent
 *   cost per 1M output tokens = cost of the inference GPUs over the horizon
 *                               / output tokens produced at the scenario's utilisation
 */
import { HOURS_PER_MONTH } from '../catalog/economics.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import type { CandidateResult } from './results.ts';
import type { Level } from '../calc/tco.ts';

export type Acquisition = 'buy' | 'rent';
export type Triple = Readonly<Record<Level, number>>;

export interface Option {
  readonly candidate: CandidateResult;
  readonly acquisition: Acquisition;
  readonly gpus: number;
  /** Cost over the horizon: owned TCO (buy) or total rent (rent). */
  readonly total: Triple;
  /** What the budget is compared with: capex (buy) or total rent (rent). */
  readonly budgetBasis: Triple;
  readonly costPerMillionTokens: Triple | null;
  /** Cost of one run of each training workload (same order as the training workloads). */
  readonly trainingRunCost: readonly Triple[];
  readonly targetsMet: boolean;
  readonly withinBudget: boolean | null;
  readonly feasible: boolean;
}

const triple = (f: (l: Level) => number): Triple => ({ low: f('low'), base: f('base'), high: f('high') });

/** Output tokens per second (system) of the inference workloads at their sized fleets, low/base/high. */
/**
 * Both read only the candidate's sizing, which the sensitivity analysis keeps while it re-prices
 * the same fleet hundreds of times: computed once per sizing.
 */
const perSizing = <T>(f: (workloads: CandidateResult['workloads']) => T) => {
  const memo = new WeakMap<CandidateResult['workloads'], T>();
  return (c: CandidateResult): T => {
    if (!memo.has(c.workloads)) memo.set(c.workloads, f(c.workloads));
    return memo.get(c.workloads)!;
  };
};

const tokensPerSecond = perSizing((workloads): Triple | null => {
  const inference = workloads.flatMap(({ sizing: z }) => (z.kind === 'inference' && z.estimate?.fits ? [z.estimate.outputTokensPerSecond] : []));
  if (inference.length === 0) return null;
  return { low: sum(inference.map((b) => b.low)), base: sum(inference.map((b) => b.value)), high: sum(inference.map((b) => b.high)) };
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function gpusBy(c: CandidateResult, kind: 'inference' | 'training'): number {
  return sum(c.workloads.map((x) => (x.kind === kind ? Math.max(x.sizing.gpus ?? 0, x.fit.gpus ?? 0) : 0)));
}

/** GPU-hours of each training workload's run at its sized layout (low/base/high from the throughput band). */
const trainingGpuHours = perSizing((workloads): Triple[] =>
  workloads.flatMap(({ sizing: z }) => (z.kind === 'training' && z.estimate?.fits ? [{ low: z.estimate.gpuHours.low, base: z.estimate.gpuHours.value, high: z.estimate.gpuHours.high }] : z.kind === 'training' ? [{ low: NaN, base: NaN, high: NaN }] : [])));

export function calculateOptions(s: ResolvedScenario, candidates: readonly CandidateResult[]): Option[] {
  return rankOptions(candidates.flatMap((c) => (['buy', 'rent'] as const).flatMap((a) => {
    const o = optionFor(s, c, a);
    return o ? [o] : [];
  })));
}

/** One candidate fleet bought or rented; null when it does not fit or has no price for that. */
export function optionFor(s: ResolvedScenario, c: CandidateResult, acquisition: Acquisition): Option | null {
  if (c.fleetGpus === null) return null;
  const e = s.economics;
  const hours = HOURS_PER_MONTH * e.horizonMonths;
  const tps = tokensPerSecond(c);
  const tokensMillions = (l: Level) => (tps ? (tps[l] * 3600 * hours * e.utilization) / 1e6 : 0);
  const gpuHours = trainingGpuHours(c);
  const budget = e.budget;
  const levels = c.tco?.levels;
  if (acquisition === 'buy') {
    if (!levels) return null;
    const infShare = c.fleetGpus > 0 ? gpusBy(c, 'inference') / c.fleetGpus : 0;
    const total = triple((l) => levels[l].ownedTotal);
    // Owned cost per GPU-hour of the fleet, to price a training run on owned GPUs.
    const perGpuHour = triple((l) => levels[l].ownedTotal / (c.fleetGpus! * hours));
    const capex = triple((l) => levels[l].capex);
    return {
      candidate: c, acquisition, gpus: c.fleetGpus, total, budgetBasis: capex,
      // Lowest cost pairs the low price with the high throughput, and vice versa.
      costPerMillionTokens: tps ? { low: (total.low * infShare) / tokensMillions('high'), base: (total.base * infShare) / tokensMillions('base'), high: (total.high * infShare) / tokensMillions('low') } : null,
      trainingRunCost: gpuHours.map((h) => ({ low: h.low * perGpuHour.low, base: h.base * perGpuHour.base, high: h.high * perGpuHour.high })),
      targetsMet: c.targetsMet,
      withinBudget: budget === undefined ? null : capex.base <= budget,
      feasible: c.targetsMet && (budget === undefined || capex.base <= budget),
    };
  }
  const rate = c.candidate.rentalPerGpuHour;
  if (!rate) return null;
  const inferenceRent = (l: Level) => gpusBy(c, 'inference') * rate[l] * (1 - e.reservedDiscount) * hours;
  const runs = gpuHours.map((h) => triple((l) => h[l] * rate[l]));
  const total = triple((l) => inferenceRent(l) + sum(runs.map((r) => r[l])));
  return {
    candidate: c, acquisition, gpus: c.fleetGpus, total, budgetBasis: total,
    costPerMillionTokens: tps ? { low: inferenceRent('low') / tokensMillions('high'), base: inferenceRent('base') / tokensMillions('base'), high: inferenceRent('high') / tokensMillions('low') } : null,
    trainingRunCost: runs,
    targetsMet: c.targetsMet,
    withinBudget: budget === undefined ? null : total.base <= budget,
    feasible: c.targetsMet && (budget === undefined || total.base <= budget),
  };
}

/** Feasible options first, then by base cost over the horizon; ties by fewer GPUs. */
export function rankOptions(options: readonly Option[]): Option[] {
  return [...options].sort((a, b) =>
    Number(b.feasible) - Number(a.feasible) || Number(b.targetsMet) - Number(a.targetsMet) || a.total.base - b.total.base || a.gpus - b.gpus);
}

