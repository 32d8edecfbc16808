/**
 * Every money figure of the workbook moves with the Inputs sheet. A buyer's edit (electricity
 * price, one GPU's prices) is made in a copy of the workbook with every cached result removed;
 * LibreOffice recalculates from scratch; the TCO, Recommendation and Summary sheets must then
 * show what the calculation gives for a scenario with those inputs changed (the TypeScript
 * evaluation of the same formulas), within-budget and feasible flags included. The unedited
 * workbook, recalculated, must give back the original numbers. A second fixture has mixed
 * options (the inference servers bought, the training run rented), whose rows hold their own
 * formulas over the same inputs. One soffice call.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parse.ts';
import { resolveScenario } from '../../../src/scenario/resolve.ts';
import { calculateResults, type Results } from '../../../src/plan/results.ts';
import { buildReport } from '../../../src/analyses/build-report.ts';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import { headerLabel } from '../../../src/render/format.ts';
import { createTranslator } from '../../../src/i18n/index.ts';
import type { Option } from '../../../src/plan/options.ts';
import type { KeyValueBlock, Report, TableBlock } from '../../../src/report/model.ts';
import { makeTempDir, removeTempDirs } from '../../temp-dirs.ts';
import { convertWithLibreOffice, editInputs } from './libreoffice.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-options.yaml');
const MIXED_FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-mixed.yaml');
const ELECTRICITY = 0.3;
/**
 * Lifts the H100 server's capex over the 500,000 budget: a buyer who prices the GPU clears the
 * catalog's complete-node price, so the server is the host without GPUs (90,000) + 8 × 60,000 =
 * 570,000, plus PDUs and support (docs/methodology.md#capex).
 */
const H100_PRICE = 60_000;

function calculate(yaml: string, file = FIXTURE): { results: Results; report: Report } {
  const parsed = parseScenario(yaml, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const scenario = resolveScenario(parsed.scenario);
  const results = calculateResults(scenario);
  const report = buildReport(scenario, results, {
    file,
    sha256: 'a'.repeat(64),
    generatedAt: new Date('2024-05-01T12:00:00Z'),
    toolVersion: '0.0.0-test',
    locale: 'en',
  });
  return { results, report };
}

let original: { results: Results; report: Report };
let changed: { results: Results; report: Report };
let recalculated: ExcelJS.Workbook;
let edited: ExcelJS.Workbook;
/** The mixed fixture: as generated and with the same edit, calculated and recalculated. */
const mixed = {} as {
  original: { results: Results; report: Report };
  changed: { results: Results; report: Report };
  recalculated: ExcelJS.Workbook;
  edited: ExcelJS.Workbook;
};

beforeAll(async () => {
  const yaml = fs.readFileSync(FIXTURE, 'utf8');
  const changedYaml = yaml
    .replace('{ gpu: h100-sxm5-80gb, rentalPerGpuHour: 20 }', `{ gpu: h100-sxm5-80gb, rentalPerGpuHour: 20, purchasePrice: ${H100_PRICE} }`)
    .replace('electricityPricePerKwh: 0.12', `electricityPricePerKwh: ${ELECTRICITY}`);
  expect(changedYaml).not.toBe(yaml);
  original = calculate(yaml);
  changed = calculate(changedYaml);
  const mixedYaml = fs.readFileSync(MIXED_FIXTURE, 'utf8');
  const mixedChanged = mixedYaml
    .replace('{ gpu: h100-sxm5-80gb, rentalPerGpuHour: 6 }', `{ gpu: h100-sxm5-80gb, rentalPerGpuHour: 6, purchasePrice: ${H100_PRICE} }`)
    .replace('electricityPricePerKwh: 0.12', `electricityPricePerKwh: ${ELECTRICITY}`);
  expect(mixedChanged).not.toBe(mixedYaml);
  mixed.original = calculate(mixedYaml, MIXED_FIXTURE);
  mixed.changed = calculate(mixedChanged, MIXED_FIXTURE);

  const dir = makeTempDir('live-options');
  const bytes = await renderXlsx(original.report);
  fs.writeFileSync(path.join(dir, 'live.xlsx'), bytes);
  const mixedBytes = await renderXlsx(mixed.original.report);
  fs.writeFileSync(path.join(dir, 'mixed.xlsx'), mixedBytes);
  const edit = {
    electricityPricePerKwh: ELECTRICITY,
    ...Object.fromEntries(
      ['price_h100_sxm5_80gb', 'priceLow_h100_sxm5_80gb', 'priceHigh_h100_sxm5_80gb'].map((name) => [name, H100_PRICE]),
    ),
    // A complete server's catalog price would win over the GPU price: cleared, the servers are priced by their GPUs.
    ...Object.fromEntries(
      ['nodePrice_h100_sxm5_80gb', 'nodePriceLow_h100_sxm5_80gb', 'nodePriceHigh_h100_sxm5_80gb'].map((name) => [name, 0]),
    ),
  };
  fs.mkdirSync(path.join(dir, 'edit'));
  for (const [from, to] of [
    [bytes, 'live-edited.xlsx'],
    [mixedBytes, 'mixed-edited.xlsx'],
  ] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(from) as unknown as ExcelJS.Buffer);
    editInputs(wb, edit);
    await wb.xlsx.writeFile(path.join(dir, 'edit', to));
  }
  await convertWithLibreOffice(
    [
      path.join(dir, 'live.xlsx'),
      path.join(dir, 'edit', 'live-edited.xlsx'),
      path.join(dir, 'mixed.xlsx'),
      path.join(dir, 'edit', 'mixed-edited.xlsx'),
    ],
    'xlsx',
    path.join(dir, 'lo'),
    dir,
  );
  recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(path.join(dir, 'lo', 'live.xlsx'));
  edited = new ExcelJS.Workbook();
  await edited.xlsx.readFile(path.join(dir, 'lo', 'live-edited.xlsx'));
  mixed.recalculated = new ExcelJS.Workbook();
  await mixed.recalculated.xlsx.readFile(path.join(dir, 'lo', 'mixed.xlsx'));
  mixed.edited = new ExcelJS.Workbook();
  await mixed.edited.xlsx.readFile(path.join(dir, 'lo', 'mixed-edited.xlsx'));
}, 180_000);
afterAll(removeTempDirs);

/**
 * What a cell shows after recalculation: a number, a truth value, or null for blank. A formula's
 * result is read from `cell.result`: exceljs's `cell.value` leaves out a result of false or 0.
 */
function shown(cell: ExcelJS.Cell): number | boolean | string | null {
  const r = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  return r === undefined || r === '' ? null : (r as number | boolean | string | null);
}

const sheetOf = (wb: ExcelJS.Workbook, id: string, report = original.report) =>
  wb.getWorksheet(report.analyses.find((a) => a.id === id)!.title.slice(0, 31))!;
const table = (id: string, report = original.report) =>
  report.analyses.find((a) => a.id === id)!.blocks.find((b): b is TableBlock => b.kind === 'table')!;
const same = (a: Option) => (b: Option) => b.acquisition === a.acquisition && b.candidate.candidate.gpu.id === a.candidate.candidate.gpu.id;

function expectClose(got: unknown, want: number, where: string): void {
  expect(typeof got, `${where}: ${String(got)} vs ${want}`).toBe('number');
  expect(Math.abs((got as number) - want), `${where}: ${String(got)} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
}

/** The recommendation sheet, row by row, against the options of `results` (same fleet and acquisition). */
function checkRecommendation(
  wb: ExcelJS.Workbook,
  results: Results,
  label: string,
  base: { results: Results; report: Report } = original,
): { budget: boolean[]; formulas: number } {
  const t = table('recommendation', base.report);
  const ws = sheetOf(wb, 'recommendation', base.report);
  const col = (key: string) => t.columns.findIndex((c) => c.key === key) + 1;
  const flags: boolean[] = [];
  let formulas = 0;
  base.results.options.forEach((o, i) => {
    const want = results.options.find(same(o))!;
    const row = i + 2;
    const where = `${label}: ${o.candidate.candidate.gpu.id} ${o.acquisition}`;
    expect(ws.getCell(row, col('configuration')).value).toBe(t.rows[i]!.configuration);
    if (ws.getCell(row, col('total')).type === ExcelJS.ValueType.Formula) formulas++;
    expectClose(shown(ws.getCell(row, col('totalLow'))), want.total.low, `${where} totalLow`);
    expectClose(shown(ws.getCell(row, col('total'))), want.total.base, `${where} total`);
    expectClose(shown(ws.getCell(row, col('totalHigh'))), want.total.high, `${where} totalHigh`);
    expectClose(shown(ws.getCell(row, col('budgetBasis'))), want.budgetBasis.base, `${where} budgetBasis`);
    expectClose(shown(ws.getCell(row, col('cpm'))), want.costPerMillionTokens!.base, `${where} cpm`);
    expectClose(shown(ws.getCell(row, col('run'))), want.trainingRunCost[0]!.base, `${where} run`);
    expect(shown(ws.getCell(row, col('budget'))), `${where} within budget`).toBe(want.withinBudget);
    expect(shown(ws.getCell(row, col('feasible'))), `${where} feasible`).toBe(want.feasible);
    flags.push(want.withinBudget!);
  });
  return { budget: flags, formulas };
}

/** The summary's figures of the original headline option, found by their labels in column A. */
function checkSummary(wb: ExcelJS.Workbook, results: Results, label: string): number {
  const ws = sheetOf(wb, 'summary');
  const shownOption = original.results.options[0]!;
  const want = results.options.find(same(shownOption))!;
  const months = 36;
  const t = createTranslator('en');
  const expected = new Map<string, number>([
    [t('sum.costLow', { months }), want.total.low],
    [t('sum.cost', { months }), want.total.base],
    [t('sum.costHigh', { months }), want.total.high],
    [t('sum.capex'), want.budgetBasis.base],
    [t('sum.run'), want.trainingRunCost[0]!.base],
    [t('sum.breakEven'), want.candidate.tco!.levels!.base.breakEvenMonth!],
    [t('sum.budget'), 500_000],
  ]);
  const items = original.report.analyses
    .find((a) => a.id === 'summary')!
    .blocks.filter((b): b is KeyValueBlock => b.kind === 'keyValue')
    .flatMap((b) => b.items);
  let checked = 0;
  ws.eachRow((row) => {
    const item = items.find((it) => headerLabel(it.label, it.unit) === row.getCell(1).value);
    const value = item && expected.get(item.label);
    if (value === undefined) return;
    expectClose(shown(row.getCell(2)), value, `${label}: summary ${item!.label}`);
    checked++;
  });
  return checked;
}

function checkTco(wb: ExcelJS.Workbook, results: Results, label: string): void {
  const t = table('tco');
  const ws = sheetOf(wb, 'tco');
  const col = (key: string) => t.columns.findIndex((c) => c.key === key) + 1;
  results.candidates.forEach((c, i) => {
    const base = c.tco!.levels!.base;
    expectClose(shown(ws.getCell(i + 2, col('capex'))), base.capex, `${label}: tco capex ${c.candidate.gpu.id}`);
    expectClose(shown(ws.getCell(i + 2, col('owned'))), base.ownedTotal, `${label}: tco owned ${c.candidate.gpu.id}`);
    expectClose(shown(ws.getCell(i + 2, col('ownedLow'))), c.tco!.levels!.low.ownedTotal, `${label}: tco ownedLow ${c.candidate.gpu.id}`);
  });
}

describe('live Summary and Recommendation (LibreOffice recalculates on load)', () => {
  it("recalculated as generated, every sheet gives the calculation's numbers back", () => {
    checkTco(recalculated, original.results, 'as generated');
    expect(checkRecommendation(recalculated, original.results, 'as generated').budget).toContain(true);
    expect(checkSummary(recalculated, original.results, 'as generated')).toBe(7);
  });

  it('after editing electricity and the H100 prices, TCO, Recommendation and Summary equal the calculation with those inputs', () => {
    checkTco(edited, changed.results, 'edited');
    const before = checkRecommendation(recalculated, original.results, 'as generated').budget;
    const after = checkRecommendation(edited, changed.results, 'edited').budget;
    // The edit flips the H100's within-budget flag (capex 360,640 → 659,640 against 500,000) and leaves the others.
    expect(after.filter((x, i) => x !== before[i]).length).toBe(1);
    expect(checkSummary(edited, changed.results, 'edited')).toBe(7);
    // The numbers moved: the headline's cost is not the original's.
    const o = original.results.options[0]!;
    expect(changed.results.options.find(same(o))!.total.base).toBeGreaterThan(o.total.base * 1.05);
  });
});

describe('live mixed options (the inference servers bought, the training run rented)', () => {
  const mixedRows = () => mixed.original.results.options.filter((o) => o.acquisition === 'mixed');

  it('the fixture has a mixed option per candidate, each row a live formula recalculated to the calculation', () => {
    expect(mixedRows().length).toBe(2);
    const { formulas } = checkRecommendation(mixed.recalculated, mixed.original.results, 'mixed as generated', mixed.original);
    expect(formulas).toBe(mixed.original.results.options.length);
  });

  it('after the same edit, the mixed rows follow the inputs (the H100 servers over the budget)', () => {
    const before = checkRecommendation(mixed.recalculated, mixed.original.results, 'mixed as generated', mixed.original).budget;
    const after = checkRecommendation(mixed.edited, mixed.changed.results, 'mixed edited', mixed.original).budget;
    // Only the H100 mixed option's within-budget flag flips: its capex is the inference server's (8 × 60,000 × 1.4 and more).
    const flipped = mixed.original.results.options.filter((_, i) => after[i] !== before[i]);
    expect(flipped.map((o) => `${o.candidate.candidate.gpu.id} ${o.acquisition}`)).toEqual(['h100-sxm5-80gb mixed']);
    const h100 = mixedRows().find((o) => o.candidate.candidate.gpu.id === 'h100-sxm5-80gb')!;
    expect(mixed.changed.results.options.find(same(h100))!.total.base).toBeGreaterThan(h100.total.base * 1.2);
  });
});
