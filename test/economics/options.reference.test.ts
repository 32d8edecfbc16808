/**
 * The economics are now formulas (economics/tco.ts, economics/options.ts) that the report
 * evaluates and the workbook holds as text. This holds their evaluation against the arithmetic
 * they replaced, written out term by term below (the former calc/tco.ts and plan/options.ts),
 * to the last bit: every candidate's TCO at every price level and every option's money, on the
 * example scenarios, the test fixtures and 40 generated bench scenarios.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { resolveScenario, type ResolvedEconomics, type ResolvedScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import type { CandidateResult } from '../../src/plan/on-candidate.ts';
import { capexOf } from '../../src/economics/tco.ts';
import { scenarioText } from '../../bench/scenarios.ts';

type Level = 'low' | 'base' | 'high';
const LEVELS: Level[] = ['low', 'base', 'high'];
const HOURS_PER_MONTH = 730.5;

/** The former calculateTco, one price level. */
function referenceTco(gpus: number, tdp: number | null, price: number, rate: number | null, e: ResolvedEconomics) {
  const itPowerKw = ((tdp ?? 0) * gpus) / 1000;
  const energyKwh = itPowerKw * e.utilization * HOURS_PER_MONTH * e.pue;
  const serverCost = gpus * price * e.serverOverheadMultiplier;
  const networkingCost = gpus > 8 ? serverCost * (e.networkingShare / (1 - e.networkingShare)) : 0;
  const capex = serverCost + networkingCost;
  const powerPerMonth = energyKwh * e.electricityPricePerKwh;
  const opexPerMonth = powerPerMonth + itPowerKw * e.hostingPerKwMonth + (capex * e.maintenanceSharePerYear) / 12;
  const depreciatedShare = Math.min(1, e.horizonMonths / (e.depreciationYears * 12)) * (1 - e.residualValueShare);
  const rentPerMonth = rate === null ? null : gpus * rate * (1 - e.reservedDiscount) * HOURS_PER_MONTH;
  let breakEvenMonth: number | null = null;
  if (rentPerMonth !== null && rentPerMonth > opexPerMonth) {
    const m = Math.ceil(capex / (rentPerMonth - opexPerMonth));
    breakEvenMonth = m <= 120 ? m : null;
  }
  return {
    itPowerKw,
    capex,
    powerPerMonth,
    opexPerMonth,
    ownedTotal: capex * depreciatedShare + opexPerMonth * e.horizonMonths,
    rentPerMonth,
    rentTotal: rentPerMonth === null ? null : rentPerMonth * e.horizonMonths,
    breakEvenMonth,
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const gpusBy = (c: CandidateResult, kind: string) =>
  sum(c.workloads.map((x) => (x.kind === kind ? Math.max(x.sizing.gpus ?? 0, x.fit.gpus ?? 0) : 0)));

/** The former optionFor's money. */
function referenceOption(s: ResolvedScenario, c: CandidateResult, acquisition: 'buy' | 'rent') {
  const e = s.economics;
  const hours = HOURS_PER_MONTH * e.horizonMonths;
  const inf = c.workloads.flatMap(({ sizing: z }) =>
    z.kind === 'inference' && z.estimate?.fits ? [z.estimate.outputTokensPerSecond] : [],
  );
  const tps = inf.length
    ? { low: sum(inf.map((b) => b.low)), base: sum(inf.map((b) => b.value)), high: sum(inf.map((b) => b.high)) }
    : null;
  const tokensMillions = (l: Level) => (tps ? (tps[l] * 3600 * hours * e.utilization) / 1e6 : 0);
  const gpuHours = c.workloads.flatMap(({ sizing: z }) =>
    z.kind === 'training' && z.estimate?.fits
      ? [{ low: z.estimate.gpuHours.low, base: z.estimate.gpuHours.value, high: z.estimate.gpuHours.high }]
      : z.kind === 'training'
        ? [{ low: NaN, base: NaN, high: NaN }]
        : [],
  );
  const triple = (f: (l: Level) => number) => ({ low: f('low'), base: f('base'), high: f('high') });
  const opposite = { low: 'high', base: 'base', high: 'low' } as const;
  if (acquisition === 'buy') {
    const levels = c.tco!.levels!;
    const infShare = c.fleetGpus! > 0 ? gpusBy(c, 'inference') / c.fleetGpus! : 0;
    const total = triple((l) => levels[l].ownedTotal);
    const perGpuHour = triple((l) => levels[l].ownedTotal / (c.fleetGpus! * hours));
    const capex = triple((l) => levels[l].capex);
    return {
      total,
      budgetBasis: capex,
      costPerMillionTokens: tps ? triple((l) => (total[l] * infShare) / tokensMillions(opposite[l])) : null,
      trainingRunCost: gpuHours.map((h) => triple((l) => h[l] * perGpuHour[l])),
      withinBudget: e.budget === undefined ? null : capex.base <= e.budget,
    };
  }
  const rate = c.candidate.rentalPerGpuHour!;
  const inferenceRent = (l: Level) => gpusBy(c, 'inference') * rate[l] * (1 - e.reservedDiscount) * hours;
  const runs = gpuHours.map((h) => triple((l) => h[l] * rate[l]));
  const total = triple((l) => inferenceRent(l) + sum(runs.map((r) => r[l])));
  return {
    total,
    budgetBasis: total,
    costPerMillionTokens: tps ? triple((l) => inferenceRent(l) / tokensMillions(opposite[l])) : null,
    trainingRunCost: runs,
    withinBudget: e.budget === undefined ? null : total.base <= e.budget,
  };
}

const ROOT = path.join(import.meta.dirname, '..', '..');
const files = [
  ...fs.readdirSync(path.join(ROOT, 'scenarios')).map((f) => path.join(ROOT, 'scenarios', f)),
  ...fs
    .readdirSync(path.join(ROOT, 'test', 'render', 'xlsx', 'fixtures'))
    .map((f) => path.join(ROOT, 'test', 'render', 'xlsx', 'fixtures', f)),
].filter((f) => f.endsWith('.yaml'));
const SCENARIOS: [string, string][] = [
  ...files.map((f): [string, string] => [path.basename(f), fs.readFileSync(f, 'utf8')]),
  ...Array.from({ length: 40 }, (_, i): [string, string] => [`bench ${i}`, scenarioText(i)]),
];

describe.each(SCENARIOS)('%s', (name, text) => {
  const parsed = parseScenario(text, name);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.diagnostics)}`);
  const s = resolveScenario(parsed.scenario);
  const results = calculateResults(s);

  it('every candidate TCO, at every price level, is the former arithmetic to the bit', () => {
    for (const c of results.candidates) {
      if (!c.tco?.levels) continue;
      for (const l of LEVELS) {
        const want = referenceTco(
          c.fleetGpus!,
          c.candidate.gpu.tdpWatts,
          c.candidate.purchasePrice![l],
          c.candidate.rentalPerGpuHour?.[l] ?? null,
          s.economics,
        );
        expect(c.tco.itPowerKw).toBe(want.itPowerKw);
        expect({ ...c.tco.levels[l] }).toEqual({
          capex: want.capex,
          powerPerMonth: want.powerPerMonth,
          opexPerMonth: want.opexPerMonth,
          ownedTotal: want.ownedTotal,
          rentPerMonth: want.rentPerMonth,
          rentTotal: want.rentTotal,
          breakEvenMonth: want.breakEvenMonth,
        });
        expect(capexOf(s.economics, c.fleetGpus!, c.candidate.purchasePrice![l])).toBe(want.capex);
      }
    }
  });

  it("every option's money and budget flag is the former arithmetic to the bit", () => {
    expect(results.options.length).toBeGreaterThan(0);
    for (const o of results.options) {
      const want = referenceOption(s, o.candidate, o.acquisition);
      expect({
        total: o.total,
        budgetBasis: o.budgetBasis,
        costPerMillionTokens: o.costPerMillionTokens,
        trainingRunCost: o.trainingRunCost,
        withinBudget: o.withinBudget,
      }).toEqual(want);
      expect(o.feasible).toBe(o.targetsMet && want.withinBudget !== false);
    }
  });
});
