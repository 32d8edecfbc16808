/**
 * The pure core of `gpu-report estimate`: resolved inputs in, the stable JSON shape out
 * (documented in docs/estimate.md). No I/O: the command parses flags and prints.
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { ERROR_BANDS } from './error-bands.ts';
import type { Band } from './band.ts';
import { estimateInference, type InferenceInput } from './inference.ts';
import type { Percentiles } from './queueing.ts';
import { estimateTraining } from './training.ts';
import type { Recompute, TrainingMethod, ZeroStage } from './training-memory.ts';
import type { ServingEngine } from './coverage.ts';
import { DEFAULT_ENGINE } from './engines.ts';
import type { LengthDistribution } from './lengths.ts';

/** One inference point as `estimate` asks for it: the estimator's input, with the GPUs it may use. */
interface InferenceRequest extends Omit<InferenceInput, 'gpuCount'> {
  readonly mode: 'inference';
  readonly gpus: number;
}
interface TrainingRequest {
  readonly mode: 'training';
  readonly gpu: GpuSpec;
  readonly gpus: number;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly seqLen: number;
  readonly tokens: number;
  readonly method: TrainingMethod;
  readonly zeroStage?: ZeroStage;
  readonly recompute?: Recompute;
  readonly tensorParallel?: number;
  readonly pipelineParallel?: number;
  readonly contextParallel?: number;
  readonly microBatch?: number;
  readonly globalBatchTokens?: number;
  readonly loraRank?: number;
}
export type EstimateRequest = InferenceRequest | TrainingRequest;

export interface EstimateJson {
  readonly mode: 'inference' | 'training';
  readonly gpu: string;
  readonly gpus: number;
  readonly model: string;
  readonly precision: Precision;
  readonly fits: boolean;
  readonly reason?: string;
  readonly reasonCode?: string;
  readonly memory: {
    readonly totalGiB: number;
    readonly perGpuGiB: number;
    readonly usableGiBPerGpu?: number;
    readonly weightsGiB: number;
    readonly kvCacheGiB: number;
    readonly activationsGiB: number;
    readonly overheadGiB: number;
    readonly gradientsGiB?: number;
    readonly optimizerGiB?: number;
  };
  readonly inference?: {
    readonly engine: ServingEngine;
    /** Outside calibration coverage: bands widened (docs/accuracy.md). */
    readonly extrapolated: boolean;
    readonly coverageGaps: readonly string[];
    readonly tensorParallel: number;
    readonly pipelineParallel: number;
    readonly replicas: number;
    readonly maxConcurrency: number;
    /** Length distributions given (--input-tokens-p90 / --output-tokens-p90 / --lengths): means and p90s, tokens. */
    readonly lengths?: { readonly inputTokens: LengthDistribution; readonly outputTokens: LengthDistribution };
    /** Requests in service estimated: --concurrency, or Little's law from --arrival-rate / --users. */
    readonly concurrency: number;
    readonly arrivalRatePerSecond?: number;
    readonly overloaded?: boolean;
    readonly ttftMsPercentiles: Percentiles;
    readonly tpotMsPercentiles: Percentiles;
    readonly ttftMs: Band;
    readonly tpotMs: Band;
    readonly outputTokensPerSecond: Band;
    readonly outputTokensPerSecondPerGpu: Band;
  };
  readonly training?: {
    readonly extrapolated: boolean;
    readonly coverageGaps: readonly string[];
    readonly globalBatchTokens: number;
    readonly plan: {
      dataParallel: number;
      tensorParallel: number;
      pipelineParallel: number;
      /** Context-parallel degree (1 = none): GPUs sharing each sequence. */
      contextParallel: number;
      zeroStage: number;
      recompute: string;
      microBatch: number;
    };
    readonly tokensPerSecondPerGpu: Band;
    readonly mfu: Band;
    readonly days: Band;
    readonly gpuHours: Band;
  };
  readonly errorBands: typeof ERROR_BANDS;
}

export function runEstimate(r: EstimateRequest): EstimateJson {
  const out = estimateBody(r);
  return { ...out, errorBands: ERROR_BANDS };
}

function estimateBody(r: EstimateRequest): Omit<EstimateJson, 'errorBands'> {
  const head = { mode: r.mode, gpu: r.gpu.id, gpus: r.gpus, model: r.model.id, precision: r.precision };
  if (r.mode === 'inference') {
    const e = estimateInference({
      gpu: r.gpu,
      gpuCount: r.gpus,
      model: r.model,
      precision: r.precision,
      kvPrecision: r.kvPrecision,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      ...(r.inputTokensP90 === undefined ? {} : { inputTokensP90: r.inputTokensP90 }),
      ...(r.outputTokensP90 === undefined ? {} : { outputTokensP90: r.outputTokensP90 }),
      concurrency: r.concurrency,
      engine: r.engine ?? DEFAULT_ENGINE,
      ...(r.tensorParallel ? { tensorParallel: r.tensorParallel } : {}),
      ...(r.traffic ? { traffic: r.traffic } : {}),
    });
    const m = e.memory;
    const memory = {
      totalGiB: m.totalGiB,
      perGpuGiB: m.perGpuGiB,
      usableGiBPerGpu: e.usableGiBPerGpu,
      weightsGiB: m.weightsGiB,
      kvCacheGiB: m.kvCacheGiB,
      activationsGiB: m.activationsGiB,
      overheadGiB: m.overheadGiB,
    };
    if (!e.fits) return { ...head, fits: false, reason: e.reason, reasonCode: e.reasonCode, memory };
    return {
      ...head,
      fits: true,
      memory,
      inference: {
        engine: r.engine ?? DEFAULT_ENGINE,
        extrapolated: e.extrapolated,
        coverageGaps: e.coverageGaps,
        tensorParallel: e.tensorParallel / e.pipelineParallel,
        pipelineParallel: e.pipelineParallel,
        replicas: e.replicas,
        maxConcurrency: e.maxConcurrency,
        ...(r.inputTokensP90 === undefined && r.outputTokensP90 === undefined
          ? {}
          : {
              lengths: {
                inputTokens: { mean: r.inputTokens, p90: r.inputTokensP90 ?? r.inputTokens },
                outputTokens: { mean: r.outputTokens, p90: r.outputTokensP90 ?? r.outputTokens },
              },
            }),
        concurrency: e.concurrency,
        ...(e.arrivalRatePerSecond === undefined ? {} : { arrivalRatePerSecond: e.arrivalRatePerSecond, overloaded: e.overloaded }),
        ttftMsPercentiles: e.ttftMsPercentiles,
        tpotMsPercentiles: e.tpotMsPercentiles,
        ttftMs: e.ttftMs,
        tpotMs: e.tpotMs,
        outputTokensPerSecond: e.outputTokensPerSecond,
        outputTokensPerSecondPerGpu: e.outputTokensPerSecondPerGpu,
      },
    };
  }
  const e = estimateTraining({
    gpu: r.gpu,
    gpuCount: r.gpus,
    model: r.model,
    precision: r.precision,
    seqLen: r.seqLen,
    tokens: r.tokens,
    method: r.method,
    zeroStage: r.zeroStage,
    recompute: r.recompute,
    tensorParallel: r.tensorParallel,
    pipelineParallel: r.pipelineParallel,
    ...(r.contextParallel ? { contextParallel: r.contextParallel } : {}),
    microBatch: r.microBatch,
    globalBatchTokens: r.globalBatchTokens,
    loraRank: r.loraRank,
  });
  const tm = e.memory;
  const memory = tm
    ? {
        totalGiB: tm.perGpuGiB * r.gpus,
        perGpuGiB: tm.perGpuGiB,
        weightsGiB: tm.weightsGiB,
        kvCacheGiB: 0,
        activationsGiB: tm.activationsGiB,
        overheadGiB: tm.overheadGiB,
        gradientsGiB: tm.gradientsGiB,
        optimizerGiB: tm.optimizerGiB,
      }
    : { totalGiB: 0, perGpuGiB: 0, weightsGiB: 0, kvCacheGiB: 0, activationsGiB: 0, overheadGiB: 0 };
  if (!e.fits) return { ...head, fits: false, reason: e.reason, reasonCode: e.reasonCode, memory };
  return {
    ...head,
    fits: true,
    memory,
    training: {
      extrapolated: e.extrapolated,
      coverageGaps: e.coverageGaps,
      globalBatchTokens: e.globalBatchTokens,
      plan: {
        dataParallel: e.plan.dataParallel,
        tensorParallel: e.plan.tensorParallel,
        pipelineParallel: e.plan.pipelineParallel,
        contextParallel: e.plan.contextParallel ?? 1,
        zeroStage: e.plan.zeroStage,
        recompute: e.plan.recompute,
        microBatch: e.plan.microBatch,
      },
      tokensPerSecondPerGpu: e.tokensPerSecondPerGpu,
      mfu: e.mfu,
      days: e.days,
      gpuHours: e.gpuHours,
    },
  };
}

/**
 * A model from flags (--params etc.). MoE active parameters subtract the unrouted experts' gated
 * FFNs (3 * hidden * ffn per expert per layer, the SwiGLU layout of Mixtral/Llama-style models).
 */
export function customModel(a: {
  paramsB: number;
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  ffn: number;
  vocab: number;
  experts: number;
  activeExperts: number;
  kvLatentDim?: number;
  slidingWindow?: { tokens: number; layers: number };
  sharedExperts?: number;
  denseLayers?: number;
}): ModelArch {
  const moeLayers = Math.max(0, a.layers - (a.denseLayers ?? 0));
  const unrouted = (moeLayers * (a.experts - a.activeExperts) * 3 * a.hidden * a.ffn) / 1e9;
  const active = a.experts > 1 ? Math.max(a.paramsB * 0.05, a.paramsB - unrouted) : a.paramsB;
  return {
    id: 'custom',
    name: 'custom',
    paramsB: a.paramsB,
    activeParamsB: active,
    layers: a.layers,
    hiddenSize: a.hidden,
    attentionHeads: a.heads,
    kvHeads: a.kvHeads,
    headDim: a.hidden / a.heads,
    ffnSize: a.ffn,
    vocabSize: a.vocab,
    experts: a.experts,
    activeExperts: a.activeExperts,
    maxContextTokens: 131072,
    ...(a.kvLatentDim ? { kvLatentDim: a.kvLatentDim } : {}),
    ...(a.slidingWindow ? { slidingWindow: a.slidingWindow } : {}),
    ...(a.sharedExperts ? { sharedExperts: a.sharedExperts } : {}),
    ...(a.denseLayers ? { denseLayers: a.denseLayers } : {}),
    source: 'command-line flags',
  };
}
