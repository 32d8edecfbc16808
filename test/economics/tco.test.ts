import { describe, expect, it } from 'vitest';
import { calculateTco, breakEven, capexOf, cumulativeCost } from '../../src/economics/tco.ts';
import type { ResolvedEconomics } from '../../src/scenario/resolve.ts';

const economics: ResolvedEconomics = {
  currency: 'USD',
  usdExchangeRate: 1,
  electricityPricePerKwh: 0.1,
  pue: 1.5,
  utilization: 0.5,
  horizonMonths: 24,
  serverOverheadMultiplier: 1.4,
  networkingShare: 0.19,
  depreciationYears: 4,
  residualValueShare: 0,
  hostingPerKwMonth: 100,
  maintenanceSharePerYear: 0.12,
  reservedDiscount: 0.5,
  fromScenario: new Set(),
};
const price = { low: 20_000, base: 30_000, high: 40_000, from: 'catalog' as const };
const rent = { low: 2, base: 3, high: 4, from: 'catalog' as const };

describe('calculateTco', () => {
  it('computes capex, power with PUE, hosting, maintenance and depreciation by hand', () => {
    const r = calculateTco({ gpus: 8, tdpWatts: 700, purchasePrice: price, rentalPerGpuHour: rent, economics });
    const b = r.levels!.base;
    expect(r.itPowerKw).toBeCloseTo(5.6, 10);
    // 5.6 kW × 0.5 × 730.5 h × 1.5 = 3,068.1 kWh a month.
    expect(r.energyKwhPerMonth).toBeCloseTo(3068.1, 6);
    expect(b.capex).toBe(8 * 30_000 * 1.4); // one server: no cluster network
    expect(b.powerPerMonth).toBeCloseTo(306.81, 6);
    // opex = power + hosting (5.6 kW × 100) + maintenance (336,000 × 0.12 / 12).
    expect(b.opexPerMonth).toBeCloseTo(306.81 + 560 + (336_000 * 0.12) / 12, 6);
    // 24 of 48 months depreciated: half the capex, plus 24 months of opex.
    expect(b.ownedTotal).toBeCloseTo(168_000 + 24 * b.opexPerMonth, 6);
    expect(b.rentPerMonth).toBeCloseTo(8 * 3 * 0.5 * 730.5, 6);
    expect(b.rentTotal).toBeCloseTo(24 * 8 * 3 * 0.5 * 730.5, 6);
    expect(r.levels!.low.capex).toBeLessThan(b.capex);
    expect(r.levels!.high.ownedTotal).toBeGreaterThan(b.ownedTotal);
  });

  it('adds cluster networking beyond one 8-GPU server', () => {
    const r = calculateTco({ gpus: 16, tdpWatts: 700, purchasePrice: price, rentalPerGpuHour: null, economics });
    const b = r.levels!.base;
    // Networking is 19% of the whole cluster: servers are the other 81%.
    expect((16 * 30_000 * 1.4) / b.capex).toBeCloseTo(0.81, 10);
    expect(capexOf(economics, 16, 30_000)).toBe(b.capex);
    expect(b.rentTotal).toBeNull();
    expect(b.breakEvenMonth).toBeNull();
  });

  it('has no cost levels without a price', () => {
    expect(calculateTco({ gpus: 1, tdpWatts: 300, purchasePrice: null, rentalPerGpuHour: rent, economics }).levels).toBeNull();
  });
});

describe('breakEven', () => {
  it('is the first month buying costs no more than renting', () => {
    expect(breakEven(1000, 10, 110)).toBe(10);
    expect(breakEven(1001, 10, 110)).toBe(11);
    expect(breakEven(1000, 110, 110)).toBeNull();
    const c = cumulativeCost(
      { capex: 1000, opexPerMonth: 10, rentPerMonth: 110 } as never,
      Array.from({ length: 13 }, (_, m) => m),
    );
    expect(c.buy[10]).toBeLessThanOrEqual(c.rent![10]!);
    expect(c.buy[9]).toBeGreaterThan(c.rent![9]!);
  });
});
