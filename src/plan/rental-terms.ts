/**
 * The term of a rental (docs/methodology.md#rent): on-demand, reserved or spot, as a discount
 * below the candidate's on-demand rate. A reserved or spot rate sourced for the GPU
 * (data/platforms.yaml `rental_terms_usd_per_gpu_hour`) gives its own discount against the
 * catalog's on-demand base; any other GPU takes the market discount (economics reservedDiscount,
 * spotDiscount); a scenario that sets that discount applies it to every GPU. A scenario's own
 * on-demand rate (candidate rentalPerGpuHour) moves every term with it by the same discount. Pure.
 */
import { onDemandBaseUsd, rentalTermRate, type RentalMedian } from '../catalog/platforms.ts';
import type { GpuSpec } from '../catalog/types.ts';
import type { RentalTerm, ResolvedEconomics } from '../economics/types.ts';

export interface TermDiscount {
  readonly term: RentalTerm;
  /** Share below the on-demand rate, [0, 1). */
  readonly discount: number;
  /** on-demand: none; a sourced term rate; the market discount (derived); the scenario's discount. */
  readonly from: 'none' | 'sourced' | 'derived' | 'scenario';
  /** The sourced rate (USD per GPU-hour) where `from` is 'sourced'. */
  readonly source?: RentalMedian;
}

const DISCOUNT_KEY = { reserved: 'reservedDiscount', spot: 'spotDiscount' } as const;
/** A sourced term rate above the on-demand base gives no discount (never a surcharge): clamped to [0, MAX]. */
const MAX_DISCOUNT = 0.99;

export function termDiscount(e: ResolvedEconomics, gpu: Pick<GpuSpec, 'id' | 'cloudUsdPerGpuHour'>, term: RentalTerm): TermDiscount {
  if (term === 'on-demand') return { term, discount: 0, from: 'none' };
  const key = DISCOUNT_KEY[term];
  if (e.fromScenario.has(key)) return { term, discount: e[key], from: 'scenario' };
  const source = rentalTermRate(gpu.id, term);
  const base = onDemandBaseUsd(gpu);
  if (source && base) {
    const discount = Math.min(MAX_DISCOUNT, Math.max(0, 1 - source.usdPerGpuHour / base));
    return { term, discount, from: 'sourced', source };
  }
  return { term, discount: e[key], from: 'derived' };
}

/** The term of the steady (inference) rental the scenario chose. */
export const steadyTerm = (e: ResolvedEconomics, gpu: Pick<GpuSpec, 'id' | 'cloudUsdPerGpuHour'>): TermDiscount =>
  termDiscount(e, gpu, e.rentalTerm);
