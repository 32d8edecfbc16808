/**
 * bill-of-materials: what the recommended configuration buys, one line per item (whole servers
 * of the platform; beyond one HGX/OAM server, fabric switches and cabling; racks and PDUs,
 * storage, installation, shipping, tax, the support contract, licences) with quantity, unit
 * price, total and source, and its cash by year with the book value (the accounting view). The
 * numbers come from plan/bom.ts; in the workbook each line is a live formula over the Inputs
 * sheet's names (quantity × unit price), the same formulas as the TCO's capex.
 */
import { joinClauses, platformName, round, formatNumber, type AnalysisBuilder, type AnalysisContext } from './context.ts';
import type { Block, CellValue, Column, RowCells } from '../report/model.ts';
import { bomLineFormulas, type Bom, type BomItem } from '../plan/bom.ts';
import { bomFormulas, bomRefs, tcoFormulas, NAMED_RESULTS, type BomRefs } from '../economics/tco.ts';
import { mixedServers } from './live-cells.ts';
import { serverSource } from './node-sources.ts';
import { yearFormulas } from '../economics/cash-flow.ts';
import { candidateKeys, candidateNames, type CandidateNames } from '../economics/names.ts';
import { named, sum, type Expr } from '../economics/expr.ts';
import { parameter } from '../economics/parameters.ts';

const DIGITS = 10;

export const buildBillOfMaterials: AnalysisBuilder = (ctx) => {
  const { results, t } = ctx;
  const bom = results.billOfMaterials;
  const blocks: Block[] = [];
  if (!bom) {
    const lead = results.options[0];
    blocks.push({ kind: 'note', tone: 'info', text: t(lead ? 'bom.rented' : 'bom.none') });
    return { id: 'bill-of-materials', title: t('bom.title'), intro: t('bom.intro'), blocks };
  }
  const names = namesOf(ctx, bom);
  blocks.push(linesTable(ctx, bom, names), cashTable(ctx, bom, names), { kind: 'note', tone: 'info', text: t('bom.cashNote') });
  return { id: 'bill-of-materials', title: t('bom.title'), intro: t('bom.intro'), blocks };
};

/** The Inputs sheet's names of the option's candidate; null for a fleet that is not the Inputs sheet's (a remedy's). */
function namesOf({ scenario, results }: AnalysisContext, bom: Bom): CandidateNames | null {
  if (!results.candidates.includes(bom.option.candidate)) return null;
  const index = scenario.candidates.indexOf(bom.option.candidate.candidate);
  return index < 0 ? null : candidateNames(candidateKeys(scenario.candidates)[index]!);
}

function linesTable(ctx: AnalysisContext, bom: Bom, n: CandidateNames | null): Block {
  const { scenario, t, locale } = ctx;
  const cur = scenario.economics.currency;
  const c = bom.option.candidate.candidate;
  const price = c.purchasePrice!;
  const columns: Column[] = [
    { key: 'item', label: t('bom.col.item'), format: 'text' },
    { key: 'quantity', label: t('bom.col.quantity'), format: 'integer' },
    { key: 'unitPrice', label: t('bom.col.unitPrice'), unit: cur, format: 'currency' },
    { key: 'total', label: t('bom.col.total'), unit: cur, format: 'currency' },
    { key: 'source', label: t('bom.col.source'), format: 'text' },
  ];
  const e = scenario.economics;
  const rackScale = bom.option.candidate.node.inputs.rackScale > 0;
  const percent = (v: number) => `${formatNumber(round(v * 100, 2), locale)}%`;
  /** The parameter's value came from the scenario (a quote) or, left at a default of 0, is still to be quoted. */
  const toQuote = (key: 'rackPrice' | 'installationPerNode' | 'shippingShare', other: string): string =>
    e.fromScenario.has(key) ? t('bom.source.scenario') : joinClauses(t, [t('bom.source.toQuote'), other].filter(Boolean));
  const label: Record<BomItem, string> = {
    servers: t('bom.item.servers', { platform: platformName(t, bom.platform), gpus: bom.platform.gpusPerNode, gpu: c.gpu.name }),
    switches: t('bom.item.switches'),
    cables: t('bom.item.cables'),
    racks: rackScale
      ? t('bom.item.rackScale', { platform: bom.platform.name })
      : t('bom.item.racks', { kw: formatNumber(e.rackPowerKw, locale) }),
    pdus: t('bom.item.pdus'),
    storage: t('bom.item.storage'),
    installation: t('bom.item.installation'),
    shipping: t('bom.item.shipping', { share: percent(e.shippingShare) }),
    tax: t('bom.item.tax', { share: percent(e.taxShare) }),
    support: t('bom.item.support', { years: formatNumber(e.horizonMonths / 12, locale), share: percent(e.maintenanceSharePerYear) }),
    software: t('bom.item.software'),
    softwareIncluded: t('bom.item.softwareIncluded'),
  };
  const from = c.quote
    ? t('bom.source.quote', { vendor: c.quote.vendor, reference: c.quote.reference, validUntil: c.quote.validUntil })
    : t(price.from === 'scenario' ? 'bom.source.scenario' : 'bom.source.catalog');
  const licence = bom.option.candidate.node.sources.licence;
  const source: Record<BomItem, string> = {
    servers: serverSource(ctx, bom.option.candidate.node.sources, c.gpu.name, from),
    switches: sourceText(parameter('switchPrice').source),
    cables: sourceText(parameter('fabricCablingPerGpu').source),
    racks: rackScale ? t('bom.source.rackScale') : toQuote('rackPrice', sourceText(parameter('rackPowerKw').source)),
    pdus: sourceText(parameter('pduPrice').source),
    storage: sourceText(parameter('storagePerTb').source),
    installation: toQuote('installationPerNode', ''),
    shipping: toQuote('shippingShare', ''),
    tax: sourceText(parameter('taxShare').source),
    support: sourceText(parameter('maintenanceSharePerYear').source),
    software: sourceText(parameter('softwarePerGpuYear').source),
    softwareIncluded: licence.source ? t('bom.source.softwareIncluded', { source: licence.source.text, date: licence.source.date }) : '',
  };
  const rows: Record<string, CellValue>[] = bom.lines.map((l) => ({
    item: label[l.item],
    quantity: l.quantity,
    unitPrice: round(l.unitPrice, DIGITS),
    total: round(l.total, DIGITS),
    source: source[l.item],
  }));
  rows.push({ item: t('bom.item.total'), quantity: null, unitPrice: null, total: round(bom.total, DIGITS), source: '' });
  let rowCells: (RowCells | null)[] | undefined;
  if (n) {
    const f = bomFormulas(serversOf(bom, n));
    const byItem = Object.fromEntries(bomLineFormulas(f).map((l) => [l.item, l])) as unknown as Record<
      BomItem,
      { quantity: Expr; unitPrice: Expr; total: Expr }
    >;
    rowCells = [
      ...bom.lines.map((l) => ({
        formulas: { quantity: byItem[l.item].quantity.text, unitPrice: byItem[l.item].unitPrice.text, total: byItem[l.item].total.text },
      })),
      { formulas: { total: sum(...bom.lines.map((l) => byItem[l.item].total)).text } },
    ];
  }
  return { kind: 'table', id: 'bill-of-materials', columns, rows, ...(rowCells ? { rowCells } : {}) };
}

function cashTable(ctx: AnalysisContext, bom: Bom, n: CandidateNames | null): Block {
  const { scenario, t } = ctx;
  const cur = scenario.economics.currency;
  const money = (key: string, label: string): Column => ({ key, label, unit: cur, format: 'currency' });
  const columns: Column[] = [
    { key: 'year', label: t('bom.col.year'), format: 'integer' },
    money('capex', t('bom.col.capex')),
    money('opex', t('bom.col.opex')),
    money('cash', t('bom.col.cash')),
    money('cumulative', t('bom.col.cumulative')),
    money('bookValue', t('bom.col.bookValue')),
  ];
  const rows = bom.cashFlow.map((y) => ({
    year: y.year,
    capex: round(y.capex, DIGITS),
    opex: round(y.opex, DIGITS),
    cash: round(y.cash, DIGITS),
    cumulative: round(y.cumulative, DIGITS),
    bookValue: round(y.bookValue, DIGITS),
  }));
  let rowCells: RowCells[] | undefined;
  if (n) {
    const mixed = mixedServers(bom.option)?.('base');
    const base = tcoFormulas(n, 'base', NAMED_RESULTS, mixed);
    // The Inputs sheet's fleet reads its TCO sheet's named cells; the mixed option's servers their own formulas.
    const capex = mixed ? base.capex : named(n.capex, base.capex);
    const opex = mixed ? base.opexPerMonth : named(n.opexPerMonth, base.opexPerMonth);
    const depreciable = bomFormulas(serversOf(bom, n)).depreciable;
    const cash: Expr[] = [];
    rowCells = bom.cashFlow.map((y) => {
      const f = yearFormulas(y.year, capex, depreciable, opex);
      cash.push(f.cash);
      return {
        formulas: { capex: f.capex.text, opex: f.opex.text, cash: f.cash.text, cumulative: sum(...cash).text, bookValue: f.bookValue.text },
      };
    });
  }
  return { kind: 'table', id: 'cash-flow', title: t('bom.cashTitle'), columns, rows, ...(rowCells ? { rowCells } : {}) };
}

const sourceText = (s: ReturnType<typeof parameter>['source']): string => (typeof s === 'string' ? s : s.text);

/** The servers bought as the bill of materials' inputs: the Inputs sheet's names, the mixed fleet's own where they differ. */
const serversOf = (bom: Bom, n: CandidateNames): BomRefs => ({ ...bomRefs(n, 'base'), ...mixedServers(bom.option)?.('base') });
