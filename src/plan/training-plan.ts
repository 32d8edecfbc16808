/**
 * What the training-plan analysis shows per (training workload, candidate) beyond the sizing:
 * the sized run's rent, the fewest GPUs on which the run fits per method, and the searches the
 * suggestions use (fewest GPUs that finish by a deadline, beyond a candidate's limit when needed).
 * Counts are powers of two (as the sizing uses) refined to whole 8-GPU servers past 8 GPUs. Pure.
 */
import type { GpuSpec } from '../catalog/types.ts';
import { GPUS_PER_NODE } from '../calc/comm.ts';
import type { Recompute, TrainingMethod } from '../calc/memory.ts';
import { estimateTraining, type TrainingFits } from '../calc/training.ts';
import type { ParallelPlan } from '../calc/training-time.ts';
import type { ResolvedCandidate, ResolvedTraining } from '../scenario/resolve.ts';
import { trainingInput, type RunOverrides } from './estimator-inputs.ts';
import { daysAtConfidence, type TrainingSizing } from './performance.ts';
import { firstPowerOfTwo, powerOfTwoAtMost, powersOfTwo } from './search.ts';

export type { ParallelPlan, Recompute, TrainingMethod };

/** Largest GPU count the suggestions search (512 eight-GPU servers). */
export const MAX_SEARCH_GPUS = 4096;

export const TRAINING_METHODS: readonly TrainingMethod[] = ['full', 'lora', 'qlora'];

export interface FitAt {
  readonly gpus: number;
  readonly estimate: TrainingFits;
}

export interface MethodFit {
  readonly method: TrainingMethod;
  /** Fewest GPUs (powers of two, up to the candidate's limit) on which the run fits with this method; null if none. */
  readonly fit: FitAt | null;
  /** Rent of that run at the candidate's base rental rate; null without a rate or a fit. */
  readonly rent: number | null;
}

export function estimateAt(gpu: GpuSpec, w: ResolvedTraining, gpus: number, o: RunOverrides = {}): FitAt | null {
  const e = estimateTraining(trainingInput(gpu, w, gpus, o));
  return e.fits ? { gpus, estimate: e } : null;
}

/** Fewest GPUs (powers of two from `from`, up to `limit`) on which the run fits; null if none. */
export const fewestFitting = (gpu: GpuSpec, w: ResolvedTraining, limit: number, o: RunOverrides = {}, from = 1): FitAt | null =>
  firstPowerOfTwo(limit, (n) => estimateAt(gpu, w, n, o), from);

export interface DeadlineSearch {
  /** Fewest GPUs found that finish within the deadline; null when none up to the search limit. */
  readonly found: FitAt | null;
  /** The fastest fitting run seen (for "no count is enough" messages). */
  readonly fastest: FitAt | null;
}

/**
 * Fewest GPUs above `above` that finish within `deadlineDays`: doubling up to MAX_SEARCH_GPUS,
 * then bisection in whole servers between the last count that missed and the first that met
 * (every count returned was estimated and met the deadline).
 */
export function fewestMeetingDeadline(gpu: GpuSpec, w: ResolvedTraining, deadlineDays: number, above: number): DeadlineSearch {
  const meets = (f: FitAt | null): f is FitAt => f !== null && daysAtConfidence(w, f.estimate) <= deadlineDays;
  let fastest: FitAt | null = null;
  const seen = (f: FitAt | null) => {
    if (f && (!fastest || f.estimate.days.value < fastest.estimate.days.value)) fastest = f;
    return f;
  };
  let lo = powerOfTwoAtMost(above);
  let found: FitAt | null = null;
  for (const n of powersOfTwo(MAX_SEARCH_GPUS, lo * 2)) {
    const f = seen(estimateAt(gpu, w, n));
    if (meets(f)) {
      found = f;
      break;
    }
    lo = n;
  }
  if (!found) return { found: null, fastest };
  // Refine between lo (missed) and found.gpus (met) in steps of whole servers.
  let hiServers = Math.ceil(found.gpus / GPUS_PER_NODE);
  let loServers = Math.floor(lo / GPUS_PER_NODE);
  while (found.gpus > GPUS_PER_NODE && hiServers - loServers > 1) {
    const mid = Math.floor((loServers + hiServers) / 2);
    const f = seen(estimateAt(gpu, w, mid * GPUS_PER_NODE));
    if (meets(f)) {
      found = f;
      hiServers = mid;
    } else loServers = mid;
  }
  return { found, fastest };
}

/** Rent for a run: GPU-hours × rate per GPU-hour. */
export const rentForRun = (gpuHours: number, ratePerGpuHour: number | null): number | null =>
  ratePerGpuHour === null ? null : gpuHours * ratePerGpuHour;

/** Fewest GPUs that fit per method (the workload's own from the sizing), up to the candidate's limit. */
export function methodFits(candidate: ResolvedCandidate, w: ResolvedTraining, sizing: TrainingSizing): MethodFit[] {
  const rate = candidate.rentalPerGpuHour?.base ?? null;
  return TRAINING_METHODS.map((method) => {
    const fit =
      method === w.method
        ? sizing.minFit
          ? { gpus: sizing.minFit.gpus, estimate: sizing.minFit.estimate }
          : null
        : fewestFitting(candidate.gpu, w, candidate.maxGpus, { method });
    return { method, fit, rent: fit ? rentForRun(fit.estimate.gpuHours.value, rate) : null };
  });
}
