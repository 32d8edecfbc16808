/**
 * The economics are formulas (economics/tco.ts, economics/options.ts) that the report evaluates
 * and the workbook holds as text. This holds their evaluation against the same method written
 * out term by term in plain TypeScript below (whole servers, fabric beyond one HGX/OAM server,
 * node power, cash and NPV; docs/methodology.md#economics), to the last bit: every candidate's
 * TCO at every price level and every option's money, on the example scenarios, the test
 * fixtures and 40 generated bench scenarios.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { resolveScenario, type ResolvedEconomics, type ResolvedScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import type { CandidateResult } from '../../src/plan/on-candidate.ts';
import type { Option } from '../../src/plan/options.ts';
import { onDemandBaseUsd, rentalTermRate } from '../../src/catalog/platforms.ts';
import { capexOf } from '../../src/economics/tco.ts';
import type { NodeInputs } from '../../src/economics/types.ts';
import { scenarioText } from '../../bench/scenarios.ts';

type Level = 'low' | 'base' | 'high';
const LEVELS: Level[] = ['low', 'base', 'high'];
const HOURS_PER_MONTH = 730.5;

/** Capex written out: the bill of materials (docs/methodology.md#capex) and its depreciable part. */
function referenceBom(gpus: number, n: NodeInputs, level: Level, price: number, tdp: number | null, e: ResolvedEconomics) {
  const perNode = n.gpusPerNode;
  const nodes = Math.ceil(gpus / perNode);
  const complete = n.nodePrice?.[level] ?? 0;
  const host = n.hostPrice ?? 0;
  const nodePrice = complete > 0 ? complete : host > 0 ? host + perNode * price : perNode * price * e.serverOverheadMultiplier;
  const servers = nodes * nodePrice;
  // The fabric's endpoints: the nodes' scale-out NICs.
  const ends = nodes * n.nicsPerNode;
  const switches = nodes > 1 ? n.fabric * (ends <= 64 ? 1 : Math.ceil(ends / (64 / 2)) + Math.ceil(ends / 64)) : 0;
  const cables = nodes > 1 ? n.fabric * ends : 0;
  const itKw = nodes * referenceNodePower(n, tdp, e).load;
  const racks = n.rackScale > 0 ? nodes : Math.ceil(itKw / e.rackPowerKw);
  const pdus = n.rackScale > 0 ? 0 : racks * 2;
  const hardware =
    servers +
    switches * e.switchPrice +
    cables * e.fabricCablingPerGpu +
    racks * (n.rackScale > 0 ? 0 : e.rackPrice) +
    pdus * e.pduPrice +
    e.storageTb * e.storagePerTb;
  const depreciable = hardware + nodes * e.installationPerNode + hardware * e.shippingShare + hardware * e.taxShare;
  const years = e.horizonMonths / 12;
  const paidYears = years - n.licenceIncludedYears;
  const licences = gpus * n.licensed * (paidYears > 0 ? paidYears : 0);
  const expensed = hardware * e.maintenanceSharePerYear * years + licences * e.softwarePerGpuYear;
  return { capex: depreciable + expensed, expensed };
}

/** One node's power at load and idle, kW: published or set, else GPUs × TDP × multiple; idle else load × idle share. */
function referenceNodePower(n: NodeInputs, tdp: number | null, e: ResolvedEconomics) {
  const load = (n.nodeLoadKw ?? 0) > 0 ? n.nodeLoadKw! : (n.gpusPerNode * (tdp ?? 0) * e.nodePowerMultiplier) / 1000;
  const idle = (n.nodeIdleKw ?? 0) > 0 ? n.nodeIdleKw! : load * e.idlePowerShare;
  return { load, idle };
}

/** The TCO written out, one price level. */
function referenceTco(
  gpus: number,
  n: NodeInputs,
  level: Level,
  tdp: number | null,
  price: number,
  rate: number | null,
  e: ResolvedEconomics,
  discount = 0,
) {
  const nodes = Math.ceil(gpus / n.gpusPerNode);
  const { load, idle } = referenceNodePower(n, tdp, e);
  const itPowerKw = nodes * load;
  const energyKwh = nodes * (e.utilization * load + (1 - e.utilization) * idle) * HOURS_PER_MONTH * e.pue;
  const { capex, expensed } = referenceBom(gpus, n, level, price, tdp, e);
  const powerPerMonth = energyKwh * e.electricityPricePerKwh;
  const opexPerMonth = powerPerMonth + itPowerKw * e.hostingPerKwMonth;
  const depreciatedShare = Math.min(1, e.horizonMonths / (e.depreciationYears * 12)) * (1 - e.residualValueShare);
  const monthly = Math.pow(1 + e.discountRatePerYear, 1 / 12) - 1;
  const annuity = e.discountRatePerYear <= 0 ? e.horizonMonths : (1 - Math.pow(1 + monthly, -1 * e.horizonMonths)) / monthly;
  const rentPerMonth = rate === null ? null : gpus * rate * (1 - discount) * HOURS_PER_MONTH;
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
    ownedTotal: (capex - expensed) * depreciatedShare + expensed + opexPerMonth * e.horizonMonths,
    cashTotal: capex + opexPerMonth * e.horizonMonths,
    npv: capex + opexPerMonth * annuity,
    annuity,
    rentPerMonth,
    rentTotal: rentPerMonth === null ? null : rentPerMonth * e.horizonMonths,
    breakEvenMonth,
  };
}

/** A node known by its size only (the estimates apply). */
const BARE_NODE: NodeInputs = {
  gpusPerNode: 1,
  fabric: 0,
  rackScale: 0,
  nicsPerNode: 1,
  nodePrice: null,
  hostPrice: null,
  nodeLoadKw: null,
  nodeIdleKw: null,
  licensed: 1,
  licenceIncludedYears: 0,
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const gpusBy = (c: CandidateResult, kind: string) =>
  sum(c.workloads.map((x) => (x.kind === kind ? Math.max(x.sizing.gpus ?? 0, x.fit.gpus ?? 0) : 0)));

/**
 * The steady rental's discount written out (docs/methodology.md#rent): none on demand; the
 * scenario's discount where it sets one; a sourced term rate's own discount below the catalog's
 * on-demand base; else the market discount.
 */
function referenceDiscount(e: ResolvedEconomics, gpu: CandidateResult['candidate']['gpu']): number {
  if (e.rentalTerm === 'on-demand') return 0;
  const key = e.rentalTerm === 'reserved' ? 'reservedDiscount' : 'spotDiscount';
  if (e.fromScenario.has(key)) return e[key];
  const sourced = rentalTermRate(gpu.id, e.rentalTerm)?.usdPerGpuHour;
  const base = onDemandBaseUsd(gpu);
  return sourced !== undefined && base ? Math.min(0.99, Math.max(0, 1 - sourced / base)) : e[key];
}

/** The former optionFor's money, and the mixed option's. */
function referenceOption(s: ResolvedScenario, c: CandidateResult, o: Option) {
  const acquisition = o.acquisition;
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
    const total = triple((l) => levels[l].cashTotal);
    const perGpuHour = triple((l) => levels[l].cashTotal / (c.fleetGpus! * hours));
    const capex = triple((l) => levels[l].capex);
    const basis = e.budgetBasis === 'cash' ? total : capex;
    return {
      total,
      npv: triple((l) => levels[l].npv),
      budgetBasis: basis,
      costPerMillionTokens: tps ? triple((l) => (total[l] * infShare) / tokensMillions(opposite[l])) : null,
      trainingRunCost: gpuHours.map((h) => triple((l) => h[l] * perGpuHour[l])),
      withinBudget: e.budget === undefined ? null : basis.base <= e.budget,
    };
  }
  const rate = c.candidate.rentalPerGpuHour!;
  const discount = referenceDiscount(e, c.candidate.gpu);
  const inferenceRent = (l: Level) => gpusBy(c, 'inference') * rate[l] * (1 - discount) * hours;
  const runs = gpuHours.map((h) => triple((l) => h[l] * rate[l]));
  if (acquisition === 'mixed') {
    // The inference GPUs alone in whole servers of the bought platform, priced as bought; the runs rented on demand.
    const b = o.bought!;
    const perNode = b.platform.gpusPerNode;
    expect(b.gpus).toBe(Math.ceil(gpusBy(c, 'inference') / perNode) * perNode);
    expect(b.gpus).toBeLessThan(c.fleetGpus!);
    const tco = Object.fromEntries(
      LEVELS.map((l) => [
        l,
        referenceTco(b.gpus, b.node.inputs, l, c.candidate.gpu.tdpWatts, c.candidate.purchasePrice![l], rate[l], e, discount),
      ]),
    ) as Record<Level, ReturnType<typeof referenceTco>>;
    const bursts = (l: Level) => sum(runs.map((r, i) => r[l] * c.trainingRuns[i]!));
    const total = triple((l) => tco[l].cashTotal + bursts(l));
    const basis = e.budgetBasis === 'cash' ? total : triple((l) => tco[l].capex);
    return {
      total,
      npv: triple((l) => tco[l].npv + (bursts(l) * tco[l].annuity) / e.horizonMonths),
      budgetBasis: basis,
      costPerMillionTokens: tps ? triple((l) => tco[l].cashTotal / tokensMillions(opposite[l])) : null,
      trainingRunCost: runs,
      withinBudget: e.budget === undefined ? null : basis.base <= e.budget,
    };
  }
  // Every run over the horizon is rented: a recurring job's runs (1 for a one-off run).
  const total = triple((l) => (runs.length ? inferenceRent(l) + sum(runs.map((r, i) => r[l] * c.trainingRuns[i]!)) : inferenceRent(l)));
  const annuity = referenceTco(1, BARE_NODE, 'base', 0, 0, null, e).annuity;
  return {
    total,
    npv: triple((l) => (total[l] * annuity) / e.horizonMonths),
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
        const perNode = c.platform.gpusPerNode;
        const want = referenceTco(
          c.fleetGpus!,
          c.node.inputs,
          l,
          c.candidate.gpu.tdpWatts,
          c.candidate.purchasePrice![l],
          c.candidate.rentalPerGpuHour?.[l] ?? null,
          s.economics,
          referenceDiscount(s.economics, c.candidate.gpu),
        );
        expect(c.tco.itPowerKw).toBe(want.itPowerKw);
        expect({ ...c.tco.levels[l] }).toEqual({
          capex: want.capex,
          powerPerMonth: want.powerPerMonth,
          opexPerMonth: want.opexPerMonth,
          ownedTotal: want.ownedTotal,
          cashTotal: want.cashTotal,
          npv: want.npv,
          rentPerMonth: want.rentPerMonth,
          rentTotal: want.rentTotal,
          breakEvenMonth: want.breakEvenMonth,
        });
        if (l === 'base')
          expect(capexOf(s.economics, c.fleetGpus!, c.node.inputs, c.candidate.purchasePrice![l], c.candidate.gpu.tdpWatts)).toBe(
            want.capex,
          );
        // Whole nodes: the fleet is a multiple of the platform's GPUs per node.
        expect(c.fleetGpus! % perNode).toBe(0);
      }
    }
  });

  it("every option's money and budget flag is the former arithmetic to the bit", () => {
    expect(results.options.length).toBeGreaterThan(0);
    for (const o of results.options) {
      const want = referenceOption(s, o.candidate, o);
      expect({
        total: o.total,
        npv: o.npv,
        budgetBasis: o.budgetBasis,
        costPerMillionTokens: o.costPerMillionTokens,
        trainingRunCost: o.trainingRunCost,
        withinBudget: o.withinBudget,
      }).toEqual(want);
      expect(o.feasible).toBe(o.targetsMet && want.withinBudget !== false);
    }
  });
});
