/**
 * The batch index: a Report (`kind: 'index'`) rendered by the same registry as the scenario
 * reports. One row per scenario with the recommended configuration, its TCO, cost per 1M tokens
 * (null until a report has one), status with the reason and relative links to each report, in
 * every format asked for and both languages; the PDF printed by the same browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pdfText, quietBatch, readJson, removeTempDirs, scenarioYaml, tempDir, write } from './helpers.ts';
import type { Report, TableBlock } from '../../src/report/model.ts';

afterAll(removeTempDirs);

const FILES = ['index.xlsx', 'index.pdf', 'index.html', 'index.json'];
const HOSTILE = 'Beta <chat> & "co"';

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof quietBatch>>;
let report: Report;

beforeAll(async () => {
  dir = tempDir('index');
  out = path.join(dir, 'out');
  write(path.join(dir, 'in', 'a.yaml'), scenarioYaml({ name: 'Alpha chat', gpu: 'h100-sxm5-80gb' }));
  write(path.join(dir, 'in', 'b.yaml'), scenarioYaml({ name: HOSTILE, extra: 'economics: { currency: EUR, usdExchangeRate: 0.9 }' }));
  write(path.join(dir, 'in', 'c.yaml'), 'version: 1\nname: Broken\nworkloads: []\n');
  result = await quietBatch([path.join(dir, 'in')], { outDir: out, formats: ['xlsx', 'pdf', 'html', 'json'], concurrency: 2 });
  report = readJson(path.join(out, 'index.json')) as Report;
});

const rows = () => report.batch!.scenarios;
const table = () => report.analyses[0]!.blocks[0] as TableBlock;

describe('batch index', () => {
  it('is written in every format asked for', () => {
    for (const file of FILES) expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    expect(result.exitCode).toBe(2);
  });

  it('is a Report of kind index: one section, the rows as a table and as data', () => {
    expect(report).toMatchObject({
      schemaVersion: 3,
      kind: 'index',
      locale: 'en',
      generatedAt: '2026-01-01T00:00:00.000Z',
      scenario: { name: 'Batch index', file: '', sha256: '' },
    });
    expect(report.analyses.map((a) => a.id)).toEqual(['scenarios']);
    expect(table().rows.map((r) => r.file)).toEqual(rows().map((r) => r.file));
    expect(table().layout).toBe('list');
  });

  it('takes configuration, cost, cost per 1M tokens and currency from each report headline', () => {
    for (const output of ['a', 'b']) {
      const scenario = readJson(path.join(out, `${output}.json`)) as Report;
      const row = rows().find((r) => r.output === output)!;
      expect(scenario.headline).toBeDefined();
      expect(row).toMatchObject({
        name: scenario.scenario.name,
        status: 'ok',
        reason: null,
        configuration: scenario.headline!.configuration,
        tcoBase: scenario.headline!.tcoBase,
        costPerMillionTokens: scenario.headline!.costPerMillionTokens,
        currency: scenario.headline!.currency,
      });
      // An inference scenario has a cost per 1M output tokens.
      expect(row.costPerMillionTokens).toBeGreaterThan(0);
      expect(row.configuration).toMatch(/^\d+ × /);
      expect(row.tcoBase).toBeGreaterThan(0);
      expect(row.reports).toEqual({ xlsx: `${output}.xlsx`, pdf: `${output}.pdf`, html: `${output}.html`, json: `${output}.json` });
    }
    expect(rows().find((r) => r.output === 'b')!.currency).toBe('EUR');
  });

  it('lists the invalid scenario with its reason, how many more problems, and no links', () => {
    const row = rows().find((r) => r.output === 'c')!;
    expect(row).toMatchObject({ status: 'invalid', configuration: null, tcoBase: null, reports: {}, moreProblems: 1 });
    expect(row.reason).toMatch(/^\d+:\d+: candidates: /);
    expect(report.batch!.totals).toEqual({ total: 3, ok: 2, overBudget: 0, invalid: 1, failed: 0 });
    const cells = table().rows[2]!;
    expect(cells).toMatchObject({ status: 'invalid', xlsx: null, pdf: null, html: null, json: null });
    expect(cells.reason).toBe(`${row.reason} (+1 more)`);
  });

  it('links each report relatively in the workbook, with the status coloured', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'index.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Scenarios');
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(rows()[0]!.file);
    expect(row.getCell(4).value).toBe(rows()[0]!.tcoBase);
    const links = [9, 10, 11, 12].map((c) => row.getCell(c).value as ExcelJS.CellHyperlinkValue);
    expect(links.map((l) => l.hyperlink)).toEqual(['a.xlsx', 'a.pdf', 'a.html', 'a.json']);
    expect(links.map((l) => l.text)).toEqual(['xlsx', 'pdf', 'html', 'json']);
    expect((row.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    const invalid = ws.getRow(4);
    expect(invalid.getCell(7).value).toBe('invalid');
    expect((invalid.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect(String(invalid.getCell(8).value)).toMatch(/candidates: .+\(\+1 more\)$/);
    expect([9, 10, 11, 12].map((c) => invalid.getCell(c).value)).toEqual([null, null, null, null]);
  });

  it('prints the HTML from the report template: escaped text, relative links, no contents page', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<a href="b.pdf">pdf</a>');
    expect(html).toContain('Beta &lt;chat&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<chat>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<header class="cover compact">');
    expect(html).not.toContain('id="contents"');
    expect(html).toMatch(/<td class="[^"]*\bstatus-warning\b[^"]*">invalid<\/td>/);
  });

  it('lists every scenario in the PDF, on landscape pages, linking each report relatively', async () => {
    const file = path.join(out, 'index.pdf');
    const text = pdfText(file).replace(/\s+/g, '');
    for (const name of ['Alpha chat', HOSTILE, 'c.yaml', 'invalid', '(+1 more)']) expect(text).toContain(name.replace(/\s+/g, ''));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Batch index · GPU procurement report/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts/);
    const doc = await PDFDocument.load(fs.readFileSync(file));
    const uris = doc.getPages().flatMap((page) => {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      return (annots?.asArray() ?? []).map((ref) => {
        const uri = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'));
        return uri instanceof PDFString ? uri.decodeText() : String(uri);
      });
    });
    expect(uris).toEqual(['a', 'b'].flatMap((o) => ['xlsx', 'pdf', 'html', 'json'].map((f) => `${o}.${f}`)));
  });

  it('gives the same bytes for the same inputs and date', async () => {
    const again = path.join(dir, 'again');
    await quietBatch([path.join(dir, 'in')], { outDir: again, formats: ['xlsx', 'pdf', 'html', 'json'], concurrency: 2 });
    for (const file of FILES)
      expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(out, file))), file).toBe(true);
  });

  it('is written in Chinese with --lang zh-CN, every label from the catalogue', async () => {
    const zh = path.join(dir, 'zh');
    await quietBatch([path.join(dir, 'in')], { outDir: zh, formats: ['pdf', 'html', 'json'], lang: 'zh-CN' });
    const html = fs.readFileSync(path.join(zh, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    for (const label of ['批量索引', '场景文件', '推荐配置', '无效', '成功', '另有 1 个问题', '工作簿']) expect(html).toContain(label);
    for (const english of ['Batch index', 'Scenario file', 'Recommended', 'invalid', 'more)', 'Workbook'])
      expect(html).not.toContain(english);
    const text = pdfText(path.join(zh, 'index.pdf')).replace(/\s+/g, '');
    for (const label of ['批量索引', '场景文件', '另有1个问题']) expect(text).toContain(label);
  });

  it("names a shard's index after the shard and says so in its title", async () => {
    const shard = path.join(dir, 'shard');
    const { indexResult } = await quietBatch([path.join(dir, 'in')], {
      outDir: shard,
      formats: ['html', 'json'],
      shard: { index: 2, count: 2 },
    });
    expect(indexResult.written.map((f) => path.basename(f))).toEqual(['index-shard-2-of-2.html', 'index-shard-2-of-2.json']);
    const shardReport = readJson(path.join(shard, 'index-shard-2-of-2.json')) as Report;
    expect(shardReport.batch!.shard).toEqual({ index: 2, count: 2 });
    expect(shardReport.scenario.name).toBe('Batch index, shard 2 of 2');
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
