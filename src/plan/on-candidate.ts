/**
 * A workload on one candidate as the fleet maths needs it (memory fit and performance sizing),
 * and the whole fleet of one candidate. The workload trees (workloads.ts) extend these entries;
 * options, remedies and sensitivity read them. Pure.
 */
import type { TcoResult } from '../economics/tco.ts';
import type { TermDiscount } from './rental-terms.ts';
import { catalogNode, licenceOf, type GpuLicence, type NodePower, type ObservedPrice, type PlatformSpec } from '../catalog/platforms.ts';
import type { Money, NodeInputs } from '../economics/types.ts';
import type { ResolvedCandidate, ResolvedInference, ResolvedTraining, ResolvedWorkload } from '../scenario/resolve.ts';
import { fitInference, fitTraining, type MemoryFit, type TrainingMemoryFit } from './memory-fit.ts';
import { sizeInference, sizeTraining, type InferenceSizing, type TrainingSizing } from './performance.ts';

/** A workload on one candidate as the fleet maths needs it: memory fit and performance sizing. */
export interface InferenceOnCandidate {
  readonly kind: 'inference';
  readonly workload: ResolvedInference;
  readonly candidate: ResolvedCandidate;
  readonly fit: MemoryFit;
  /** The fewest GPUs meeting memory, throughput and latency, with the estimate there. */
  readonly sizing: InferenceSizing;
}

export interface TrainingOnCandidate {
  readonly kind: 'training';
  readonly workload: ResolvedTraining;
  readonly candidate: ResolvedCandidate;
  readonly fit: TrainingMemoryFit;
  /** The fewest GPUs that fit and finish by the deadline, with the estimate there. */
  readonly sizing: TrainingSizing;
}

export type WorkloadOnCandidate = InferenceOnCandidate | TrainingOnCandidate;

export interface CandidateResult {
  readonly candidate: ResolvedCandidate;
  /** Each workload on this candidate (scenario order): its fit and sizing, which the fleet adds up. */
  readonly workloads: readonly WorkloadOnCandidate[];
  /** Whether every workload's targets (latency, throughput, deadline) are met at fleetGpus. */
  readonly targetsMet: boolean;
  /**
   * GPUs of this kind to run every workload at once on dedicated GPUs, in whole nodes of the
   * candidate's platform (docs/methodology.md#platforms); null if one cannot fit.
   */
  readonly fleetGpus: number | null;
  /** GPUs the workloads need (before rounding up to whole nodes); null if one cannot fit. */
  readonly gpusNeeded: number | null;
  /** Whole servers (or racks) bought; null if one cannot fit. */
  readonly nodes: number | null;
  /** The platform the fleet is bought in (the candidate's, or a smaller one of its line). */
  readonly platform: PlatformSpec;
  /** What the money formulas read of one node of that platform, and where each value comes from. */
  readonly node: NodeTerms;
  /** Runs of each training workload over the horizon (scenario order; 1 for a one-off run). */
  readonly trainingRuns: readonly number[];
  /** Recurring training workloads that run on the inference fleet's idle capacity (no GPUs of their own). */
  readonly shared: readonly string[];
  /** The steady rental's term and its discount below on demand (docs/methodology.md#rent). */
  readonly rentTerm: TermDiscount;
  readonly tco: TcoResult | null;
}

/** Runs a year of a recurring job (docs/methodology.md#recurring-jobs). */
const RUNS_PER_YEAR = { week: 365.25 / 7, month: 12, quarter: 4, year: 1 } as const;

/** Runs of a training workload over the horizon: 1 for a one-off run, else its runs a year × years. */
export const runsOverHorizon = (w: ResolvedTraining, horizonMonths: number): number =>
  w.every ? (RUNS_PER_YEAR[w.every] * horizonMonths) / 12 : 1;

/**
 * Whether a recurring training job runs on the inference fleet instead of GPUs of its own: it
 * fits on the inference GPUs (`gpus` ≤ `inferenceGpus`) and its runs a year take no more days than
 * the fleet is idle (`(1 − utilisation)` of the year).
 */
export function sharesInferenceFleet(w: ResolvedTraining, gpus: number, days: number, inferenceGpus: number, utilization: number): boolean {
  if (!w.every || inferenceGpus === 0 || gpus > inferenceGpus) return false;
  return RUNS_PER_YEAR[w.every] * days <= 365.25 * (1 - utilization);
}

/** The fleet in whole nodes: `needed` GPUs rounded up to nodes of `gpusPerNode`. */
export function wholeNodes(needed: number, gpusPerNode: number): { nodes: number; gpus: number } {
  const nodes = Math.ceil(needed / gpusPerNode);
  return { nodes, gpus: nodes * gpusPerNode };
}

/** Where a node's price and power come from: the scenario, the catalog (with its sources) or the estimate. */
export interface NodeSources {
  readonly price:
    { readonly from: 'scenario' } | { readonly from: 'catalog' | 'host'; readonly observed: ObservedPrice } | { readonly from: 'estimate' };
  readonly power: { readonly from: 'scenario' } | { readonly from: 'catalog'; readonly power: NodePower } | { readonly from: 'estimate' };
  readonly licence: GpuLicence;
}

export interface NodeTerms {
  readonly inputs: NodeInputs;
  readonly sources: NodeSources;
}

const scaled = (usd: { low: number; base: number; high: number }, rate: number): Money => ({
  low: usd.low * rate,
  base: usd.base * rate,
  high: usd.high * rate,
  from: 'catalog',
});

/**
 * What the money formulas read of one node of `platform` holding the candidate's GPU
 * (docs/methodology.md#platforms): the scenario's node price and power where it sets them, else the
 * catalog's. The catalog's complete-node price applies with the catalog's GPU price only (a price
 * or quote the scenario sets is for the GPU, priced in the host when its price is known, else with
 * the server overhead). `rate`: scenario currency units per USD.
 */
export function nodeTerms(c: Pick<ResolvedCandidate, 'gpu' | 'purchasePrice' | 'node'>, platform: PlatformSpec, rate: number): NodeTerms {
  const cat = catalogNode(platform, c.gpu.id);
  const licence = licenceOf(c.gpu.id);
  const catalogGpuPrice = c.purchasePrice?.from === 'catalog';
  const price: NodeSources['price'] = c.node.price
    ? { from: 'scenario' }
    : cat.price && catalogGpuPrice
      ? { from: 'catalog', observed: cat.price }
      : cat.hostPrice
        ? { from: 'host', observed: cat.hostPrice }
        : { from: 'estimate' };
  const power: NodeSources['power'] =
    c.node.loadKw !== undefined ? { from: 'scenario' } : cat.power ? { from: 'catalog', power: cat.power } : { from: 'estimate' };
  return {
    inputs: {
      gpusPerNode: platform.gpusPerNode,
      fabric: platform.scaleOutFabric ? 1 : 0,
      rackScale: platform.kind === 'rack' ? 1 : 0,
      // One NIC per GPU in NVIDIA's reference designs where the platform's count is not stated.
      nicsPerNode: c.node.nics ?? cat.nics ?? platform.gpusPerNode,
      nodePrice: c.node.price ?? (price.from === 'catalog' ? scaled(price.observed, rate) : null),
      // Known even where a complete node's price applies: clearing that in the workbook falls back to it.
      hostPrice: cat.hostPrice ? cat.hostPrice.base * rate : null,
      nodeLoadKw: c.node.loadKw ?? cat.power?.loadKw ?? null,
      nodeIdleKw: c.node.idleKw ?? null,
      licensed: licence.licensed ? 1 : 0,
      licenceIncludedYears: licence.includedYears,
    },
    sources: { price, power, licence },
  };
}

export function inferenceOnCandidate(candidate: ResolvedCandidate, workload: ResolvedInference): InferenceOnCandidate {
  const sizing = sizeInference(candidate.gpu, workload, candidate.maxGpus);
  return { kind: 'inference', workload, candidate, fit: fitInference(candidate.gpu, workload, candidate.maxGpus), sizing };
}

export function trainingOnCandidate(candidate: ResolvedCandidate, workload: ResolvedTraining): TrainingOnCandidate {
  const sizing = sizeTraining(candidate.gpu, workload, candidate.maxGpus);
  return { kind: 'training', workload, candidate, fit: fitTraining(candidate.gpu, sizing), sizing };
}

export const onCandidate = (candidate: ResolvedCandidate, w: ResolvedWorkload): WorkloadOnCandidate =>
  w.kind === 'inference' ? inferenceOnCandidate(candidate, w) : trainingOnCandidate(candidate, w);
