/**
 * Per-replica inference timing: prefill and decode rooflines with fitted efficiencies
 * (docs/methodology.md#inference-time): prefill = max(2*P_active*T / (peak*eff), weights / (BW*MBU)) +
 * TP all-reduces; decode step = GEMM roofline + attention roofline (KV read) + 2 all-reduces
 * per layer (Megatron-LM TP, Shoeybi et al. 2019, arXiv:1909.08053) + a fitted per-layer overhead.
 * Attention FLOPs: 4 * layers * heads * headDim * context per token (QK^T and PV).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { allReduceLink, allReduceOn, allReduceSeconds } from './comm.ts';
import { decodeComputeEfficiency, decodeMbu, prefillEfficiency } from './efficiency.ts';
import type { EfficiencyParams } from './efficiency-params.ts';
import { bandwidthBytesPerS } from './gpu-class.ts';
import { kvBytesPerTokenPerGpu } from './inference-memory.ts';
import { activeComputeParams, PARAMS_PER_B, weightBytes, weightBytesReadPerStep } from './model-size.ts';
import { computeRate } from './precision.ts';

export interface ReplicaSetup {
  readonly gpu: GpuSpec;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly kvPrecision: Precision;
  readonly tensorParallel: number;
  readonly params: EfficiencyParams;
  /** The engine's multiplier on the fitted per-layer overhead (engines.ts); 1 when absent. */
  readonly stepOverheadFactor?: number;
  /** The engine's multiplier on the fitted compute and bandwidth efficiencies (engines.ts); 1 when absent. */
  readonly engineEfficiency?: number;
}

/** Activation bytes all-reduced per token per TP all-reduce (16-bit hidden state). */
const ACT_BYTES = 2;

/** Per-GPU GEMM FLOPs per token: 2 * P_active / TP. */
const gemmFlopsPerToken = (s: ReplicaSetup): number => (2 * activeComputeParams(s.model)) / s.tensorParallel;

/** Per-GPU attention FLOPs per token at `context` (QK^T and PV: 4 * layers * heads * headDim * context / TP). */
const attnFlopsPerToken = (s: ReplicaSetup, context: number): number =>
  (4 * s.model.layers * s.model.attentionHeads * s.model.headDim * context) / s.tensorParallel;

/** The used tensor peak, times the fitted MoE compute factor for mixture-of-experts models (efficiency-params.ts). */
const peakFlops = (s: ReplicaSetup): number =>
  computeRate(s.gpu, s.precision).tflops * 1e12 * (s.model.experts > 1 ? s.params.prefill.moeFactor : 1);

function commSeconds(s: ReplicaSetup, tokens: number): number {
  const perAllReduce = allReduceSeconds(s.gpu, tokens * s.model.hiddenSize * ACT_BYTES, s.tensorParallel, s.params);
  return 2 * s.model.layers * perAllReduce;
}

const overheadSeconds = (s: ReplicaSetup): number => s.model.layers * s.params.decode.layerOverheadUs * 1e-6 * (s.stepOverheadFactor ?? 1);

/** Seconds to prefill `tokens` prompt tokens of one sequence (TTFT without queueing). */
export function prefillSeconds(s: ReplicaSetup, tokens: number): number {
  const rate = peakFlops(s) * prefillEfficiency(s.gpu, s.precision, s.params) * (s.engineEfficiency ?? 1);
  const bw = bandwidthBytesPerS(s.gpu) * decodeMbu(s.gpu, s.params) * (s.engineEfficiency ?? 1);
  const gemm = Math.max((tokens * gemmFlopsPerToken(s)) / rate, weightBytes(s.model, s.precision) / s.tensorParallel / bw);
  const attention = (tokens * attnFlopsPerToken(s, tokens / 2)) / rate;
  return gemm + attention + commSeconds(s, tokens) + overheadSeconds(s);
}

export interface DecodeStepInput {
  /** Sequences decoding this step. */
  readonly batch: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Prompt tokens of new requests prefilled in the same step (continuous batching). */
  readonly prefillTokens: number;
}

/**
 * Seconds for one engine step that decodes `batch` tokens and prefills `prefillTokens`. GEMMs and
 * attention are separate kernels, so each gets its own roofline and their times add: GEMMs =
 * max(weight bytes / (BW*MBU), FLOPs / (peak*eff)); attention = max(KV bytes / (BW*MBU), FLOPs / (peak*eff)).
 */
export function decodeStepSeconds(s: ReplicaSetup, d: DecodeStepInput): number {
  const ctx = d.inputTokens + d.outputTokens / 2;
  const peak = peakFlops(s);
  const effD = peak * decodeComputeEfficiency(s.gpu, s.precision, s.params) * (s.engineEfficiency ?? 1);
  const effP = peak * prefillEfficiency(s.gpu, s.precision, s.params) * (s.engineEfficiency ?? 1);
  const bw = bandwidthBytesPerS(s.gpu) * decodeMbu(s.gpu, s.params) * (s.engineEfficiency ?? 1);
  const gemmCompute = (d.batch * gemmFlopsPerToken(s)) / effD + (d.prefillTokens * gemmFlopsPerToken(s)) / effP;
  const gemmMemory = weightBytesReadPerStep(s.model, s.precision, d.batch) / s.tensorParallel / bw;
  const kvBytes = d.batch * ctx * kvBytesPerTokenPerGpu(s.model, s.kvPrecision, s.tensorParallel, ctx);
  const attnCompute = (d.batch * attnFlopsPerToken(s, ctx)) / effD + (d.prefillTokens * attnFlopsPerToken(s, d.inputTokens / 2)) / effP;
  const attention = Math.max(kvBytes / bw, attnCompute);
  return Math.max(gemmCompute, gemmMemory) + attention + commSeconds(s, d.batch + d.prefillTokens) + overheadSeconds(s);
}

/** `prefillSeconds` and `decodeStepSeconds` of one replica set-up, its constants worked out once. */
export interface ReplicaTimer {
  prefill(tokens: number): number;
  step(d: DecodeStepInput): number;
}

/**
 * The two timing functions above for one set-up, with everything that does not depend on the
 * tokens (peak rates, efficiencies, bandwidth, weight bytes, all-reduce latency and bandwidth,
 * the per-layer overhead) computed once: the same operations in the same order, so the same
 * doubles (test/calc/inference-time.test.ts holds them to the plain functions). The concurrency
 * sweeps and searches time thousands of steps on a few set-ups.
 */
export function replicaTimer(s: ReplicaSetup): ReplicaTimer {
  const { model, tensorParallel: tp } = s;
  const peak = peakFlops(s);
  const effD = peak * decodeComputeEfficiency(s.gpu, s.precision, s.params) * (s.engineEfficiency ?? 1);
  const effP = peak * prefillEfficiency(s.gpu, s.precision, s.params) * (s.engineEfficiency ?? 1);
  const bw = bandwidthBytesPerS(s.gpu) * decodeMbu(s.gpu, s.params) * (s.engineEfficiency ?? 1);
  const gemmPerToken = gemmFlopsPerToken(s);
  const weightsRead = weightBytes(model, s.precision) / tp / bw;
  const attnPerContext = 4 * model.layers * model.attentionHeads * model.headDim;
  const attnFlops = (context: number) => (attnPerContext * context) / tp;
  // allReduceSeconds (comm.ts) on the set-up's link.
  const link = tp <= 1 ? null : allReduceLink(s.gpu, tp, s.params);
  const comm = (tokens: number) => 2 * model.layers * (link === null ? 0 : allReduceOn(link, tokens * model.hiddenSize * ACT_BYTES, tp));
  const overhead = overheadSeconds(s);
  // weightBytesReadPerStep (model-size.ts) with its batch-independent terms hoisted.
  const all = weightBytes(model, s.precision);
  const residentRead = all - (all - weightBytes({ ...model, vocabSize: 0 }, s.precision)) / 2;
  const total = model.paramsB * PARAMS_PER_B;
  const frac = model.activeExperts / model.experts;
  const expertParams = (total - model.activeParamsB * PARAMS_PER_B) / (1 - frac);
  const readPerStep = (batch: number): number => {
    if (model.experts <= 1) return residentRead;
    const touched = 1 - (1 - frac) ** Math.max(1, batch);
    return residentRead * ((total - expertParams + expertParams * touched) / total);
  };
  return {
    prefill(tokens) {
      const gemm = Math.max((tokens * gemmPerToken) / effP, weightsRead);
      const attention = (tokens * attnFlops(tokens / 2)) / effP;
      return gemm + attention + comm(tokens) + overhead;
    },
    step(d) {
      const ctx = d.inputTokens + d.outputTokens / 2;
      const gemmCompute = (d.batch * gemmPerToken) / effD + (d.prefillTokens * gemmPerToken) / effP;
      const gemmMemory = readPerStep(d.batch) / tp / bw;
      const kvBytes = d.batch * ctx * kvBytesPerTokenPerGpu(model, s.kvPrecision, tp, ctx);
      const attnCompute = (d.batch * attnFlops(ctx)) / effD + (d.prefillTokens * attnFlops(d.inputTokens / 2)) / effP;
      const attention = Math.max(kvBytes / bw, attnCompute);
      return Math.max(gemmCompute, gemmMemory) + attention + comm(d.batch + d.prefillTokens) + overhead;
    },
  };
}
