/**
 * Training memory per GPU: weights + gradients + optimizer state + activations + overhead.
 * Mixed-precision AdamW = 2 (16-bit weights) + 2 (grads) + 4 (fp32 master) + 8 (moments)
 * = 16 B/param (ZeRO, arXiv:1910.02054 sec. 3.1; docs/methodology.md#training-memory). ZeRO-1/2/3 shard optimizer,
 * + gradients, + weights over data parallel. Activations: Korthikanti et al. 2022
 * (arXiv:2205.05198) s*b*h*(34 + 5*a*s/h) bytes per layer at 16-bit, divided by TP (sequence
 * parallel); 1F1B pipelining keeps ~all layers' worth on the first stage, so PP does not divide it.
 * Context parallelism (CP) splits every sequence over CP GPUs (Megatron-Core context_parallel
 * package, docs.nvidia.com/megatron-core/developer-guide/latest/api-guide/context_parallel.html):
 * each holds s/CP tokens of each sequence, so activations and logits divide by CP; CP ranks hold
 * replicas of the same TP x PP weight shard and reduce gradients over DP x CP, so ZeRO / the
 * distributed optimizer shards over DP x CP ranks (Megatron-Core data-parallel group "with
 * context parallel").
 */
import type { ModelArch, Precision } from '../catalog/types.ts';
import { MASTER_WEIGHT_BYTES, MEMORY, OPTIMIZER_STATE_BYTES } from './memory-constants.ts';
import { PARAMS_PER_B, weightBytes } from './model-size.ts';
import { bytesToGiB } from './units.ts';

export type TrainingMethod = 'full' | 'lora' | 'qlora';
export type Optimizer = keyof typeof OPTIMIZER_STATE_BYTES;
export type ZeroStage = 0 | 1 | 2 | 3;
export type Recompute = 'none' | 'selective' | 'full';

export interface TrainingMemoryInput {
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly method: TrainingMethod;
  readonly optimizer: Optimizer;
  readonly zeroStage: ZeroStage;
  readonly recompute: Recompute;
  readonly seqLen: number;
  readonly microBatch: number;
  readonly dataParallel: number;
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  /** Context-parallel degree (sequence split over this many GPUs, ring attention); 1 when absent. */
  readonly contextParallel?: number;
  readonly loraRank?: number;
  /** 'flash' (default; FlashAttention never stores the s^2 scores) or 'eager'. */
  readonly attention?: 'flash' | 'eager';
}

/** Every value is per GPU (the most loaded one), GiB. */
export interface TrainingMemory {
  readonly weightsGiB: number;
  readonly gradientsGiB: number;
  readonly optimizerGiB: number;
  readonly activationsGiB: number;
  readonly overheadGiB: number;
  readonly perGpuGiB: number;
  /** Parameters that receive gradients (all for full, adapters for LoRA/QLoRA). */
  readonly trainableParams: number;
}

/** Bytes of a 16-bit-or-wider training dtype: fp32 stays 4, everything else trains at 2 (bf16). */
const trainDtypeBytes = (p: Precision): number => (p === 'fp32' ? 4 : 2);

/**
 * LoRA adapter parameters on every linear layer (QLoRA paper practice, arXiv:2305.14314):
 * rank * (in + out) each for q, k, v, o and the three gated-FFN matrices (per expert for MoE).
 */
export function loraParams(model: ModelArch, rank: number): number {
  const h = model.hiddenSize;
  const q = model.attentionHeads * model.headDim;
  const kv = model.kvHeads * model.headDim;
  const attn = rank * (h + q) + 2 * rank * (h + kv) + rank * (q + h);
  const ffn = 3 * rank * (h + model.ffnSize) * Math.max(1, model.experts);
  return model.layers * (attn + ffn);
}

/**
 * Activation bytes per GPU at micro-batch `b` (Korthikanti et al. 2022 eq. 2, plus fp32 logits s*b*V*4 / TP): linear in `b`.
 * With context parallelism each GPU holds s/CP tokens of each sequence: the whole divides by CP.
 */
function trainingActivationBytes(i: TrainingLayoutInput, b: number): number {
  const { model, seqLen: s } = i;
  const h = model.hiddenSize;
  const tp = Math.max(1, i.tensorParallel);
  const sbh = s * b * h;
  const scores = i.attention === 'eager' ? (MEMORY.actAttentionScoreBytes * model.attentionHeads * s) / h : 0;
  const fullLayer = sbh * (MEMORY.actLinearBytes + scores);
  let perModel: number;
  if (i.recompute === 'full') perModel = model.layers * sbh * MEMORY.actFullRecomputeBytes + fullLayer;
  else if (i.recompute === 'selective') perModel = model.layers * sbh * MEMORY.actLinearBytes;
  else perModel = model.layers * fullLayer;
  const widthScale = trainDtypeBytes(i.precision) / 2;
  const logits = s * b * model.vocabSize * MEMORY.logitsBytes;
  return (perModel * widthScale + logits) / tp / Math.max(1, i.contextParallel ?? 1);
}

/** One layout without its micro-batch: what the training planner tries micro-batches on. */
export type TrainingLayoutInput = Omit<TrainingMemoryInput, 'microBatch'>;

export function calculateTrainingMemory(i: TrainingMemoryInput): TrainingMemory {
  return trainingMemoryByMicroBatch(i).at(i.microBatch);
}

/** One layout's memory by micro-batch: the total alone (cheap, for trying many), or every part. */
export interface LayoutMemory {
  readonly perGpuGiB: (microBatch: number) => number;
  readonly at: (microBatch: number) => TrainingMemory;
}

/**
 * The memory of one layout as a function of its micro-batch: weights, gradients, optimizer state
 * and overhead do not depend on it and are computed once; only the activations (linear in the
 * micro-batch) are computed per call. The training planner tries several micro-batches per layout.
 */
export function trainingMemoryByMicroBatch(i: TrainingLayoutInput): LayoutMemory {
  const { model } = i;
  const tp = Math.max(1, i.tensorParallel);
  const pp = Math.max(1, i.pipelineParallel);
  const dp = Math.max(1, i.dataParallel);
  const cp = Math.max(1, i.contextParallel ?? 1);
  // ZeRO shards over every rank holding a replica of the same TP x PP shard: data- and context-parallel ones.
  const shardRanks = dp * cp;
  const mp = tp * pp;
  const totalParams = model.paramsB * PARAMS_PER_B;
  const dtype = trainDtypeBytes(i.precision);
  const master = i.precision === 'fp32' ? 0 : MASTER_WEIGHT_BYTES;
  const stateBytes = OPTIMIZER_STATE_BYTES[i.optimizer] + master;

  let frozenBytes = 0;
  let trainable = totalParams;
  if (i.method !== 'full') {
    trainable = loraParams(model, i.loraRank ?? MEMORY.defaultLoraRank);
    frozenBytes = i.method === 'qlora' ? weightBytes(model, 'int4') : totalParams * dtype;
  }
  const weightShard = i.zeroStage >= 3 ? shardRanks : 1;
  const gradShard = i.zeroStage >= 2 ? shardRanks : 1;
  const optShard = i.zeroStage >= 1 ? shardRanks : 1;
  // ZeRO-3 gathers whole layers before use: two layers' 16-bit weights live (current + prefetch).
  const gatherBuffer = i.zeroStage >= 3 && shardRanks > 1 ? (2 * totalParams * dtype) / model.layers / mp : 0;

  const weights = (frozenBytes + trainable * dtype) / mp / weightShard + gatherBuffer;
  const grads = (trainable * dtype) / mp / gradShard;
  const optimizer = (trainable * stateBytes) / mp / optShard;
  const world = shardRanks * mp;
  const overheadGiB = MEMORY.cudaContextGiB + (world > 1 ? MEMORY.ncclBuffersGiB : 0);
  const weightsGiB = bytesToGiB(weights);
  const gradientsGiB = bytesToGiB(grads);
  const optimizerGiB = bytesToGiB(optimizer);
  const stateGiB = weightsGiB + gradientsGiB + optimizerGiB;
  const activationsGiB = (microBatch: number) => bytesToGiB(trainingActivationBytes(i, microBatch));
  return {
    perGpuGiB: (microBatch) => stateGiB + activationsGiB(microBatch) + overheadGiB,
    at: (microBatch) => {
      const activations = activationsGiB(microBatch);
      const perGpuGiB = stateGiB + activations + overheadGiB;
      return { weightsGiB, gradientsGiB, optimizerGiB, activationsGiB: activations, overheadGiB, perGpuGiB, trainableParams: trainable };
    },
  };
}
