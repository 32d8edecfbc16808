/**
 * Scaling curves of the multi-gpu analysis, 1 to N GPUs (powers of two up to min(limit, 64)),
 * for one workload: the first training workload, else the first workload (`scaledWorkload`).
 * Training: `scalingCurve` (same planner and step model as the training plan). Inference: the
 * smallest TP degree that fits at each count with the rest as replicas, the workload's
 * concurrency at the smallest fitting count scaled with the GPUs (constant load per GPU), served
 * throughput summed over replicas (inference-capacity.ts). Pure.
 */
import { scalingCurve } from '../calc/scaling.ts';
import type { ParallelPlan } from '../calc/training-time.ts';
import type { GpuSpec } from '../catalog/types.ts';
import type { ResolvedInference, ResolvedTraining } from '../scenario/resolve.ts';
import { inferenceInput, scalingInput } from './estimator-inputs.ts';
import { estimateServed } from './inference-capacity.ts';
import { powersOfTwo } from './search.ts';

/** Largest count shown (eight 8-GPU servers). */
const MAX_CURVE_GPUS = 64;

export interface CurvePoint {
  readonly gpus: number;
  readonly fits: boolean;
  /** System tokens/s (training tokens or output tokens); null when it does not fit. */
  readonly tokensPerSecond: number | null;
  readonly perGpu: number | null;
  /** Per-GPU throughput relative to the smallest fitting count, 0-1; null when it does not fit. */
  readonly efficiency: number | null;
  readonly training?: ParallelPlan;
  readonly inference?: {
    readonly tensorParallel: number;
    readonly pipelineParallel: number;
    readonly replicas: number;
    readonly concurrency: number;
  };
}

export interface Scaling {
  /** The largest count on the curve: min(the candidate's limit, MAX_CURVE_GPUS). */
  readonly limitGpus: number;
  readonly points: readonly CurvePoint[];
}

const curveLimit = (maxGpus: number): number => Math.max(1, Math.min(maxGpus, MAX_CURVE_GPUS));

/** The workload the multi-gpu analysis scales: the first training workload, else the first. */
export const scaledWorkload = <W extends { readonly kind: 'inference' | 'training' }>(workloads: readonly W[]): W | undefined =>
  workloads.find((x) => x.kind === 'training') ?? workloads[0];

export function trainingCurve(gpu: GpuSpec, w: ResolvedTraining, maxGpus: number): Scaling {
  const limitGpus = curveLimit(maxGpus);
  const points = scalingCurve(scalingInput(gpu, w, limitGpus)).map((p): CurvePoint =>
    p.fits
      ? {
          gpus: p.gpus,
          fits: true,
          tokensPerSecond: p.tokensPerSecond,
          perGpu: p.tokensPerSecond / p.gpus,
          efficiency: p.efficiency,
          ...(p.plan ? { training: p.plan } : {}),
        }
      : { gpus: p.gpus, fits: false, tokensPerSecond: null, perGpu: null, efficiency: null },
  );
  return { limitGpus, points };
}

export function inferenceCurve(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): Scaling {
  const limitGpus = curveLimit(maxGpus);
  const points: CurvePoint[] = [];
  let first: { gpus: number; perGpu: number } | undefined;
  for (const n of powersOfTwo(limitGpus)) {
    // Until something fits the load is the workload's own; after, it grows with the GPUs.
    const concurrency = first ? (w.concurrency * n) / first.gpus : w.concurrency;
    const s = estimateServed(inferenceInput(gpu, w, n, undefined, concurrency), w);
    if (!s) {
      points.push({ gpus: n, fits: false, tokensPerSecond: null, perGpu: null, efficiency: null });
      continue;
    }
    first ??= { gpus: n, perGpu: s.perGpu.value };
    points.push({
      gpus: n,
      fits: true,
      tokensPerSecond: s.system.value,
      perGpu: s.perGpu.value,
      efficiency: s.perGpu.value / first.perGpu,
      inference: {
        tensorParallel: s.estimate.tensorParallel,
        pipelineParallel: s.estimate.pipelineParallel,
        replicas: s.estimate.replicas,
        concurrency,
      },
    });
  }
  return { limitGpus, points };
}
