/**
 * Text stays text: scenario names beginning with =, +, - or @ are written as strings, never
 * as formulas. Read back with exceljs (string cells, no formula but on the money sheets)
 * and through LibreOffice's CSV of every sheet (the literal text, not a computed value).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/model.ts';
import { EXIT, describeRun, makeTempDir, removeTempDirs, runCli } from '../../e2e/helpers.ts';
import { CSV_ALL_SHEETS, convertWithLibreOffice, readCsv } from './libreoffice.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'formula-like-text.yaml');
const NAMES = ['=1+2', '+3+4', '-5+6', '@SUM(7,8)', "=cmd|' /C calc'!A0"];

let dir = '';
let report: Report;
let wb: ExcelJS.Workbook;
let csvCells: string[] = [];

beforeAll(async () => {
  dir = makeTempDir('text-stays-text');
  const out = path.join(dir, 'out');
  const run = await runCli(['run', FIXTURE, '--out', out, '--format', 'xlsx,json'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(run.code, describeRun(run)).toBe(EXIT.success);
  report = JSON.parse(fs.readFileSync(path.join(out, 'formula-like-text.json'), 'utf8')) as Report;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'formula-like-text.xlsx'));
  const csv = path.join(dir, 'csv');
  await convertWithLibreOffice([path.join(out, 'formula-like-text.xlsx')], CSV_ALL_SHEETS, csv, dir);
  csvCells = fs
    .readdirSync(csv)
    .filter((f) => f.endsWith('.csv'))
    .flatMap((f) => readCsv(path.join(csv, f)).flat());
}, 180_000);
afterAll(removeTempDirs);

/** Every string cell of the workbook, with where it is. */
function stringCells(book: ExcelJS.Workbook): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  book.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') found.push({ where: `${ws.name}!${cell.address}`, text: cell.value });
      }),
    ),
  );
  return found;
}

describe('scenario text that looks like a formula', () => {
  it('is a string cell holding the literal text (exceljs)', () => {
    const strings = stringCells(wb);
    for (const name of NAMES) {
      const hits = strings.filter((s) => s.text.startsWith(name));
      expect(hits.length, `${name} appears as text`).toBeGreaterThan(0);
    }
    // The workbook's only formulas are the ones the analyses wrote (the money of the summary,
    // tco and recommendation sheets) and the native charts' data cells (a reference to a table's
    // cell, or the difference of two such cells for a band), none from scenario text.
    const live = new Set(
      ['summary', 'tco', 'recommendation', 'bill-of-materials'].map((id) => report.analyses.find((a) => a.id === id)!.title.slice(0, 31)),
    );
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && !/^[A-Z]+\d+(-[A-Z]+\d+)?$/.test(cell.formula)) {
            expect(live.has(ws.name), `formula at ${ws.name}!${cell.address}`).toBe(true);
            expect(cell.formula).not.toMatch(/SUM|HYPERLINK|cmd/);
          }
        }),
      ),
    );
  });

  it('LibreOffice shows the literal text, not a computed value', () => {
    for (const name of NAMES) {
      expect(
        csvCells.some((c) => c.startsWith(name)),
        `${name} in LibreOffice's CSV`,
      ).toBe(true);
    }
    // Had "=1+2 (…)" or "+3+4 (…)" been evaluated, a cell would read 3 or 7 (or an error).
    expect(csvCells.filter((c) => /^(#NAME\?|Err:\d+|#VALUE!)$/.test(c))).toEqual([]);
  });

  it('the workbook title keeps the scenario name as plain text', () => {
    expect(wb.title).toContain('=HYPERLINK("http://attacker.example","open")');
  });
});
