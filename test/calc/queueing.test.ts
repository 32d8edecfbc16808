import { describe, expect, it } from 'vitest';
import { batchPercentiles, erlangC, slotWait, ttftPercentiles } from '../../src/calc/queueing.ts';
// A seeded generator (mulberry32), so the simulation is reproducible.
import { random as rng } from '../../bench/scenarios.ts';

interface Sim {
  readonly ttft: number[];
  readonly batch: number[];
}

/**
 * Discrete-event simulation of one replica: Poisson arrivals, `slots` KV slots served first come
 * first served, each request holding its slot for `serviceS` (deterministic), its first token after
 * the slot wait + the wait for the next engine step (uniform over `stepS`) + `prefillS`. Records
 * TTFT and the time-averaged number of requests in service over each request's service.
 */
function simulate(arrivalPerS: number, serviceS: number, slots: number, stepS: number, prefillS: number, n: number, seed: number): Sim {
  const r = rng(seed);
  const free: number[] = Array.from({ length: slots }, () => 0); // time each slot frees
  const admits: number[] = [];
  const ttft: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += -Math.log(1 - r()) / arrivalPerS;
    let k = 0;
    for (let j = 1; j < slots; j++) if (free[j]! < free[k]!) k = j;
    const admit = Math.max(t, free[k]!);
    free[k] = admit + serviceS;
    admits.push(admit);
    ttft.push(admit - t + r() * stepS + prefillS);
  }
  const upTo = (x: number) => {
    let lo = 0;
    let hi = admits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (admits[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const batch = admits.map((a) => {
    let sum = 0;
    for (let s = 0; s < 20; s++) {
      const x = a + ((s + 0.5) / 20) * serviceS;
      sum += upTo(x) - upTo(x - serviceS);
    }
    return sum / 20;
  });
  // Drop the first and last 10% (warm-up and drain).
  const cut = (v: number[]) => v.slice(Math.floor(n * 0.1), Math.floor(n * 0.9));
  return { ttft: cut(ttft), batch: cut(batch) };
}

const pct = (v: readonly number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))]!;

describe('queueing model (docs/methodology.md#queueing) against a seeded discrete-event simulation', () => {
  it('Erlang C: one server is the utilisation; known value c=2, a=1 -> 1/3', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 10);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10);
  });
  it.each([
    [8, 0.5],
    [8, 0.8],
    [8, 0.9],
    [64, 0.9],
  ])('TTFT p50/p90/p99 with %i slots at utilisation %f within 25%% (or 5% of the service time)', (slots, rho) => {
    const serviceS = 10;
    const stepS = 0.03;
    const prefillS = 0.2;
    const lambda = (rho * slots) / serviceS;
    const sim = simulate(lambda, serviceS, slots, stepS, prefillS, 40_000, 7);
    const model = ttftPercentiles(prefillS, stepS, slotWait(lambda, serviceS, slots));
    for (const [p, key] of [
      [0.5, 'p50'],
      [0.9, 'p90'],
      [0.99, 'p99'],
    ] as const) {
      const measured = pct(sim.ttft, p);
      expect(Math.abs(model[key] - measured), `${key}: model ${model[key]} vs simulated ${measured}`).toBeLessThanOrEqual(
        Math.max(0.25 * measured, 0.05 * serviceS),
      );
    }
  });
  it('requests in a batch: percentiles of the time-averaged occupancy within 4%', () => {
    const serviceS = 10;
    const lambda = 1;
    const sim = simulate(lambda, serviceS, 1000, 0.03, 0.2, 30_000, 11);
    const model = batchPercentiles(lambda * serviceS, 1000);
    for (const [p, key] of [
      [0.5, 'p50'],
      [0.9, 'p90'],
      [0.99, 'p99'],
    ] as const)
      expect(
        Math.abs(model[key] - pct(sim.batch, p)) / pct(sim.batch, p),
        `${key}: model ${model[key]} vs simulated ${pct(sim.batch, p)}`,
      ).toBeLessThan(0.04);
  });
  it('an overloaded replica (offered load >= slots) waits without bound', () => {
    expect(slotWait(2, 10, 16).meanWaitIfWaitingS).toBe(Infinity);
  });
});
