/**
 * Memory constants, each with its source. `memoryAssumptions()` lists them for the report.
 */
import type { Assumption } from './assumption.ts';

const HF_ANATOMY = 'https://github.com/huggingface/transformers/blob/main/docs/source/en/model_memory_anatomy.md';
const KORTHIKANTI = 'https://arxiv.org/abs/2205.05198';

export const MEMORY = {
  /** CUDA context + kernels per GPU: 1,343 MiB measured on a V100 (HF "model memory anatomy"; doc: 1-2 GB). */
  cudaContextGiB: 1343 / 1024,
  /** NCCL communicator buffers per GPU when tensor parallel >= 2: ~0.35 GB (project estimate, docs/methodology.md#runtime-overhead). */
  ncclBuffersGiB: 0.35e9 / 2 ** 30,
  /** Fraction of device memory a serving engine takes (vLLM gpu_memory_utilization default 0.9). */
  servingMemoryUtilization: 0.9,
  /** Fraction of device memory usable for training after allocator fragmentation (project margin). */
  trainingMemoryUtilization: 0.95,
  /**
   * Binary GiB visible per nominal "GB" of an HBM / non-ECC part: vendors' capacities are binary
   * (nvidia-smi shows 81,559 MiB on an "80 GB" H100 = 0.9956 GiB per nominal GB).
   */
  visibleGiBPerNominalGB: 81_559 / 1024 / 80,
  /** GDDR with inline ECC on (L40S, RTX 6000 Ada ECC parts): 46,068 MiB visible of "48 GB" (nvidia-smi). */
  visibleGiBPerNominalGBEcc: 46_068 / 1024 / 48,
  /** Prefill tokens processed per engine step (TensorRT-LLM max_num_tokens default 8192). */
  prefillChunkTokens: 8192,
  /** Logits are materialised in fp32 for sampling / cross-entropy (4 bytes per vocab entry). */
  logitsBytes: 4,
  /** Korthikanti et al. 2022 (arXiv:2205.05198) eq. 2: per-layer activations s*b*h*(34 + 5*a*s/h) bytes at 16-bit. */
  actLinearBytes: 34,
  actAttentionScoreBytes: 5,
  /** Full recompute keeps only each layer's 16-bit input: 2*s*b*h bytes per layer (Korthikanti 2022 sec. 4.2). */
  actFullRecomputeBytes: 2,
  /** Default LoRA rank when none is given (QLoRA paper arXiv:2305.14314 uses 64 on all linear layers; 16 is common). */
  defaultLoraRank: 16,
} as const;

/** Optimizer state bytes per trainable parameter, excluding the fp32 master copy. */
export const OPTIMIZER_STATE_BYTES = {
  /** AdamW: fp32 first and second moments (Rajbhandari et al. 2020, ZeRO, arXiv:1910.02054 sec. 3.1). */
  adamw: 8,
  /** 8-bit Adam: two 1-byte block-quantised moments (Dettmers et al. 2021, arXiv:2110.02861). */
  'adamw-8bit': 2,
  /** SGD with momentum: one fp32 buffer. */
  sgd: 4,
  /** Adafactor: factored second moment, O(rows + cols), ~0 per parameter (Shazeer & Stern 2018, arXiv:1804.04235). */
  adafactor: 0,
  /** Lion: one fp32 momentum buffer (Chen et al. 2023, arXiv:2302.06675). */
  lion: 4,
} as const satisfies Record<string, number>;

/** fp32 master weights kept by mixed-precision training (Micikevicius et al. 2017, arXiv:1710.03740). */
export const MASTER_WEIGHT_BYTES = 4;

export function memoryAssumptions(): Assumption[] {
  const m = MEMORY;
  return [
    {
      id: 'cudaContext',
      value: m.cudaContextGiB,
      unit: 'GiB',
      source: 'HF Transformers, model memory anatomy (1,343 MiB measured)',
      url: HF_ANATOMY,
    },
    { id: 'ncclBuffers', value: m.ncclBuffersGiB, unit: 'GiB', source: 'docs/methodology.md#runtime-overhead (~0.35 GB)' },
    {
      id: 'servingUtilization',
      value: m.servingMemoryUtilization,
      unit: 'fraction',
      source: 'vLLM gpu_memory_utilization default',
      url: 'https://docs.vllm.ai/en/latest/serving/engine_args.html',
    },
    {
      id: 'trainingUtilization',
      value: m.trainingMemoryUtilization,
      unit: 'fraction',
      source: 'project assumption (PyTorch caching-allocator fragmentation)',
    },
    { id: 'visibleHbm', value: m.visibleGiBPerNominalGB, unit: 'GiB/GB', source: 'nvidia-smi memory.total, H100 80GB = 81,559 MiB' },
    { id: 'visibleEcc', value: m.visibleGiBPerNominalGBEcc, unit: 'GiB/GB', source: 'nvidia-smi memory.total, L40S 48GB = 46,068 MiB' },
    {
      id: 'prefillChunk',
      value: m.prefillChunkTokens,
      unit: 'tokens',
      source: 'TensorRT-LLM max_num_tokens default',
      url: 'https://nvidia.github.io/TensorRT-LLM/performance/performance-tuning-guide/tuning-max-batch-size-and-max-num-tokens.html',
    },
    { id: 'logitsBytes', value: m.logitsBytes, unit: 'bytes', source: 'fp32 logits for softmax / cross-entropy' },
    { id: 'actLinear', value: m.actLinearBytes, unit: 'bytes', source: 'Korthikanti et al. 2022, eq. 2', url: KORTHIKANTI },
    {
      id: 'actScores',
      value: m.actAttentionScoreBytes,
      unit: 'bytes',
      source: 'Korthikanti et al. 2022, eq. 2 (removed by FlashAttention / selective recompute)',
      url: KORTHIKANTI,
    },
    { id: 'actFull', value: m.actFullRecomputeBytes, unit: 'bytes', source: 'Korthikanti et al. 2022, sec. 4.2', url: KORTHIKANTI },
    {
      id: 'adamState',
      value: OPTIMIZER_STATE_BYTES.adamw,
      unit: 'bytes',
      source: 'ZeRO (Rajbhandari et al. 2020), sec. 3.1',
      url: 'https://arxiv.org/abs/1910.02054',
    },
    {
      id: 'adam8bitState',
      value: OPTIMIZER_STATE_BYTES['adamw-8bit'],
      unit: 'bytes',
      source: 'Dettmers et al. 2021',
      url: 'https://arxiv.org/abs/2110.02861',
    },
    { id: 'sgdState', value: OPTIMIZER_STATE_BYTES.sgd, unit: 'bytes', source: 'one fp32 momentum buffer' },
    {
      id: 'lionState',
      value: OPTIMIZER_STATE_BYTES.lion,
      unit: 'bytes',
      source: 'Chen et al. 2023',
      url: 'https://arxiv.org/abs/2302.06675',
    },
    {
      id: 'masterWeights',
      value: MASTER_WEIGHT_BYTES,
      unit: 'bytes',
      source: 'Micikevicius et al. 2017',
      url: 'https://arxiv.org/abs/1710.03740',
    },
    {
      id: 'quantScale',
      value: 2,
      unit: 'bytes',
      source: 'GPTQ / AWQ group size 64 with 16-bit scales (docs/methodology.md#weights)',
      url: 'https://arxiv.org/abs/2306.00978',
    },
    {
      id: 'fp4Scale',
      value: 1,
      unit: 'bytes',
      source: 'NVIDIA, Introducing NVFP4 (2025)',
      url: 'https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/',
    },
    {
      id: 'loraRank',
      value: m.defaultLoraRank,
      unit: 'rank',
      source: 'common default; QLoRA paper uses 64',
      url: 'https://arxiv.org/abs/2305.14314',
    },
  ];
}
