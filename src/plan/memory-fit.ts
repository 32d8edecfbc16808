/**
 * Memory sizing: what each workload needs (independent of the GPU), and per candidate GPU how
 * many of that kind one instance of the workload needs to fit and what sits in each GPU's
 * memory. Pure; uses the memory calculators.
 */
import type { GpuSpec } from '../catalog/types.ts';
import {
  calculateInferenceMemory,
  fitInferenceTensorParallel,
  calculateTrainingMemory,
  usableMemoryGiB,
  type InferenceMemory,
  type TrainingMemory,
} from '../calc/memory.ts';
import type { ParallelPlan } from '../calc/training-time.ts';
import type { ResolvedInference, ResolvedTraining } from '../scenario/resolve.ts';
import { inferenceMemoryInput, trainingMemoryInput } from './estimator-inputs.ts';
import type { TrainingSizing } from './performance.ts';

export type { InferenceMemory, TrainingMemory };

export interface MemoryFit {
  /** GPUs per instance of the workload; null when it fits on none up to the limit. */
  readonly gpus: number | null;
  readonly perGpuGiB: number | null;
  readonly usableGiB: number;
}

export interface TrainingMemoryFit extends MemoryFit {
  /** The planner's layout on the fewest GPUs that fit; null when none fits. */
  readonly plan: ParallelPlan | null;
}

/** The unsharded need shown for training: one GPU, selective recomputation, micro-batch 1. */
const UNSHARDED = { recompute: 'selective', microBatch: 1 } as const;

/** Whole-model memory at TP 1: what the inference workload needs, independent of the GPU. */
export const inferenceNeed = (w: ResolvedInference): InferenceMemory => calculateInferenceMemory(inferenceMemoryInput(w, 1));

/** Per-GPU memory on one GPU without sharding: the training workload's unsharded need. */
export const trainingNeed = (w: ResolvedTraining): TrainingMemory =>
  calculateTrainingMemory(
    trainingMemoryInput(w, {
      microBatch: UNSHARDED.microBatch,
      recompute: UNSHARDED.recompute,
      zeroStage: 0,
      dataParallel: 1,
      tensorParallel: 1,
      pipelineParallel: 1,
    }),
  );

/** Inference: the smallest tensor-parallel degree (up to `maxGpus`) whose per-GPU memory fits. */
export function fitInference(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): MemoryFit {
  // The search sets the tensor-parallel degree it tries over the input's.
  const fit = fitInferenceTensorParallel(gpu, inferenceMemoryInput(w, 1), maxGpus);
  return { gpus: fit?.tensorParallel ?? null, perGpuGiB: fit?.memory.perGpuGiB ?? null, usableGiB: usableMemoryGiB(gpu, 'inference') };
}

/** Training fit comes from the planner's search (plan/performance.ts): the fewest GPUs that fit. */
export function fitTraining(gpu: GpuSpec, sizing: TrainingSizing): TrainingMemoryFit {
  const fit = sizing.minFit;
  return {
    gpus: fit?.gpus ?? null,
    perGpuGiB: fit?.estimate.memory.perGpuGiB ?? null,
    usableGiB: usableMemoryGiB(gpu, 'training'),
    plan: fit?.estimate.plan ?? null,
  };
}
