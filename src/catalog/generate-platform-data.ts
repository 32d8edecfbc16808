/**
 * The platform catalog's source (data/platforms.yaml: how each GPU is sold, representative
 * rental rates, licence and end-of-life flags, every value dated and sourced) turned into the
 * committed module src/catalog/platform-data.ts. Pure: YAML text in, module text out.
 * `npm run catalog` (scripts/catalog.ts) writes it; test/catalog/generate-platform-data.test.ts
 * checks the committed file equals what this produces, byte for byte.
 * Method: docs/methodology.md#platforms.
 */
import { parse } from 'yaml';

interface RawPlatform {
  id: string;
  name: string;
  kind: 'server' | 'rack' | 'workstation' | 'cloud';
  gpus_per_node: number;
  rack_units: number;
  scale_out_fabric: boolean;
  scale_out_nics: number | null;
  node_power: {
    gpu_ids: string[];
    load_kw: number;
    basis: 'measured' | 'rated' | 'reported';
    rated_kw: number | null;
    source: string;
    url: string;
    date: string;
  }[];
  node_prices: { gpu_ids: string[]; with_gpus: boolean; usd: number; derived?: boolean; source: string; url: string; date: string }[];
  smaller?: string;
  source: string;
  url: string;
  date: string;
}
interface RawSourced {
  value: number;
  basis: string;
  date: string;
  url: string;
}
interface RawPlatforms {
  meta: { compiled: string };
  platforms: RawPlatform[];
  gpus: Record<string, string>;
  rental_median_usd_per_gpu_hour: Record<string, RawSourced>;
  rental_terms_usd_per_gpu_hour: Record<string, Partial<Record<'reserved' | 'spot', RawSourced>>>;
  software_licence: {
    name: string;
    usd_per_gpu_year: number;
    source: string;
    url: string;
    date: string;
    included: { gpu_ids: string[]; years: number; source: string; url: string; date: string }[];
    none: { gpu_ids: string[]; source: string; url: string; date: string };
  };
  geforce_licence: { gpu_ids: string[]; source: string; url: string; date: string };
  end_of_life: { gpu_id: string; status: string; date: string; url: string }[];
}

export const PLATFORM_DATA_SOURCE = 'data/platforms.yaml';
export const PLATFORM_DATA_MODULE = 'src/catalog/platform-data.ts';

/** The text of src/catalog/platform-data.ts for the YAML text of data/platforms.yaml. */
export function renderPlatformData(yamlText: string): string {
  const doc = parse(yamlText) as RawPlatforms;
  const ids = new Set(doc.platforms.map((p) => p.id));
  for (const [gpu, platform] of Object.entries(doc.gpus))
    if (!ids.has(platform)) throw new Error(`${PLATFORM_DATA_SOURCE}: ${gpu} names unknown platform ${platform}`);
  for (const p of doc.platforms)
    if (p.smaller !== undefined && !ids.has(p.smaller))
      throw new Error(`${PLATFORM_DATA_SOURCE}: ${p.id} names unknown platform ${p.smaller}`);
  const known = new Set(Object.keys(doc.gpus));
  const check = (where: string, gpuIds: string[]) => {
    for (const id of gpuIds) if (!known.has(id)) throw new Error(`${PLATFORM_DATA_SOURCE}: ${where} names unknown GPU ${id}`);
  };
  for (const p of doc.platforms) for (const n of [...p.node_power, ...p.node_prices]) check(p.id, n.gpu_ids);
  for (const i of doc.software_licence.included) check('software_licence', i.gpu_ids);
  check('software_licence', doc.software_licence.none.gpu_ids);
  const l = doc.software_licence;
  const licence = {
    name: l.name,
    usdPerGpuYear: l.usd_per_gpu_year,
    source: l.source,
    url: l.url,
    date: String(l.date),
    included: l.included.map((i) => ({ gpuIds: i.gpu_ids, years: i.years, source: i.source, url: i.url, date: String(i.date) })),
    none: { gpuIds: l.none.gpu_ids, source: l.none.source, url: l.none.url, date: String(l.none.date) },
  };
  const platforms = doc.platforms.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    gpusPerNode: p.gpus_per_node,
    rackUnits: p.rack_units,
    scaleOutFabric: p.scale_out_fabric,
    scaleOutNics: p.scale_out_nics,
    nodePower: p.node_power.map((n) => ({
      gpuIds: n.gpu_ids,
      loadKw: n.load_kw,
      basis: n.basis,
      ratedKw: n.rated_kw,
      source: n.source,
      url: n.url,
      date: String(n.date),
    })),
    nodePrices: p.node_prices.map((n) => ({
      gpuIds: n.gpu_ids,
      withGpus: n.with_gpus,
      usd: n.usd,
      derived: n.derived ?? false,
      source: n.source,
      url: n.url,
      date: String(n.date),
    })),
    smaller: p.smaller ?? null,
    source: p.source,
    url: p.url,
    date: String(p.date),
  }));
  const rental = Object.fromEntries(
    Object.entries(doc.rental_median_usd_per_gpu_hour).map(([id, r]) => [
      id,
      { usdPerGpuHour: r.value, basis: r.basis, date: String(r.date), url: r.url },
    ]),
  );
  const sourced = (r: RawSourced) => ({ usdPerGpuHour: r.value, basis: r.basis, date: String(r.date), url: r.url });
  const terms = Object.fromEntries(
    Object.entries(doc.rental_terms_usd_per_gpu_hour).map(([id, t]) => [
      id,
      { ...(t.reserved ? { reserved: sourced(t.reserved) } : {}), ...(t.spot ? { spot: sourced(t.spot) } : {}) },
    ]),
  );
  const flags = {
    geforceLicence: {
      gpuIds: doc.geforce_licence.gpu_ids,
      source: doc.geforce_licence.source,
      url: doc.geforce_licence.url,
      date: String(doc.geforce_licence.date),
    },
    endOfLife: doc.end_of_life.map((e) => ({ gpuId: e.gpu_id, status: e.status, date: String(e.date), url: e.url })),
  };
  return `// GENERATED by scripts/catalog.ts (npm run catalog) from data/platforms.yaml (compiled ${doc.meta.compiled}).
// Do not edit by hand: fix data/platforms.yaml and regenerate. Method: docs/methodology.md#platforms.
import type { PlatformFlags, PlatformSpec, RentalMedian, RentalTermRates, SoftwareLicence } from './platform-types.ts';

export const PLATFORM_DATA = ${JSON.stringify(platforms, null, 2)} as const satisfies readonly PlatformSpec[];

/** GPU id → the platform it is sold in by default. */
export const GPU_PLATFORM: Readonly<Record<string, string>> = ${JSON.stringify(doc.gpus, null, 2)};

/** Representative on-demand rental rate (a median), USD per GPU-hour. */
export const RENTAL_MEDIANS: Readonly<Record<string, RentalMedian>> = ${JSON.stringify(rental, null, 2)};

/** Sourced reserved and spot rates, USD per GPU-hour (the other GPUs derive theirs: docs/methodology.md#rent). */
export const RENTAL_TERM_RATES: Readonly<Record<string, RentalTermRates>> = ${JSON.stringify(terms, null, 2)};

export const PLATFORM_FLAGS: PlatformFlags = ${JSON.stringify(flags, null, 2)};

/** The per-GPU software licence, the parts it is included with and those that take none. */
export const SOFTWARE_LICENCE: SoftwareLicence = ${JSON.stringify(licence, null, 2)};
`;
}
