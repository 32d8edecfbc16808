/**
 * Bytes per stored parameter and the tensor-core rate a precision computes at.
 * Sources: IEEE/OCP formats; group-scale overheads per docs/methodology.md#weights
 * (int4/int8 add a 16-bit scale per group of 64 weights, as in GPTQ/AWQ
 * group_size 64, arXiv:2210.17323, arXiv:2306.00978); NVFP4 keeps one FP8 (E4M3) scale per
 * 16 values (NVIDIA, "Introducing NVFP4", developer.nvidia.com/blog, 2025); MXFP4 one 8-bit (E8M0)
 * scale per 32 values (OCP Microscaling Formats v1.0, 2023; gpt-oss ships its experts in MXFP4).
 */
import type { GpuSpec, Precision, TensorFormat } from '../catalog/types.ts';

/** Weights per quantisation group and bytes per group scale (16-bit scale, group of 64). */
const QUANT_GROUP_SIZE = 64;
const QUANT_SCALE_BYTES = 2;
/** NVFP4: 16-value blocks with a 1-byte FP8 scale. */
const FP4_BLOCK_SIZE = 16;
const FP4_SCALE_BYTES = 1;
/** MXFP4: 32-value blocks with a 1-byte E8M0 scale. */
const MXFP4_BLOCK_SIZE = 32;

const RAW_BYTES = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5, fp4: 0.5, mxfp4: 0.5 } as const satisfies Record<
  Precision,
  number
>;

/** Bytes each parameter takes in memory at precision `p`, group scales included. */
export function bytesPerParam(p: Precision): number {
  if (p === 'int8' || p === 'int4') return RAW_BYTES[p] + QUANT_SCALE_BYTES / QUANT_GROUP_SIZE;
  if (p === 'fp4') return RAW_BYTES[p] + FP4_SCALE_BYTES / FP4_BLOCK_SIZE;
  if (p === 'mxfp4') return RAW_BYTES[p] + FP4_SCALE_BYTES / MXFP4_BLOCK_SIZE;
  return RAW_BYTES[p];
}

/** Bytes per KV-cache element (no group scales: FP8/INT8 KV caches use per-tensor scales). */
export const kvBytesPerElement = (p: Precision): number => RAW_BYTES[p];

/** Whether a quantised precision stores embeddings/LM head at 16-bit (GPTQ, AWQ, bitsandbytes, ModelOpt all do). */
export const keepsEmbeddingsAt16Bit = (p: Precision): boolean => RAW_BYTES[p] < 2;

export interface ComputeRate {
  /** Dense TFLOPS used for the matmuls. */
  readonly tflops: number;
  /** The tensor format that rate belongs to. */
  readonly format: TensorFormat;
  /** True when weights are stored narrower than they are computed (W8A16, W4A16). */
  readonly weightOnly: boolean;
}

/** 16-bit rate: bf16, else fp16 (V100/T4 lack bf16), else tf32/fp32 as a last resort. */
function sixteenBit(gpu: GpuSpec): ComputeRate {
  const d = gpu.denseTflops;
  if (d.bf16 !== null) return { tflops: d.bf16, format: 'bf16', weightOnly: false };
  if (d.fp16 !== null) return { tflops: d.fp16, format: 'fp16', weightOnly: false };
  if (d.tf32 !== null) return { tflops: d.tf32, format: 'tf32', weightOnly: false };
  return { tflops: gpu.fp32NonTensorTflops ?? 1, format: 'tf32', weightOnly: false };
}

/**
 * Tensor rate for a precision. fp8 computes at the FP8 rate where the GPU has one, else it is
 * weight-only with 16-bit compute (e.g. FP8 checkpoints on A100 in vLLM run as W8A16 Marlin).
 * int4 is weight-only W4A16 (AWQ/GPTQ kernels); int8 uses the INT8 rate (SmoothQuant W8A8);
 * fp4 uses the FP4 rate on Blackwell, else weight-only; fp32 uses TF32.
 */
export function computeRate(gpu: GpuSpec, p: Precision): ComputeRate {
  const d = gpu.denseTflops;
  const base = sixteenBit(gpu);
  switch (p) {
    case 'fp8':
      return d.fp8 !== null ? { tflops: d.fp8, format: 'fp8', weightOnly: false } : { ...base, weightOnly: true };
    case 'fp4':
    case 'mxfp4':
      return d.fp4 !== null ? { tflops: d.fp4, format: 'fp4', weightOnly: false } : { ...base, weightOnly: true };
    case 'int8':
      return d.int8 !== null ? { tflops: d.int8, format: 'int8', weightOnly: false } : { ...base, weightOnly: true };
    case 'int4':
      return { ...base, weightOnly: true };
    case 'fp32':
      return d.tf32 !== null ? { tflops: d.tf32, format: 'tf32', weightOnly: false } : base;
    default:
      return base;
  }
}
