/**
 * purchase-request: the document control of the purchase request this report supports (request
 * number, cost centre, requester, needed-by date), the price validity (the earliest valid-until
 * of the quotes used; catalog prices are estimates without one), the quotes that replaced
 * catalog prices; with a `request:` block, a page that compares the alternatives considered (every
 * priced option on the ranking's basis) and a sign-off page with a line per approver (role, name,
 * decision, signature, date). Only lays out the scenario and the ranked options.
 */
import { joinList, round, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import type { Block, KeyValueItem, TableBlock } from '../report/model.ts';
import { ACQ, configurationLabel, optionReason } from './recommendation.ts';

export const buildPurchaseRequest: AnalysisBuilder = (ctx) => {
  const { scenario, t } = ctx;
  const r = scenario.request;
  const blocks: Block[] = [];
  const quoted = scenario.candidates.filter((c) => c.quote);
  const estimated = scenario.candidates.filter((c) => !c.quote && c.purchasePrice?.from === 'catalog');
  const items: KeyValueItem[] = [
    ...(r
      ? [
          { label: t('req.number'), value: r.number, format: 'text' as const },
          ...(r.costCentre ? [{ label: t('req.costCentre'), value: r.costCentre, format: 'text' as const }] : []),
          ...(r.requester ? [{ label: t('req.requester'), value: r.requester, format: 'text' as const }] : []),
          ...(r.neededBy ? [{ label: t('req.neededBy'), value: r.neededBy, format: 'text' as const }] : []),
        ]
      : []),
    {
      label: t('req.priceValidity'),
      value: scenario.priceValidUntil ? t('req.validUntil', { date: scenario.priceValidUntil }) : t('req.noValidity'),
      format: 'text',
    },
    ...(quoted.length
      ? [
          {
            label: t('req.quoted'),
            value: joinList(
              t,
              quoted.map((c) => c.gpu.name),
            ),
            format: 'text' as const,
          },
        ]
      : []),
    ...(estimated.length
      ? [
          {
            label: t('req.estimated'),
            value: joinList(
              t,
              estimated.map((c) => c.gpu.name),
            ),
            format: 'text' as const,
          },
        ]
      : []),
  ];
  blocks.push({ kind: 'keyValue', id: 'document-control', items });
  if (!r) blocks.push({ kind: 'note', tone: 'info', text: t('req.none') });
  if (quoted.length) {
    blocks.push({
      kind: 'table',
      id: 'quotes',
      title: t('req.quotesTitle'),
      columns: [
        { key: 'vendor', label: t('req.col.vendor'), format: 'text' },
        { key: 'reference', label: t('req.col.reference'), format: 'text' },
        { key: 'gpu', label: t('req.col.gpu'), format: 'text' },
        { key: 'pricePerGpu', label: t('req.col.pricePerGpu'), unit: scenario.economics.currency, format: 'currency' },
        { key: 'date', label: t('req.col.date'), format: 'text' },
        { key: 'validUntil', label: t('req.col.validUntil'), format: 'text' },
      ],
      rows: quoted.map((c) => ({
        vendor: c.quote!.vendor,
        reference: c.quote!.reference,
        gpu: c.gpu.name,
        pricePerGpu: c.quote!.pricePerGpu,
        date: c.quote!.date,
        validUntil: c.quote!.validUntil,
      })),
    });
  }
  if (r && ctx.results.options.length) {
    blocks.push(alternatives(ctx), {
      kind: 'note',
      tone: 'info',
      text: t('req.alternativesNote', { months: scenario.economics.horizonMonths }),
    });
  }
  if (r && r.approvers.length) {
    blocks.push(
      {
        kind: 'table',
        id: 'sign-off',
        title: t('req.signOffTitle'),
        layout: 'form',
        startsPage: true,
        columns: [
          { key: 'approver', label: t('req.col.approver'), format: 'text' },
          { key: 'name', label: t('req.col.name'), format: 'text' },
          { key: 'decision', label: t('req.col.decision'), format: 'text' },
          { key: 'signature', label: t('req.col.signature'), format: 'text' },
          { key: 'date', label: t('req.col.date'), format: 'text' },
        ],
        rows: r.approvers.map((approver) => ({ approver, name: '', decision: '', signature: '', date: '' })),
      },
      {
        kind: 'note',
        tone: 'info',
        text: t('req.signOffNote', {
          validity: scenario.priceValidUntil ? t('req.validUntil', { date: scenario.priceValidUntil }) : t('req.noValidity'),
        }),
      },
    );
  }
  return { id: 'purchase-request', title: t('req.title'), intro: t('req.intro'), blocks };
};

/**
 * The alternatives considered, on a page of their own: every priced option in the ranking's order
 * (cash over the horizon, the same basis for buying and renting), with its capex, NPV, whether it
 * meets the targets and the budget, and the ranking's one-sentence reason.
 */
function alternatives(ctx: AnalysisContext): TableBlock {
  const { scenario, results, t } = ctx;
  const cur = scenario.economics.currency;
  const options = results.options;
  return {
    kind: 'table',
    id: 'alternatives',
    title: t('req.alternativesTitle'),
    startsPage: true,
    columns: [
      { key: 'rank', label: t('rec.col.rank'), format: 'integer' },
      { key: 'alternative', label: t('req.col.alternative'), format: 'text' },
      { key: 'capex', label: t('req.col.capex'), unit: cur, format: 'currency' },
      { key: 'cash', label: t('col.cash', { months: scenario.economics.horizonMonths }), unit: cur, format: 'currency' },
      { key: 'npv', label: t('col.npv'), unit: cur, format: 'currency' },
      { key: 'targets', label: t('rec.col.targets'), format: 'boolean', status: true },
      { key: 'budget', label: t('rec.col.budget'), format: 'boolean', status: true },
      { key: 'reason', label: t('rec.col.reason'), format: 'text' },
    ],
    rows: options.map((o, i) => {
      // The servers bought (the whole fleet, or the mixed option's inference servers); none when rented.
      const capex = o.bought?.tco.levels?.base.capex;
      return {
        rank: i + 1,
        alternative: t('acq.with', { config: configurationLabel(o, t), acq: t(ACQ[o.acquisition]) }),
        capex: capex === undefined ? null : round(capex, 6),
        cash: round(o.total.base, 6),
        npv: round(o.npv.base, 6),
        targets: o.targetsMet,
        budget: o.withinBudget,
        reason: optionReason(ctx, o, options),
      };
    }),
  };
}
