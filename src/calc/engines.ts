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
 *   batches, no CUDA graphs: a step overhead EAGER_OVERHEAD_FACTOR times the fitted per-layer
 *   overhead (prior, not fitted: no calibration row), so its estimates are extrapolated.
 * - Step overhead: TensorRT-LLM's runtime is the reference of the fitted per-layer overhead; vLLM
 *   and SGLang schedule each step in Python, a fitted factor on it (fitted on vLLM rows; SGLang,
 *   with no row, takes vLLM's and is marked extrapolated by its engine).
 */
import type { ServingEngine } from './coverage.ts';
import type { EfficiencyParams } from './efficiency-params.ts';

export interface EnginePolicy {
  /** Share of device memory the engine may fill (`afterWeights`: share of what is left after weights). */
  readonly memoryFraction: number;
  readonly afterWeights: boolean;
  /** KV allocated as tokens arrive (prompt + half the output on average) vs full sequence reserved. */
  readonly pagedKv: boolean;
  /** Default most sequences per replica the scheduler runs at "max load". */
  readonly maxSequences: number;
  /**
   * How the engine runs a step: `compiled` (TensorRT-LLM's C++ runtime: the fitted per-layer
   * overhead itself), `python` (a Python scheduler between CUDA-graph steps: times the fitted
   * `pythonSchedulerFactor`), `eager` (plain PyTorch, no CUDA graphs: times EAGER_OVERHEAD_FACTOR).
   */
  readonly stepRuntime: 'compiled' | 'python' | 'eager';
}

/**
 * Per-layer step overhead of eager PyTorch `generate` relative to the compiled reference: a prior,
 * not fitted (no calibration row). vLLM's paper reports 8.5-15x the throughput of HF transformers
 * (arXiv:2309.06180 fig. 12); most of that is batching and memory, the rest launch overhead.
 */
export const EAGER_OVERHEAD_FACTOR = 4;

export const ENGINES = {
  vllm: { memoryFraction: 0.9, afterWeights: false, pagedKv: true, maxSequences: 256, stepRuntime: 'python' },
  sglang: { memoryFraction: 0.88, afterWeights: false, pagedKv: true, maxSequences: 1024, stepRuntime: 'python' },
  'tensorrt-llm': { memoryFraction: 0.95, afterWeights: true, pagedKv: false, maxSequences: 2048, stepRuntime: 'compiled' },
  transformers: { memoryFraction: 0.9, afterWeights: false, pagedKv: false, maxSequences: 64, stepRuntime: 'eager' },
} as const satisfies Record<ServingEngine, EnginePolicy>;

/** vLLM: the most widely deployed open serving engine, shipped by the NVIDIA, ROCm and Gaudi stacks alike. */
export const DEFAULT_ENGINE: ServingEngine = 'vllm';

export const enginePolicy = (e: ServingEngine | undefined): EnginePolicy => ENGINES[e ?? DEFAULT_ENGINE];

/** The engine's multiplier on the fitted per-layer step overhead (launch, sampling, scheduling). */
export function stepOverheadFactor(e: ServingEngine | undefined, params: EfficiencyParams): number {
  const runtime = enginePolicy(e).stepRuntime;
  return runtime === 'eager' ? EAGER_OVERHEAD_FACTOR : 1;
}

/** The engine's multiplier on the fitted compute and bandwidth efficiencies (TensorRT-LLM = 1). */
export function engineEfficiency(e: ServingEngine | undefined, params: EfficiencyParams): number {
  return enginePolicy(e).stepRuntime === 'compiled' ? 1 : params.decode.openEngineEfficiency;
}
