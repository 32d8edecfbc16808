/**
 * tco: capex, power with PUE, hosting and maintenance over the horizon; buy vs rent; perf per
 * money. Every figure of the table is also a live workbook formula over the Inputs sheet's
 * names (economics/tco.ts); the row keeps the number calculateTco evaluated from the same
 * formulas, which the workbook caches.
 */
import { round, type AnalysisBuilder } from './context.ts';
import type { Column, RowCells } from '../report/model.ts';
import { NAMED_RESULTS, cumulativeCost, tcoFormulas, tflopsPerMoneyFormula } from '../economics/tco.ts';
import { candidateKeys, candidateNames } from '../economics/names.ts';
import { named, num, ref } from '../economics/expr.ts';

/** Significant digits of the table's numbers: the workbook recomputes them to ~1e-9 relative. */
const DIGITS = 10;

export const buildTco: AnalysisBuilder = ({ scenario, results, t }) => {
  const e = scenario.economics;
  const cur = e.currency;
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('col.fleetGpus'), format: 'integer' },
    { key: 'capex', label: t('col.capex'), unit: cur, format: 'currency' },
    { key: 'powerKw', label: t('col.itPower'), unit: 'kW', format: 'decimal1' },
    { key: 'powerPerMonth', label: t('col.powerPerMonth'), unit: cur, format: 'currency' },
    { key: 'opexPerMonth', label: t('col.opexPerMonth'), unit: cur, format: 'currency' },
    { key: 'cash', label: t('col.cash', { months: e.horizonMonths }), unit: cur, format: 'currency' },
    { key: 'npv', label: t('col.npv'), unit: cur, format: 'currency' },
    { key: 'ownedLow', label: t('col.ownedLow'), unit: cur, format: 'currency' },
    { key: 'owned', label: t('col.owned'), unit: cur, format: 'currency' },
    { key: 'ownedHigh', label: t('col.ownedHigh'), unit: cur, format: 'currency' },
    { key: 'rent', label: t('col.rentTotal'), unit: cur, format: 'currency' },
    { key: 'breakEven', label: t('col.breakEven'), unit: t('unit.month'), format: 'integer' },
    { key: 'tflopsPerMoney', label: t('col.tflopsPerMoney'), unit: `TFLOPS/1k ${cur}`, format: 'decimal2' },
  ];
  const keys = candidateKeys(scenario.candidates);
  const table = results.candidates.map((c) => {
    const base = c.tco?.levels?.base;
    const bf16 = c.candidate.gpu.denseTflops.bf16 ?? c.candidate.gpu.denseTflops.fp16 ?? 0;
    const row = {
      gpu: c.candidate.gpu.name,
      gpus: c.fleetGpus,
      capex: base ? round(base.capex, DIGITS) : null,
      powerKw: c.tco ? round(c.tco.itPowerKw, DIGITS) : null,
      powerPerMonth: base ? round(base.powerPerMonth, DIGITS) : null,
      opexPerMonth: base ? round(base.opexPerMonth, DIGITS) : null,
      cash: base ? round(base.cashTotal, DIGITS) : null,
      npv: base ? round(base.npv, DIGITS) : null,
      ownedLow: c.tco?.levels ? round(c.tco.levels.low.ownedTotal, DIGITS) : null,
      owned: base ? round(base.ownedTotal, DIGITS) : null,
      ownedHigh: c.tco?.levels ? round(c.tco.levels.high.ownedTotal, DIGITS) : null,
      rent: base?.rentTotal != null ? round(base.rentTotal, DIGITS) : null,
      breakEven: base?.breakEvenMonth ?? null,
      tflopsPerMoney:
        base && c.fleetGpus
          ? round(
              tflopsPerMoneyFormula(bf16, num(c.fleetGpus), num(base.ownedTotal)).evaluate(() => 0),
              DIGITS,
            )
          : null,
    };
    const index = scenario.candidates.indexOf(c.candidate);
    return { row, cells: index < 0 ? null : liveCells(row, candidateNames(keys[index]!), bf16) };
  });
  const rows = table.map((r) => r.row);
  const priced = results.candidates.filter((c) => c.tco?.levels);
  const cheapest = [...priced].sort((a, b) => a.tco!.levels!.base.ownedTotal - b.tco!.levels!.base.ownedTotal)[0];
  const sampled = sampleMonths(e.horizonMonths);
  const months = sampled.map(String);
  const curve = cheapest ? cumulativeCost(cheapest.tco!.levels!.base, sampled) : null;
  const notes = results.candidates
    .filter((c) => c.fleetGpus === null || !c.tco?.levels)
    .map((c) => ({
      kind: 'note' as const,
      tone: 'warning' as const,
      text: c.fleetGpus === null ? t('tco.noFit', { gpu: c.candidate.gpu.name }) : t('tco.noPrice', { gpu: c.candidate.gpu.name }),
    }));
  return {
    id: 'tco',
    title: t('tco.title'),
    intro: t('tco.intro', { months: e.horizonMonths, currency: cur }),
    blocks: [
      { kind: 'table', id: 'tco', columns, rows, rowCells: table.map((r) => r.cells) },
      ...notes,
      {
        kind: 'chart',
        id: 'tco-by-candidate',
        title: t('tco.chartTitle', { months: e.horizonMonths }),
        chartType: 'bar',
        yLabel: cur,
        categories: priced.map((c) => c.candidate.gpu.name),
        series: [
          {
            name: t('col.owned'),
            values: priced.map((c) => round(c.tco!.levels!.base.ownedTotal, 6)),
            low: priced.map((c) => round(c.tco!.levels!.low.ownedTotal, 6)),
            high: priced.map((c) => round(c.tco!.levels!.high.ownedTotal, 6)),
          },
        ],
      },
      ...(cheapest && curve?.rent
        ? [
            {
              kind: 'chart' as const,
              id: 'buy-vs-rent',
              title: t('tco.curveTitle', { gpu: cheapest.candidate.gpu.name }),
              chartType: 'line' as const,
              categories: months,
              xLabel: t('unit.month'),
              yLabel: cur,
              series: [
                { name: t('tco.buy'), values: curve.buy.map((v) => round(v, 6)) },
                { name: t('tco.rent'), values: curve.rent.map((v) => round(v, 6)) },
              ],
            },
          ]
        : []),
      { kind: 'note', tone: 'info', text: t('tco.method') },
      { kind: 'note', tone: 'info', text: t('tco.liveNote') },
    ],
  };
};

/** Month steps of the buy-vs-rent curve: the smallest that keeps it to MAX_POINTS points. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24] as const;
const MAX_POINTS = 61;

/**
 * The months the buy-vs-rent curve shows: 0, a regular step, and always the horizon itself, so
 * the work and the chart grow with the chart's size, not with the horizon the scenario states.
 */
export function sampleMonths(horizon: number): number[] {
  const step = MONTH_STEPS.find((s) => horizon / s <= MAX_POINTS - 1) ?? Math.ceil(horizon / (MAX_POINTS - 1));
  const months = Array.from({ length: Math.floor(horizon / step) + 1 }, (_, i) => i * step);
  return months[months.length - 1] === horizon ? months : [...months, horizon];
}

/**
 * The row's formulas, for the cells that hold a number (a blank cell has nothing to cache).
 * Power, capex, opex and owned TCO get names, so later formulas read `capex_…*…+opexPerMonth_…*…`.
 */
function liveCells(row: Readonly<Record<string, number | string | null>>, n: ReturnType<typeof candidateNames>, bf16: number): RowCells {
  const base = tcoFormulas(n, 'base', NAMED_RESULTS);
  const all: Record<string, string> = {
    gpus: ref(n.gpus).text,
    capex: base.capex.text,
    powerKw: base.itPowerKw.text,
    powerPerMonth: base.powerPerMonth.text,
    opexPerMonth: base.opexPerMonth.text,
    cash: base.cashTotal.text,
    npv: base.npv.text,
    ownedLow: tcoFormulas(n, 'low').ownedTotal.text,
    owned: base.ownedTotal.text,
    ownedHigh: tcoFormulas(n, 'high').ownedTotal.text,
    rent: base.rentTotal.text,
    breakEven: base.breakEvenMonth.text,
    tflopsPerMoney: tflopsPerMoneyFormula(bf16, ref(n.gpus), named(n.ownedTotal, base.ownedTotal)).text,
  };
  const priced = row.owned !== null;
  const formulas = Object.fromEntries(
    Object.entries(all).filter(([key]) => row[key] !== null || (key === 'breakEven' && priced && row.rent !== null)),
  );
  const names: Record<string, string> = {
    ...(row.powerKw !== null ? { powerKw: n.itPowerKw } : {}),
    ...(priced
      ? { powerPerMonth: n.powerPerMonth, capex: n.capex, opexPerMonth: n.opexPerMonth, owned: n.ownedTotal, cash: n.cashTotal }
      : {}),
  };
  return { formulas, names };
}
