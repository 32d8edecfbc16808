/**
 * How each catalog GPU is bought: its platform (whole servers of N GPUs, a rack, a workstation),
 * its representative rental rate and the flags a buyer must see. Generated data in
 * platform-data.ts (from data/platforms.yaml); method in docs/methodology.md#platforms.
 */
import { GPU_PLATFORM, PLATFORM_DATA, PLATFORM_FLAGS, RENTAL_MEDIANS, RENTAL_TERM_RATES, SOFTWARE_LICENCE } from './platform-data.ts';
import type { NodePower, NodePriceObservation, PlatformSpec, RentalMedian } from './platform-types.ts';
import type { GpuSpec } from './types.ts';

export type { NodePower, PlatformSpec, RentalMedian };

const byId = new Map<string, PlatformSpec>(PLATFORM_DATA.map((p) => [p.id, p]));

/** A GPU of no known platform is bought one per node (a scenario's inline GPU). */
const SINGLE: PlatformSpec = {
  id: 'single',
  name: 'Single GPU',
  kind: 'server',
  gpusPerNode: 1,
  rackUnits: 0,
  scaleOutFabric: false,
  scaleOutNics: null,
  nodePower: [],
  nodePrices: [],
  smaller: null,
  source: 'no platform known for this GPU: one GPU per node',
  url: '',
  date: '',
};

export function platformOf(gpuId: string): PlatformSpec {
  const id = GPU_PLATFORM[gpuId];
  return (id && byId.get(id)) || SINGLE;
}

/**
 * The platform a fleet of `needed` GPUs is bought in: the candidate's, or a smaller one of its
 * line (`smaller`) when whole nodes of it leave fewer GPUs idle (docs/methodology.md#platforms).
 */
export function platformFor(platform: PlatformSpec, needed: number): PlatformSpec {
  const whole = (p: PlatformSpec) => Math.ceil(needed / p.gpusPerNode) * p.gpusPerNode;
  let best = platform;
  for (let id = platform.smaller; id;) {
    const next = byId.get(id);
    if (!next) break;
    if (whole(next) < whole(best)) best = next;
    id = next.smaller;
  }
  return best;
}

/** A price as low / base / high, USD, with the observations it comes from. */
export interface ObservedPrice {
  readonly low: number;
  readonly base: number;
  readonly high: number;
  readonly observations: readonly NodePriceObservation[];
}

/** What the catalog knows of one node of a platform holding a given GPU (docs/methodology.md#platforms). */
export interface CatalogNode {
  /** A complete node with its GPUs: low, median and high of the observations; null where none was found. */
  readonly price: ObservedPrice | null;
  /** The node without its GPUs (the host), likewise; null where none was found. */
  readonly hostPrice: ObservedPrice | null;
  /** Power at load (measured, rated or reported); null where none was found. */
  readonly power: NodePower | null;
  /** Scale-out NICs per node; null where the sources do not state them. */
  readonly nics: number | null;
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const observed = (o: readonly NodePriceObservation[]): ObservedPrice | null => {
  if (o.length === 0) return null;
  const usd = o.map((x) => x.usd);
  return { low: Math.min(...usd), base: median(usd), high: Math.max(...usd), observations: o };
};

/**
 * The catalog's node price and power for `gpuId` in `platform`. A platform whose GPUs per node a
 * scenario changed is not the catalog's node: nothing is known of it.
 */
export function catalogNode(platform: PlatformSpec, gpuId: string): CatalogNode {
  const own = byId.get(platform.id);
  if (!own || own.gpusPerNode !== platform.gpusPerNode) return { price: null, hostPrice: null, power: null, nics: null };
  const prices = own.nodePrices.filter((p) => p.gpuIds.includes(gpuId));
  return {
    price: observed(prices.filter((p) => p.withGpus)),
    hostPrice: observed(prices.filter((p) => !p.withGpus)),
    power: own.nodePower.find((p) => p.gpuIds.includes(gpuId)) ?? null,
    nics: own.scaleOutNics,
  };
}

/** The per-GPU software licence of a part: whether it takes one, the years included with it, and the source. */
export interface GpuLicence {
  readonly licensed: boolean;
  readonly includedYears: number;
  readonly source: { readonly text: string; readonly url: string; readonly date: string } | null;
}

export function licenceOf(gpuId: string): GpuLicence {
  const l = SOFTWARE_LICENCE;
  if (l.none.gpuIds.includes(gpuId))
    return { licensed: false, includedYears: 0, source: { text: l.none.source, url: l.none.url, date: l.none.date } };
  const i = l.included.find((x) => x.gpuIds.includes(gpuId));
  return i
    ? { licensed: true, includedYears: i.years, source: { text: i.source, url: i.url, date: i.date } }
    : { licensed: true, includedYears: 0, source: null };
}

export const rentalMedian = (gpuId: string): RentalMedian | undefined => RENTAL_MEDIANS[gpuId];

/** Flags a buyer must see for a GPU: the GeForce licence clause and end-of-life notes. */
export interface GpuFlag {
  readonly kind: 'geforceLicence' | 'endOfLife';
  readonly detail: string;
  readonly date: string;
  readonly url: string;
}

export function flagsOf(gpuId: string): GpuFlag[] {
  const g = PLATFORM_FLAGS.geforceLicence;
  const flags: GpuFlag[] = g.gpuIds.includes(gpuId) ? [{ kind: 'geforceLicence', detail: g.source, date: g.date, url: g.url }] : [];
  for (const e of PLATFORM_FLAGS.endOfLife)
    if (e.gpuId === gpuId) flags.push({ kind: 'endOfLife', detail: e.status, date: e.date, url: e.url });
  return flags;
}

/** The sourced reserved or spot rate of a GPU, USD per GPU-hour; undefined where its term rate is derived (docs/methodology.md#rent). */
export const rentalTermRate = (gpuId: string, term: 'reserved' | 'spot'): RentalMedian | undefined => RENTAL_TERM_RATES[gpuId]?.[term];

/**
 * The base of a GPU's catalog on-demand rate, USD per GPU-hour: the representative market rate
 * (a tracker median or the median of the observations) within the catalog range where one is
 * known, else the range's midpoint; null without a range (docs/methodology.md#platforms).
 */
export function onDemandBaseUsd(gpu: Pick<GpuSpec, 'id' | 'cloudUsdPerGpuHour'>): number | null {
  const r = gpu.cloudUsdPerGpuHour;
  if (!r) return null;
  const median = rentalMedian(gpu.id)?.usdPerGpuHour;
  return median !== undefined ? Math.min(r.high, Math.max(r.low, median)) : (r.low + r.high) / 2;
}
