/**
 * Inference memory: weights + KV cache + transient activations + runtime overhead.
 * KV per token = sum over layers of 2 (K and V) * kvHeads * headDim * bytes (docs/methodology.md#kv-cache);
 * under tensor parallelism each GPU holds max(kvHeads / TP, 1) heads (MQA/GQA heads are
 * replicated once TP exceeds them, as in vLLM and TensorRT-LLM).
 */
import type { ModelArch, Precision } from '../catalog/types.ts';
import { MEMORY } from './memory-constants.ts';
import { weightBytes } from './model-size.ts';
import { kvBytesPerElement } from './precision.ts';
import { bytesToGiB } from './units.ts';

export interface InferenceMemoryInput {
  readonly model: ModelArch;
  readonly weightPrecision: Precision;
  readonly kvPrecision: Precision;
  /** Tokens held per sequence (prompt + generated). */
  readonly contextTokens: number;
  /** Sequences resident at once. */
  readonly concurrency: number;
  readonly tensorParallel: number;
  /** Pipeline stages per replica (layers split evenly). Default 1. */
  readonly pipelineParallel?: number;
  /**
   * Serving engines reserve activation memory for a full prefill chunk (vLLM and TensorRT-LLM
   * profile max_num_batched_tokens / max_num_tokens); off = only the tokens actually in flight.
   */
  readonly reservePrefillChunk?: boolean;
}

export interface InferenceMemory {
  /** All weights across the TP group, GiB. */
  readonly weightsGiB: number;
  /** KV cache across the TP group (replicated heads counted once per GPU), GiB. */
  readonly kvCacheGiB: number;
  /** Whole-model KV bytes per token (no TP replication). */
  readonly kvBytesPerToken: number;
  /** Transient activations + logits across the group, GiB. */
  readonly activationsGiB: number;
  /** CUDA context (+ NCCL buffers at TP >= 2) across the group, GiB. */
  readonly overheadGiB: number;
  readonly totalGiB: number;
  /** The most loaded GPU's share, GiB. */
  readonly perGpuGiB: number;
}

/**
 * KV bytes per token held by ONE GPU at tensor-parallel degree `tp`, averaged over a context of
 * `contextTokens` (sliding-window layers hold at most their window; docs/methodology.md#kv-cache).
 * MLA caches one latent vector per layer (kvLatentDim elements), replicated on every TP rank.
 */
export function kvBytesPerTokenPerGpu(model: ModelArch, kvPrecision: Precision, tp: number, contextTokens?: number): number {
  const perLayer = model.kvLatentDim ?? 2 * Math.max(model.kvHeads / tp, 1) * model.headDim;
  const sw = model.slidingWindow;
  const windowShare = sw && contextTokens && contextTokens > sw.tokens ? sw.tokens / contextTokens : 1;
  const layers = sw ? model.layers - sw.layers + sw.layers * windowShare : model.layers;
  return layers * perLayer * kvBytesPerElement(kvPrecision);
}

/**
 * Transient activation bytes for the whole model (divide by TP per GPU): one layer's live tensors
 * for a prefill chunk, ~(4h + 2*ffn) 16-bit values per token (residual, QKV/attention out, FFN
 * up+gate), plus fp32 logits for one token per sequence.
 */
export function inferenceActivationBytes(model: ModelArch, tokensInFlight: number, concurrency: number): number {
  const chunk = Math.max(0, Math.min(tokensInFlight, MEMORY.prefillChunkTokens));
  const perToken = (4 * model.hiddenSize + 2 * model.ffnSize * Math.max(1, model.activeExperts)) * 2;
  return chunk * perToken + concurrency * model.vocabSize * MEMORY.logitsBytes;
}

/** Runtime overhead per GPU, GiB: CUDA context, plus NCCL buffers when TP >= 2. */
const overheadPerGpuGiB = (tp: number): number => MEMORY.cudaContextGiB + (tp >= 2 ? MEMORY.ncclBuffersGiB : 0);

export function calculateInferenceMemory(input: InferenceMemoryInput): InferenceMemory {
  const { model, contextTokens, concurrency } = input;
  const tp = Math.max(1, Math.floor(input.tensorParallel));
  const pp = Math.max(1, Math.floor(input.pipelineParallel ?? 1));
  const weights = bytesToGiB(weightBytes(model, input.weightPrecision));
  const kvBytesPerToken = kvBytesPerTokenPerGpu(model, input.kvPrecision, 1);
  const kvPerGpu = bytesToGiB((kvBytesPerTokenPerGpu(model, input.kvPrecision, tp, contextTokens) * contextTokens * concurrency) / pp);
  const inFlight = input.reservePrefillChunk ? MEMORY.prefillChunkTokens : contextTokens * concurrency;
  const activations = bytesToGiB(inferenceActivationBytes(model, inFlight, concurrency));
  const overheadPerGpu = overheadPerGpuGiB(tp * pp);
  const perGpuGiB = weights / (tp * pp) + kvPerGpu + activations / tp + overheadPerGpu;
  return {
    weightsGiB: weights,
    kvCacheGiB: kvPerGpu * tp * pp,
    kvBytesPerToken,
    activationsGiB: activations,
    overheadGiB: overheadPerGpu * tp * pp,
    totalGiB: weights + kvPerGpu * tp * pp + activations + overheadPerGpu * tp * pp,
    perGpuGiB,
  };
}
