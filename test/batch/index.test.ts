/**
 * The batch index: one row per scenario with the recommended configuration, its TCO, cost per
 * 1M tokens (null until a report has one), status with the reason and relative links to each
 * report, in every format asked for; the PDF printed by the same browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { pdfText, quietBatch, readJson, removeTempDirs, scenarioYaml, tempDir, write } from './helpers.ts';
import type { BatchIndex } from '../../src/batch/index-rows.ts';
import type { Report } from '../../src/report/model.ts';

afterAll(removeTempDirs);

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof quietBatch>>;
let index: BatchIndex;

beforeAll(async () => {
  dir = tempDir('index');
  out = path.join(dir, 'out');
  write(path.join(dir, 'in', 'a.yaml'), scenarioYaml({ name: 'Alpha chat', gpu: 'h100-sxm5-80gb' }));
  write(path.join(dir, 'in', 'b.yaml'), scenarioYaml({ name: 'Beta chat', extra: 'economics: { currency: EUR, usdExchangeRate: 0.9 }' }));
  write(path.join(dir, 'in', 'c.yaml'), 'version: 1\nname: Broken\nworkloads: []\n');
  result = await quietBatch([path.join(dir, 'in')], { outDir: out, formats: ['xlsx', 'pdf', 'html', 'json'], concurrency: 2 });
  index = readJson(path.join(out, 'index.json')) as BatchIndex;
});

describe('batch index', () => {
  it('is written in every format asked for', () => {
    for (const ext of ['xlsx', 'pdf', 'html', 'json']) expect(fs.existsSync(path.join(out, `index.${ext}`)), ext).toBe(true);
    expect(result.exitCode).toBe(2);
  });

  it('takes configuration, cost, cost per 1M tokens and currency from each report headline', () => {
    for (const output of ['a', 'b']) {
      const report = readJson(path.join(out, `${output}.json`)) as Report;
      const row = index.scenarios.find((r) => r.output === output)!;
      expect(report.headline).toBeDefined();
      expect(row).toMatchObject({
        name: report.scenario.name, status: 'ok', reason: null,
        configuration: report.headline!.configuration, tcoBase: report.headline!.tcoBase,
        costPerMillionTokens: report.headline!.costPerMillionTokens, currency: report.headline!.currency,
      });
      // An inference scenario has a cost per 1M output tokens.
      expect(row.costPerMillionTokens).toBeGreaterThan(0);
      expect(row.configuration).toMatch(/^\d+ × /);
      expect(row.tcoBase).toBeGreaterThan(0);
      expect(row.reports).toEqual({ xlsx: `${output}.xlsx`, pdf: `${output}.pdf`, html: `${output}.html`, json: `${output}.json` });
    }
    expect(index.scenarios.find((r) => r.output === 'b')!.currency).toBe('EUR');
  });

  it('lists the invalid scenario with its reason and no links', () => {
    const row = index.scenarios.find((r) => r.output === 'c')!;
    expect(row).toMatchObject({ status: 'invalid', configuration: null, tcoBase: null, reports: {} });
    expect(row.reason).toMatch(/^\d+:\d+: candidates: .+\(\+1 more\)$/);
    expect(index.totals).toEqual({ total: 3, ok: 2, invalid: 1, failed: 0 });
  });

  it('links each report relatively in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'index.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(index.scenarios[0]!.file);
    expect(row.getCell(4).value).toBe(index.scenarios[0]!.tcoBase);
    const links = [9, 10, 11, 12].map((c) => (row.getCell(c).value as ExcelJS.CellHyperlinkValue).hyperlink);
    expect(links).toEqual(['a.xlsx', 'a.pdf', 'a.html', 'a.json']);
  });

  it('links each report relatively in the HTML and lists every scenario in the PDF', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<a href="b.pdf">pdf</a>');
    expect(html).not.toMatch(/<script/i);
    const text = pdfText(path.join(out, 'index.pdf')).replace(/\s+/g, '');
    for (const name of ['Alpha chat', 'Beta chat', 'c.yaml', 'invalid']) expect(text).toContain(name.replace(/\s+/g, ''));
  });

  it('respects --format: json only writes index.json only', async () => {
    const only = path.join(dir, 'json-only');
    await quietBatch([path.join(dir, 'in', 'a.yaml'), path.join(dir, 'in', 'b.yaml')], { outDir: only, formats: ['json'] });
    expect(fs.readdirSync(only).sort()).toEqual(['a.json', 'b.json', 'index.json']);
  });

  it('writes no index for a single scenario', async () => {
    const single = path.join(dir, 'single');
    await quietBatch([path.join(dir, 'in', 'a.yaml')], { outDir: single, formats: ['json'] });
    expect(fs.readdirSync(single).sort()).toEqual(['a.json']);
  });
});
