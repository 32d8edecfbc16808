import { describe, expect, it } from 'vitest';
import { calculateTco, breakEven, capexOf, cumulativeCost, switchesFormula, annuityFormula } from '../../src/economics/tco.ts';
import { num } from '../../src/economics/expr.ts';
import type { ResolvedEconomics } from '../../src/scenario/resolve.ts';
import type { NodeInputs } from '../../src/economics/types.ts';

const economics: ResolvedEconomics = {
  currency: 'USD',
  usdExchangeRate: 1,
  electricityPricePerKwh: 0.1,
  pue: 1.5,
  utilization: 0.5,
  horizonMonths: 24,
  serverOverheadMultiplier: 1.4,
  switchPrice: 36_000,
  fabricCablingPerGpu: 1_320,
  rackPowerKw: 40,
  rackPrice: 0,
  pduPrice: 1_800,
  installationPerNode: 0,
  storageTb: 0,
  storagePerTb: 250,
  softwarePerGpuYear: 0,
  shippingShare: 0,
  taxShare: 0,
  nodePowerMultiplier: 1.5,
  idlePowerShare: 0.3,
  depreciationYears: 4,
  residualValueShare: 0,
  hostingPerKwMonth: 100,
  maintenanceSharePerYear: 0.12,
  discountRatePerYear: 0,
  reservedDiscount: 0.4,
  spotDiscount: 0.5,
  budgetBasis: 'capex',
  rentalTerm: 'reserved',
  fromScenario: new Set(),
};
const price = { low: 20_000, base: 30_000, high: 40_000, from: 'catalog' as const };
const rent = { low: 2, base: 3, high: 4, from: 'catalog' as const };
/** An 8-GPU HGX node of which nothing else is known: GPUs × price × overhead, GPUs × TDP × multiple. */
const hgx: NodeInputs = {
  gpusPerNode: 8,
  fabric: 1,
  rackScale: 0,
  nicsPerNode: 8,
  nodePrice: null,
  hostPrice: null,
  nodeLoadKw: null,
  nodeIdleKw: null,
  licensed: 1,
  licenceIncludedYears: 0,
};

describe('calculateTco', () => {
  it('computes capex, node power with idle draw and PUE, hosting, maintenance, cash and depreciation by hand', () => {
    // The rental term's discount (here 50%) is the candidate's, not an economic parameter read directly.
    const r = calculateTco({ gpus: 8, ...hgx, tdpWatts: 700, purchasePrice: price, rentalPerGpuHour: rent, rentDiscount: 0.5, economics });
    const b = r.levels!.base;
    // 8 × 700 W × 1.5 (server draw over its GPUs) = 8.4 kW.
    expect(r.itPowerKw).toBeCloseTo(8.4, 10);
    // Drawn at load half the hours, at 30% the other half: 8.4 × 0.65 × 730.5 h × 1.5 = 5,982.795 kWh a month.
    expect(r.energyKwhPerMonth).toBeCloseTo(5982.795, 6);
    // One server (no fabric) 336,000 + one rack of 8.4 kW ≤ 40 kW with two PDUs (3,600) = 339,600 of
    // hardware; the support contract is bought with it for 2 years: 339,600 × 0.12 × 2 = 81,504.
    expect(b.capex).toBeCloseTo(339_600 + 81_504, 6);
    expect(b.powerPerMonth).toBeCloseTo(598.2795, 6);
    // opex = power + hosting (8.4 kW × 100); maintenance is the support contract in the capex.
    expect(b.opexPerMonth).toBeCloseTo(598.2795 + 840, 6);
    // Cash: capex + 24 months of opex = 421,104 + 34,518.708.
    expect(b.cashTotal).toBeCloseTo(455_622.708, 6);
    // At a 0% discount rate the NPV is the cash.
    expect(b.npv).toBeCloseTo(b.cashTotal, 6);
    // Accounting view: 24 of 48 months of the hardware depreciated (169,800), the support contract
    // expensed (81,504), plus 24 months of opex.
    expect(b.ownedTotal).toBeCloseTo(169_800 + 81_504 + 24 * b.opexPerMonth, 6);
    expect(b.rentPerMonth).toBeCloseTo(8 * 3 * 0.5 * 730.5, 6);
    expect(b.rentTotal).toBeCloseTo(24 * 8 * 3 * 0.5 * 730.5, 6);
    expect(r.levels!.low.capex).toBeLessThan(b.capex);
    expect(r.levels!.high.cashTotal).toBeGreaterThan(b.cashTotal);
  });

  it('a bill of materials by hand: two HGX servers add one switch and cabling per GPU; two PCIe servers add none', () => {
    // Servers and fabric only: no support contract, no PDUs.
    const bare = { ...economics, maintenanceSharePerYear: 0, pduPrice: 0 };
    const two = calculateTco({ gpus: 16, ...hgx, tdpWatts: 700, purchasePrice: price, rentalPerGpuHour: null, economics: bare }).levels!
      .base;
    // 2 × (8 × 30,000 × 1.4) + 1 × 36,000 + 16 × 1,320 = 672,000 + 36,000 + 21,120.
    expect(two.capex).toBe(729_120);
    expect(capexOf(bare, 16, hgx, 30_000, 700)).toBe(729_120);
    expect(capexOf(bare, 16, { ...hgx, fabric: 0 }, 30_000, 700)).toBe(672_000);
    // 9 GPUs are bought as two whole servers: the same capex as 16.
    expect(capexOf(bare, 9, { ...hgx, fabric: 0 }, 30_000, 700)).toBe(672_000);
    expect(two.rentTotal).toBeNull();
    expect(two.breakEvenMonth).toBeNull();
  });

  it('a full bill of materials by hand: racks and PDUs from power, storage, installation, shipping, tax, support and licences', () => {
    const full = {
      ...economics,
      rackPowerKw: 10,
      rackPrice: 2_000,
      pduPrice: 1_000,
      installationPerNode: 5_000,
      storageTb: 100,
      storagePerTb: 250,
      softwarePerGpuYear: 4_500,
      shippingShare: 0.02,
      taxShare: 0.05,
      maintenanceSharePerYear: 0.1,
    };
    const b = calculateTco({ gpus: 16, ...hgx, tdpWatts: 700, purchasePrice: price, rentalPerGpuHour: null, economics: full }).levels!.base;
    // Hardware: servers 672,000 + switch 36,000 + cabling 21,120 + racks ⌈16.8 kW ÷ 10⌉ = 2 × 2,000
    // + PDUs 4 × 1,000 + storage 100 TB × 250 = 762,120. Installation 2 × 5,000 = 10,000; shipping
    // 2% = 15,242.4; tax 5% = 38,106; support 762,120 × 10% × 2 years = 152,424; licences
    // 16 GPUs × 2 years × 4,500 = 144,000. Capex = 1,121,892.4.
    expect(b.capex).toBeCloseTo(1_121_892.4, 6);
    // Accounting: half of the depreciable 825,468.4 plus the support and licences expensed.
    expect(b.ownedTotal).toBeCloseTo(412_734.2 + 152_424 + 144_000 + 24 * b.opexPerMonth, 6);
  });

  it('has no cost levels without a price', () => {
    expect(
      calculateTco({ gpus: 1, ...hgx, gpusPerNode: 1, fabric: 0, tdpWatts: 300, purchasePrice: null, rentalPerGpuHour: rent, economics })
        .levels,
    ).toBeNull();
  });

  it('NPV discounts monthly opex at the monthly equivalent of the yearly rate', () => {
    const env = (name: string) => ({ horizonMonths: 12, discountRatePerYear: 0.08 })[name as 'horizonMonths']!;
    // (1 − 1.08^−1) / (1.08^(1/12) − 1) = 0.0740741 / 0.00643403 = 11.51286 months of opex.
    expect(annuityFormula().evaluate(env)).toBeCloseTo(11.512857852, 8);
    const r = calculateTco({
      gpus: 8,
      ...hgx,
      tdpWatts: 700,
      purchasePrice: price,
      rentalPerGpuHour: null,
      economics: { ...economics, horizonMonths: 36, discountRatePerYear: 0.08 },
    }).levels!.base;
    expect(r.npv).toBeCloseTo(r.capex + r.opexPerMonth * 32.043331389, 4);
    expect(r.npv).toBeLessThan(r.cashTotal);
  });
});

describe('fabric switches', () => {
  const switches = (gpus: number) => switchesFormula(num(gpus)).evaluate((n) => ({ switchPorts: 64 })[n as 'switchPorts']!);
  it('one 64-port switch up to 64 GPUs, then leaves (32 down each) and spines: the NVIDIA SuperPOD H100 rows', () => {
    expect(switches(16)).toBe(1);
    expect(switches(64)).toBe(1);
    expect(switches(65)).toBe(3 + 2);
    // SuperPOD H100 reference architecture: 248 GPUs → 8 leaf + 4 spine; 1,016 GPUs → 32 leaf + 16 spine.
    expect(switches(248)).toBe(12);
    expect(switches(1016)).toBe(48);
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
