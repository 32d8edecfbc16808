/**
 * Workbook polish, read back with exceljs: Summary first; every table-led sheet frozen and
 * filterable at its header; currency code in money headers; number formats per cell;
 * pass/fail columns coloured by conditional formatting (not static fills); links to sources;
 * widths that fit (CJK counted double); properties from the report.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import { columnLetter, displayWidth } from '../../../src/render/xlsx/cells.ts';
import type { Report, TableBlock } from '../../../src/report/model.ts';
import { readWorkbook, reportFor } from './render.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml');
const DATE = new Date('2024-05-01T12:00:00Z');

let en: Report;
let zh: Report;
let wbEn: ExcelJS.Workbook;
let wbZh: ExcelJS.Workbook;

beforeAll(async () => {
  en = reportFor(FIXTURE, 'en', DATE);
  zh = reportFor(FIXTURE, 'zh-CN', DATE);
  [wbEn, wbZh] = await Promise.all([renderXlsx(en).then(readWorkbook), renderXlsx(zh).then(readWorkbook)]);
}, 60_000);

const sheetOf = (wb: ExcelJS.Workbook, r: Report, id: string) => wb.worksheets[r.analyses.findIndex((a) => a.id === id)]!;
const tables = (r: Report, id: string) => r.analyses.find((a) => a.id === id)!.blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('workbook polish', () => {
  it('puts Summary first and one sheet per analysis in report order', () => {
    expect(en.analyses[0]!.id).toBe('summary');
    expect(wbEn.worksheets.map((ws) => ws.name)).toEqual(en.analyses.map((a) => a.title.slice(0, 31)));
  });

  it('freezes and filters the header of every sheet that leads with a table', () => {
    const led = en.analyses.filter((a) => a.blocks[0]?.kind === 'table');
    expect(led.map((a) => a.id)).toEqual(expect.arrayContaining(['tco', 'inputs', 'assumptions']));
    for (const a of led) {
      const ws = sheetOf(wbEn, en, a.id);
      expect(ws.views[0], a.id).toMatchObject({ state: 'frozen', ySplit: 1 });
      const table = a.blocks[0] as TableBlock;
      // Read back as its range: header row to the last data row, first to last column.
      expect(ws.autoFilter, a.id).toBe(`A1:${columnLetter(table.columns.length)}${table.rows.length + 1}`);
    }
  });

  it('names the scenario currency in money headers and formats money with thousands separators', () => {
    const ws = sheetOf(wbEn, en, 'tco');
    expect(ws.getCell(1, 3).value).toBe('Capex (EUR)');
    expect(ws.getCell(2, 3).numFmt).toBe('#,##0');
    const inputs = sheetOf(wbEn, en, 'inputs');
    const rows = tables(en, 'inputs')[0]!.rows;
    const at = (name: string) => inputs.getCell(rows.findIndex((r) => r.name === name) + 2, 2);
    expect(at('utilization').numFmt).toBe('0.0%');
    expect(at('hostingPerKwMonth').numFmt).toBe('#,##0.00');
    expect(at('horizonMonths').numFmt).toBe('#,##0');
    expect(at('utilization').value).toBe(0.6);
  });

  it('colours pass/fail columns with conditional formatting, green for TRUE and red for FALSE', () => {
    const memory = en.analyses.find((a) => a.id === 'memory')!;
    const statusColumns = memory.blocks
      .filter((b): b is TableBlock => b.kind === 'table')
      .flatMap((t) => t.columns.filter((c) => c.status));
    expect(statusColumns.length).toBeGreaterThan(0);
    // exceljs reads conditional formats back into this (untyped) property.
    const rules = (sheetOf(wbEn, en, 'memory') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(rules.length).toBe(statusColumns.length);
    for (const cf of rules) {
      const [pass, fail] = cf.rules as ExcelJS.CellIsRuleType[];
      expect(pass).toMatchObject({ type: 'cellIs', operator: 'equal', formulae: ['TRUE'] });
      expect(fail).toMatchObject({ type: 'cellIs', operator: 'equal', formulae: ['FALSE'] });
      expect(JSON.stringify(pass!.style)).toContain('C6EFCE');
      expect(JSON.stringify(fail!.style)).toContain('FFC7CE');
    }
  });

  it('links every source URL of the Assumptions sheet', () => {
    const table = tables(en, 'assumptions')[0]!;
    const urlCol = table.columns.findIndex((c) => c.key === 'url') + 1;
    const ws = sheetOf(wbEn, en, 'assumptions');
    let links = 0;
    table.rows.forEach((row, i) => {
      const url = row.url as string;
      if (!/^https?:\/\//.test(url)) return;
      expect(ws.getCell(i + 2, urlCol).value, url).toEqual({ text: url, hyperlink: url });
      links++;
    });
    expect(links).toBeGreaterThan(3);
  });

  it('fits column widths to what the cells show, counting CJK characters double', () => {
    const check = (wb: ExcelJS.Workbook, r: Report) => {
      const table = tables(r, 'inputs')[0]!;
      const ws = sheetOf(wb, r, 'inputs');
      const widest = Math.max(...table.rows.map((row) => displayWidth(String(row.label))), displayWidth(table.columns[0]!.label));
      const width = ws.getColumn(1).width!;
      expect(width).toBeGreaterThanOrEqual(Math.min(60, widest));
      expect(width).toBeLessThanOrEqual(Math.min(60, widest * 1.1 + 3));
      return width;
    };
    check(wbEn, en);
    const zhWidth = check(wbZh, zh);
    const zhLongest = Math.max(...tables(zh, 'inputs')[0]!.rows.map((row) => String(row.label).length));
    expect(zhWidth, 'Chinese labels take two cells per character').toBeGreaterThanOrEqual(Math.min(60, 2 * zhLongest - 12));
  });

  it('carries title, creator, subject and the report date as created/modified', () => {
    expect(wbEn.title).toBe(`${en.scenario.name} · ${en.title}`);
    expect(wbEn.creator).toBe('gpu-report 0.0.0-test');
    expect(wbEn.subject).toBeTruthy();
    expect(wbEn.created.toISOString()).toBe(DATE.toISOString());
    expect(wbEn.modified.toISOString()).toBe(DATE.toISOString());
    expect(wbZh.title).toBe(`${zh.scenario.name} · ${zh.title}`);
  });
});
