/**
 * The workbook printed: every sheet fits one page wide on A4 (LibreOffice printed 101 pages
 * before), its first header row repeats on each page, the print area is the data; a rank and
 * the configuration after it do not print as one run of text; the summary's cost per token is
 * three numbers (value, low, high), not one text.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import type { Report } from '../../../src/report/model.ts';
import { readWorkbook, reportFor } from './render.ts';

const DATE = new Date('2024-05-01T12:00:00Z');
let report: Report;
let wb: ExcelJS.Workbook;
let zh: ExcelJS.Workbook;
let zhReport: Report;

beforeAll(async () => {
  report = reportFor(path.join('scenarios', 'support-assistant.yaml'), 'en', DATE);
  zhReport = reportFor(path.join('scenarios', 'qlora-finetune-cny.yaml'), 'zh-CN', DATE);
  [wb, zh] = await Promise.all([renderXlsx(report).then(readWorkbook), renderXlsx(zhReport).then(readWorkbook)]);
}, 60_000);

const sheet = (w: ExcelJS.Workbook, r: Report, id: string) => w.worksheets[r.analyses.findIndex((a) => a.id === id)]!;

describe('workbook print setup', () => {
  it('scales every sheet to one page wide on A4, as long as needed, with the data as print area', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9 });
      expect(ws.pageSetup.scale, ws.name).toBeGreaterThanOrEqual(50);
      expect(ws.pageSetup.scale, ws.name).toBeLessThanOrEqual(100);
      expect(ws.pageSetup.printArea, ws.name).toMatch(/^A1:[A-Z]+\d+$/);
      // Printed width: the print area's columns at this scale fit the page (150 characters landscape, 100 portrait).
      const last = ws.pageSetup.printArea!.split(':')[1]!.replace(/\d+$/, '');
      const cols = last.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const width = Array.from({ length: cols }, (_, i) => ws.getColumn(i + 1).width ?? 8).reduce((a, w) => a + w, 0);
      const page = ws.pageSetup.orientation === 'landscape' ? 150 : 100;
      if (ws.pageSetup.scale! > 50) expect((width * ws.pageSetup.scale!) / 100, ws.name).toBeLessThanOrEqual(page + 1);
    }
  });

  it('repeats the first table header on every printed page, and prints wide sheets landscape', () => {
    const tco = sheet(wb, report, 'tco');
    expect(tco.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    const recommendation = sheet(wb, report, 'recommendation');
    expect(recommendation.pageSetup.orientation).toBe('landscape');
  });

  it('indents the text after a right-aligned number (rank, then configuration)', () => {
    const ws = sheet(wb, report, 'recommendation');
    const header = ws.getRow(ws.pageSetup.printTitlesRow ? Number(ws.pageSetup.printTitlesRow.split(':')[0]) : 1);
    const labels = (header.values as unknown[]).map(String);
    const rank = labels.findIndex((v) => /^Rank/.test(v));
    expect(rank).toBeGreaterThan(0);
    const next = ws.getCell(header.number + 1, rank + 1);
    expect(typeof next.value).toBe('string');
    expect(next.alignment?.indent).toBe(1);
  });
});

describe('figures as numbers', () => {
  it("stores the summary's cost per 1M tokens as value, low and high numeric cells", () => {
    const ws = sheet(wb, report, 'summary');
    const rows: [string, unknown][] = [];
    ws.eachRow((row) => rows.push([String(row.getCell(1).value), row.getCell(2).value]));
    const cpm = rows.filter(([label]) => label.startsWith('Cost per 1M output tokens'));
    expect(cpm.map(([label]) => label.replace(/ \(.*\)$/, ''))).toEqual([
      'Cost per 1M output tokens',
      'Cost per 1M output tokens, low',
      'Cost per 1M output tokens, high',
    ]);
    for (const [, value] of cpm) expect(typeof value).toBe('number');
    expect((cpm[1]![1] as number) <= (cpm[0]![1] as number) && (cpm[0]![1] as number) <= (cpm[2]![1] as number)).toBe(true);
  });

  it('names the currency 元 in Chinese headers, in full-width brackets', () => {
    const ws = sheet(zh, zhReport, 'tco');
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => /（元）$/.test(t))).toBe(true);
    expect(texts.filter((t) => /\(CNY\)/.test(t))).toEqual([]);
  });
});
