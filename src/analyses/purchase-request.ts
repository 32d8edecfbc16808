/**
 * purchase-request: the document control of the purchase request this report supports (request
 * number, cost centre, requester, needed-by date), the price validity (the earliest valid-until
 * of the quotes used; catalog prices are estimates without one), the quotes that replaced
 * catalog prices, and a sign-off table with a line per approver. Only lays out the scenario.
 */
import type { AnalysisBuilder } from './context.ts';
import type { Block, KeyValueItem } from '../report/model.ts';

export const buildPurchaseRequest: AnalysisBuilder = ({ scenario, t }) => {
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
    ...(quoted.length ? [{ label: t('req.quoted'), value: quoted.map((c) => c.gpu.name).join(', '), format: 'text' as const }] : []),
    ...(estimated.length
      ? [{ label: t('req.estimated'), value: estimated.map((c) => c.gpu.name).join(', '), format: 'text' as const }]
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
  if (r && r.approvers.length) {
    blocks.push({
      kind: 'table',
      id: 'sign-off',
      title: t('req.signOffTitle'),
      columns: [
        { key: 'approver', label: t('req.col.approver'), format: 'text' },
        { key: 'decision', label: t('req.col.decision'), format: 'text' },
        { key: 'signature', label: t('req.col.signature'), format: 'text' },
        { key: 'date', label: t('req.col.date'), format: 'text' },
      ],
      rows: r.approvers.map((approver) => ({ approver, decision: '', signature: '', date: '' })),
    });
  }
  return { id: 'purchase-request', title: t('req.title'), intro: t('req.intro'), blocks };
};
