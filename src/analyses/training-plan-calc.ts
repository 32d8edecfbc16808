/**
 * Pure helpers of the training-plan analysis: fewest GPUs on which a run fits (per method), and
 * the fewest GPUs that finish by a deadline, searched beyond a candidate's limit when needed.
 * Counts are powers of two (as the sizing uses) refined to whole 8-GPU servers past 8 GPUs.
 */
import type { GpuSpec, Precision } from '../catalog/types.ts';
import { estimateTraining, type TrainingFits, type TrainingInput } from '../calc/training.ts';
import type { TrainingMethod } from '../calc/memory.ts';
import type { ResolvedTraining } from '../scenario/resolve.ts';

/** Largest GPU count the suggestions search (512 eight-GPU servers). */
export const MAX_SEARCH_GPUS = 4096;
/** GPUs per server: counts past one server are refined in whole servers. */
const SERVER_GPUS = 8;

export const TRAINING_METHODS: readonly TrainingMethod[] = ['full', 'lora', 'qlora'];

export interface FitAt {
  readonly gpus: number;
  readonly estimate: TrainingFits;
}

export interface RunOverrides {
  readonly method?: TrainingMethod;
  readonly precision?: Precision;
}

export function trainingInput(gpu: GpuSpec, w: ResolvedTraining, gpuCount: number, o: RunOverrides = {}): TrainingInput {
  return {
    gpu, gpuCount, model: w.model, precision: o.precision ?? w.precision, seqLen: w.seqLen, tokens: w.tokens,
    method: o.method ?? w.method, optimizer: w.optimizer, loraRank: w.loraRank,
  };
}

export function estimateAt(gpu: GpuSpec, w: ResolvedTraining, gpus: number, o: RunOverrides = {}): FitAt | null {
  const e = estimateTraining(trainingInput(gpu, w, gpus, o));
  return e.fits ? { gpus, estimate: e } : null;
}

/** Fewest GPUs (powers of two from `from`, up to `limit`) on which the run fits; null if none. */
export function fewestFitting(gpu: GpuSpec, w: ResolvedTraining, limit: number, o: RunOverrides = {}, from = 1): FitAt | null {
  for (let n = from; n <= limit; n *= 2) {
    const fit = estimateAt(gpu, w, n, o);
    if (fit) return fit;
  }
  return null;
}

/** Largest power of two not above n (n >= 1). */
export const powerOfTwoAtMost = (n: number): number => 2 ** Math.floor(Math.log2(Math.max(1, n)));

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
  const meets = (f: FitAt | null): f is FitAt => f !== null && f.estimate.days.value <= deadlineDays;
  let fastest: FitAt | null = null;
  const seen = (f: FitAt | null) => {
    if (f && (!fastest || f.estimate.days.value < fastest.estimate.days.value)) fastest = f;
    return f;
  };
  let lo = powerOfTwoAtMost(above);
  let found: FitAt | null = null;
  for (let n = lo * 2; n <= MAX_SEARCH_GPUS; n *= 2) {
    const f = seen(estimateAt(gpu, w, n));
    if (meets(f)) { found = f; break; }
    lo = n;
  }
  if (!found) return { found: null, fastest };
  // Refine between lo (missed) and found.gpus (met) in steps of whole servers.
  let hiServers = Math.ceil(found.gpus / SERVER_GPUS);
  let loServers = Math.floor(lo / SERVER_GPUS);
  while (found.gpus > SERVER_GPUS && hiServers - loServers > 1) {
    const mid = Math.floor((loServers + hiServers) / 2);
    const f = seen(estimateAt(gpu, w, mid * SERVER_GPUS));
    if (meets(f)) { found = f; hiServers = mid; } else loServers = mid;
  }
  return { found, fastest };
}

/** Rent for a run: GPU-hours × rate per GPU-hour. */
export const rentForRun = (gpuHours: number, ratePerGpuHour: number | null): number | null =>
  ratePerGpuHour === null ? null : gpuHours * ratePerGpuHour;
