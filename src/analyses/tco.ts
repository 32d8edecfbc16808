/** tco: capex, power with PUE, hosting and maintenance over the horizon; buy vs rent; perf per money. */
import { round, type AnalysisBuilder } from './context.ts';
import type { Column } from '../report/model.ts';
import { cumulativeCost } from '../calc/tco.ts';

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
    { key: 'ownedLow', label: t('col.ownedLow'), unit: cur, format: 'currency' },
    { key: 'owned', label: t('col.owned'), unit: cur, format: 'currency' },
    { key: 'ownedHigh', label: t('col.ownedHigh'), unit: cur, format: 'currency' },
    { key: 'rent', label: t('col.rentTotal'), unit: cur, format: 'currency' },
    { key: 'breakEven', label: t('col.breakEven'), unit: t('unit.month'), format: 'integer' },
    { key: 'tflopsPerMoney', label: t('col.tflopsPerMoney'), unit: `TFLOPS/1k ${cur}`, format: 'decimal2' },
  ];
  const rows = results.candidates.map((c) => {
    const base = c.tco?.levels?.base;
    const bf16 = c.candidate.gpu.denseTflops.bf16 ?? c.candidate.gpu.denseTflops.fp16 ?? 0;
    return {
      gpu: c.candidate.gpu.name,
      gpus: c.fleetGpus,
      capex: base ? round(base.capex, 6) : null,
      powerKw: c.tco ? round(c.tco.itPowerKw) : null,
      powerPerMonth: base ? round(base.powerPerMonth, 6) : null,
      opexPerMonth: base ? round(base.opexPerMonth, 6) : null,
      ownedLow: c.tco?.levels ? round(c.tco.levels.low.ownedTotal, 6) : null,
      owned: base ? round(base.ownedTotal, 6) : null,
      ownedHigh: c.tco?.levels ? round(c.tco.levels.high.ownedTotal, 6) : null,
      rent: base?.rentTotal != null ? round(base.rentTotal, 6) : null,
      breakEven: base?.breakEvenMonth ?? null,
      tflopsPerMoney: base && c.fleetGpus ? round((bf16 * c.fleetGpus) / (base.ownedTotal / 1000)) : null,
    };
  });
  const priced = results.candidates.filter((c) => c.tco?.levels);
  const cheapest = [...priced].sort((a, b) => a.tco!.levels!.base.ownedTotal - b.tco!.levels!.base.ownedTotal)[0];
  const months = Array.from({ length: e.horizonMonths + 1 }, (_, m) => String(m));
  const curve = cheapest ? cumulativeCost(cheapest.tco!.levels!.base, e.horizonMonths) : null;
  const notes = results.candidates
    .filter((c) => c.fleetGpus === null || !c.tco?.levels)
    .map((c) => ({ kind: 'note' as const, tone: 'warning' as const, text: c.fleetGpus === null ? t('tco.noFit', { gpu: c.candidate.gpu.name }) : t('tco.noPrice', { gpu: c.candidate.gpu.name }) }));
  return {
    id: 'tco',
    title: t('tco.title'),
    intro: t('tco.intro', { months: e.horizonMonths, currency: cur }),
    blocks: [
      { kind: 'table', id: 'tco', columns, rows },
      ...notes,
      {
        kind: 'chart', id: 'tco-by-candidate', title: t('tco.chartTitle', { months: e.horizonMonths }), chartType: 'bar', yLabel: cur,
        categories: priced.map((c) => c.candidate.gpu.name),
        series: [{
          name: t('col.owned'),
          values: priced.map((c) => round(c.tco!.levels!.base.ownedTotal, 6)),
          low: priced.map((c) => round(c.tco!.levels!.low.ownedTotal, 6)),
          high: priced.map((c) => round(c.tco!.levels!.high.ownedTotal, 6)),
        }],
      },
      ...(cheapest && curve?.rent ? [{
        kind: 'chart' as const, id: 'buy-vs-rent', title: t('tco.curveTitle', { gpu: cheapest.candidate.gpu.name }), chartType: 'line' as const,
        categories: months, xLabel: t('unit.month'), yLabel: cur,
        series: [
          { name: t('tco.buy'), values: curve.buy.map((v) => round(v, 6)) },
          { name: t('tco.rent'), values: curve.rent.map((v) => round(v, 6)) },
        ],
      }] : []),
      { kind: 'note', tone: 'info', text: t('tco.method') },
    ],
  };
};
