/**
 * Serving engines' memory policies and step overheads (docs/methodology.md#usable-memory):
 * - vLLM: gpu_memory_utilization 0.9 of device memory (EngineArgs default), paged KV allocated as
 *   tokens arrive (PagedAttention, arXiv:2309.06180), max_num_seqs 256 (default up to v0.10).
 * - SGLang: mem_fraction_static ~0.88 on large-memory GPUs (ServerArgs default), paged KV
 *   (RadixAttention), max_running_requests bounded by memory.
 * - TensorRT-LLM: kv_cache_free_gpu_mem_fraction of the memory left after weights (0.95 in
 *   trtllm-bench, the calibration rows' setting), GUARANTEED_NO_EVICT reserves the full sequence,
 *   max_batch_size 2048 (trtllm-build).
 * - transformers (plain `generate`): no paged KV (full sequence reserved per request), static
 *   batches, no CUDA graphs: a step overhead `stepOverheadFactor` times the fitted per-layer
 *   overhead (prior, not fitted: no calibration row; vLLM's paper reports 8.5-15x the
 *   throughput of HF transformers, arXiv:2309.06180 fig. 12), so its estimates are extrapolated.
 */
import type { ServingEngine } from './coverage.ts';

export interface EnginePolicy {
  /** Share of device memory the engine may fill (`afterWeights`: share of what is left after weights). */
  readonly memoryFraction: number;
  readonly afterWeights: boolean;
  /** KV allocated as tokens arrive (prompt + half the output on average) vs full sequence reserved. */
  readonly pagedKv: boolean;
  /** Default most sequences per replica the scheduler runs at "max load". */
  readonly maxSequences: number;
  /** Multiplier on the fitted per-layer step overhead (launch, sampling, scheduling). */
  readonly stepOverheadFactor: number;
}

export const ENGINES = {
  vllm: { memoryFraction: 0.9, afterWeights: false, pagedKv: true, maxSequences: 256, stepOverheadFactor: 1 },
  sglang: { memoryFraction: 0.88, afterWeights: false, pagedKv: true, maxSequences: 1024, stepOverheadFactor: 1 },
  'tensorrt-llm': { memoryFraction: 0.95, afterWeights: true, pagedKv: false, maxSequences: 2048, stepOverheadFactor: 1 },
  transformers: { memoryFraction: 0.9, afterWeights: false, pagedKv: false, maxSequences: 64, stepOverheadFactor: 4 },
} as const satisfies Record<ServingEngine, EnginePolicy>;

/** vLLM: the most widely deployed open serving engine, shipped by the NVIDIA, ROCm and Gaudi stacks alike. */
export const DEFAULT_ENGINE: ServingEngine = 'vllm';

export const enginePolicy = (e: ServingEngine | undefined): EnginePolicy => ENGINES[e ?? DEFAULT_ENGINE];
