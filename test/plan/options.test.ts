/**
 * The three ways to acquire a fleet, computed by hand on a small scenario whose economics make
 * the arithmetic short: buy (whole servers of every workload), rent (inference GPUs held all
 * month at the reserved term, training runs on demand) and mixed (the inference servers bought,
 * the training run rented on demand), and their ranking on cash over the horizon
 * (docs/methodology.md#options-ranking-and-remedies, #rent). The estimator's numbers (GPUs
 * serving inference, GPU-hours of the run) are read from the results; the money is not.
 */
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { resolveScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import type { Option } from '../../src/plan/options.ts';
import { calculateSensitivity } from '../../src/plan/sensitivity.ts';

const HOURS_PER_MONTH = 730.5;

function results(tokens: number, economics: Partial<ScenarioInput['economics']> = {}) {
  return calculateResults(resolved(tokens, economics));
}

function resolved(tokens: number, economics: Partial<ScenarioInput['economics']> = {}) {
  const input: ScenarioInput = {
    version: 1,
    name: 'mixed by hand',
    workloads: [
      { name: 'chat', kind: 'inference', model: 'llama-3.1-8b', inputTokens: 1000, outputTokens: 200, concurrency: 4 },
      { name: 'finetune', kind: 'training', model: 'llama-3.1-8b', method: 'full', seqLen: 4096, tokens, deadlineDays: 2 },
    ],
    // One 8-GPU server at 8 × 25,000 drawing 8 × 700 W, set by the scenario so the sums stay by hand.
    candidates: [{ gpu: 'h100-sxm5-80gb', purchasePrice: 25_000, rentalPerGpuHour: 2, nodePrice: 200_000, nodePowerKw: 5.6 }],
    economics: {
      currency: 'USD',
      horizonMonths: 12,
      // Servers at their GPUs' price, no fabric, PDUs or support; power at full load, PUE 1, no hosting.
      serverOverheadMultiplier: 1,
      switchPrice: 0,
      fabricCablingPerGpu: 0,
      pduPrice: 0,
      maintenanceSharePerYear: 0,
      electricityPricePerKwh: 0.1,
      pue: 1,
      utilization: 1,
      nodePowerMultiplier: 1,
      hostingPerKwMonth: 0,
      discountRatePerYear: 0,
      ...economics,
    } as ScenarioInput['economics'],
  };
  return resolveScenario(scenarioSchema.parse(input));
}

const byAcquisition = (options: readonly Option[]) => Object.fromEntries(options.map((o) => [o.acquisition, o]));

describe('buy, rent and mixed by hand', () => {
  // 2·10^10 tokens in 2 days needs GPUs of its own beyond the inference server.
  const r = results(2e10);
  const o = byAcquisition(r.options);
  const inference = o.buy!.drivers.inferenceGpus;
  const gpuHours = o.buy!.drivers.trainingGpuHours[0]!.base;
  const training = r.candidates[0]!.gpusNeeded! - inference;

  it('sizes the case as intended: one inference GPU, training on GPUs of its own (more than the spare seven)', () => {
    expect(inference).toBe(1);
    expect(training).toBeGreaterThan(7);
    expect(r.candidates[0]!.shared).toEqual([]);
  });

  it('mixed: one 8-GPU server bought for inference, the run rented on demand', () => {
    const m = o.mixed!;
    expect(m.gpus).toBe(8);
    expect(m.bought!.nodes).toBe(1);
    // Capex: 8 × 25,000 = 200,000 (one rack of 5.6 kW, no PDUs priced).
    expect(m.bought!.tco.levels!.base.capex).toBeCloseTo(200_000, 6);
    // Power: 8 × 700 W = 5.6 kW × 730.5 h × 0.10 = 409.08 a month, 12 months = 4,908.96.
    // The run: its GPU-hours × 2 on demand.
    const want = 200_000 + 5.6 * HOURS_PER_MONTH * 0.1 * 12 + gpuHours * 2;
    expect(m.total.base).toBeCloseTo(want, 6);
    // At a 0% discount rate the NPV is the cash; the budget basis (capex) is the servers alone.
    expect(m.npv.base).toBeCloseTo(want, 6);
    expect(m.budgetBasis.base).toBeCloseTo(200_000, 6);
    expect(m.trainingRunCost[0]!.base).toBeCloseTo(gpuHours * 2, 9);
  });

  it('rent: the inference GPU at the reserved term (H100 index 2.35 against the on-demand base 2.95), the run on demand', () => {
    // The scenario's on-demand 2 moves the reserved rate by the same discount: 2 × 2.35 / 2.95.
    const reserved = (2 * 2.35) / 2.95;
    const want = inference * reserved * HOURS_PER_MONTH * 12 + gpuHours * 2;
    expect(o.rent!.total.base).toBeCloseTo(want, 6);
    expect(o.rent!.term).toMatchObject({ term: 'reserved', from: 'sourced' });
  });

  it('buy: whole servers of every workload (inference + training GPUs), power of all of them', () => {
    const servers = Math.ceil((inference + training) / 8);
    const gpus = servers * 8;
    const itKw = (gpus * 700) / 1000;
    const want = gpus * 25_000 + itKw * HOURS_PER_MONTH * 0.1 * 12;
    expect(o.buy!.gpus).toBe(gpus);
    expect(o.buy!.total.base).toBeCloseTo(want, 6);
  });

  it('ranks the three on cash over the horizon: rent, then mixed, then buy', () => {
    expect(r.options.map((x) => x.acquisition)).toEqual(['rent', 'mixed', 'buy']);
    expect(o.rent!.total.base).toBeLessThan(o.mixed!.total.base);
    expect(o.mixed!.total.base).toBeLessThan(o.buy!.total.base);
  });

  it('on demand, the inference GPU costs the scenario rate; spot, the H100 spot median 1.87 against 2.95', () => {
    const onDemand = byAcquisition(results(2e10, { rentalTerm: 'on-demand' }).options).rent!;
    expect(onDemand.total.base).toBeCloseTo(inference * 2 * HOURS_PER_MONTH * 12 + gpuHours * 2, 6);
    const spot = byAcquisition(results(2e10, { rentalTerm: 'spot' }).options).rent!;
    expect(spot.total.base).toBeCloseTo(inference * ((2 * 1.87) / 2.95) * HOURS_PER_MONTH * 12 + gpuHours * 2, 6);
  });
});

describe('sensitivity of a mixed option', () => {
  it('moves both prices and the buying assumptions; the rental rate moves only the run (±20 % of the one rate 2), the server price only the server', () => {
    const r = results(2e10);
    const m = r.options.find((o) => o.acquisition === 'mixed')!;
    const s = calculateSensitivity(resolved(2e10), [m, ...r.options.filter((o) => o !== m)])!;
    const params = s.rows.map((row) => row.param);
    // The server has a complete-node price (the scenario's 200,000): that, not the GPU price, moves it.
    expect(params).toEqual(expect.arrayContaining(['nodePrice', 'rentalRate', 'maintenanceSharePerYear', 'hostingPerKwMonth']));
    expect(params).not.toContain('gpuPrice');
    const server = s.rows.find((row) => row.param === 'nodePrice')!;
    expect([server.lowValue, server.highValue]).toEqual([160_000, 240_000]);
    // One server, no support or shipping in this scenario: the cash moves by the price's 80,000.
    expect(server.totalAtHigh - server.totalAtLow).toBeCloseTo(80_000, 6);
    expect(params).not.toContain('reservedDiscount');
    const rate = s.rows.find((row) => row.param === 'rentalRate')!;
    expect([rate.lowValue, rate.highValue]).toEqual([1.6, 2.4]);
    // The servers do not move; the run's GPU-hours × (2.4 − 1.6).
    expect(rate.totalAtHigh - rate.totalAtLow).toBeCloseTo(m.drivers.trainingGpuHours[0]!.base * 0.8, 6);
  });
});

describe('no mixed option where it would buy the same servers', () => {
  it('a run that fits on the spare GPUs of the inference server (1 + 2 GPUs in one 8-GPU server)', () => {
    const r = results(2e9);
    expect(r.candidates[0]!.gpusNeeded).toBeLessThanOrEqual(8);
    expect(r.options.map((o) => o.acquisition).sort()).toEqual(['buy', 'rent']);
  });
});
