/**
 * estimateInference: memory fit, TP degree, max concurrency, TTFT, TPOT and throughput with
 * calibrated bands. Steady-state continuous batching: every step decodes `concurrency` tokens and
 * prefills the prompts of the requests that replace finished ones (concurrency * input / output
 * tokens per step), so throughput = concurrency / step time (docs/methodology.md#throughput).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { bandFor } from './error-bands.ts';
import { missingCoverage, type ServingEngine } from './coverage.ts';
import { type Band, band } from './band.ts';
import { EFFICIENCY, type EfficiencyParams } from './efficiency-params.ts';
import { visibleMemoryGiB } from './gpu-memory.ts';
import { maxTensorParallel } from './comm.ts';
import { calculateInferenceMemory, inferenceActivationBytes, kvBytesPerTokenPerGpu, type InferenceMemory } from './inference-memory.ts';
import { MEMORY } from './memory-constants.ts';
import { enginePolicy } from './engines.ts';
import { TP_DEGREES } from './memory.ts';
import { decodeStepSeconds, prefillSeconds, type ReplicaSetup } from './inference-time.ts';
import { bytesToGiB } from './units.ts';

/**
 * Serving engine memory policy. vLLM: gpu_memory_utilization 0.9 of device memory (default).
 * TensorRT-LLM: the KV cache gets kv_cache_free_gpu_mem_fraction of the memory left after weights;
 * 0.95 as the calibration rows' notes quote for trtllm-bench (TensorRT-LLM perf-overview docs).
 */

export interface InferenceInput {
  readonly gpu: GpuSpec;
  readonly gpuCount: number;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly kvPrecision: Precision;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Concurrent sequences across the whole system. */
  readonly concurrency: number;
  /** Force a TP degree; otherwise the smallest that fits is used. */
  readonly tensorParallel?: number;
  readonly engine?: ServingEngine;
}

type NoFitReason = 'gpu-count-below-tp' | 'does-not-fit' | 'concurrency-exceeds-memory';

interface Common {
  readonly memory: InferenceMemory;
  readonly usableGiBPerGpu: number;
  readonly maxConcurrency: number;
  /** GPUs per replica (model-parallel group): tensorParallel x pipelineParallel. */
  readonly tensorParallel: number;
  /** Pipeline stages per replica: > 1 when the group exceeds one NVLink domain or PCIe server. */
  readonly pipelineParallel: number;
  readonly replicas: number;
}
export interface InferenceFits extends Common {
  readonly fits: true;
  /** Outside calibration coverage (hardware, precision class or engine): wider bands, marked in the report. */
  readonly extrapolated: boolean;
  /** The coverage keys no fitted calibration row provides (calc/coverage.ts). */
  readonly coverageGaps: readonly string[];
  readonly ttftMs: Band;
  readonly tpotMs: Band;
  readonly outputTokensPerSecond: Band;
  readonly outputTokensPerSecondPerGpu: Band;
}
interface InferenceNoFit extends Common {
  readonly fits: false;
  readonly reasonCode: NoFitReason;
  readonly reason: string;
}
export type InferenceEstimate = InferenceFits | InferenceNoFit;

/**
 * KV tokens one request holds on average. Paged engines that allocate blocks as tokens arrive
 * (vLLM PagedAttention, Kwon et al. 2023, arXiv:2309.06180; SGLang RadixAttention) hold the prompt
 * plus, in steady state, half the output on average; TensorRT-LLM's default scheduler
 * (GUARANTEED_NO_EVICT) and plain transformers reserve prompt + full output
 * (docs/methodology.md#kv-cache).
 */
function residentKvTokens(engine: ServingEngine | undefined, inputTokens: number, outputTokens: number): number {
  const paged = engine === undefined || engine === 'vllm' || engine === 'sglang';
  return inputTokens + (paged ? outputTokens / 2 : outputTokens);
}

/**
 * A model-parallel group of `group` GPUs as TP x PP: tensor parallelism inside one NVLink domain
 * or PCIe server (comm.ts maxTensorParallel), pipeline stages beyond it.
 */
function splitGroup(gpu: GpuSpec, group: number): { tp: number; pp: number } {
  const tp = Math.min(group, maxTensorParallel(gpu));
  return { tp, pp: Math.max(1, Math.round(group / tp)) };
}

/** GiB on one GPU the engine lets weights + KV + activations + overhead use. */
function budgetGiB(input: InferenceInput, memory: InferenceMemory, tp: number): number {
  const visible = visibleMemoryGiB(input.gpu);
  const policy = enginePolicy(input.engine);
  if (!policy.afterWeights) return visible * policy.memoryFraction;
  const fixed = memory.weightsGiB / tp + memory.activationsGiB / tp + memory.overheadGiB / tp;
  return fixed + Math.max(0, visible - fixed) * policy.memoryFraction;
}

/** Sequences that fit: free memory / (KV per request + its fp32 logits row), per replica. */
function maxConcurrencyPerReplica(input: InferenceInput, memory: InferenceMemory, tp: number): number {
  const chunkGiB = bytesToGiB(inferenceActivationBytes(input.model, MEMORY.prefillChunkTokens, 0));
  const fixed = memory.weightsGiB / tp + chunkGiB / tp + memory.overheadGiB / tp;
  const logits = (input.model.vocabSize * MEMORY.logitsBytes) / tp;
  const { tp: t, pp } = splitGroup(input.gpu, tp);
  const perRequest = bytesToGiB(
    (kvBytesPerTokenPerGpu(input.model, input.kvPrecision, t, input.inputTokens + input.outputTokens) / pp) *
      residentKvTokens(input.engine, input.inputTokens, input.outputTokens) +
      logits,
  );
  const free = budgetGiB(input, memory, tp) - fixed;
  return free <= 0 || perRequest <= 0 ? 0 : Math.floor(free / perRequest);
}

function memoryAt(input: InferenceInput, tp: number, perReplica: number): InferenceMemory {
  return calculateInferenceMemory({
    model: input.model,
    weightPrecision: input.precision,
    kvPrecision: input.kvPrecision,
    // Paged engines still need room for one whole sequence (vLLM checks max_model_len at start-up).
    contextTokens: Math.max(
      residentKvTokens(input.engine, input.inputTokens, input.outputTokens),
      (input.inputTokens + input.outputTokens) / Math.max(1, perReplica),
    ),
    concurrency: perReplica,
    tensorParallel: splitGroup(input.gpu, tp).tp,
    pipelineParallel: splitGroup(input.gpu, tp).pp,
    reservePrefillChunk: true,
  });
}

export function estimateInference(input: InferenceInput, params: EfficiencyParams = EFFICIENCY): InferenceEstimate {
  const gpus = Math.max(1, Math.floor(input.gpuCount));
  const conc = Math.max(1, Math.floor(input.concurrency));
  const candidates = input.tensorParallel
    ? [input.tensorParallel]
    : TP_DEGREES.filter((t) => t <= gpus && input.model.attentionHeads % splitGroup(input.gpu, t).tp === 0);
  let last: Common | undefined;
  for (const tp of candidates) {
    const replicas = Math.floor(gpus / tp);
    if (replicas < 1) break;
    const perReplica = Math.ceil(conc / replicas);
    const memory = memoryAt(input, tp, perReplica);
    const usableGiBPerGpu = budgetGiB(input, memory, tp);
    const maxConcurrency = replicas * maxConcurrencyPerReplica(input, memory, tp);
    last = { memory, usableGiBPerGpu, maxConcurrency, tensorParallel: tp, pipelineParallel: splitGroup(input.gpu, tp).pp, replicas };
    if (memory.perGpuGiB <= usableGiBPerGpu) return timings(input, last, perReplica, conc, params);
  }
  if (!last) {
    const tp = input.tensorParallel ?? 1;
    const memory = memoryAt(input, tp, conc);
    const common = {
      memory,
      usableGiBPerGpu: budgetGiB(input, memory, tp),
      maxConcurrency: 0,
      tensorParallel: tp,
      pipelineParallel: splitGroup(input.gpu, tp).pp,
      replicas: 0,
    };
    return {
      ...common,
      fits: false,
      reasonCode: 'gpu-count-below-tp',
      reason: `tensor parallel ${tp} needs at least ${tp} GPUs; ${gpus} given`,
    };
  }
  const code: NoFitReason = last.maxConcurrency > 0 ? 'concurrency-exceeds-memory' : 'does-not-fit';
  const reason =
    code === 'does-not-fit'
      ? `weights and one request need ${last.memory.perGpuGiB.toFixed(1)} GiB per GPU at TP ${last.tensorParallel}; ${last.usableGiBPerGpu.toFixed(1)} GiB usable`
      : `KV cache for ${conc} sequences does not fit; at most ${last.maxConcurrency} fit on ${gpus} GPUs`;
  return { ...last, fits: false, reasonCode: code, reason };
}

function timings(input: InferenceInput, c: Common, perReplica: number, concurrency: number, params: EfficiencyParams): InferenceFits {
  const s: ReplicaSetup = {
    gpu: input.gpu,
    model: input.model,
    precision: input.precision,
    kvPrecision: input.kvPrecision,
    tensorParallel: splitGroup(input.gpu, c.tensorParallel).tp,
    params,
    stepOverheadFactor: enginePolicy(input.engine).stepOverheadFactor,
  };
  const I = Math.max(1, input.inputTokens);
  const O = Math.max(1, input.outputTokens);
  // Pipeline stages decode micro-batches of perReplica / PP in turn: one full-model step of a
  // micro-batch per period, in which every sequence advances one token (docs/methodology.md#parallel-layout).
  const micro = Math.ceil(perReplica / c.pipelineParallel);
  const step = (prefillTokens: number) => decodeStepSeconds(s, { batch: micro, inputTokens: I, outputTokens: O, prefillTokens });
  const tpot = step(((micro - 1) * I) / O);
  const cycle = step((micro * I) / O);
  const ttft = prefillSeconds(s, I) + (perReplica > 1 ? tpot / 2 : 0);
  // Requests actually in flight: replicas × ceil(C / replicas) over-counts when C does not divide
  // evenly (one request on eight replicas keeps one busy); the busiest replica sets the step time.
  const served = Math.min(concurrency, c.replicas * perReplica);
  const system = served / cycle;
  const coverageGaps = missingCoverage({ phase: 'serving', gpu: input.gpu, precision: input.precision, engine: input.engine });
  const extrapolated = coverageGaps.length > 0;
  const lat = bandFor('latency', extrapolated);
  const thr = bandFor('inferenceThroughput', extrapolated);
  return {
    ...c,
    fits: true,
    extrapolated,
    coverageGaps,
    ttftMs: band(ttft * 1000, lat.lowFactor, lat.highFactor),
    tpotMs: band(tpot * 1000, lat.lowFactor, lat.highFactor),
    outputTokensPerSecond: band(system, thr.lowFactor, thr.highFactor),
    outputTokensPerSecondPerGpu: band(system / Math.max(1, Math.floor(input.gpuCount)), thr.lowFactor, thr.highFactor),
  };
}

/** Longest single-sequence context (tokens) whose KV cache fits next to the weights on one replica. */
export function maxContextTokens(
  input: Omit<InferenceInput, 'concurrency' | 'inputTokens' | 'outputTokens'> & { tensorParallel: number },
): number {
  const tp = input.tensorParallel;
  const full = { ...input, inputTokens: 0, outputTokens: 0, concurrency: 1 };
  const memory = memoryAt(full, tp, 1);
  const chunkGiB = bytesToGiB(inferenceActivationBytes(input.model, MEMORY.prefillChunkTokens, 1));
  const free = budgetGiB(full, memory, tp) - (memory.weightsGiB + chunkGiB + memory.overheadGiB) / tp;
  const split = splitGroup(input.gpu, tp);
  const perToken = bytesToGiB(kvBytesPerTokenPerGpu(input.model, input.kvPrecision, split.tp) / split.pp);
  return free <= 0 ? 0 : Math.floor(free / perToken);
}
