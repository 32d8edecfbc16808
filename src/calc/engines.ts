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
import type { GpuSpec } from '../catalog/types.ts';
import type { ServingEngine } from './coverage.ts';
import type { EfficiencyParams } from './efficiency-params.ts';

export interface EnginePolicy {
  /** Share of device memory the engine may fill (`afterWeights`: share of what is left after weights). */
  readonly memoryFraction: number;
  readonly afterWeights: boolean;
  /** KV allocated as tokens arrive (prompt + half the output on average) vs full sequence reserved. */
  readonly pagedKv: boolean;
  /**
   * How the engine runs a step: `compiled` (TensorRT-LLM's C++ runtime: the fitted per-layer
   * overhead itself), `python` (a Python scheduler between CUDA-graph steps: times the fitted
   * the same overhead; their kernels take the fitted `openEngineEfficiency`), `eager` (plain PyTorch, no CUDA graphs: times EAGER_OVERHEAD_FACTOR).
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
  vllm: { memoryFraction: 0.9, afterWeights: false, pagedKv: true, stepRuntime: 'python' },
  sglang: { memoryFraction: 0.88, afterWeights: false, pagedKv: true, stepRuntime: 'python' },
  'tensorrt-llm': { memoryFraction: 0.95, afterWeights: true, pagedKv: false, stepRuntime: 'compiled' },
  transformers: { memoryFraction: 0.9, afterWeights: false, pagedKv: false, stepRuntime: 'eager' },
} as const satisfies Record<ServingEngine, EnginePolicy>;

/** vLLM: the most widely deployed open serving engine, shipped by the NVIDIA, ROCm and Gaudi stacks alike. */
export const DEFAULT_ENGINE: ServingEngine = 'vllm';

export const enginePolicy = (e: ServingEngine | undefined): EnginePolicy => ENGINES[e ?? DEFAULT_ENGINE];

/** The scheduler's default budget on one GPU: most sequences in flight and most tokens per step. */
export interface SchedulerBudget {
  /** Most sequences per replica the scheduler runs ("max load"). */
  readonly maxSequences: number;
  /** Most prompt tokens one step prefills (chunked prefill); a longer prompt takes several steps. */
  readonly prefillChunkTokens: number;
}

const GIB = 2 ** 30;

/**
 * Engine defaults by GPU (the calibration rows and deployments that do not set them):
 * - vLLM V1 (`EngineArgs.get_batch_defaults`, vllm/engine/arg_utils.py, v0.8 on): the API server
 *   on parts with >= 70 GiB other than A100: max_num_batched_tokens 8192, max_num_seqs 1024;
 *   otherwise 2048 and 256.
 * - SGLang (`ServerArgs`, python/sglang/srt/server_args.py): chunked_prefill_size 2048 below
 *   35 GiB, 8192 below 160 GiB, else 16384; max_running_requests bounded by memory (1024 here).
 * - TensorRT-LLM: max_num_tokens 8192 and max_batch_size 2048 (trtllm-build / LLM API defaults;
 *   the calibration rows' trtllm-bench settings).
 * - transformers `generate`: no chunking (a static batch's prompts in one forward), 64 sequences.
 */
export function schedulerBudget(e: ServingEngine | undefined, gpu: GpuSpec): SchedulerBudget {
  const bytes = gpu.memoryGB * 1e9;
  switch (e ?? DEFAULT_ENGINE) {
    case 'vllm': {
      const large = bytes >= 70 * GIB && !/a100/i.test(gpu.id);
      return large ? { maxSequences: 1024, prefillChunkTokens: 8192 } : { maxSequences: 256, prefillChunkTokens: 2048 };
    }
    case 'sglang':
      return { maxSequences: 1024, prefillChunkTokens: bytes < 35 * GIB ? 2048 : bytes < 160 * GIB ? 8192 : 16384 };
    case 'tensorrt-llm':
      return { maxSequences: 2048, prefillChunkTokens: 8192 };
    case 'transformers':
      return { maxSequences: 64, prefillChunkTokens: Number.POSITIVE_INFINITY };
  }
}

/** The engine's multiplier on the fitted per-layer step overhead (launch, sampling, scheduling). */
export function stepOverheadFactor(e: ServingEngine | undefined): number {
  return enginePolicy(e).stepRuntime === 'eager' ? EAGER_OVERHEAD_FACTOR : 1;
}

/** The engine's multiplier on the fitted compute and bandwidth efficiencies (TensorRT-LLM = 1). */
export function engineEfficiency(e: ServingEngine | undefined, params: EfficiencyParams): number {
  return enginePolicy(e).stepRuntime === 'compiled' ? 1 : params.decode.openEngineEfficiency;
}
