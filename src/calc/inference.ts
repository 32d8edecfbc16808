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
import { engineEfficiency, enginePolicy, schedulerBudget, stepOverheadFactor } from './engines.ts';
import { fieldsKey, memoise } from './memo.ts';
import { batchPercentiles, slotWait, ttftPercentiles, type Percentiles, type WaitModel } from './queueing.ts';
import { lengthPercentiles } from './lengths.ts';
import { TP_DEGREES } from './memory.ts';
import { replicaTimer, type ReplicaSetup, type ReplicaTimer } from './inference-time.ts';
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
  /**
   * Length distributions (calc/lengths.ts): inputTokens / outputTokens are then the means, these the
   * 90th percentiles. The prompt's spread widens the TTFT percentiles; engines that reserve the
   * whole output up front reserve the p90 output.
   */
  readonly inputTokensP90?: number;
  readonly outputTokensP90?: number;
  /** Concurrent sequences across the whole system. */
  readonly concurrency: number;
  /** Force a TP degree; otherwise the smallest that fits is used. */
  readonly tensorParallel?: number;
  readonly engine?: ServingEngine;
  /** Traffic instead of a fixed concurrency: concurrency then follows by Little's law (queueing.ts). */
  readonly traffic?: Traffic;
}

/** Open traffic (arrival rate) or a closed population (active users, each thinking between requests). */
export type Traffic = { readonly arrivalRatePerSecond: number } | { readonly activeUsers: number; readonly thinkTimeSeconds: number };

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
  /** TTFT and TPOT percentiles, ms (queueing.ts); Infinity when the offered load exceeds the slots. */
  readonly ttftMsPercentiles: Percentiles;
  readonly tpotMsPercentiles: Percentiles;
  /** Requests in service the estimate is for (the given concurrency, or Little's law from traffic). */
  readonly concurrency: number;
  /** Traffic given: arrivals per second across the system, and whether it exceeds what the slots serve. */
  readonly arrivalRatePerSecond?: number;
  readonly overloaded?: boolean;
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
function residentKvTokens(engine: ServingEngine | undefined, inputTokens: number, outputTokens: number, outputTokensP90?: number): number {
  const paged = engine === undefined || engine === 'vllm' || engine === 'sglang';
  // Paged: expected tokens (many requests sum their mean lengths). Reserving: the output budget
  // (max_tokens) a deployment sets for its lengths, taken as the p90 output when a distribution is given.
  return inputTokens + (paged ? outputTokens / 2 : (outputTokensP90 ?? outputTokens));
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
      residentKvTokens(input.engine, input.inputTokens, input.outputTokens, input.outputTokensP90) +
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
      residentKvTokens(input.engine, input.inputTokens, input.outputTokens, input.outputTokensP90),
      (input.inputTokens + input.outputTokens) / Math.max(1, perReplica),
    ),
    concurrency: perReplica,
    tensorParallel: splitGroup(input.gpu, tp).tp,
    pipelineParallel: splitGroup(input.gpu, tp).pp,
    reservePrefillChunk: true,
  });
}

/**
 * The estimate under traffic: concurrency N from Little's law, N = lambda x S(N) (open) or
 * N = U x S / (Z + S) (closed), solved by fixed-point iteration and capped at what fits; then the
 * slot-wait and batch percentiles at that N (docs/methodology.md#queueing).
 */
export function estimateInference(input: InferenceInput, params: EfficiencyParams = EFFICIENCY): InferenceEstimate {
  return estimated({ input, params });
}

const KEYED_BY_IDENTITY: ReadonlySet<string> = new Set(['gpu', 'model']);

/** Memoised by GPU, model and parameters (memo.ts): sizing searches and sweeps ask for the same estimate again. */
const estimated = memoise(
  ({ input, params }: { input: InferenceInput; params: EfficiencyParams }) => [input.gpu, input.model, params] as const,
  ({ input }) => fieldsKey(input, KEYED_BY_IDENTITY),
  ({ input, params }) => estimateUncached(input, params),
);

function estimateUncached(input: InferenceInput, params: EfficiencyParams): InferenceEstimate {
  const traffic = input.traffic;
  if (!traffic) return estimateAt(input, params);
  if (input.tensorParallel) return underTraffic(input, traffic, params);
  // Under traffic the layout is the one with the lowest p90 TTFT (slot waits dominate), smaller TP on ties.
  const gpus = Math.max(1, Math.floor(input.gpuCount));
  let best: InferenceEstimate | undefined;
  for (const tp of TP_DEGREES.filter((t) => t <= gpus && input.model.attentionHeads % splitGroup(input.gpu, t).tp === 0)) {
    const e = underTraffic({ ...input, tensorParallel: tp }, traffic, params);
    const better = e.fits && (!best || !best.fits || trafficScore(e) < trafficScore(best) * 0.999);
    if (!best || better) best = e;
  }
  return best ?? estimateAt(input, params);
}

/** Lower is better: p90 TTFT; an overloaded layout ranks after every other, by throughput. */
const trafficScore = (e: InferenceFits): number =>
  e.overloaded ? 1e30 / Math.max(1e-9, e.outputTokensPerSecond.value) : e.ttftMsPercentiles.p90;

function underTraffic(input: InferenceInput, traffic: Traffic, params: EfficiencyParams): InferenceEstimate {
  const probe = estimateAt({ ...input, concurrency: 1 }, params);
  if (!probe.fits) return probe;
  const serviceS = (e: InferenceFits) => (e.ttftMs.value + Math.max(1, input.outputTokens) * e.tpotMs.value) / 1000;
  const target = (S: number) =>
    'arrivalRatePerSecond' in traffic ? traffic.arrivalRatePerSecond * S : (traffic.activeUsers * S) / (traffic.thinkTimeSeconds + S);
  // Each step re-plans the layout for the concurrency reached (smallest TP that holds it); when no
  // layout holds it, the last one that did runs full and the queue absorbs the rest.
  let n = 1;
  let e: InferenceFits = probe;
  for (let i = 0; i < 40; i++) {
    const next = Math.max(1, target(serviceS(e)));
    if (Math.abs(next - n) < 0.01 * n) break;
    n = (n + next) / 2;
    const trial = estimateAt({ ...input, concurrency: n }, params);
    if (!trial.fits) {
      n = Math.max(1, e.maxConcurrency);
      const full = estimateAt({ ...input, concurrency: n, tensorParallel: e.tensorParallel }, params);
      if (full.fits) e = full;
      break;
    }
    e = trial;
  }
  const S = serviceS(e);
  const lambda = 'arrivalRatePerSecond' in traffic ? traffic.arrivalRatePerSecond : traffic.activeUsers / (traffic.thinkTimeSeconds + S);
  return estimateAt({ ...input, concurrency: Math.max(1, Math.round(n)), tensorParallel: e.tensorParallel }, params, {
    arrivalPerS: lambda,
    serviceS: S,
  });
}

interface Queue {
  readonly arrivalPerS: number;
  readonly serviceS: number;
}

function estimateAt(input: InferenceInput, params: EfficiencyParams, queue?: Queue): InferenceEstimate {
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
    if (memory.perGpuGiB <= usableGiBPerGpu) return timings(input, last, perReplica, conc, params, queue);
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

function timings(
  input: InferenceInput,
  c: Common,
  perReplica: number,
  concurrency: number,
  params: EfficiencyParams,
  queue?: Queue,
): InferenceFits {
  const s: ReplicaSetup = {
    gpu: input.gpu,
    model: input.model,
    precision: input.precision,
    kvPrecision: input.kvPrecision,
    tensorParallel: splitGroup(input.gpu, c.tensorParallel).tp,
    params,
    stepOverheadFactor: stepOverheadFactor(input.engine),
    engineEfficiency: engineEfficiency(input.engine, params),
  };
  const I = Math.max(1, input.inputTokens);
  const O = Math.max(1, input.outputTokens);
  // Pipeline stages decode micro-batches of perReplica / PP in turn: one full-model step of a
  // micro-batch per period, in which every sequence advances one token (docs/methodology.md#parallel-layout).
  const micro = Math.ceil(perReplica / c.pipelineParallel);
  const timer = timerFor(s);
  const meanStep = chunkedSteps(timer, I, O, schedulerBudget(input.engine, input.gpu).prefillChunkTokens);
  const tpot = meanStep(micro, micro - 1);
  const cycle = meanStep(micro, micro);
  const prefill = timer.prefill(I);
  const ttft = prefill + (perReplica > 1 ? tpot / 2 : 0);
  // Prompt-length spread: each TTFT percentile takes the prefill of the prompt at that percentile
  // (lengths and waits counted as moving together, a cautious bound; docs/methodology.md#length-distributions).
  const prompt = input.inputTokensP90 === undefined ? undefined : lengthPercentiles({ mean: I, p90: input.inputTokensP90 });
  const prefillPct: Percentiles = prompt
    ? { p50: timer.prefill(prompt.p50), p90: timer.prefill(prompt.p90), p99: timer.prefill(prompt.p99) }
    : { p50: prefill, p90: prefill, p99: prefill };
  const pct = percentiles(c, perReplica, prefillPct, tpot, queue, (batch) =>
    meanStep(Math.ceil(batch / c.pipelineParallel), (batch - 1) / c.pipelineParallel),
  );
  // Requests actually in flight: replicas × ceil(C / replicas) over-counts when C does not divide
  // evenly (one request on eight replicas keeps one busy); the busiest replica sets the step time.
  const served = Math.min(concurrency, c.replicas * perReplica);
  const system = served / cycle;
  const coverageGaps = missingCoverage({ phase: 'serving', gpu: input.gpu, precision: input.precision, engine: input.engine });
  const extrapolated = coverageGaps.length > 0;
  const lat = bandFor('latency', extrapolated);
  const thr = bandFor('inferenceThroughput', extrapolated);
  const ttftMs = band(ttft * 1000, lat.lowFactor, lat.highFactor);
  const tpotMs = band(tpot * 1000, lat.lowFactor, lat.highFactor);
  const outputTokensPerSecond = band(system, thr.lowFactor, thr.highFactor);
  const outputTokensPerSecondPerGpu = band(system / Math.max(1, Math.floor(input.gpuCount)), thr.lowFactor, thr.highFactor);
  // Written out rather than spread (the sweeps make thousands of these; spreads in a literal are slow), in the same key order.
  const { memory, usableGiBPerGpu, maxConcurrency, tensorParallel, pipelineParallel, replicas } = c;
  const { ttftMsPercentiles, tpotMsPercentiles } = pct;
  // One shape with or without traffic (the traffic fields are undefined without it, which JSON omits).
  return {
    memory,
    usableGiBPerGpu,
    maxConcurrency,
    tensorParallel,
    pipelineParallel,
    replicas,
    fits: true,
    extrapolated,
    coverageGaps,
    concurrency,
    arrivalRatePerSecond: pct.arrivalRatePerSecond,
    overloaded: pct.overloaded,
    ttftMsPercentiles,
    tpotMsPercentiles,
    ttftMs,
    tpotMs,
    outputTokensPerSecond,
    outputTokensPerSecondPerGpu,
  };
}

/**
 * Mean decode step of a replica in steady state with continuous batching and chunked prefill
 * (docs/methodology.md#decode-step-tpot). Each step, finished requests are replaced and the newcomers'
 * prompts prefilled: `prefilling` prompts of I tokens per O steps, p = prefilling x I / O prompt
 * tokens per step on average. The scheduler takes a waiting prompt whole (up to its token budget
 * per step, engines.ts) rather than spreading it over steps, so when few requests finish per step
 * the prompt tokens come in lumps of min(budget, max(p, I)): a share p / lump of the steps carry a
 * compute-bound lump and the rest only decode (vLLM V1 and SGLang schedulers; Sarathi-Serve,
 * arXiv:2403.02310 sec. 3). With many requests finishing per step (p >= I) every step carries p
 * tokens, as before. When p exceeds the budget, prefill sets the pace: the cycle stretches to
 * prefilling x I / budget steps, each a full budget, and the running sequences decode in fewer of them.
 */
function chunkedSteps(timer: ReplicaTimer, I: number, O: number, budget: number): (batch: number, prefilling: number) => number {
  return (batch, prefilling) => {
    const p = (Math.max(0, prefilling) * I) / O;
    const at = (decoding: number, prefillTokens: number) => timer.step({ batch: decoding, inputTokens: I, outputTokens: O, prefillTokens });
    if (p > budget) {
      const steps = (prefilling * I) / budget;
      return (steps * at((batch * O) / steps, budget)) / O;
    }
    const lump = Math.min(budget, Math.max(p, I));
    if (p === 0 || lump === p) return at(batch, p);
    const share = p / lump;
    return share * at(batch, lump) + (1 - share) * at(batch, 0);
  };
}

/** One timer per replica set-up within a calculation (memo.ts): sweeps and searches time the same layout at many loads. */
const timerFor = memoise(
  (s: ReplicaSetup) => [s.gpu, s.model, s.params] as const,
  (s) => `${s.precision}|${s.kvPrecision}|${s.tensorParallel}|${s.stepOverheadFactor}|${s.engineEfficiency}`,
  replicaTimer,
);

const toMs = (p: Percentiles): Percentiles => ({ p50: p.p50 * 1000, p90: p.p90 * 1000, p99: p.p99 * 1000 });

/** TTFT / TPOT percentiles: fixed concurrency (no slot wait) or traffic (queueing.ts). */
function percentiles(
  c: Common,
  perReplica: number,
  prefillS: Percentiles,
  tpotS: number,
  queue: Queue | undefined,
  stepAt: (batch: number) => number,
): Pick<InferenceFits, 'ttftMsPercentiles' | 'tpotMsPercentiles' | 'arrivalRatePerSecond' | 'overloaded'> {
  const stepS = perReplica > 1 ? tpotS : 0;
  // Each percentile of TTFT with the prefill of that percentile's prompt.
  const ttftAt = (w: WaitModel): Percentiles => ttftPercentiles(prefillS, stepS, w);
  if (!queue) {
    const ttft = ttftAt({ pWait: 0, meanWaitIfWaitingS: 1 });
    return { ttftMsPercentiles: toMs(ttft), tpotMsPercentiles: toMs({ p50: tpotS, p90: tpotS, p99: tpotS }) };
  }
  const replicas = Math.max(1, c.replicas);
  const lambda = queue.arrivalPerS / replicas;
  const slots = Math.max(1, Math.floor(c.maxConcurrency / replicas));
  const wait = slotWait(lambda, queue.serviceS, slots);
  const batch = batchPercentiles(lambda * queue.serviceS, slots);
  return {
    arrivalRatePerSecond: queue.arrivalPerS,
    overloaded: !Number.isFinite(wait.meanWaitIfWaitingS),
    ttftMsPercentiles: toMs(ttftAt(wait)),
    tpotMsPercentiles: toMs({ p50: stepAt(batch.p50), p90: stepAt(batch.p90), p99: stepAt(batch.p99) }),
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
