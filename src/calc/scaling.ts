/**
 * Multi-GPU scaling: per-GPU training throughput at 1..N GPUs (powers of two) relative to the
 * smallest count that fits, using the same planner and step model as estimateTraining, so it
 * reflects the interconnect (NVLink/Infinity Fabric vs PCIe, scale-out past 8 GPUs) and the
 * chosen parallelism (TP/PP/ZeRO).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { EFFICIENCY, type EfficiencyParams } from './efficiency-params.ts';
import { estimateTraining } from './training.ts';
import type { TrainingMethod } from './training-memory.ts';
import type { ParallelPlan } from './training-time.ts';

export interface ScalingInput {
  readonly gpu: GpuSpec;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly seqLen: number;
  readonly maxGpus: number;
  readonly method?: TrainingMethod;
  readonly globalBatchTokens?: number;
}

export interface ScalingPoint {
  readonly gpus: number;
  readonly fits: boolean;
  /** System tokens/s (0 when it does not fit). */
  readonly tokensPerSecond: number;
  /** Per-GPU throughput relative to the first fitting point, 0-1 (0 when it does not fit). */
  readonly efficiency: number;
  readonly plan?: ParallelPlan;
}

export function scalingCurve(input: ScalingInput, params: EfficiencyParams = EFFICIENCY): ScalingPoint[] {
  const points: ScalingPoint[] = [];
  let reference: number | undefined;
  for (let n = 1; n <= Math.max(1, input.maxGpus); n *= 2) {
    const e = estimateTraining({ ...input, gpuCount: n, tokens: 1 }, params);
    if (!e.fits) {
      points.push({ gpus: n, fits: false, tokensPerSecond: 0, efficiency: 0 });
      continue;
    }
    const perGpu = e.tokensPerSecondPerGpu.value;
    reference ??= perGpu;
    points.push({ gpus: n, fits: true, tokensPerSecond: perGpu * n, efficiency: Math.min(1, perGpu / reference), plan: e.plan });
  }
  return points;
}
