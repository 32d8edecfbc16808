/**
 * What the inference-capacity analysis shows per (inference workload, candidate): the served
 * throughput of the sized layout, a concurrency sweep, rent per 1M output tokens, and the GPUs it
 * would take to meet every target. Pure.
 *
 * Served throughput is summed over replicas by the requests each really holds: with C requests
 * on R replicas, C mod R replicas hold ceil(C/R) and the rest floor(C/R) (a replica with none
 * adds nothing). `estimateInference` counts R × ceil(C/R) requests, which overstates the system
 * throughput whenever R does not divide C (e.g. C = 1 on 8 replicas counts 8); one-replica
 * estimates avoid that and stay right if the estimator changes. Latencies are those of the most
 * loaded replica (the estimator's), the conservative choice.
 */
import type { Band } from '../calc/band.ts';
import { estimateInference, type InferenceFits, type InferenceInput } from '../calc/inference.ts';
import type { GpuSpec } from '../catalog/types.ts';
import type { ResolvedCandidate, ResolvedInference } from '../scenario/resolve.ts';
import { inferenceInput } from './estimator-inputs.ts';
import { allTargetsMet, checkTargets, type InferenceSizing, type TargetCheck } from './performance.ts';
import { fewestGpus } from './search.ts';

export interface Served {
  /** The estimator's result for the whole layout (memory, max concurrency, latencies). */
  readonly estimate: InferenceFits;
  /** Output tokens/s of the whole system and per GPU, summed over replicas by their real load. */
  readonly system: Band;
  readonly perGpu: Band;
  readonly targets: TargetCheck;
  readonly gpus: number;
}

interface SweepPoint {
  readonly concurrency: number;
  readonly system: Band;
}

/** What the inference-capacity analysis shows for one workload on one candidate. */
export interface InferenceCapacity {
  /** The sized layout's served throughput; null when the workload does not fit within the limit. */
  readonly served: Served | null;
  /** Rent per 1M output tokens at full load at the candidate's base rental rate; null without a rate or a served layout. */
  readonly rentPerMillionTokens: number | null;
  /** Served throughput at 1, 2, 4, … requests at the sized layout, up to the most that fit. */
  readonly sweep: readonly SweepPoint[];
  /**
   * Only when the sized layout misses a target or does not fit: the fewest GPUs (any layout, up
   * to SEARCH_LIMIT_GPUS, beyond the candidate's limit) meeting every target; found is null when none does.
   */
  readonly toMeetTargets: { readonly found: Served | null } | null;
}

/** GPUs searched for "what it would take" beyond a candidate's limit. */
export const SEARCH_LIMIT_GPUS = 1024;

const scale = (b: Band, k: number): Band => ({ value: b.value * k, low: b.low * k, high: b.high * k });
const add = (a: Band, b: Band): Band => ({ value: a.value + b.value, low: a.low + b.low, high: a.high + b.high });

/** The layout's estimate with the served throughput; null when it does not fit. TP is auto when unset. */
export function estimateServed(input: InferenceInput, w: ResolvedInference): Served | null {
  const e = estimateInference(input);
  if (!e.fits) return null;
  const tp = e.tensorParallel;
  const r = e.replicas;
  const c = Math.max(1, Math.floor(input.concurrency));
  const one = (q: number): Band => {
    const x = estimateInference({ ...input, gpuCount: tp, tensorParallel: tp, concurrency: q });
    // A replica holding fewer requests than the most loaded one always fits where that one does.
    return x.fits ? x.outputTokensPerSecond : { value: 0, low: 0, high: 0 };
  };
  const lo = Math.floor(c / r);
  const heavy = c - lo * r; // replicas holding lo + 1
  let system = heavy > 0 ? scale(one(lo + 1), heavy) : { value: 0, low: 0, high: 0 };
  if (lo > 0) system = add(system, scale(one(lo), r - heavy));
  const gpus = Math.max(1, Math.floor(input.gpuCount));
  return { estimate: e, system, perGpu: scale(system, 1 / gpus), gpus, targets: checkTargets(w, { ...e, outputTokensPerSecond: system }) };
}

/** Rent per 1M output tokens at full load: rate × GPUs / (3600 × tokens/s) × 1e6 (docs/methodology.md#cost-per-1m-tokens). */
function costPerMillionTokens(ratePerGpuHour: number, gpus: number, tokensPerSecond: number): number | null {
  return tokensPerSecond > 0 ? ((ratePerGpuHour * gpus) / (3600 * tokensPerSecond)) * 1e6 : null;
}

/** Served throughput at 1, 2, 4, … concurrent requests up to the most that fit, at a fixed layout. */
function concurrencySweep(gpu: GpuSpec, w: ResolvedInference, gpus: number, tensorParallel: number, maxConcurrency: number): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (let c = 1; c <= maxConcurrency; c *= 2) {
    const s = estimateServed(inferenceInput(gpu, w, gpus, tensorParallel, c), w);
    if (!s) break;
    points.push({ concurrency: c, system: s.system });
  }
  return points;
}

/** Fewest GPUs (any TP degree, any replica count, up to `limit`) whose served estimate meets every target. */
export function gpusToMeetTargets(gpu: GpuSpec, w: ResolvedInference, limit = SEARCH_LIMIT_GPUS): Served | null {
  const at = (tp: number, r: number) => estimateServed(inferenceInput(gpu, w, tp * r, tp), w);
  return fewestGpus(w.model, limit, at, (s) => s !== null && allTargetsMet(s.targets))?.value ?? null;
}

/** Everything the inference-capacity analysis shows for the workload on this candidate at its sizing. */
export function inferenceCapacity(candidate: ResolvedCandidate, w: ResolvedInference, sizing: InferenceSizing): InferenceCapacity {
  const gpu = candidate.gpu;
  const served =
    sizing.gpus === null || !sizing.estimate?.fits
      ? null
      : estimateServed(inferenceInput(gpu, w, sizing.gpus, sizing.estimate.tensorParallel), w);
  const rate = candidate.rentalPerGpuHour?.base ?? null;
  return {
    served,
    rentPerMillionTokens: served && rate !== null ? costPerMillionTokens(rate, served.gpus, served.system.value) : null,
    sweep: served ? concurrencySweep(gpu, w, served.gpus, served.estimate.tensorParallel, served.estimate.maxConcurrency) : [],
    toMeetTargets: served && allTargetsMet(served.targets) ? null : { found: gpusToMeetTargets(gpu, w) },
  };
}
