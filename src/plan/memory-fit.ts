/**
 * Memory sizing per (candidate GPU, workload): how many GPUs of that kind one instance of the
 * workload needs to fit, and what sits in each GPU's memory. Pure; uses the memory calculators.
 */
import type { GpuSpec } from '../catalog/types.ts';
import {
  calculateInferenceMemory, fitInferenceTensorParallel, minGpusForTraining, calculateTrainingMemory,
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
}

export type FitResult = InferenceFitResult | TrainingFitResult;

/** Training configuration the memory sizing assumes: ZeRO-3 / FSDP across data parallel, selective recompute, micro-batch 1. */
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
    recompute: SIZING_TRAINING.recompute, seqLen: w.seqLen, microBatch: SIZING_TRAINING.microBatch,
    tensorParallel: 1, pipelineParallel: 1, loraRank: w.loraRank,
  } as const;
  // LoRA/QLoRA keep the frozen base replicated; only full training shards it all (ZeRO-3 / FSDP).
  const zeroStage = w.method === 'full' ? SIZING_TRAINING.zeroStage : 0;
  const need = calculateTrainingMemory({ ...base, zeroStage: 0, dataParallel: 1 });
  const gpus = minGpusForTraining(gpu, { ...base, zeroStage }, maxGpus);
  const perGpu = gpus === null ? null : calculateTrainingMemory({ ...base, zeroStage, dataParallel: gpus }).perGpuGiB;
  return { kind: 'training', need, gpus, perGpuGiB: perGpu, usableGiB: usableMemoryGiB(gpu, 'training'), zeroStage };
}
