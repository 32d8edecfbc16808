/**
 * Performance sizing per (candidate GPU, workload): the fewest GPUs that meet the workload's
 * memory, throughput and latency targets, using the calibrated estimators. Pure.
 *
 * Inference: the fewest GPUs (TP degree × replicas, `fewestGpus`) whose estimate meets every
 * target; when no layout
 * within the GPU limit meets the targets, the best-throughput layout is kept and marked unmet.
 * Training: the fewest GPUs (powers of two) that fit and finish by the deadline, if any.
 */
import type { GpuSpec, ModelArch } from '../catalog/types.ts';
import { estimateInference, type InferenceEstimate, type InferenceFits } from '../calc/inference.ts';
import { estimateTraining, type TrainingEstimate, type TrainingFits } from '../calc/training.ts';
import { TP_DEGREES } from '../calc/memory.ts';
import type { ResolvedInference, ResolvedTraining } from '../scenario/resolve.ts';

export interface TargetCheck {
  readonly ttft: boolean | null;
  readonly tpot: boolean | null;
  readonly throughput: boolean | null;
}

export interface InferenceSizing {
  readonly kind: 'inference';
  readonly gpus: number | null;
  readonly estimate: InferenceEstimate | null;
  readonly targets: TargetCheck;
  readonly targetsMet: boolean;
}

export interface TrainingSizing {
  readonly kind: 'training';
  /** The fewest GPUs on which the run fits at all (memory), with the planner's estimate there. */
  readonly minFit: { readonly gpus: number; readonly estimate: TrainingFits } | null;
  readonly gpus: number | null;
  readonly estimate: TrainingEstimate | null;
  readonly deadlineMet: boolean | null;
}

export type Sizing = InferenceSizing | TrainingSizing;

const NO_TARGETS: TargetCheck = { ttft: null, tpot: null, throughput: null };

export function checkTargets(w: ResolvedInference, e: InferenceFits): TargetCheck {
  const t = w.targets;
  return {
    ttft: t.ttftMs === undefined ? null : e.ttftMs.value <= t.ttftMs,
    tpot: t.tpotMs === undefined ? null : e.tpotMs.value <= t.tpotMs,
    throughput: t.outputTokensPerSecond === undefined ? null : e.outputTokensPerSecond.value >= t.outputTokensPerSecond,
  };
}

const allMet = (c: TargetCheck) => c.ttft !== false && c.tpot !== false && c.throughput !== false;

/**
 * Fewest GPUs (tensor-parallel degree × replicas, up to `maxGpus`) whose value `meets`: for
 * each TP degree dividing the heads, the replicas double until it meets (or the limit), then
 * bisection on the last interval (more replicas never lower throughput or raise latency at a
 * fixed total concurrency). `visit` sees every point tried.
 */
export function fewestGpus<T>(
  model: ModelArch, maxGpus: number, at: (tp: number, replicas: number) => T, meets: (value: T) => boolean,
  visit?: (value: T, gpus: number) => void,
): { gpus: number; value: T } | null {
  let best: { gpus: number; value: T } | null = null;
  for (const tp of TP_DEGREES) {
    if (tp > maxGpus || model.attentionHeads % tp !== 0) continue;
    // Once a layout meets the targets, only strictly fewer GPUs can improve on it (ties keep the
    // smaller TP degree, found first). The visits that skips cannot change the answer; `visit`
    // only matters when nothing meets the targets, and then nothing is skipped.
    const maxReplicas = Math.floor((best ? Math.min(maxGpus, best.gpus - 1) : maxGpus) / tp);
    if (maxReplicas < 1) continue;
    let lo = 0;
    let hi = 1;
    let found: T | undefined;
    while (hi <= maxReplicas) {
      const v = at(tp, hi);
      visit?.(v, tp * hi);
      if (meets(v)) { found = v; break; }
      lo = hi;
      hi = hi === maxReplicas ? maxReplicas + 1 : Math.min(hi * 2, maxReplicas);
    }
    if (found === undefined) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const v = at(tp, mid);
      if (meets(v)) { hi = mid; found = v; } else lo = mid;
    }
    if (!best || tp * hi < best.gpus) best = { gpus: tp * hi, value: found };
  }
  return best;
}

export function sizeInference(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): InferenceSizing {
  const estimateAt = (tp: number, replicas: number) => estimateInference({
    gpu, gpuCount: tp * replicas, tensorParallel: tp, model: w.model, precision: w.precision,
    kvPrecision: w.kvPrecision, inputTokens: w.inputTokens, outputTokens: w.outputTokens, concurrency: w.concurrency,
  });
  const ok = (e: InferenceEstimate): e is InferenceFits => e.fits && allMet(checkTargets(w, e));
  // When no layout meets the targets, the one with the highest throughput among those tried.
  let fallback: { gpus: number; estimate: InferenceEstimate } | undefined;
  const track = (e: InferenceEstimate, gpus: number) => {
    const better = e.fits && (!fallback || !fallback.estimate.fits || e.outputTokensPerSecond.value > (fallback.estimate as InferenceFits).outputTokensPerSecond.value);
    if (better || !fallback) fallback = { gpus, estimate: e };
  };
  const best = fewestGpus(w.model, maxGpus, estimateAt, ok, track);
  if (best && best.value.fits) return { kind: 'inference', gpus: best.gpus, estimate: best.value, targets: checkTargets(w, best.value), targetsMet: true };
  const fb = fallback?.estimate;
  return {
    kind: 'inference',
    gpus: fb?.fits ? fallback!.gpus : null,
    estimate: fb ?? null,
    targets: fb?.fits ? checkTargets(w, fb) : NO_TARGETS,
    targetsMet: false,
  };
}

export function sizeTraining(gpu: GpuSpec, w: ResolvedTraining, maxGpus: number): TrainingSizing {
  let firstFit: { gpus: number; estimate: TrainingFits } | undefined;
  for (let n = 1; n <= maxGpus; n *= 2) {
    const e = estimateTraining({
      gpu, gpuCount: n, model: w.model, precision: w.precision, seqLen: w.seqLen, tokens: w.tokens,
      method: w.method, optimizer: w.optimizer, loraRank: w.loraRank,
    });
    if (!e.fits) continue;
    firstFit ??= { gpus: n, estimate: e };
    if (w.deadlineDays === undefined || e.days.value <= w.deadlineDays) {
      return { kind: 'training', minFit: firstFit, gpus: n, estimate: e, deadlineMet: w.deadlineDays === undefined ? null : true };
    }
  }
  if (firstFit) return { kind: 'training', minFit: firstFit, gpus: firstFit.gpus, estimate: firstFit.estimate, deadlineMet: false };
  return { kind: 'training', minFit: null, gpus: null, estimate: null, deadlineMet: null };
}
