/**
 * How calibration rows name GPUs, models and precisions, mapped to catalog ids. Variant
 * assumptions: "A100 (variant not stated)" = SXM4 80GB (same 312 TFLOPS BF16 as every A100);
 * "A100-80GB-SXM or H100-80GB-SXM" = H100 SXM (both 80 GB, the row is a capacity limit);
 * H200 rows measured on a "131GB" board use the 141 GB catalog part; RTX PRO 6000 Server
 * Edition uses the workstation card's catalog entry (same GB202 chip and 96 GB); DGX-GB200 rows use the
 * catalog's per-GPU GB200 entry.
 */
import type { Precision } from '../catalog/types.ts';

const GPU_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^A100-80GB-SXM or H100/i, 'h100-sxm5-80gb'],
  [/^H200/i, 'h200-sxm-141gb'],
  [/^H100/i, 'h100-sxm5-80gb'],
  [/^A100-40GB/i, 'a100-sxm4-40gb'],
  [/^A100/i, 'a100-sxm4-80gb'],
  [/^L40S/i, 'l40s'],
  [/^B200/i, 'b200-sxm'],
  [/^GB200/i, 'gb200-per-gpu'],
  [/^RTX PRO 6000 Blackwell/i, 'rtx-pro-6000-blackwell'],
  [/^V100/i, 'v100-sxm2'],
  [/^MI300X/i, 'amd-mi300x'],
  [/^MI325X/i, 'amd-mi325x'],
  [/^Gaudi 3/i, 'intel-gaudi3'],
];

const MODEL_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^MPT-125m/i, 'mpt-125m'],
  [/^MPT-760m/i, 'mpt-760m'],
  [/^MPT-1b/i, 'mpt-1b'],
  [/^MPT-3b/i, 'mpt-3b'],
  [/^MPT-7b/i, 'mpt-7b'],
  [/^MPT-13b/i, 'mpt-13b'],
  [/^MPT-30b/i, 'mpt-30b'],
  [/^MPT-70b/i, 'mpt-70b'],
  // TensorRT-LLM v0.5/v0.6 "LLaMA 7B / 70B" tables used the Llama 2 architecture (row note).
  [/^LLaMA 7B/, 'llama-2-7b'],
  [/^LLaMA 70B/, 'llama-2-70b'],
  // NeMo's LLAMA2-7B/13B/70B and torchtitan's "Llama 2 13B / 70B" are the Llama 2 architectures.
  [/^(LLAMA2-7B|Llama 2 7B)$/i, 'llama-2-7b'],
  [/^(LLAMA2-13B|Llama 2 13B)$/i, 'llama-2-13b'],
  [/^(LLAMA2-70B|Llama 2 70B)$/i, 'llama-2-70b'],
  // Megatron-Bridge's LLAMA3_8B / LLAMA3_70B and vLLM's "Llama 3 70B" share the Llama 3.1 architecture
  // (same layers, widths, GQA and vocabulary; 3.1 only extends RoPE scaling for long context).
  [/^(LLAMA3_8B|LLAMA3-8B|Llama 3 8B)$/i, 'llama-3.1-8b'],
  [/^(LLAMA3_70B|LLAMA3-70B|Llama 3 70B)$/i, 'llama-3.1-70b'],
  [/^LLAMA3\.1_405B$/i, 'llama-3.1-405b'],
  [/Llama[- ]3\.1[- ]8B/i, 'llama-3.1-8b'],
  [/Llama[- ]3\.1[- ]70B/i, 'llama-3.1-70b'],
  [/Llama 3\.3 70B/i, 'llama-3.3-70b'],
  [/Llama[- ]3\.1[- ]405B/i, 'llama-3.1-405b'],
  [/GPT-OSS-120B/i, 'gpt-oss-120b'],
  [/^Qwen3-8B/i, 'qwen3-8b'],
  [/^Qwen3-32B/i, 'qwen3-32b'],
  [/^Qwen3-235B-A22B/i, 'qwen3-235b-a22b'],
  [/^Llama-4-Scout/i, 'llama-4-scout'],
  [/^Llama-4-Maverick/i, 'llama-4-maverick'],
  [/octocoder/i, 'starcoder-15b'],
  [/bert-large/i, 'bert-large-uncased'],
];

const first = (table: readonly (readonly [RegExp, string])[], name: string): string | undefined =>
  table.find(([re]) => re.test(name.trim()))?.[1];

export const mapGpu = (name: string): string | undefined => first(GPU_PATTERNS, name);
export const mapModel = (name: string): string | undefined => first(MODEL_PATTERNS, name);

export function mapPrecision(text: string): Precision | undefined {
  const m = /^(fp32|bf16|fp16|fp8|int8|int4|fp4)/i.exec(text.trim());
  return m ? (m[1]!.toLowerCase() as Precision) : undefined;
}

/** Integer after `key=` in a field, e.g. num('seq=2048', 'seq') = 2048. */
export function num(field: string, key: string): number | undefined {
  const m = new RegExp(`${key}=(\\d+)`, 'i').exec(field);
  return m ? Number(m[1]) : undefined;
}

/** Tensor-parallel degree from "TP4" style parallelism text. */
export const tpOf = (field: string): number | undefined => {
  const m = /\bTP(\d+)\b/.exec(field);
  return m ? Number(m[1]) : undefined;
};

/** Context-parallel degree from "CP2" style parallelism text. */
export const cpOf = (field: string): number | undefined => {
  const m = /\bCP(\d+)\b/.exec(field);
  return m ? Number(m[1]) : undefined;
};

/** Pipeline-parallel degree from "PP8" style parallelism text. */
export const ppOf = (field: string): number | undefined => {
  const m = /\bPP(\d+)\b/.exec(field);
  return m ? Number(m[1]) : undefined;
};
