/**
 * The one place a resolved workload becomes an estimator's input (inference, training, scaling
 * curve) or a memory calculator's input. Every plan module builds its inputs here, so a field
 * added to a workload reaches every estimate at once. Pure.
 */
import type { GpuSpec, Precision } from '../catalog/types.ts';
import type { InferenceInput } from '../calc/inference.ts';
import type { InferenceMemoryInput, TrainingMemoryInput, TrainingMethod } from '../calc/memory.ts';
import type { ScalingInput } from '../calc/scaling.ts';
import type { TrainingInput } from '../calc/training.ts';
import type { ResolvedInference, ResolvedTraining } from '../scenario/resolve.ts';

/** The inference estimate of `gpuCount` GPUs; TP chosen by the estimator when unset; the workload's concurrency unless given. */
export function inferenceInput(
  gpu: GpuSpec,
  w: ResolvedInference,
  gpuCount: number,
  tensorParallel?: number,
  concurrency = w.concurrency,
): InferenceInput {
  return {
    gpu,
    gpuCount,
    model: w.model,
    precision: w.precision,
    kvPrecision: w.kvPrecision,
    inputTokens: w.inputTokens,
    outputTokens: w.outputTokens,
    ...(w.inputTokensP90 === undefined ? {} : { inputTokensP90: w.inputTokensP90 }),
    ...(w.outputTokensP90 === undefined ? {} : { outputTokensP90: w.outputTokensP90 }),
    concurrency,
    engine: w.engine,
    ...(w.traffic ? { traffic: w.traffic } : {}),
    ...(tensorParallel === undefined ? {} : { tensorParallel }),
  };
}

/** Inference memory at a tensor-parallel degree (prompt + output tokens held per request). */
export function inferenceMemoryInput(w: ResolvedInference, tensorParallel: number): InferenceMemoryInput {
  return {
    model: w.model,
    weightPrecision: w.precision,
    kvPrecision: w.kvPrecision,
    contextTokens: w.inputTokens + w.outputTokens,
    concurrency: w.concurrency,
    tensorParallel,
  };
}

/** What a training estimate may try instead of the workload's own method or precision. */
export interface RunOverrides {
  readonly method?: TrainingMethod;
  readonly precision?: Precision;
}

export function trainingInput(gpu: GpuSpec, w: ResolvedTraining, gpuCount: number, o: RunOverrides = {}): TrainingInput {
  return {
    gpu,
    gpuCount,
    model: w.model,
    precision: o.precision ?? w.precision,
    seqLen: w.seqLen,
    tokens: w.tokens,
    method: o.method ?? w.method,
    optimizer: w.optimizer,
    loraRank: w.loraRank,
    tensorParallel: w.tensorParallel,
    pipelineParallel: w.pipelineParallel,
    ...(w.contextParallel ? { contextParallel: w.contextParallel } : {}),
    microBatch: w.microBatch,
    globalBatchTokens: w.globalBatchTokens,
  };
}

/** The scaling curve of the training workload, 1 to `maxGpus` GPUs. */
export function scalingInput(gpu: GpuSpec, w: ResolvedTraining, maxGpus: number): ScalingInput {
  return {
    gpu,
    model: w.model,
    precision: w.precision,
    seqLen: w.seqLen,
    maxGpus,
    method: w.method,
    optimizer: w.optimizer,
    loraRank: w.loraRank,
  };
}

/** Training memory per GPU of one layout (the workload's model, precision, method, optimizer, rank). */
export function trainingMemoryInput(
  w: ResolvedTraining,
  layout: Pick<
    TrainingMemoryInput,
    'zeroStage' | 'recompute' | 'microBatch' | 'dataParallel' | 'tensorParallel' | 'pipelineParallel' | 'contextParallel'
  >,
): TrainingMemoryInput {
  return {
    model: w.model,
    precision: w.precision,
    method: w.method,
    optimizer: w.optimizer,
    seqLen: w.seqLen,
    loraRank: w.loraRank,
    ...layout,
  };
}
