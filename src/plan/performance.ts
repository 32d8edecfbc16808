/**
 * Performance sizing per (candidate GPU, workload): the fewest GPUs that meet the workload's
 * memory, throughput and latency targets, using the calibrated estimators. Pure.
 *
 * Inference: for each tensor-parallel degree, the smallest replica count whose estimate meets
 * every target (found by doubling, then bisection: more replicas never lower throughput or raise
 * latency at a fixed total concurrency). The cheapest (fewest GPUs) layout wins; when no layout
 * within the GPU limit meets the targets, the best-throughput layout is kept and marked unmet.
 * Training: the fewest GPUs (powers of two) that fit and finish by the deadline, if any.
 */
import type { GpuSpec } from '../catalog/types.ts';
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

export function sizeInference(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): InferenceSizing {
  const estimateAt = (tp: number, replicas: number) => estimateInference({
    gpu, gpuCount: tp * replicas, tensorParallel: tp, model: w.model, precision: w.precision,
    kvPrecision: w.kvPrecision, inputTokens: w.inputTokens, outputTokens: w.outputTokens, concurrency: w.concurrency,
  });
  const ok = (e: InferenceEstimate): e is InferenceFits => e.fits && allMet(checkTargets(w, e));
  let best: { gpus: number; estimate: InferenceFits } | undefined;
  let fallback: { gpus: number; estimate: InferenceEstimate } | undefined;
  for (const tp of TP_DEGREES) {
    if (tp > maxGpus || w.model.attentionHeads % tp !== 0) continue;
    const maxReplicas = Math.floor(maxGpus / tp);
    // Doubling until the targets are met (or the limit), then bisection on the last interval.
    let lo = 0;
    let hi = 1;
    let found: InferenceFits | undefined;
    while (hi <= maxReplicas) {
      const e = estimateAt(tp, hi);
      if (e.fits && (!fallback || !fallback.estimate.fits || e.outputTokensPerSecond.value > (fallback.estimate as InferenceFits).outputTokensPerSecond.value)) {
        fallback = { gpus: tp * hi, estimate: e };
      } else if (!fallback) fallback = { gpus: tp * hi, estimate: e };
      if (ok(e)) { found = e; break; }
      lo = hi;
      hi = hi === maxReplicas ? maxReplicas + 1 : Math.min(hi * 2, maxReplicas);
    }
    if (!found) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const e = estimateAt(tp, mid);
      if (ok(e)) { hi = mid; found = e; } else lo = mid;
    }
    if (!best || tp * hi < best.gpus) best = { gpus: tp * hi, estimate: found };
  }
  if (best) return { kind: 'inference', gpus: best.gpus, estimate: best.estimate, targets: checkTargets(w, best.estimate), targetsMet: true };
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
