/**
 * Whole servers, the bill of materials and the cash flow of a bought fleet, checked by hand on a
 * scenario built in memory with fixed prices (docs/methodology.md#platforms, #fabric, #cash-flow).
 */
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { resolveScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import { wholeNodes } from '../../src/plan/on-candidate.ts';

const scenario = (over: Partial<ScenarioInput> = {}) =>
  resolveScenario(
    scenarioSchema.parse({
      version: 1,
      name: 'bom',
      workloads: [
        { name: 'chat', kind: 'inference', model: 'llama-3.1-8b', precision: 'bf16', inputTokens: 1000, outputTokens: 200, concurrency: 8 },
      ],
      candidates: [{ gpu: 'h100-sxm5-80gb', purchasePrice: 30_000, rentalPerGpuHour: 100, maxGpus: 64 }],
      economics: {
        horizonMonths: 30,
        electricityPricePerKwh: 0.1,
        pue: 1.5,
        utilization: 0.5,
        hostingPerKwMonth: 100,
        maintenanceSharePerYear: 0.12,
        depreciationYears: 5,
        discountRatePerYear: 0,
      },
      ...over,
    }),
  );

describe('whole nodes', () => {
  it('rounds the GPUs needed up to whole servers', () => {
    expect(wholeNodes(1, 8)).toEqual({ nodes: 1, gpus: 8 });
    expect(wholeNodes(8, 8)).toEqual({ nodes: 1, gpus: 8 });
    expect(wholeNodes(13, 8)).toEqual({ nodes: 2, gpus: 16 });
    expect(wholeNodes(73, 72)).toEqual({ nodes: 2, gpus: 144 });
  });

  it('a fleet of an 8B chat on H100 is one whole 8-GPU server, its spare GPUs kept in the fleet', () => {
    const r = calculateResults(scenario());
    const c = r.candidates[0]!;
    expect(c.gpusNeeded).toBe(1);
    expect(c.nodes).toBe(1);
    expect(c.fleetGpus).toBe(8);
  });

  it('a scenario may set the GPUs per server', () => {
    const r = calculateResults(
      scenario({ candidates: [{ gpu: 'h100-sxm5-80gb', purchasePrice: 30_000, rentalPerGpuHour: 100, gpusPerNode: 4 }] }),
    );
    expect(r.candidates[0]!.fleetGpus).toBe(4);
  });
});

describe('bill of materials and cash flow, by hand', () => {
  // Rent at 100 USD/GPU-h makes buying the recommendation.
  const r = calculateResults(scenario());
  const bom = r.billOfMaterials!;

  it('one HGX server: the catalog host without GPUs + 8 × 30,000, no fabric, one rack with two PDUs, the support contract; the total is the capex', () => {
    expect(bom.option.acquisition).toBe('buy');
    // The scenario prices the GPU, so the catalog's complete 8× H100 node price does not apply; its
    // host without GPUs does: 70,000–110,000 (derived, 2024-08), median 90,000 + 8 × 30,000 = 330,000.
    // IT power: the measured 8.48 kW of an 8× H100 node ≤ 40 kW: one rack (no published price: 0,
    // to be quoted) with two PDUs at 1,800; installation to be quoted; support 333,600 × 0.12 × 2.5 years = 100,080.
    expect(bom.lines).toEqual([
      { item: 'servers', quantity: 1, unitPrice: 330_000, total: 330_000 },
      { item: 'racks', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'pdus', quantity: 2, unitPrice: 1_800, total: 3_600 },
      { item: 'installation', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'support', quantity: 1, unitPrice: 100_080, total: 100_080 },
    ]);
    expect(bom.total).toBeCloseTo(433_680, 6);
    expect(bom.option.candidate.tco!.levels!.base.capex).toBe(bom.total);
    expect(bom.option.candidate.node.sources.price.from).toBe('host');
  });

  it('storage, shipping, tax and licences when the scenario asks for them', () => {
    const e = {
      horizonMonths: 30,
      maintenanceSharePerYear: 0,
      storageTb: 10,
      shippingShare: 0.01,
      taxShare: 0.1,
      softwarePerGpuYear: 4_500,
    };
    const b = calculateResults(scenario({ economics: e })).billOfMaterials!;
    // Hardware 330,000 + 3,600 + 10 TB × 250 = 336,100; shipping 3,361; tax 33,610;
    // licences (an add-on for H100 SXM) 8 GPUs × 2.5 years = 20 GPU-years × 4,500 = 90,000.
    const by = Object.fromEntries(b.lines.map((l) => [l.item, l]));
    expect(by.storage).toEqual({ item: 'storage', quantity: 10, unitPrice: 250, total: 2_500 });
    expect(by.shipping!.total).toBeCloseTo(3_361, 6);
    expect(by.tax!.total).toBeCloseTo(33_610, 6);
    expect(by.software).toEqual({ item: 'software', quantity: 20, unitPrice: 4_500, total: 90_000 });
    expect(by.softwareIncluded).toBeUndefined();
    expect(by.support).toBeUndefined();
    expect(b.total).toBeCloseTo(336_100 + 3_361 + 33_610 + 90_000, 6);
  });

  it('the cash flow: capex in year 1, opex by the month, a half last year; the book value straight-line over 5 years', () => {
    // Node power 8.48 kW at load (measured), idle 8.48 × 0.3; energy 8.48 × (0.5 + 0.5 × 0.3) × 730.5 × 1.5 kWh;
    // opex = energy × 0.1 + 8.48 × 100 (the support contract is in the capex).
    const opex = 8.48 * 0.65 * 730.5 * 1.5 * 0.1 + 848;
    expect(bom.option.candidate.tco!.levels!.base.opexPerMonth).toBeCloseTo(opex, 6);
    expect(bom.cashFlow.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(bom.cashFlow[0]!.cash).toBeCloseTo(433_680 + 12 * opex, 6);
    expect(bom.cashFlow[1]!.cash).toBeCloseTo(12 * opex, 6);
    expect(bom.cashFlow[2]!.opex).toBeCloseTo(6 * opex, 6);
    expect(bom.cashFlow[2]!.cumulative).toBeCloseTo(433_680 + 30 * opex, 6);
    expect(bom.cashFlow[2]!.cumulative).toBeCloseTo(bom.option.total.base, 6);
    // The hardware (333,600) depreciates; the support contract is expensed.
    const book = bom.cashFlow.map((y) => y.bookValue);
    [266_880, 200_160, 133_440].forEach((v, i) => expect(book[i]).toBeCloseTo(v, 6));
    // A 0% discount rate: the NPV is the cash.
    expect(bom.option.npv.base).toBeCloseTo(bom.option.total.base, 6);
  });

  it('more than one server: whole servers, one fabric switch and cabling per GPU', () => {
    const big = calculateResults(
      scenario({
        workloads: [
          {
            name: 'chat',
            kind: 'inference',
            model: 'llama-3.1-70b',
            precision: 'bf16',
            inputTokens: 1000,
            outputTokens: 200,
            concurrency: 8,
          },
        ],
        // One GPU per node makes the 70B model's tensor-parallel group span nodes.
        candidates: [{ gpu: 'h100-sxm5-80gb', purchasePrice: 30_000, rentalPerGpuHour: 100, gpusPerNode: 1 }],
      }),
    );
    const b = big.billOfMaterials!;
    // The 70B model's 140 GB of bf16 weights take two 80 GB GPUs: two one-GPU servers.
    expect(b.nodes).toBe(2);
    // 2 × (1 × 30,000 × 1.4) + 1 switch × 36,000 + 2 × 1,320 + one rack (2.1 kW) with two PDUs = 126,240;
    // support 126,240 × 0.12 × 2.5 = 37,872.
    expect(b.lines).toEqual([
      { item: 'servers', quantity: 2, unitPrice: 42_000, total: 84_000 },
      { item: 'switches', quantity: 1, unitPrice: 36_000, total: 36_000 },
      { item: 'cables', quantity: 2, unitPrice: 1_320, total: 2_640 },
      { item: 'racks', quantity: 1, unitPrice: 0, total: 0 },
      { item: 'pdus', quantity: 2, unitPrice: 1_800, total: 3_600 },
      { item: 'installation', quantity: 2, unitPrice: 0, total: 0 },
      { item: 'support', quantity: 1, unitPrice: 37_872, total: 37_872 },
    ]);
    expect(b.total).toBeCloseTo(164_112, 6);
  });
});

describe('a recurring job sharing the inference fleet, by hand', () => {
  const workloads = (every?: 'month' | 'week'): ScenarioInput['workloads'] => [
    { name: 'chat', kind: 'inference', model: 'llama-3.1-8b', precision: 'bf16', inputTokens: 1000, outputTokens: 200, concurrency: 64 },
    { name: 'tune', kind: 'training', model: 'llama-3.1-8b', method: 'lora', seqLen: 2048, tokens: 2e6, ...(every ? { every } : {}) },
  ];

  it('a monthly LoRA run that fits the inference GPUs runs on their idle time: no GPUs of its own; its 36 runs are rented', () => {
    const once = calculateResults(scenario({ workloads: workloads() })).candidates[0]!;
    const monthly = calculateResults(scenario({ workloads: workloads('month') })).candidates[0]!;
    const [chat, tune] = monthly.workloads;
    const tuneGpus = Math.max(tune!.sizing.gpus!, tune!.fit.gpus!);
    const chatGpus = Math.max(chat!.sizing.gpus!, chat!.fit.gpus!);
    expect(tuneGpus).toBeLessThanOrEqual(chatGpus);
    // 12 runs a year of well under a day each, against (1 − 0.5) × 365.25 idle days.
    expect(monthly.shared).toEqual(['tune']);
    expect(monthly.gpusNeeded).toBe(chatGpus);
    // A one-off run keeps dedicated GPUs.
    expect(once.shared).toEqual([]);
    expect(once.gpusNeeded).toBe(chatGpus + tuneGpus);
    // 30 months: 12 × 30 / 12 = 30 runs, each rented for its GPU-hours at 100 per GPU-hour.
    expect(monthly.trainingRuns).toEqual([30]);
    const r = calculateResults(scenario({ workloads: workloads('month') }));
    const rent = r.options.find((o) => o.acquisition === 'rent')!;
    const run = rent.trainingRunCost[0]!.base;
    // The inference GPUs are held at the reserved term: the H100's 1-year index 2.35 against its on-demand base 2.95.
    const inference = rent.drivers.inferenceGpus * ((100 * 2.35) / 2.95) * 730.5 * 30;
    expect(rent.total.base).toBeCloseTo(inference + 30 * run, 6);
  });
});
