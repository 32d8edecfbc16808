/**
 * The economic values the money formulas read: every declared parameter (parameters.ts) with its
 * default applied, in the scenario currency, and a price range. scenario/resolve.ts produces
 * them; they are declared here so that economics/ depends on no scenario module.
 */
import type { EconomicKey } from './parameters.ts';

export interface Money {
  readonly low: number;
  readonly base: number;
  readonly high: number;
  readonly from: 'scenario' | 'catalog';
}

/** Every economic parameter (economics/parameters.ts) with its default applied, in the scenario currency. */
export type ResolvedEconomics = Readonly<Record<EconomicKey, number>> & {
  readonly currency: string;
  readonly usdExchangeRate: number;
  readonly budget?: number;
  /** What the budget is compared with when buying: capex (default) or cash over the horizon. */
  readonly budgetBasis: 'capex' | 'cash';
  /** Term of the steady (inference) rental; training runs rent on demand (docs/methodology.md#rent). */
  readonly rentalTerm: RentalTerm;
  /** Which fields the scenario set (the rest are documented defaults). */
  readonly fromScenario: ReadonlySet<string>;
};

export type RentalTerm = 'on-demand' | 'reserved' | 'spot';
/**
 * What the money formulas read of one node of a candidate's platform, in the scenario currency
 * (docs/methodology.md#platforms, #capex, #power): its size, whether nodes need a fabric or are
 * whole racks, its price with GPUs (complete) or without (the host), its power at load and idle,
 * and the GPU's per-GPU licence. null: not known (the formulas fall back to the estimates).
 */
export interface NodeInputs {
  readonly gpusPerNode: number;
  /** 1 when more than one node needs a scale-out fabric, else 0. */
  readonly fabric: number;
  /** 1 when a node is a whole rack (its cabinet and power shelves included), else 0. */
  readonly rackScale: number;
  /** Scale-out NICs per node: the fabric's endpoints (switch ports and cables). */
  readonly nicsPerNode: number;
  readonly nodePrice: Money | null;
  readonly hostPrice: number | null;
  readonly nodeLoadKw: number | null;
  readonly nodeIdleKw: number | null;
  /** 1 when each GPU takes the per-GPU software licence, 0 when none applies (GeForce). */
  readonly licensed: number;
  /** Years of that licence included with the GPU (0: none). */
  readonly licenceIncludedYears: number;
}

/** The three price levels: low and high from the ends of the price ranges, base their midpoint. */
export type Level = 'low' | 'base' | 'high';
export const LEVELS: readonly Level[] = ['low', 'base', 'high'];
export type Triple = Readonly<Record<Level, number>>;

/** What the estimator contributes to an option's money (numbers in its formulas). */
export interface OptionDrivers {
  /** GPUs serving the inference workloads (the rest of the fleet trains). */
  readonly inferenceGpus: number;
  /** Output tokens per second of the inference workloads at their sized fleets; null without inference. */
  readonly tokensPerSecond: Triple | null;
  /** GPU-hours of one run of each training workload (NaN where it does not fit). */
  readonly trainingGpuHours: readonly Triple[];
  /** Runs of each training workload over the horizon (1 for a one-off run). */
  readonly trainingRuns: readonly number[];
}
