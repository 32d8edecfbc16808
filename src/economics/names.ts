/**
 * The workbook's names for the economics: each economic parameter under its own key (the Inputs
 * sheet), the two constants the formulas use, each candidate's GPU count, TDP, prices and rents,
 * the TCO sheet's named results, and `budget`. The calculation reads the same names (economics/
 * tco.ts maps each to where its value lives), so a formula reads the same inputs in both.
 */
import type { Level } from './types.ts';
import { ECONOMIC_KEYS, HOURS_PER_MONTH, SWITCH_PORTS, type EconomicKey } from './parameters.ts';
import type { GpuSpec } from '../catalog/types.ts';
import type { Money, NodeInputs, ResolvedEconomics } from './types.ts';
import type { Env } from './expr.ts';

/** Economic inputs, named after their ResolvedEconomics field (declaration order). */
export const ECONOMIC_INPUTS: readonly EconomicKey[] = ECONOMIC_KEYS;
export const CONSTANT_INPUTS = { hoursPerMonth: HOURS_PER_MONTH, switchPorts: SWITCH_PORTS } as const;
export const BUDGET = 'budget';

/** The named cells of one candidate (Inputs sheet) and of its TCO results (tco sheet). */
export interface CandidateNames {
  readonly gpus: string;
  /** GPUs in one server (or rack) of the candidate's platform. */
  readonly gpusPerNode: string;
  /** 1 when more than one node needs a scale-out fabric (HGX/OAM servers, racks), else 0. */
  readonly fabric: string;
  readonly tdpWatts: string;
  readonly price: Readonly<Record<Level, string>>;
  /** A complete node's price (with its GPUs); an empty cell: none known. */
  readonly nodePrice: Readonly<Record<Level, string>>;
  /** A node's price without its GPUs; an empty cell: none known. */
  readonly hostPrice: string;
  /** One node's power at load and idle, kW; an empty cell: estimated (docs/methodology.md#power). */
  readonly nodeLoadKw: string;
  readonly nodeIdleKw: string;
  /** 1 when a node is a whole rack. */
  readonly rackScale: string;
  readonly nicsPerNode: string;
  /** 1 when each GPU takes the per-GPU licence; the years included with the GPU. */
  readonly licensed: string;
  readonly licenceIncludedYears: string;
  readonly rent: Readonly<Record<Level, string>>;
  /** Discount of the steady rental's term below the on-demand rent (docs/methodology.md#rent). */
  readonly rentDiscount: string;
  /** Base-level results that the tco sheet shows in named cells. */
  readonly itPowerKw: string;
  readonly powerPerMonth: string;
  readonly capex: string;
  readonly opexPerMonth: string;
  readonly ownedTotal: string;
  readonly cashTotal: string;
}

/**
 * One key per candidate for its names: the GPU id with "_" for anything but letters and
 * digits (`h100-sxm5-80gb` → `h100_sxm5_80gb`), numbered when a GPU is listed twice. Names get a
 * prefix (`price_…`), so none looks like a cell reference (Excel's rule for defined names).
 */
export function candidateKeys(candidates: readonly { readonly gpu: Pick<GpuSpec, 'id'> }[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map(({ gpu }) => {
    const base = gpu.id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'gpu';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

export function candidateNames(key: string): CandidateNames {
  return {
    gpus: `gpus_${key}`,
    gpusPerNode: `gpusPerNode_${key}`,
    fabric: `fabric_${key}`,
    tdpWatts: `tdp_${key}`,
    price: { low: `priceLow_${key}`, base: `price_${key}`, high: `priceHigh_${key}` },
    nodePrice: { low: `nodePriceLow_${key}`, base: `nodePrice_${key}`, high: `nodePriceHigh_${key}` },
    hostPrice: `hostPrice_${key}`,
    nodeLoadKw: `nodeLoadKw_${key}`,
    nodeIdleKw: `nodeIdleKw_${key}`,
    rackScale: `rackScale_${key}`,
    nicsPerNode: `nics_${key}`,
    licensed: `licensed_${key}`,
    licenceIncludedYears: `licenceYears_${key}`,
    rent: { low: `rentLow_${key}`, base: `rent_${key}`, high: `rentHigh_${key}` },
    rentDiscount: `rentDiscount_${key}`,
    itPowerKw: `itPowerKw_${key}`,
    powerPerMonth: `powerPerMonth_${key}`,
    capex: `capex_${key}`,
    opexPerMonth: `opexPerMonth_${key}`,
    ownedTotal: `owned_${key}`,
    cashTotal: `cash_${key}`,
  };
}

/** What one candidate's input cells hold: fleet size, its node, TDP, prices and rents. */
export interface CandidateInputs extends NodeInputs {
  readonly names: CandidateNames;
  readonly gpus: number | null;
  readonly tdpWatts: number | null;
  readonly purchasePrice: Money | null;
  readonly rentalPerGpuHour: Money | null;
  /** Discount of the steady rental's term (0 on demand). */
  readonly rentDiscount?: number;
}

/** The number behind each input name (what the Inputs sheet holds); null for an empty cell. Tests evaluate formulas over it. */
export function inputValues(economics: ResolvedEconomics, candidates: readonly CandidateInputs[]): Record<string, number | null> {
  const values: Record<string, number | null> = { ...CONSTANT_INPUTS };
  for (const field of ECONOMIC_INPUTS) values[field] = economics[field];
  if (economics.budget !== undefined) values[BUDGET] = economics.budget;
  for (const c of candidates) {
    const { names, purchasePrice, rentalPerGpuHour } = c;
    values[names.gpus] = c.gpus;
    values[names.rentDiscount] = c.rentDiscount ?? 0;
    values[names.gpusPerNode] = c.gpusPerNode;
    values[names.fabric] = c.fabric;
    values[names.tdpWatts] = c.tdpWatts;
    values[names.hostPrice] = c.hostPrice;
    values[names.nodeLoadKw] = c.nodeLoadKw;
    values[names.nodeIdleKw] = c.nodeIdleKw;
    values[names.rackScale] = c.rackScale;
    values[names.nicsPerNode] = c.nicsPerNode;
    values[names.licensed] = c.licensed;
    values[names.licenceIncludedYears] = c.licenceIncludedYears;
    for (const level of ['low', 'base', 'high'] as const) {
      values[names.price[level]] = purchasePrice?.[level] ?? null;
      values[names.nodePrice[level]] = c.nodePrice?.[level] ?? null;
      values[names.rent[level]] = rentalPerGpuHour?.[level] ?? null;
    }
  }
  return values;
}

/** The input values as an evaluation environment: an empty cell reads as 0, as in a spreadsheet; an unknown name throws. */
export function inputEnv(values: Readonly<Record<string, number | null>>): Env {
  return (name) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no workbook input named ${name}`);
    return v ?? 0;
  };
}

/** Names under which an evaluation environment carries the TCO results calculateTco evaluated. */
export const TCO_RESULTS = {
  ownedTotal: { low: 'ownedTotal_low', base: 'ownedTotal_base', high: 'ownedTotal_high' },
  capex: { low: 'capex_low', base: 'capex_base', high: 'capex_high' },
  cashTotal: { low: 'cashTotal_low', base: 'cashTotal_base', high: 'cashTotal_high' },
  npv: { low: 'npv_low', base: 'npv_base', high: 'npv_high' },
} as const;
