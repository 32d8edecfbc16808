/**
 * The bill of materials from the platform catalog, checked by hand (docs/methodology.md#platforms,
 * #capex, #power): a sourced node price, a rack-scale platform that is its own rack, node power at
 * load and idle, and a licence included with the GPU. Each case also evaluates the workbook's
 * formulas over the Inputs sheet's names and values, so the BOM sheet says the same.
 */
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolve.ts';
import { calculateResults, type Results } from '../../src/plan/results.ts';
import { bomLineFormulas } from '../../src/plan/bom.ts';
import { bomFormulas, bomRefs, tcoFormulas } from '../../src/economics/tco.ts';
import { num } from '../../src/economics/expr.ts';
import { candidateKeys, candidateNames, inputEnv, inputValues } from '../../src/economics/names.ts';

const chat = {
  name: 'chat',
  kind: 'inference',
  model: 'llama-3.1-8b',
  precision: 'bf16',
  inputTokens: 1000,
  outputTokens: 200,
  concurrency: 8,
} as const;

const scenario = (candidate: { gpu: string } & Record<string, unknown>, economics: Record<string, unknown> = {}): ResolvedScenario =>
  resolveScenario(
    scenarioSchema.parse({
      version: 1,
      name: 'platform bom',
      workloads: [chat],
      // Rent at 100 per GPU-hour makes buying the recommendation.
      candidates: [{ rentalPerGpuHour: 100, ...candidate }],
      economics: { horizonMonths: 36, electricityPricePerKwh: 0.1, pue: 1.5, utilization: 0.5, hostingPerKwMonth: 100, ...economics },
    } satisfies ScenarioInput),
  );

/** The workbook's view: every BOM line and the TCO evaluated over the Inputs sheet's names and values. */
function workbook(s: ResolvedScenario, r: Results) {
  const c = r.candidates[0]!;
  const names = candidateNames(candidateKeys(s.candidates)[0]!);
  const env = inputEnv(
    inputValues(s.economics, [
      {
        names,
        gpus: c.fleetGpus,
        ...c.node.inputs,
        tdpWatts: c.candidate.gpu.tdpWatts,
        purchasePrice: c.candidate.purchasePrice,
        rentalPerGpuHour: c.candidate.rentalPerGpuHour,
      },
    ]),
  );
  const lines = bomLineFormulas(bomFormulas(bomRefs(names, 'base'))).map((l) => ({
    item: l.item,
    quantity: l.quantity.evaluate(env),
    unitPrice: l.unitPrice.evaluate(env),
    total: l.total.evaluate(env),
  }));
  const tco = tcoFormulas(names, 'base');
  return {
    lines: lines.filter((l) => l.quantity > 0),
    capex: tco.capex.evaluate(env),
    itPowerKw: tco.itPowerKw.evaluate(env),
    energy: tco.energyKwhPerMonth.evaluate(env),
  };
}

describe('an 8-GPU HGX server with a sourced node price', () => {
  const s = scenario({ gpu: 'h100-sxm5-80gb' });
  const r = calculateResults(s);
  const bom = r.billOfMaterials!;

  it('is priced at the median of the dated observations, low and high from their ends', () => {
    // 8× H100 nodes: 270,000 (SemiAnalysis, 2023), 310,000 (cost sheet, 2024-08), 317,000 (Thinkmate, 2024-08-22).
    const node = r.candidates[0]!.node;
    expect(node.sources.price.from).toBe('catalog');
    expect(node.inputs.nodePrice).toEqual({ low: 270_000, base: 310_000, high: 317_000, from: 'catalog' });
    // One server of 310,000 (not 8 × 32,500 × 1.4 = 364,000); the measured 8.48 kW ≤ 40 kW: one
    // rack with two PDUs at 1,800; support 313,600 × 10% × 3 years = 94,080.
    expect(bom.lines).toEqual([
      { item: 'servers', quantity: 1, unitPrice: 310_000, total: 310_000 },
      { item: 'racks', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'pdus', quantity: 2, unitPrice: 1_800, total: 3_600 },
      { item: 'installation', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'support', quantity: 1, unitPrice: 94_080, total: 94_080 },
    ]);
    expect(bom.total).toBeCloseTo(407_680, 6);
    expect(r.candidates[0]!.tco!.levels!.low.capex).toBeCloseTo(273_600 * 1.3, 6);
  });

  it('the workbook evaluates the same lines and capex', () => {
    const w = workbook(s, r);
    expect(w.lines).toEqual(bom.lines);
    expect(w.capex).toBeCloseTo(bom.total, 6);
  });
});

describe('a GB200 NVL72 is one rack', () => {
  // Renting the one GPU the chat needs at 1,000 an hour costs more than buying the rack.
  const s = scenario({ gpu: 'gb200-per-gpu', rentalPerGpuHour: 1_000 });
  const r = calculateResults(s);
  const bom = r.billOfMaterials!;

  it('72 GPUs: one NVL72 at its sourced price, one rack with no extra cabinet or PDUs', () => {
    expect(bom.nodes).toBe(1);
    expect(bom.option.gpus).toBe(72);
    // 3,000,000 (2024-05) and 3,100,000 (2025/2026): median 3,050,000. The rack draws ~120 kW, three
    // times a 40 kW site rack, yet it is one rack with its own power shelves: no cabinet, no PDUs.
    // Support 3,050,000 × 10% × 3 years = 915,000.
    expect(bom.lines).toEqual([
      { item: 'servers', quantity: 1, unitPrice: 3_050_000, total: 3_050_000 },
      { item: 'racks', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'installation', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'support', quantity: 1, unitPrice: 915_000, total: 915_000 },
    ]);
    expect(r.candidates[0]!.tco!.itPowerKw).toBe(120);
  });

  it('a rack the scenario prices itself is still one rack, even with cabinets priced', () => {
    const t = scenario(
      { gpu: 'gb200-per-gpu', rentalPerGpuHour: 1_000, nodePrice: 2_500_000 },
      { rackPrice: 5_000, maintenanceSharePerYear: 0 },
    );
    const b = calculateResults(t).billOfMaterials!;
    expect(b.lines).toEqual([
      { item: 'servers', quantity: 1, unitPrice: 2_500_000, total: 2_500_000 },
      { item: 'racks', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'installation', quantity: 1, unitPrice: 0, total: 0 },
    ]);
    expect(b.total).toBe(2_500_000);
  });

  it('the workbook counts one rack and no PDUs too', () => {
    const w = workbook(s, r);
    expect(w.lines).toEqual(bom.lines);
    expect(w.capex).toBeCloseTo(bom.total, 6);
    expect(w.itPowerKw).toBe(120);
  });
});

describe('power from node load and idle', () => {
  it('energy = nodes × (utilisation × load + (1 − utilisation) × idle) × hours × PUE; hosting on the load', () => {
    const s = scenario({ gpu: 'h100-sxm5-80gb', nodePowerKw: 10, nodeIdlePowerKw: 2 });
    const r = calculateResults(s);
    const c = r.candidates[0]!;
    expect(c.node.sources.power.from).toBe('scenario');
    // One node: 0.5 × 10 + 0.5 × 2 = 6 kW on average × 730.5 h × 1.5 = 6,574.5 kWh a month.
    expect(c.tco!.itPowerKw).toBe(10);
    expect(c.tco!.energyKwhPerMonth).toBeCloseTo(6_574.5, 9);
    // opex = 6,574.5 × 0.1 + 10 kW × 100.
    expect(c.tco!.levels!.base.opexPerMonth).toBeCloseTo(657.45 + 1_000, 9);
    expect(workbook(s, r).energy).toBeCloseTo(6_574.5, 9);
  });

  it('the catalog load (measured 8.48 kW for 8× H100) and idle derived as load × the idle share', () => {
    const c = calculateResults(scenario({ gpu: 'h100-sxm5-80gb' })).candidates[0]!;
    expect(c.node.sources.power.from).toBe('catalog');
    // 0.5 × 8.48 + 0.5 × 8.48 × 0.3 = 5.512 kW × 730.5 × 1.5.
    expect(c.tco!.energyKwhPerMonth).toBeCloseTo(5.512 * 730.5 * 1.5, 9);
  });
});

describe('licences per GPU part', () => {
  const lines = (gpu: string, horizonMonths: number) =>
    Object.fromEntries(
      calculateResults(
        scenario({ gpu, purchasePrice: 30_000 }, { horizonMonths, softwarePerGpuYear: 4_500, maintenanceSharePerYear: 0 }),
      ).billOfMaterials!.lines.map((l) => [l.item, l]),
    );

  it('H100 PCIe includes 5 years of NVIDIA AI Enterprise: within them no licence is paid, the included GPU-years are listed at 0', () => {
    // One 4-GPU PCIe server (an 8B chat needs one GPU), 3 years: 12 GPU-years included.
    const by = lines('h100-pcie-80gb', 36);
    expect(by.software).toBeUndefined();
    expect(by.softwareIncluded).toEqual({ item: 'softwareIncluded', quantity: 12, unitPrice: 0, total: 0 });
  });

  it('beyond the included years the licence is paid', () => {
    // 7 years: 5 included (20 GPU-years), 2 paid: 4 GPUs × 2 × 4,500 = 36,000.
    const by = lines('h100-pcie-80gb', 84);
    expect(by.software).toEqual({ item: 'software', quantity: 8, unitPrice: 4_500, total: 36_000 });
    expect(by.softwareIncluded!.quantity).toBe(20);
  });

  it('an SXM part pays the add-on; a GeForce card takes no licence', () => {
    expect(lines('h100-sxm5-80gb', 36).software).toEqual({ item: 'software', quantity: 24, unitPrice: 4_500, total: 108_000 });
    const geforce = lines('rtx-4090', 36);
    expect(geforce.software).toBeUndefined();
    expect(geforce.softwareIncluded).toBeUndefined();
  });
});

describe('the fabric is sized by the nodes’ scale-out NICs', () => {
  // 12 HGX nodes of 8 GPUs, prices and power set so only the fabric lines matter.
  const lines = (nicsPerNode: number) => {
    const r = {
      gpus: num(96),
      gpusPerNode: num(8),
      fabric: num(1),
      rackScale: num(0),
      nicsPerNode: num(nicsPerNode),
      price: num(0),
      nodePrice: num(0),
      hostPrice: num(0),
      tdpWatts: num(0),
      nodeLoadKw: num(0),
      nodeIdleKw: num(0),
      licensed: num(0),
      licenceIncludedYears: num(0),
    };
    const env = inputEnv(inputValues(scenario({ gpu: 'h100-sxm5-80gb' }).economics, []));
    const b = bomFormulas(r);
    return { switches: b.switches.evaluate(env), cables: b.cables.evaluate(env) };
  };

  it('one NIC per GPU: 96 endpoints, ⌈96/32⌉ = 3 leaves + ⌈96/64⌉ = 2 spines, 96 cables', () => {
    expect(lines(8)).toEqual({ switches: 5, cables: 96 });
  });

  it('four NICs per 8-GPU node: 48 endpoints fit one 64-port switch, 48 cables', () => {
    expect(lines(4)).toEqual({ switches: 1, cables: 48 });
  });

  it('a scenario sets the count per candidate; the catalog gives 8 for HGX, one per GPU where unstated', () => {
    const nodeOf = (candidate: { gpu: string } & Record<string, unknown>) =>
      calculateResults(scenario(candidate)).candidates[0]!.node.inputs.nicsPerNode;
    expect(nodeOf({ gpu: 'h100-sxm5-80gb', scaleOutNicsPerNode: 4 })).toBe(4);
    expect(nodeOf({ gpu: 'h100-sxm5-80gb' })).toBe(8);
    expect(nodeOf({ gpu: 'amd-mi300x' })).toBe(8);
  });
});
