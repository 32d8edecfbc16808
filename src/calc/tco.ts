/**
 * Total cost of ownership of a fleet of one GPU kind, bought or rented, over the horizon.
 * Pure; all money in the scenario currency. Formulas (docs/domain.md "Economics"):
 *   capex      = GPUs × price × server overhead (+ cluster networking beyond one 8-GPU server)
 *   power      = TDP × GPUs × utilisation × hours × PUE × price per kWh
 *   hosting    = IT kW × hosting per kW-month;  maintenance = capex × share per year
 *   owned cost = capex − book value at the horizon (straight line to the residual) + opex
 *   rent       = GPUs × rate per GPU-hour × (1 − reserved discount) × hours (held all month)
 */
import { HOURS_PER_MONTH } from '../catalog/economics.ts';
import type { ResolvedEconomics, Money } from '../scenario/resolve.ts';

/** GPUs in one HGX/DGX-class server; beyond one server the cluster needs its own network. */
export const GPUS_PER_SERVER = 8;

export type Level = 'low' | 'base' | 'high';
export const LEVELS: readonly Level[] = ['low', 'base', 'high'];

export interface TcoInput {
  readonly gpus: number;
  readonly tdpWatts: number | null;
  readonly purchasePrice: Money | null;
  readonly rentalPerGpuHour: Money | null;
  readonly economics: ResolvedEconomics;
}

export interface TcoPoint {
  readonly gpuCost: number;
  readonly serverCost: number;
  readonly networkingCost: number;
  readonly capex: number;
  readonly powerPerMonth: number;
  readonly hostingPerMonth: number;
  readonly maintenancePerMonth: number;
  readonly opexPerMonth: number;
  readonly depreciationOverHorizon: number;
  /** Owned cost over the horizon: depreciation + opex. */
  readonly ownedTotal: number;
  /** Cash spent when buying: capex up front + opex over the horizon. */
  readonly ownedCash: number;
  readonly rentPerMonth: number | null;
  readonly rentTotal: number | null;
  /** First month whose cumulative cash cost of buying is at or below renting; null if never within 10 years. */
  readonly breakEvenMonth: number | null;
}

export interface TcoResult {
  /** IT power of the GPUs at full load, kW. */
  readonly itPowerKw: number;
  /** Energy drawn from the grid per month (incl. PUE), kWh. */
  readonly energyKwhPerMonth: number;
  /** Low/base/high from the price ranges (purchase and rental prices move together). */
  readonly levels: Readonly<Record<Level, TcoPoint>> | null;
}

export function calculateTco(input: TcoInput): TcoResult {
  const e = input.economics;
  const itPowerKw = ((input.tdpWatts ?? 0) * input.gpus) / 1000;
  const energyKwhPerMonth = itPowerKw * e.utilization * HOURS_PER_MONTH * e.pue;
  if (!input.purchasePrice) return { itPowerKw, energyKwhPerMonth, levels: null };
  const price = input.purchasePrice;
  const point = (level: Level): TcoPoint => pointAt(input, price[level], input.rentalPerGpuHour?.[level] ?? null, itPowerKw, energyKwhPerMonth);
  return { itPowerKw, energyKwhPerMonth, levels: { low: point('low'), base: point('base'), high: point('high') } };
}

function pointAt(input: TcoInput, price: number, rate: number | null, itPowerKw: number, energyKwh: number): TcoPoint {
  const e = input.economics;
  const gpuCost = input.gpus * price;
  const serverCost = gpuCost * e.serverOverheadMultiplier;
  // Epoch AI: networking is ~19% of the whole cluster's cost, so it adds share/(1 − share) on top.
  const networkingCost = input.gpus > GPUS_PER_SERVER ? serverCost * (e.networkingShare / (1 - e.networkingShare)) : 0;
  const capex = serverCost + networkingCost;
  const powerPerMonth = energyKwh * e.electricityPricePerKwh;
  const hostingPerMonth = itPowerKw * e.hostingPerKwMonth;
  const maintenancePerMonth = (capex * e.maintenanceSharePerYear) / 12;
  const opexPerMonth = powerPerMonth + hostingPerMonth + maintenancePerMonth;
  const depreciableMonths = e.depreciationYears * 12;
  const depreciatedShare = Math.min(1, e.horizonMonths / depreciableMonths) * (1 - e.residualValueShare);
  const depreciationOverHorizon = capex * depreciatedShare;
  const rentPerMonth = rate === null ? null : input.gpus * rate * (1 - e.reservedDiscount) * HOURS_PER_MONTH;
  return {
    gpuCost, serverCost, networkingCost, capex, powerPerMonth, hostingPerMonth, maintenancePerMonth, opexPerMonth,
    depreciationOverHorizon,
    ownedTotal: depreciationOverHorizon + opexPerMonth * e.horizonMonths,
    ownedCash: capex + opexPerMonth * e.horizonMonths,
    rentPerMonth,
    rentTotal: rentPerMonth === null ? null : rentPerMonth * e.horizonMonths,
    breakEvenMonth: rentPerMonth === null ? null : breakEven(capex, opexPerMonth, rentPerMonth),
  };
}

/** Months until buying (capex + opex·m) costs no more than renting (rent·m); null beyond 120 months. */
export function breakEven(capex: number, opexPerMonth: number, rentPerMonth: number): number | null {
  if (rentPerMonth <= opexPerMonth) return null;
  const m = Math.ceil(capex / (rentPerMonth - opexPerMonth));
  return m <= 120 ? m : null;
}

/** Cumulative cash cost per month 0..horizon, buying and renting (for the break-even chart). */
export function cumulativeCost(p: TcoPoint, months: number): { buy: number[]; rent: number[] | null } {
  const range = Array.from({ length: months + 1 }, (_, m) => m);
  return {
    buy: range.map((m) => p.capex + p.opexPerMonth * m),
    rent: p.rentPerMonth === null ? null : range.map((m) => p.rentPerMonth! * m),
  };
}
