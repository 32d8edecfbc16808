/**
 * inputs: every economic input of the scenario as a named workbook cell (the Inputs sheet), one
 * row per declared parameter (economics/parameters.ts). The formulas of the TCO, Summary and
 * Recommendation sheets (economics/tco.ts, economics/options.ts) refer to these names, so a
 * buyer who changes a price here sees every total move. Values are the resolved scenario's to
 * 12 significant digits (currency conversion leaves 5.8466000000000005), far inside the TCO's 10.
 */
import { round, type AnalysisBuilder } from './context.ts';
import type { Column, NumberFormat, RowCells, TableBlock } from '../report/model.ts';
import { BUDGET, CONSTANT_INPUTS, ECONOMIC_INPUTS, candidateKeys, candidateNames } from '../economics/names.ts';
import { parameter, unitText } from '../economics/parameters.ts';

export const buildInputs: AnalysisBuilder = ({ scenario, results, t }) => {
  const e = scenario.economics;
  const cur = e.currency;
  const words = { currency: cur, month: t('unit.month'), year: t('unit.year') };
  const rows: { label: string; value: number | null; unit: string; name: string; format: NumberFormat }[] = [
    ...ECONOMIC_INPUTS.map((key) => ({
      label: t(parameter(key).label),
      value: exact(e[key]),
      unit: unitText(key, words),
      name: key,
      format: parameter(key).format,
    })),
    { label: t('inputs.hoursPerMonth'), value: CONSTANT_INPUTS.hoursPerMonth, unit: 'h', name: 'hoursPerMonth', format: 'decimal1' },
    { label: t('inputs.switchPorts'), value: CONSTANT_INPUTS.switchPorts, unit: t('unit.gpu'), name: 'switchPorts', format: 'integer' },
    ...(e.budget !== undefined
      ? [{ label: t('assume.budget'), value: e.budget, unit: cur, name: BUDGET, format: 'currency' as const }]
      : []),
  ];
  const economics: TableBlock = {
    kind: 'table',
    id: 'inputs',
    columns: [
      { key: 'label', label: t('inputs.col.input'), format: 'text' },
      { key: 'value', label: t('col.value'), format: 'decimal3' },
      { key: 'unit', label: t('col.unit'), format: 'text' },
      { key: 'name', label: t('inputs.col.name'), format: 'text' },
    ],
    rows: rows.map(({ label, value, unit, name }) => ({ label, value, unit, name })),
    rowCells: rows.map(({ name, format }) => ({ names: { value: name }, formats: { value: format } })),
  };

  const keys = candidateKeys(scenario.candidates);
  const columns: Column[] = [
    { key: 'gpu', label: t('col.gpu'), format: 'text' },
    { key: 'gpus', label: t('col.fleetGpus'), format: 'integer' },
    { key: 'gpusPerNode', label: t('inputs.col.gpusPerNode'), format: 'integer' },
    { key: 'fabric', label: t('inputs.col.fabric'), format: 'integer' },
    { key: 'price', label: t('inputs.col.price'), unit: cur, format: 'currency' },
    { key: 'priceLow', label: t('col.priceLow'), unit: cur, format: 'currency' },
    { key: 'priceHigh', label: t('col.priceHigh'), unit: cur, format: 'currency' },
    { key: 'rent', label: t('inputs.col.rent'), unit: `${cur}/GPU-h`, format: 'currency2' },
    { key: 'rentLow', label: t('col.rentLow'), unit: `${cur}/GPU-h`, format: 'currency2' },
    { key: 'rentHigh', label: t('col.rentHigh'), unit: `${cur}/GPU-h`, format: 'currency2' },
    { key: 'rentDiscount', label: t('inputs.col.rentDiscount'), format: 'percent' },
    { key: 'tdp', label: t('col.tdp'), unit: 'W', format: 'integer' },
    { key: 'nodePrice', label: t('inputs.col.nodePrice'), unit: cur, format: 'currency' },
    { key: 'nodePriceLow', label: t('inputs.col.nodePriceLow'), unit: cur, format: 'currency' },
    { key: 'nodePriceHigh', label: t('inputs.col.nodePriceHigh'), unit: cur, format: 'currency' },
    { key: 'hostPrice', label: t('inputs.col.hostPrice'), unit: cur, format: 'currency' },
    { key: 'nodeLoadKw', label: t('inputs.col.nodeLoadKw'), unit: 'kW', format: 'decimal2' },
    { key: 'nodeIdleKw', label: t('inputs.col.nodeIdleKw'), unit: 'kW', format: 'decimal2' },
    { key: 'rackScale', label: t('inputs.col.rackScale'), format: 'integer' },
    { key: 'nics', label: t('inputs.col.nics'), format: 'integer' },
    { key: 'licensed', label: t('inputs.col.licensed'), format: 'integer' },
    { key: 'licenceYears', label: t('inputs.col.licenceYears'), unit: t('unit.year'), format: 'integer' },
  ];
  const candidateRows = scenario.candidates.map((c, i) => {
    const n = candidateNames(keys[i]!);
    const price = c.purchasePrice;
    const rent = c.rentalPerGpuHour;
    const result = results.candidates.find((r) => r.candidate === c);
    const term = result?.rentTerm;
    const node = result?.node.inputs;
    const values = {
      gpus: result?.fleetGpus ?? null,
      gpusPerNode: (result?.platform ?? c.platform).gpusPerNode,
      fabric: (result?.platform ?? c.platform).scaleOutFabric ? 1 : 0,
      price: exact(price?.base),
      priceLow: exact(price?.low),
      priceHigh: exact(price?.high),
      rent: exact(rent?.base),
      rentLow: exact(rent?.low),
      rentHigh: exact(rent?.high),
      rentDiscount: exact(term?.discount ?? 0),
      tdp: c.gpu.tdpWatts,
      nodePrice: exact(node?.nodePrice?.base),
      nodePriceLow: exact(node?.nodePrice?.low),
      nodePriceHigh: exact(node?.nodePrice?.high),
      hostPrice: exact(node?.hostPrice),
      nodeLoadKw: exact(node?.nodeLoadKw),
      nodeIdleKw: exact(node?.nodeIdleKw),
      rackScale: node?.rackScale ?? 0,
      nics: node?.nicsPerNode ?? null,
      licensed: node?.licensed ?? 1,
      licenceYears: node?.licenceIncludedYears ?? 0,
    };
    const names = {
      gpus: n.gpus,
      gpusPerNode: n.gpusPerNode,
      fabric: n.fabric,
      price: n.price.base,
      priceLow: n.price.low,
      priceHigh: n.price.high,
      rent: n.rent.base,
      rentLow: n.rent.low,
      rentHigh: n.rent.high,
      rentDiscount: n.rentDiscount,
      tdp: n.tdpWatts,
      nodePrice: n.nodePrice.base,
      nodePriceLow: n.nodePrice.low,
      nodePriceHigh: n.nodePrice.high,
      hostPrice: n.hostPrice,
      nodeLoadKw: n.nodeLoadKw,
      nodeIdleKw: n.nodeIdleKw,
      rackScale: n.rackScale,
      nics: n.nicsPerNode,
      licensed: n.licensed,
      licenceYears: n.licenceIncludedYears,
    };
    // A term discount that is the market's (or the scenario's) reads that economic input, so an edit there moves it;
    // a sourced term rate's discount is a number (docs/methodology.md#rent).
    const live = term && (term.from === 'derived' || term.from === 'scenario');
    const formulas = live ? { rentDiscount: term.term === 'spot' ? 'spotDiscount' : 'reservedDiscount' } : undefined;
    return { row: { gpu: c.gpu.name, ...values }, cells: { names, ...(formulas ? { formulas } : {}) } satisfies RowCells };
  });
  return {
    id: 'inputs',
    title: t('inputs.title'),
    intro: t('inputs.intro'),
    blocks: [
      economics,
      {
        kind: 'table',
        id: 'inputs-candidates',
        title: t('inputs.candidatesTitle'),
        columns,
        rows: candidateRows.map((r) => r.row),
        rowCells: candidateRows.map((r) => r.cells),
      },
      { kind: 'note', tone: 'info', text: t('inputs.baseNote') },
    ],
  };
};

/** 12 significant digits: clean for reading, exact enough that formulas reproduce the JSON. */
const exact = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : round(v, 12));
