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
  readonly zeroStage: 0 | 3;
  /** The recomputation the sizing needed: selective where it fits, else full. */
  readonly recompute: 'selective' | 'full';
}

export type FitResult = InferenceFitResult | TrainingFitResult;

/** Training configuration the memory sizing starts from: ZeRO-3 / FSDP across data parallel, selective recompute, micro-batch 1. */
export const SIZING_TRAINING = { zeroStage: 3, recompute: 'selective', microBatch: 1 } as const;

export function fitWorkload(gpu: GpuSpec, w: ResolvedWorkload, maxGpus: number): FitResult {
  return w.kind === 'inference' ? fitInference(gpu, w, maxGpus) : fitTraining(gpu, w, maxGpus);
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

function fitTraining(gpu: GpuSpec, w: ResolvedTraining, maxGpus: number): TrainingFitResult {
  const base = {
    model: w.model, precision: w.precision, method: w.method, optimizer: w.optimizer,
    seqLen: w.seqLen, microBatch: SIZING_TRAINING.microBatch, tensorParallel: 1, loraRank: w.loraRank,
  } as const;
  const need = calculateTrainingMemory({ ...base, recompute: SIZING_TRAINING.recompute, zeroStage: 0, dataParallel: 1, pipelineParallel: 1 });
  const usableGiB = usableMemoryGiB(gpu, 'training');
  // Fewest GPUs first; at each count, selective recomputation, then full recomputation (gradient
  // checkpointing, as the QLoRA paper does). Full training shards everything with ZeRO-3 / FSDP
  // over more GPUs; LoRA/QLoRA keep one frozen base per replica, so they split the layers over
  // more GPUs (pipeline parallel) instead.
  const zeroStage = w.method === 'full' ? SIZING_TRAINING.zeroStage : 0;
  for (let gpus = 1; gpus <= maxGpus; gpus *= 2) {
    const layout = w.method === 'full' ? { dataParallel: gpus, pipelineParallel: 1 } : { dataParallel: 1, pipelineParallel: gpus };
    if (layout.pipelineParallel > w.model.layers) break;
    for (const recompute of ['selective', 'full'] as const) {
      const memory = calculateTrainingMemory({ ...base, ...layout, recompute, zeroStage });
      if (memory.perGpuGiB <= usableGiB) {
        return { kind: 'training', need, gpus, perGpuGiB: memory.perGpuGiB, usableGiB, zeroStage, recompute };
      }
    }
  }
  return { kind: 'training', need, gpus: null, perGpuGiB: null, usableGiB, zeroStage: 0, recompute: 'full' };
}
