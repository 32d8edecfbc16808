/**
 * Per-replica inference timing: prefill and decode rooflines with fitted efficiencies
 * (docs/domain.md "Time"): prefill = max(2*P_active*T / (peak*eff), weights / (BW*MBU)) +
 * TP all-reduces; decode step = max((weights/TP + KV read) / (BW*MBU), compute) + 2 all-reduces
 * per layer (Megatron-LM TP, Shoeybi et al. 2019, arXiv:1909.08053) + a fitted per-layer overhead.
 * Attention FLOPs: 4 * layers * heads * headDim * context per token (QK^T and PV).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { allReduceSeconds } from './comm.ts';
import { decodeComputeEfficiency, decodeMbu, prefillEfficiency } from './efficiency.ts';
import type { EfficiencyParams } from './efficiency-params.ts';
import { bandwidthBytesPerS } from './gpu-class.ts';
import { kvBytesPerTokenPerGpu } from './inference-memory.ts';
import { activeComputeParams, weightBytes, weightBytesReadPerStep } from './model-size.ts';
import { computeRate } from './precision.ts';

export interface ReplicaSetup {
  readonly gpu: GpuSpec;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly kvPrecision: Precision;
  readonly tensorParallel: number;
  readonly params: EfficiencyParams;
}

/** Activation bytes all-reduced per token per TP all-reduce (16-bit hidden state). */
const ACT_BYTES = 2;

function perGpuFlopsPerToken(s: ReplicaSetup, context: number): number {
  const m = s.model;
  const attention = 4 * m.layers * m.attentionHeads * m.headDim * context;
  return (2 * activeComputeParams(m) + attention) / s.tensorParallel;
}

const peakFlops = (s: ReplicaSetup): number => computeRate(s.gpu, s.precision).tflops * 1e12;

function commSeconds(s: ReplicaSetup, tokens: number): number {
  const perAllReduce = allReduceSeconds(s.gpu, tokens * s.model.hiddenSize * ACT_BYTES, s.tensorParallel, s.params);
  return 2 * s.model.layers * perAllReduce;
}

const overheadSeconds = (s: ReplicaSetup): number => s.model.layers * s.params.decode.layerOverheadUs * 1e-6;

/** Seconds to prefill `tokens` prompt tokens of one sequence (TTFT without queueing). */
export function prefillSeconds(s: ReplicaSetup, tokens: number): number {
  const compute = (tokens * perGpuFlopsPerToken(s, tokens / 2)) / (peakFlops(s) * prefillEfficiency(s.gpu, s.precision, s.params));
  const memory = weightBytes(s.model, s.precision) / s.tensorParallel / (bandwidthBytesPerS(s.gpu) * decodeMbu(s.gpu, s.params));
  return Math.max(compute, memory) + commSeconds(s, tokens) + overheadSeconds(s);
}

export interface DecodeStepInput {
  /** Sequences decoding this step. */
  readonly batch: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Prompt tokens of new requests prefilled in the same step (continuous batching). */
  readonly prefillTokens: number;
}

/** Seconds for one engine step that decodes `batch` tokens and prefills `prefillTokens`. */
export function decodeStepSeconds(s: ReplicaSetup, d: DecodeStepInput): number {
  const ctx = d.inputTokens + d.outputTokens / 2;
  const peak = peakFlops(s);
  const compute =
    (d.batch * perGpuFlopsPerToken(s, ctx)) / (peak * decodeComputeEfficiency(s.gpu, s.precision, s.params)) +
    (d.prefillTokens * perGpuFlopsPerToken(s, d.inputTokens / 2)) / (peak * prefillEfficiency(s.gpu, s.precision, s.params));
  const weights = weightBytesReadPerStep(s.model, s.precision, d.batch) / s.tensorParallel;
  const kv = d.batch * ctx * kvBytesPerTokenPerGpu(s.model, s.kvPrecision, s.tensorParallel);
  const memory = (weights + kv) / (bandwidthBytesPerS(s.gpu) * decodeMbu(s.gpu, s.params));
  return Math.max(compute, memory) + commSeconds(s, d.batch + d.prefillTokens) + overheadSeconds(s);
}
