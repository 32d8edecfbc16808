/** summary: the answer first: which candidate meets every workload's memory need at the lowest cost. */
import { round, type AnalysisBuilder } from './context.ts';
import type { Block } from '../report/model.ts';

export const buildSummary: AnalysisBuilder = ({ scenario, results, t }) => {
  const cur = scenario.economics.currency;
  const viable = results.candidates
    .filter((c) => c.tco?.levels)
    .sort((a, b) => a.tco!.levels!.base.ownedTotal - b.tco!.levels!.base.ownedTotal);
  const best = viable[0];
  const blocks: Block[] = [];
  if (best) {
    const l = best.tco!.levels!;
    blocks.push({
      kind: 'keyValue', id: 'summary', items: [
        { label: t('summary.choice'), value: `${best.fleetGpus} × ${best.candidate.gpu.name}`, format: 'text' },
        { label: t('summary.capex'), value: round(l.base.capex, 6), unit: cur, format: 'currency' },
        { label: t('summary.ownedLow'), value: round(l.low.ownedTotal, 6), unit: cur, format: 'currency' },
        { label: t('summary.owned', { months: scenario.economics.horizonMonths }), value: round(l.base.ownedTotal, 6), unit: cur, format: 'currency' },
        { label: t('summary.ownedHigh'), value: round(l.high.ownedTotal, 6), unit: cur, format: 'currency' },
        { label: t('summary.rent'), value: l.base.rentTotal === null ? null : round(l.base.rentTotal, 6), unit: cur, format: 'currency' },
        { label: t('summary.breakEven'), value: l.base.breakEvenMonth, unit: t('unit.month'), format: 'integer' },
      ],
    });
    blocks.push({ kind: 'note', tone: 'info', text: t('summary.why', { gpu: best.candidate.gpu.name, gpus: best.fleetGpus ?? 0, workloads: scenario.workloads.length, others: viable.length - 1 }) });
    const budget = scenario.economics.budget;
    if (budget !== undefined && l.base.capex > budget) {
      blocks.push({ kind: 'note', tone: 'warning', text: t('summary.overBudget', { capex: Math.round(l.base.capex).toLocaleString('en-US'), budget: budget.toLocaleString('en-US'), currency: cur }) });
    }
  } else {
    blocks.push({ kind: 'note', tone: 'warning', text: t('summary.none') });
  }
  blocks.push({ kind: 'note', tone: 'info', text: t('summary.scope') });
  return { id: 'summary', title: t('summary.title'), intro: scenario.description || t('summary.intro'), blocks };
};
