/**
 * Performance sizing per (candidate GPU, workload): the fewest GPUs that meet the workload's
 * memory, throughput and latency targets, using the calibrated estimators. Pure.
 *
 * Inference: the fewest GPUs (TP degree × replicas, `fewestGpus`) whose estimate meets every
 * target; when no layout
 * within the GPU limit meets the targets, the best-throughput layout is kept and marked unmet.
 * Training: the fewest GPUs (powers of two) that fit and finish by the deadline, if any.
 */
import type { GpuSpec } from '../catalog/types.ts';
import { estimateInference, type InferenceEstimate, type InferenceFits } from '../calc/inference.ts';
import { estimateTraining, type TrainingEstimate, type TrainingFits } from '../calc/training.ts';
import type { ResolvedInference, ResolvedTraining } from '../scenario/resolve.ts';
import { inferenceInput, trainingInput } from './estimator-inputs.ts';
import { fewestGpus, powersOfTwo } from './search.ts';

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

const NO_TARGETS: TargetCheck = { ttft: null, tpot: null, throughput: null };

/**
 * Each target against the estimate: with sizingConfidence pessimistic (the default) the band's
 * unfavourable end must meet it (latency high, throughput low), so a configuration passes with
 * the margin of the calibrated error band; with base, the central value (docs/methodology.md#sizing).
 */
export function checkTargets(w: ResolvedInference, e: InferenceFits): TargetCheck {
  const t = w.targets;
  // A target naming a percentile bounds that percentile of the queueing model (calc/queueing.ts);
  // sized pessimistically, the latency is taken at the high end of the estimate's band.
  const pessimistic = w.sizingConfidence === 'pessimistic';
  const at = (b: InferenceFits['ttftMs'], percentile: number | undefined) => {
    const base = percentile ?? b.value;
    return pessimistic && b.value > 0 ? base * (b.high / b.value) : base;
  };
  const ttft = at(e.ttftMs, t.percentile ? e.ttftMsPercentiles[t.percentile] : undefined);
  const tpot = at(e.tpotMs, t.percentile ? e.tpotMsPercentiles[t.percentile] : undefined);
  const rate = pessimistic ? e.outputTokensPerSecond.low : e.outputTokensPerSecond.value;
  return {
    ttft: t.ttftMs === undefined ? null : ttft <= t.ttftMs,
    tpot: t.tpotMs === undefined ? null : tpot <= t.tpotMs,
    throughput: t.outputTokensPerSecond === undefined ? null : rate >= t.outputTokensPerSecond,
  };
}

/** Days a training run takes at the scenario's sizing confidence (the band's slow end when pessimistic). */
export const daysAtConfidence = (w: ResolvedTraining, e: TrainingFits): number =>
  w.sizingConfidence === 'pessimistic' ? e.days.high : e.days.value;

/** Every target set is met (an unset target counts as met). */
export const allTargetsMet = (c: TargetCheck): boolean => c.ttft !== false && c.tpot !== false && c.throughput !== false;

export function sizeInference(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): InferenceSizing {
  const estimateAt = (tp: number, replicas: number) => estimateInference(inferenceInput(gpu, w, tp * replicas, tp));
  const ok = (e: InferenceEstimate): e is InferenceFits => e.fits && allTargetsMet(checkTargets(w, e));
  // When no layout meets the targets, the one with the highest throughput among those tried.
  let fallback: { gpus: number; estimate: InferenceEstimate } | undefined;
  const track = (e: InferenceEstimate, gpus: number) => {
    const better =
      e.fits &&
      (!fallback ||
        !fallback.estimate.fits ||
        e.outputTokensPerSecond.value > (fallback.estimate as InferenceFits).outputTokensPerSecond.value);
    if (better || !fallback) fallback = { gpus, estimate: e };
  };
  const best = fewestGpus(w.model, maxGpus, estimateAt, ok, track);
  if (best && best.value.fits)
    return { kind: 'inference', gpus: best.gpus, estimate: best.value, targets: checkTargets(w, best.value), targetsMet: true };
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
  for (const n of powersOfTwo(maxGpus)) {
    const e = estimateTraining(trainingInput(gpu, w, n));
    if (!e.fits) continue;
    firstFit ??= { gpus: n, estimate: e };
    if (w.deadlineDays === undefined || daysAtConfidence(w, e) <= w.deadlineDays) {
      return { kind: 'training', minFit: firstFit, gpus: n, estimate: e, deadlineMet: w.deadlineDays === undefined ? null : true };
    }
  }
  if (firstFit) return { kind: 'training', minFit: firstFit, gpus: firstFit.gpus, estimate: firstFit.estimate, deadlineMet: false };
  return { kind: 'training', minFit: null, gpus: null, estimate: null, deadlineMet: null };
}
