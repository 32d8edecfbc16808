/**
 * Scenario (as validated) → ResolvedScenario: catalog ids replaced by their specs, profiles
 * applied, every default filled in and marked as such, all money in the scenario currency.
 */
import type { Region } from '../catalog/export-controls.ts';
import type { Money, ResolvedEconomics } from '../economics/types.ts';
import { getGpu, getModel, type GpuSpec, type ModelArch } from '../catalog/index.ts';
import { onDemandBaseUsd, platformOf, type PlatformSpec } from '../catalog/platforms.ts';
import { ECONOMIC_KEYS, defaultValue, type EconomicKey } from '../economics/parameters.ts';
import type { Precision } from '../catalog/types.ts';
import type { Scenario } from './schema.ts';
import { PROFILES, DEFAULT_CONCURRENCY, type ProfileId } from './profiles.ts';
import type { ServingEngine } from '../calc/coverage.ts';
import type { Traffic } from '../calc/inference.ts';
import { DEFAULT_ENGINE } from '../calc/engines.ts';
import { LENGTH_PROFILES, type LengthDistribution, type LengthProfileId } from '../calc/lengths.ts';

export type { Money, ResolvedEconomics };

export interface ResolvedInference {
  readonly kind: 'inference';
  readonly name: string;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly kvPrecision: Precision;
  readonly profile?: ProfileId;
  /** Mean prompt / output lengths, tokens (the given count, or a distribution's mean). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** 90th percentiles when the lengths are distributions (calc/lengths.ts). */
  readonly inputTokensP90?: number;
  readonly outputTokensP90?: number;
  readonly concurrency: number;
  readonly engine: ServingEngine;
  readonly tensorParallel?: number;
  /** Traffic instead of a fixed concurrency (calc/inference.ts `Traffic`). */
  readonly traffic?: Traffic;
  readonly targets: {
    readonly ttftMs?: number;
    readonly tpotMs?: number;
    readonly outputTokensPerSecond?: number;
    readonly percentile?: 'p50' | 'p90' | 'p99';
  };
  /** Which end of the estimate's band must meet the targets (docs/methodology.md#sizing). */
  readonly sizingConfidence: SizingConfidence;
}

/** base: the estimate's central value meets a target; pessimistic: its band's unfavourable end does. */
type SizingConfidence = 'base' | 'pessimistic';

export interface ResolvedTraining {
  readonly kind: 'training';
  readonly name: string;
  readonly model: ModelArch;
  readonly precision: 'fp32' | 'bf16' | 'fp16' | 'fp8';
  readonly method: 'full' | 'lora' | 'qlora';
  readonly optimizer: 'adamw' | 'adamw-8bit' | 'sgd' | 'adafactor' | 'lion';
  readonly loraRank: number;
  readonly tensorParallel?: number;
  readonly pipelineParallel?: number;
  readonly contextParallel?: number;
  readonly microBatch?: number;
  readonly globalBatchTokens?: number;
  readonly seqLen: number;
  readonly tokens: number;
  readonly deadlineDays?: number;
  /** The run recurs (docs/methodology.md#recurring-jobs). */
  readonly every?: 'week' | 'month' | 'quarter' | 'year';
  readonly sizingConfidence: SizingConfidence;
}

export type ResolvedWorkload = ResolvedInference | ResolvedTraining;

export interface ResolvedCandidate {
  readonly gpu: GpuSpec;
  /** Per GPU, scenario currency; null when neither scenario nor catalog has a price. */
  readonly purchasePrice: Money | null;
  /** Per GPU-hour on demand, scenario currency. */
  readonly rentalPerGpuHour: Money | null;
  readonly maxGpus: number;
  /** The unit it is bought in (data/platforms.yaml), GPUs per node as the scenario sets them. */
  readonly platform: PlatformSpec;
  /** The vendor quote whose price replaced the catalog's, if any. */
  readonly quote?: Quote;
  /** A node's price (with its GPUs, scenario currency) and power at load and idle (kW) as the scenario sets them. */
  readonly node: { readonly price?: Money; readonly loadKw?: number; readonly idleKw?: number; readonly nics?: number };
}

type Quote = Scenario['quotes'][number];
type PurchaseRequest = NonNullable<Scenario['request']>;

export interface ResolvedScenario {
  readonly name: string;
  readonly description: string;
  readonly locale?: 'en' | 'zh-CN';
  readonly workloads: readonly ResolvedWorkload[];
  readonly candidates: readonly ResolvedCandidate[];
  readonly economics: ResolvedEconomics;
  readonly request?: PurchaseRequest;
  /** Destination for US export controls; absent: no flags. */
  readonly region?: Region;
  /** Earliest valid-until date of the quotes used (YYYY-MM-DD); absent without quotes. */
  readonly priceValidUntil?: string;
}

/** Default upper bound on GPUs of one kind (eight 8-GPU servers). */
export const DEFAULT_MAX_GPUS = 64;

/** Weight formats whose KV cache is kept at 16 bits unless the scenario says otherwise. */
const WEIGHT_ONLY: readonly Precision[] = ['int4', 'int8', 'fp4', 'mxfp4'];

export function resolveScenario(s: Scenario): ResolvedScenario {
  const economics = resolveEconomics(s.economics);
  const candidates = s.candidates.map((c) => withQuote(resolveCandidate(c, economics.usdExchangeRate), s.quotes));
  const validUntil = candidates.flatMap((c) => (c.quote ? [c.quote.validUntil] : [])).sort()[0];
  return {
    name: s.name,
    description: s.description,
    ...(s.locale ? { locale: s.locale } : {}),
    workloads: s.workloads.map((w) => resolveWorkload(w, s.sizingConfidence)),
    candidates,
    economics,
    ...(s.request ? { request: s.request } : {}),
    ...(s.region ? { region: s.region } : {}),
    ...(validUntil ? { priceValidUntil: validUntil } : {}),
  };
}

function modelOf(w: Scenario['workloads'][number]): ModelArch {
  if (w.model) {
    const m = getModel(w.model);
    if (!m) throw new Error(`unvalidated model id ${w.model}`);
    return m;
  }
  const a = w.architecture!;
  return {
    id: 'custom',
    name: a.name,
    paramsB: a.paramsB,
    activeParamsB: a.activeParamsB ?? a.paramsB,
    layers: a.layers,
    hiddenSize: a.hiddenSize,
    attentionHeads: a.attentionHeads,
    kvHeads: a.kvHeads ?? a.attentionHeads,
    headDim: a.headDim ?? a.hiddenSize / a.attentionHeads,
    ffnSize: a.ffnSize,
    vocabSize: a.vocabSize,
    experts: a.experts ?? 1,
    activeExperts: a.activeExperts ?? 1,
    maxContextTokens: a.maxContextTokens ?? 4096,
    ...(a.kvLatentDim ? { kvLatentDim: a.kvLatentDim } : {}),
    ...(a.slidingWindow ? { slidingWindow: a.slidingWindow } : {}),
    ...(a.sharedExperts ? { sharedExperts: a.sharedExperts } : {}),
    ...(a.denseLayers ? { denseLayers: a.denseLayers } : {}),
    source: 'scenario (inline architecture)',
  };
}

function resolveWorkload(w: Scenario['workloads'][number], sizingConfidence: SizingConfidence): ResolvedWorkload {
  const model = modelOf(w);
  if (w.kind === 'training') {
    return {
      kind: 'training',
      name: w.name,
      model,
      precision: w.precision,
      method: w.method,
      optimizer: w.optimizer,
      loraRank: w.loraRank,
      ...(w.tensorParallel ? { tensorParallel: w.tensorParallel } : {}),
      ...(w.pipelineParallel ? { pipelineParallel: w.pipelineParallel } : {}),
      ...(w.contextParallel ? { contextParallel: w.contextParallel } : {}),
      ...(w.microBatch ? { microBatch: w.microBatch } : {}),
      ...(w.globalBatchTokens ? { globalBatchTokens: w.globalBatchTokens } : {}),
      seqLen: w.seqLen,
      tokens: w.tokens,
      ...(w.deadlineDays ? { deadlineDays: w.deadlineDays } : {}),
      ...(w.every ? { every: w.every } : {}),
      sizingConfidence,
    };
  }
  const profile = w.profile ? PROFILES[w.profile] : undefined;
  const input = lengthOf('input', w.inputTokens);
  const output = lengthOf('output', w.outputTokens);
  const targets = {
    ...(profile && 'ttftMs' in profile ? { ttftMs: profile.ttftMs } : {}),
    ...(profile && 'tpotMs' in profile ? { tpotMs: profile.tpotMs } : {}),
    ...w.targets,
  };
  return {
    kind: 'inference',
    name: w.name,
    model,
    precision: w.precision,
    kvPrecision: w.kvPrecision ?? (WEIGHT_ONLY.includes(w.precision) ? 'bf16' : w.precision),
    ...(w.profile ? { profile: w.profile } : {}),
    inputTokens: input.mean,
    ...(input.p90 === undefined ? {} : { inputTokensP90: input.p90 }),
    outputTokens: output.mean,
    ...(output.p90 === undefined ? {} : { outputTokensP90: output.p90 }),
    concurrency: w.concurrency ?? profile?.concurrency ?? DEFAULT_CONCURRENCY,
    engine: w.engine ?? DEFAULT_ENGINE,
    ...(w.arrivalRatePerSecond
      ? { traffic: { arrivalRatePerSecond: w.arrivalRatePerSecond } }
      : w.activeUsers
        ? { traffic: { activeUsers: w.activeUsers, thinkTimeSeconds: w.thinkTimeSeconds ?? 0 } }
        : {}),
    ...(w.tensorParallel ? { tensorParallel: w.tensorParallel } : {}),
    targets,
    sizingConfidence,
  };
}

/** A length as given (count, { mean, p90 } or dataset profile) as the resolved mean and p90. */
function lengthOf(which: 'input' | 'output', given: number | LengthDistribution | LengthProfileId): { mean: number; p90?: number } {
  if (typeof given === 'number') return { mean: given };
  const d = typeof given === 'string' ? LENGTH_PROFILES[given][which] : given;
  return { mean: Math.round(d.mean), p90: Math.round(d.p90) };
}

/** A quote for the candidate's GPU replaces its purchase price (the latest-dated quote when several). */
function withQuote(c: ResolvedCandidate, quotes: readonly Quote[]): ResolvedCandidate {
  const quote = quotes.filter((q) => q.gpu === c.gpu.id).sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!quote) return c;
  const p = quote.pricePerGpu;
  return { ...c, purchasePrice: { low: p, base: p, high: p, from: 'scenario' }, quote };
}

function resolveCandidate(c: Scenario['candidates'][number], rate: number): ResolvedCandidate {
  const spec = typeof c === 'string' ? { gpu: c } : c;
  const gpu = getGpu(spec.gpu);
  if (!gpu) throw new Error(`unvalidated GPU id ${spec.gpu}`);
  const fromCatalog = (r: { low: number; high: number } | null): Money | null =>
    r ? { low: r.low * rate, base: ((r.low + r.high) / 2) * rate, high: r.high * rate, from: 'catalog' } : null;
  const p = spec.purchasePrice;
  const purchasePrice: Money | null =
    typeof p === 'number'
      ? { low: p, base: p, high: p, from: 'scenario' }
      : p
        ? { low: p.low, base: (p.low + p.high) / 2, high: p.high, from: 'scenario' }
        : fromCatalog(gpu.purchasePriceUsd);
  const r = spec.rentalPerGpuHour;
  const platform = platformOf(gpu.id);
  const np = spec.nodePrice;
  const node = {
    ...(typeof np === 'number'
      ? { price: { low: np, base: np, high: np, from: 'scenario' as const } }
      : np
        ? { price: { low: np.low, base: (np.low + np.high) / 2, high: np.high, from: 'scenario' as const } }
        : {}),
    ...(spec.nodePowerKw !== undefined ? { loadKw: spec.nodePowerKw } : {}),
    ...(spec.nodeIdlePowerKw !== undefined ? { idleKw: spec.nodeIdlePowerKw } : {}),
    ...(spec.scaleOutNicsPerNode !== undefined ? { nics: spec.scaleOutNicsPerNode } : {}),
  };
  return {
    gpu,
    purchasePrice,
    rentalPerGpuHour: r !== undefined ? { low: r, base: r, high: r, from: 'scenario' } : rentFromCatalog(gpu, rate),
    maxGpus: spec.maxGpus ?? DEFAULT_MAX_GPUS,
    // A scenario's count is what it buys: no smaller platform is chosen for it.
    platform: spec.gpusPerNode !== undefined ? { ...platform, gpusPerNode: spec.gpusPerNode, smaller: null } : platform,
    node,
  };
}

/**
 * The catalog's rental range; its base is the representative market rate (a tracker median or the
 * median of the observations, data/platforms.yaml) where one is known, else the range's midpoint
 * (docs/methodology.md#platforms).
 */
function rentFromCatalog(gpu: GpuSpec, rate: number): Money | null {
  const r = gpu.cloudUsdPerGpuHour;
  if (!r) return null;
  const base = onDemandBaseUsd(gpu)!;
  return { low: r.low * rate, base: base * rate, high: r.high * rate, from: 'catalog' };
}

function resolveEconomics(e: Scenario['economics']): ResolvedEconomics {
  const rate = e.usdExchangeRate ?? 1;
  const fromScenario = new Set(
    Object.entries(e)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k),
  );
  const given = e as Partial<Record<EconomicKey, number>>;
  const values = Object.fromEntries(ECONOMIC_KEYS.map((k) => [k, given[k] ?? defaultValue(k, rate)])) as Record<EconomicKey, number>;
  return {
    currency: e.currency,
    usdExchangeRate: rate,
    ...values,
    ...(e.budget !== undefined ? { budget: e.budget } : {}),
    budgetBasis: e.budgetBasis,
    // Left out, the steady rental is reserved (docs/methodology.md#rent); fromScenario then says it is the default.
    rentalTerm: e.rentalTerm ?? 'reserved',
    fromScenario,
  };
}
