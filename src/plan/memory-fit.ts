/**
 * Memory sizing per (candidate GPU, workload): how many GPUs of that kind one instance of the
 * workload needs to fit, and what sits in each GPU's memory. Pure; uses the memory calculators.
 */
import type { GpuSpec } from '../catalog/types.ts';
import {
  calculateInferenceMemory, fitInferenceTensorParallel, calculateTrainingMemory,
  usableMemoryGiB, type InferenceMemory, type TrainingMemory,
} from '../calc/memory.ts';
import type { ResolvedInference, ResolvedTraining, ResolvedWorkload } from '../scenario/resolve.ts';
import type { Sizing, TrainingSizing } from './performance.ts';
import type { ParallelPlan } from '../calc/training-time.ts';

export interface InferenceFitResult {
  readonly kind: 'inference';
  /** Whole-model memory at TP 1 (what the workload needs, independent of the GPU). */
  readonly need: InferenceMemory;
  /** GPUs per model instance (tensor-parallel degree); null when it fits on none up to the limit. */
  readonly gpus: number | null;
  readonly perGpuGiB: number | null;
  readonly usableGiB: number;
}

export interface TrainingFitResult {
  readonly kind: 'training';
  /** Per-GPU memory on one GPU without sharding (the unsharded need). */
  readonly need: TrainingMemory;
  readonly gpus: number | null;
  readonly perGpuGiB: number | null;
  readonly usableGiB: number;
  /** The planner's layout on the fewest GPUs that fit; null when none fits. */
  readonly plan: ParallelPlan | null;
}

export type FitResult = InferenceFitResult | TrainingFitResult;

/** The unsharded need shown for training: one GPU, selective recomputation, micro-batch 1. */
export const UNSHARDED = { recompute: 'selective', microBatch: 1 } as const;

export function fitWorkload(gpu: GpuSpec, w: ResolvedWorkload, maxGpus: number, sizing: Sizing): FitResult {
  return w.kind === 'inference' || sizing.kind === 'inference' ? fitInference(gpu, w as ResolvedInference, maxGpus) : fitTraining(gpu, w, sizing);
}

function fitInference(gpu: GpuSpec, w: ResolvedInference, maxGpus: number): InferenceFitResult {
  const input = {
    model: w.model, weightPrecision: w.precision, kvPrecision: w.kvPrecision,
    contextTokens: w.inputTokens + w.outputTokens, concurrency: w.concurrency,
  };
  const fit = fitInferenceTensorParallel(gpu, input, maxGpus);
  return {
    kind: 'inference',
    need: calculateInferenceMemory({ ...input, tensorParallel: 1 }),
    gpus: fit?.tensorParallel ?? null,
    perGpuGiB: fit?.memory.perGpuGiB ?? null,
    usableGiB: usableMemoryGiB(gpu, 'inference'),
  };
}

/** Training fit comes from the planner's search (plan/performance.ts): the fewest GPUs that fit. */
function fitTraining(gpu: GpuSpec, w: ResolvedTraining, sizing: TrainingSizing): TrainingFitResult {
  const need = calculateTrainingMemory({
    model: w.model, precision: w.precision, method: w.method, optimizer: w.optimizer, seqLen: w.seqLen,
    microBatch: UNSHARDED.microBatch, recompute: UNSHARDED.recompute, zeroStage: 0, dataParallel: 1,
    tensorParallel: 1, pipelineParallel: 1, loraRank: w.loraRank,
  });
  const fit = sizing.minFit;
  return {
    kind: 'training', need, gpus: fit?.gpus ?? null, perGpuGiB: fit?.estimate.memory.perGpuGiB ?? null,
    usableGiB: usableMemoryGiB(gpu, 'training'), plan: fit?.estimate.plan ?? null,
  };
}
