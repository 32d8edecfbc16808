/** Platform catalog types (data/platforms.yaml; docs/methodology.md#platforms). */

/** The unit a GPU is bought in: a server, a rack, a workstation, or a cloud instance only. */
export interface PlatformSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'server' | 'rack' | 'workstation' | 'cloud';
  readonly gpusPerNode: number;
  readonly rackUnits: number;
  /** NICs per node for the scale-out fabric; null where the sources do not state it. */
  readonly scaleOutNics: number | null;
  /** Power of one node at load for the GPUs listed (measured, rated or reported); empty where none was found. */
  readonly nodePower: readonly NodePower[];
  /** Dated node price observations, USD, with GPUs (a complete node) or without (the host). */
  readonly nodePrices: readonly NodePriceObservation[];
  /** More than one node is joined by a scale-out fabric (HGX/OAM/rack designs, one 400G NIC per GPU). */
  readonly scaleOutFabric: boolean;
  /** A platform of fewer GPUs per node, used when it buys fewer GPUs for the fleet; null if none. */
  readonly smaller: string | null;
  readonly source: string;
  readonly url: string;
  readonly date: string;
}

/** One node's power at load, kW at the wall, for the GPUs it lists. */
export interface NodePower {
  readonly gpuIds: readonly string[];
  readonly loadKw: number;
  readonly basis: 'measured' | 'rated' | 'reported';
  readonly ratedKw: number | null;
  readonly source: string;
  readonly url: string;
  readonly date: string;
}

/** One published price of a node: with its GPUs (a complete system) or without them (the host). */
export interface NodePriceObservation {
  readonly gpuIds: readonly string[];
  readonly withGpus: boolean;
  readonly usd: number;
  /** Arithmetic on cited numbers in the source, not an independent observation. */
  readonly derived: boolean;
  readonly source: string;
  readonly url: string;
  readonly date: string;
}

/** A software licence per GPU-year, the parts it is included with (for some years) and those that take none. */
export interface SoftwareLicence {
  readonly name: string;
  readonly usdPerGpuYear: number;
  readonly source: string;
  readonly url: string;
  readonly date: string;
  readonly included: readonly {
    readonly gpuIds: readonly string[];
    readonly years: number;
    readonly source: string;
    readonly url: string;
    readonly date: string;
  }[];
  readonly none: { readonly gpuIds: readonly string[]; readonly source: string; readonly url: string; readonly date: string };
}

export interface RentalMedian {
  readonly usdPerGpuHour: number;
  readonly basis: string;
  readonly date: string;
  readonly url: string;
}

/** Sourced rates of the reserved and spot rental terms of one GPU (either may be absent). */
export interface RentalTermRates {
  readonly reserved?: RentalMedian;
  readonly spot?: RentalMedian;
}

export interface PlatformFlags {
  readonly geforceLicence: { readonly gpuIds: readonly string[]; readonly source: string; readonly url: string; readonly date: string };
  readonly endOfLife: readonly { readonly gpuId: string; readonly status: string; readonly date: string; readonly url: string }[];
}
