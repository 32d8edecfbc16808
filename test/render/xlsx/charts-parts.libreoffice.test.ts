/**
 * The workbook's native charts in a real spreadsheet: LibreOffice (a) prints every chart (the
 * PDF of the workbook shows each chart's title, legend and axis one more time than the same
 * workbook with the charts' drawing removed, where only the data cells show them), and (b) after
 * the electricity price is changed in the Inputs sheet, recalculates and redraws the TCO chart
 * with the new owned TCO of the TCO table (read from the chart's own cache in the workbook
 * LibreOffice saves). One soffice call per target format.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import type { ChartBlock, TableBlock } from '../../../src/report/model.ts';
import { makeTempDir, removeTempDirs } from '../../temp-dirs.ts';
import { convertWithLibreOffice } from './libreoffice.ts';
import { reportFor } from './render.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml');
const ELECTRICITY = 0.23;
const report = reportFor(FIXTURE);
const charts = report.analyses.flatMap((a) => a.blocks.filter((b): b is ChartBlock => b.kind === 'chart'));
let dir = '';
let withCharts = '';
let withoutCharts = '';
let saved: Record<string, Uint8Array> = {};

/** Sheet XML path of a sheet name, from workbook.xml's order (exceljs writes sheetN.xml in order). */
function sheetPath(files: Record<string, Uint8Array>, name: string): string {
  const names = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  return `xl/worksheets/sheet${names.indexOf(name) + 1}.xml`;
}

beforeAll(async () => {
  dir = makeTempDir('native-charts');
  const bytes = await renderXlsx(report);
  const files = unzipSync(bytes);
  fs.writeFileSync(path.join(dir, 'charts.xlsx'), bytes);
  // The same workbook, charts' drawing taken out of every sheet: only the data cells remain.
  const bare = { ...files };
  for (const name of Object.keys(bare))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) bare[name] = strToU8(strFromU8(bare[name]!).replace(/<drawing [^>]*\/>/, ''));
  fs.writeFileSync(path.join(dir, 'bare.xlsx'), zipSync(bare));
  // A buyer's edit: the electricity price in its named input cell (Inputs!B2), cached results dropped.
  const edited = { ...files };
  const inputs = sheetPath(files, 'Inputs');
  const range = /<definedName name="electricityPricePerKwh">Inputs!\$([A-Z]+)\$(\d+)<\/definedName>/.exec(
    strFromU8(files['xl/workbook.xml']!),
  );
  expect(range).not.toBeNull();
  const address = `${range![1]}${range![2]}`;
  const sheet = strFromU8(files[inputs]!);
  const cell = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>`);
  expect(sheet).toMatch(cell);
  edited[inputs] = strToU8(sheet.replace(cell, `$1<v>${ELECTRICITY}</v>`));
  for (const name of Object.keys(edited))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      edited[name] = strToU8(strFromU8(edited[name]!).replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1'));
  fs.mkdirSync(path.join(dir, 'edit'));
  fs.writeFileSync(path.join(dir, 'edit', 'edited.xlsx'), zipSync(edited));

  await convertWithLibreOffice([path.join(dir, 'charts.xlsx'), path.join(dir, 'bare.xlsx')], 'pdf', path.join(dir, 'pdf'), dir);
  withCharts = execFileSync('pdftotext', ['-q', path.join(dir, 'pdf', 'charts.pdf'), '-'], { encoding: 'utf8' });
  withoutCharts = execFileSync('pdftotext', ['-q', path.join(dir, 'pdf', 'bare.pdf'), '-'], { encoding: 'utf8' });
  await convertWithLibreOffice([path.join(dir, 'edit', 'edited.xlsx')], 'xlsx', path.join(dir, 'lo'), dir);
  saved = unzipSync(fs.readFileSync(path.join(dir, 'lo', 'edited.xlsx')));
}, 180_000);
afterAll(removeTempDirs);

const count = (text: string, word: string) => text.split(word).length - 1;

describe('native workbook charts in LibreOffice', () => {
  it('prints every chart: its title and series names show once more than the data cells alone', () => {
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const chart of charts) {
      // Titles may wrap in the chart: compare their first word run.
      const title = chart.title.slice(0, 18);
      expect(count(withCharts, title), chart.title).toBeGreaterThan(count(withoutCharts, title));
    }
  });

  it('redraws the TCO chart from the recalculated table after an input changes', () => {
    const tco = report.analyses.find((a) => a.id === 'tco')!;
    const chart = tco.blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.chartType === 'bar')!;
    const part = Object.keys(saved).find(
      (n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && strFromU8(saved[n]!).includes(chart.title.slice(0, 20)),
    );
    expect(part, 'the TCO chart survives LibreOffice').toBeDefined();
    const xml = strFromU8(saved[part!]!);
    const val = /<c:val>.*?<c:numCache>(.*?)<\/c:numCache>/s.exec(xml)![1]!;
    const cached = [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    // The TCO table's owned column, as LibreOffice recalculated it (same sheet, its cached values).
    const table = tco.blocks[0] as TableBlock;
    const ownedCol = table.columns.findIndex((c) => c.key === 'owned') + 1;
    const letter = String.fromCharCode(64 + ownedCol);
    const sheet = strFromU8(saved[sheetPath(saved, tco.title)]!);
    const recalculated = chart.categories.map((gpu) => {
      const row = table.rows.findIndex((r) => r.gpu === gpu) + 2;
      expect(row).toBeGreaterThan(1);
      const m = new RegExp(`<c r="${letter}${row}"[^>]*>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>`).exec(sheet);
      return Number(m?.[1]);
    });
    const before = chart.series[0]!.values;
    expect(cached).toHaveLength(before.length);
    cached.forEach((v, i) => {
      expect(v).toBeCloseTo(recalculated[i]!, 2);
      // Dearer electricity: every owned candidate costs more than the report said.
      expect(v).toBeGreaterThan(before[i]!);
    });
  });
});
