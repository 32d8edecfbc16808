/**
 * Multi-GPU scaling: per-GPU training throughput at 1..N GPUs (powers of two) relative to the
 * smallest count that fits, using the same planner and step model as estimateTraining, so it
 * reflects the interconnect (NVLink/Infinity Fabric vs PCIe, scale-out past 8 GPUs) and the
 * chosen parallelism (TP/PP/ZeRO).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { EFFICIENCY, type EfficiencyParams } from './efficiency-params.ts';
import { estimateTraining } from './training.ts';
import type { Optimizer, TrainingMethod } from './training-memory.ts';
import type { ParallelPlan } from './training-time.ts';

export interface ScalingInput {
  readonly gpu: GpuSpec;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly seqLen: number;
  readonly maxGpus: number;
  readonly method?: TrainingMethod;
  /** The workload's optimizer and LoRA rank: they set the memory, so where a layout fits. */
  readonly optimizer?: Optimizer;
  readonly loraRank?: number;
  readonly globalBatchTokens?: number;
}

export interface ScalingPoint {
  readonly gpus: number;
  readonly fits: boolean;
  /** System tokens/s (0 when it does not fit). */
  readonly tokensPerSecond: number;
  /** Parallel efficiency, 0-1: the compute share of a training step at this count (0 when it does not fit). */
  readonly efficiency: number;
  readonly plan?: ParallelPlan;
}

export function scalingCurve(input: ScalingInput, params: EfficiencyParams = EFFICIENCY): ScalingPoint[] {
  const points: ScalingPoint[] = [];
  for (let n = 1; n <= Math.max(1, input.maxGpus); n *= 2) {
    const e = estimateTraining({ ...input, gpuCount: n, tokens: 1 }, params);
    if (!e.fits) {
      points.push({ gpus: n, fits: false, tokensPerSecond: 0, efficiency: 0 });
      continue;
    }
    // Efficiency is the planned layout's compute share of a step (1 = linear scaling): bubbles and
    // exposed all-reduces over NVLink / Infinity Fabric, PCIe or the network lower it.
    points.push({
      gpus: n,
      fits: true,
      tokensPerSecond: e.tokensPerSecondPerGpu.value * n,
      efficiency: e.parallelEfficiency,
      plan: e.plan,
    });
  }
  return points;
}
