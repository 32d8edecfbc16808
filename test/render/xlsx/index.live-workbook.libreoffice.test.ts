/**
 * The workbook is live: LibreOffice, recalculating every formula on load, (a) gets the JSON's
 * TCO figures back, and (b) after the electricity price and a GPU's prices are changed in
 * the Inputs sheet (cached results removed), gets what the CLI computes for a scenario with
 * those inputs changed. One CLI run and one soffice call for the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, TableBlock } from '../../../src/report/model.ts';
import { EXIT, describeRun, makeTempDir, removeTempDirs, runCli } from '../../e2e/helpers.ts';
import { convertWithLibreOffice, editInputs, splitRef } from './libreoffice.ts';
import { CONSTANT_INPUTS, ECONOMIC_INPUTS } from '../../../src/economics/names.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml');
const H100_PRICE = 30_000;
const ELECTRICITY = 0.23;

let dir = '';
let original: Report;
let changed: Report;
let recalculated: ExcelJS.Workbook;
let recalculatedEdited: ExcelJS.Workbook;
let cached: ExcelJS.Workbook;

beforeAll(async () => {
  dir = makeTempDir('live-workbook');
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  const yaml = fs.readFileSync(FIXTURE, 'utf8');
  fs.writeFileSync(path.join(input, 'live.yaml'), yaml);
  const edited = yaml
    .replace('  - h100-sxm5-80gb\n', `  - { gpu: h100-sxm5-80gb, purchasePrice: ${H100_PRICE} }\n`)
    .replace('electricityPricePerKwh: 0.11', `electricityPricePerKwh: ${ELECTRICITY}`);
  expect(edited).not.toBe(yaml);
  fs.writeFileSync(path.join(input, 'changed.yaml'), edited);
  const out = path.join(dir, 'out');
  const run = await runCli(['run', input, '--out', out, '--format', 'xlsx,json'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(run.code, describeRun(run)).toBe(EXIT.success);
  original = JSON.parse(fs.readFileSync(path.join(out, 'live.json'), 'utf8')) as Report;
  changed = JSON.parse(fs.readFileSync(path.join(out, 'changed.json'), 'utf8')) as Report;

  // Edit the workbook as a buyer would: new values in the named input cells; drop every cached result.
  cached = new ExcelJS.Workbook();
  await cached.xlsx.readFile(path.join(out, 'live.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'live.xlsx'));
  editInputs(wb, {
    electricityPricePerKwh: ELECTRICITY,
    ...Object.fromEntries(
      ['price_h100_sxm5_80gb', 'priceLow_h100_sxm5_80gb', 'priceHigh_h100_sxm5_80gb'].map((name) => [name, H100_PRICE]),
    ),
    // A buyer who prices the GPU clears the catalog's complete-node price (docs/methodology.md#capex).
    ...Object.fromEntries(
      ['nodePrice_h100_sxm5_80gb', 'nodePriceLow_h100_sxm5_80gb', 'nodePriceHigh_h100_sxm5_80gb'].map((name) => [name, 0]),
    ),
  });
  const editedFile = path.join(dir, 'edit', 'live-edited.xlsx');
  fs.mkdirSync(path.dirname(editedFile));
  await wb.xlsx.writeFile(editedFile);

  const lo = path.join(dir, 'lo');
  await convertWithLibreOffice([path.join(out, 'live.xlsx'), editedFile], 'xlsx', lo, dir);
  recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(path.join(lo, 'live.xlsx'));
  recalculatedEdited = new ExcelJS.Workbook();
  await recalculatedEdited.xlsx.readFile(path.join(lo, 'live-edited.xlsx'));
}, 180_000);
afterAll(removeTempDirs);

/** "'Total cost of ownership'!$C$2" → ['Total cost of ownership', 'C2']. */

const tcoTable = (r: Report): { title: string; table: TableBlock } => {
  const a = r.analyses.find((x) => x.id === 'tco')!;
  return { title: a.title.slice(0, 31), table: a.blocks.find((b): b is TableBlock => b.kind === 'table')! };
};

/** The number (or blank) a cell shows: a formula's result, or its plain value. */
function shown(cell: ExcelJS.Cell): number | string | null {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === '' ? null : (result as number | string);
  }
  return (v as number | string | null) ?? null;
}

/** Every number of the JSON's tco table against the same cell of the workbook (1e-6 relative). */
function expectTableMatches(wb: ExcelJS.Workbook, report: Report, label: string): number {
  const { title, table } = tcoTable(report);
  const ws = wb.getWorksheet(title)!;
  expect(ws, `${label}: sheet ${title}`).toBeTruthy();
  let compared = 0;
  table.rows.forEach((row, r) => {
    expect(ws.getCell(r + 2, 1).value, `${label}: row ${r} names its GPU`).toBe(row.gpu);
    table.columns.forEach((col, c) => {
      const want = row[col.key] ?? null;
      if (typeof want === 'string') return;
      const got = shown(ws.getCell(r + 2, c + 1));
      const where = `${label}: ${String(row.gpu)} ${col.key}: workbook ${String(got)} vs JSON ${String(want)}`;
      if (want === null) {
        expect(got, where).toBeNull();
      } else {
        expect(typeof got, where).toBe('number');
        expect(Math.abs((got as number) - (want as number)), where).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want as number)));
        compared++;
      }
    });
  });
  return compared;
}

describe('live workbook (LibreOffice recalculates on load)', () => {
  it('every number of the tco sheet is a formula whose cached result is the JSON value', () => {
    const { title, table } = tcoTable(original);
    const ws = cached.getWorksheet(title)!;
    let formulas = 0;
    table.rows.forEach((row, r) =>
      table.columns.forEach((col, c) => {
        if (typeof row[col.key] !== 'number') return;
        const v = ws.getCell(r + 2, c + 1).value as ExcelJS.CellFormulaValue;
        expect(v.formula, `${col.key}`).toBe(table.rowCells![r]!.formulas![col.key]);
        expect(v.result).toBe(row[col.key]);
        formulas++;
      }),
    );
    expect(formulas).toBeGreaterThanOrEqual(40);
  });

  it('the Inputs sheet names every economic input and each candidate price, rent, TDP and GPU count', () => {
    const names = new Set(cached.definedNames.model.map((n) => n.name));
    // Every declared economic parameter and constant of the formulas, then one candidate name of each kind.
    expect(ECONOMIC_INPUTS.length).toBeGreaterThan(10);
    for (const n of [
      ...ECONOMIC_INPUTS,
      ...Object.keys(CONSTANT_INPUTS),
      'price_h100_sxm5_80gb',
      'rent_h100_sxm5_80gb',
      'tdp_l40s',
      'gpus_l40s',
      'priceLow_amd_mi300x',
      'rentHigh_a100_sxm4_80gb',
      'nodePrice_h100_sxm5_80gb',
      'hostPrice_h100_sxm5_80gb',
      'nodeLoadKw_l40s',
      'nodeIdleKw_l40s',
      'rackScale_amd_mi300x',
      'licenceYears_a100_sxm4_80gb',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    const [sheet, address] = splitRef(cached.definedNames.getRanges('pue').ranges[0]!);
    expect(sheet).toBe(original.analyses.find((a) => a.id === 'inputs')!.title);
    expect(cached.getWorksheet(sheet)!.getCell(address).value).toBe(1.3);
  });

  it('(a) recalculated, the tco sheet equals the JSON', () => {
    expect(expectTableMatches(recalculated, original, 'recalculated')).toBeGreaterThanOrEqual(40);
    // The blank break-even stays blank after recalculation (A100 rents for less than it costs to run).
    const { table } = tcoTable(original);
    expect(table.rows.some((row) => row.breakEven === null && row.rent !== null)).toBe(true);
  });

  it('(b) after editing electricity and the H100 prices, the recalculated totals equal a CLI run with those inputs', () => {
    expect(expectTableMatches(recalculatedEdited, changed, 'edited')).toBeGreaterThanOrEqual(40);
    // The edit moved the numbers: the first row's owned TCO differs from the original run.
    const before = tcoTable(original).table.rows[0]!.owned as number;
    const after = tcoTable(changed).table.rows[0]!.owned as number;
    expect(Math.abs(after - before) / before).toBeGreaterThan(0.01);
  });
});
