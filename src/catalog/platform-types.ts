/** Platform catalog types (data/platforms.yaml; docs/methodology.md#platforms). */

/** The unit a GPU is bought in: a server, a rack, a workstation, or a cloud instance only. */
export interface PlatformSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'server' | 'rack' | 'workstation' | 'cloud';
  readonly gpusPerNode: number;
  readonly rackUnits: number;
  /** Measured peak draw of one node where published, kW; null where not found. */
  readonly nodePowerKwMeasured: number | null;
  /** More than one node is joined by a scale-out fabric (HGX/OAM/rack designs, one 400G NIC per GPU). */
  readonly scaleOutFabric: boolean;
  /** A platform of fewer GPUs per node, used when it buys fewer GPUs for the fleet; null if none. */
  readonly smaller: string | null;
  readonly source: string;
  readonly url: string;
  readonly date: string;
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
