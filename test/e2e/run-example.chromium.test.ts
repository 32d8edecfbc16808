/**
 * `run` on the commented example scenario, in English (all four formats) and in Chinese
 * (json + pdf). Every expectation about the workbook, PDF and HTML is derived from the JSON the
 * same run wrote, or from facts checked by hand (A4, the Chinese headings of the i18n table).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, KeyValueBlock, Report, TableBlock } from '../../src/report/model.ts';
import { reportZhCN } from '../../src/i18n/report-zh-CN.ts';
import {
  EXAMPLE_SCENARIO,
  EXIT,
  describeRun,
  listFiles,
  makeTempDir,
  pdfFonts,
  pdfInfo,
  pdfText,
  removeTempDirs,
  runCli,
  squash,
  type CliResult,
} from './helpers.ts';

const STEM = 'example-scenario';
const EPOCH = 1_700_000_000; // 2023-11-14T22:13:20Z
const scenarioName = (parseYaml(fs.readFileSync(EXAMPLE_SCENARIO, 'utf8')) as { name: string }).name;

let dir = '';
let outEn = '';
let outZh = '';
let en: CliResult;
let zh: CliResult;

beforeAll(async () => {
  dir = makeTempDir('example');
  const input = path.join(dir, 'in', `${STEM}.yaml`);
  fs.mkdirSync(path.dirname(input));
  fs.copyFileSync(EXAMPLE_SCENARIO, input);
  outEn = path.join(dir, 'out-en');
  outZh = path.join(dir, 'out-zh');
  const env = { SOURCE_DATE_EPOCH: String(EPOCH) };
  [en, zh] = await Promise.all([
    runCli(['run', input, '--out', outEn], { cwd: dir, env }),
    runCli(['run', input, '--out', outZh, '--lang', 'zh-CN', '--format', 'json,pdf'], { cwd: dir, env }),
  ]);
});
afterAll(removeTempDirs);

/** The analyses whose JSON title the PDF/HTML must show as a heading: all of them. */
const titled = (r: Report) => r.analyses;
const readReport = (out: string): Report => JSON.parse(fs.readFileSync(path.join(out, `${STEM}.json`), 'utf8')) as Report;
const tables = (r: Report, analysisId: string): TableBlock[] =>
  (r.analyses.find((a) => a.id === analysisId)?.blocks ?? []).filter((b): b is TableBlock => b.kind === 'table');

describe('run example-scenario.yaml (en, all formats)', () => {
  let report: Report;
  beforeAll(() => {
    expect(en.code, describeRun(en)).toBe(EXIT.success);
    report = readReport(outEn);
  });

  it('exits 0 and writes exactly the four reports, no temporary files', () => {
    expect(listFiles(outEn), 'one scenario: its four reports and no batch index').toEqual([
      `${STEM}.html`,
      `${STEM}.json`,
      `${STEM}.pdf`,
      `${STEM}.xlsx`,
    ]);
    for (const f of listFiles(outEn)) expect(fs.statSync(path.join(outEn, f)).size, f).toBeGreaterThan(0);
    expect(listFiles(path.join(dir, 'in')), 'nothing written next to the input').toEqual([`${STEM}.yaml`]);
  });

  it('JSON: schema version 1, the scenario, pinned time and the core analyses', () => {
    expect(report.schemaVersion).toBe(3);
    expect(report.locale).toBe('en');
    expect(report.scenario.name).toBe(scenarioName);
    expect(report.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.generatedAt).toBe(new Date(EPOCH * 1000).toISOString());
    const ids = report.analyses.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['summary', 'gpu-specs', 'memory', 'tco', 'assumptions']));
    expect(new Set(ids).size, 'analysis ids are unique').toBe(ids.length);
    for (const a of report.analyses) expect(a.title.trim(), a.id).not.toBe('');
    // The example compares three candidates: the GPU table has one row per candidate.
    expect(tables(report, 'gpu-specs')[0]?.rows.length).toBe(3);
  });

  describe('workbook', () => {
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(outEn, `${STEM}.xlsx`));
    });

    it('has one sheet per analysis, in order, named after the analysis title (≤ 31 chars)', () => {
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(report.analyses.map((a) => a.title.slice(0, 31)));
    });

    it('every table: headers are "label (unit)", every cell equals the JSON value', () => {
      report.analyses.forEach((analysis, i) => {
        const ws = wb.worksheets[i]!;
        const found: number[] = [];
        for (const table of analysis.blocks.filter((b): b is TableBlock => b.kind === 'table')) {
          const headers = table.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label));
          const headerRow = findRow(ws, headers, found.at(-1) ?? 0);
          expect(headerRow, `${analysis.id}/${table.id}: header row ${JSON.stringify(headers)}`).toBeGreaterThan(0);
          found.push(headerRow);
          table.rows.forEach((row, r) => {
            table.columns.forEach((col, c) => {
              expectCell(ws.getCell(headerRow + 1 + r, c + 1), row[col.key] ?? null, `${analysis.id}/${table.id} row ${r} ${col.key}`);
            });
          });
          if (analysis.blocks[0] === table) expect(headerRow, `${analysis.id}: first block's header is row 1`).toBe(1);
        }
      });
    });

    it('a sheet that starts with a table has its header row frozen and filterable', () => {
      const withTable = report.analyses.map((a, i) => ({ a, ws: wb.worksheets[i]! })).filter(({ a }) => a.blocks[0]?.kind === 'table');
      expect(withTable.length).toBeGreaterThanOrEqual(4);
      for (const { a, ws } of withTable) {
        expect(ws.views[0], a.id).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.autoFilter, `${a.id}: autofilter`).toBeTruthy();
      }
    });

    it('numeric columns carry number formats (percent columns a % format)', () => {
      let checked = 0;
      report.analyses.forEach((analysis, i) => {
        const ws = wb.worksheets[i]!;
        for (const table of analysis.blocks.filter((b): b is TableBlock => b.kind === 'table')) {
          const headerRow = findRow(
            ws,
            table.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label)),
            0,
          );
          table.columns.forEach((col, c) => {
            if (col.format === 'text' || col.format === 'boolean') return;
            table.rows.forEach((row, r) => {
              if (typeof row[col.key] !== 'number') return;
              const fmt = ws.getCell(headerRow + 1 + r, c + 1).numFmt;
              expect(fmt, `${analysis.id}/${col.key}`).toMatch(col.format === 'percent' ? /%/ : /0/);
              checked++;
            });
          });
        }
      });
      expect(checked).toBeGreaterThan(20);
    });

    it('the summary sheet lists its key figures as "label (unit)" | value', () => {
      const index = report.analyses.findIndex((a) => a.id === 'summary');
      const kv = report.analyses[index]!.blocks[0] as KeyValueBlock;
      expect(kv.kind).toBe('keyValue');
      const ws = wb.worksheets[index]!;
      const first = kv.title ? 2 : 1;
      kv.items.forEach((item, k) => {
        expect(ws.getCell(first + k, 1).value).toBe(item.unit ? `${item.label} (${item.unit})` : item.label);
        expectCell(ws.getCell(first + k, 2), item.value, `summary ${item.label}`);
      });
    });
  });

  describe('PDF', () => {
    let text = '';
    let info: Record<string, string> = {};
    beforeAll(() => {
      const file = path.join(outEn, `${STEM}.pdf`);
      text = pdfText(file);
      info = pdfInfo(file);
    });

    it('is A4, has at least 5 pages and the scenario name in its title', () => {
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(5);
      const size = /^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '');
      expect(size, info['Page size']).not.toBeNull();
      // A4 is 210 × 297 mm = 595.28 × 841.89 pt.
      expect(Math.abs(Number(size![1]) - 595.28)).toBeLessThan(2);
      expect(Math.abs(Number(size![2]) - 841.89)).toBeLessThan(2);
      expect(info.Title).toContain(scenarioName);
    });

    it('shows every analysis title, the recommendation and the first GPU', () => {
      const flat = squash(text);
      for (const a of titled(report)) expect(flat, a.title).toContain(squash(a.title));
      const summary = report.analyses.find((a) => a.id === 'summary')!.blocks.find((b): b is KeyValueBlock => b.kind === 'keyValue')!;
      const texts = summary.items.filter((i) => typeof i.value === 'string' && i.value !== '').map((i) => i.value as string);
      expect(texts.length, 'the summary names a recommended configuration').toBeGreaterThan(0);
      for (const t of texts) expect(flat).toContain(squash(t));
      const firstGpu = tables(report, 'gpu-specs')[0]!.rows[0]!.gpu;
      expect(typeof firstGpu).toBe('string');
      expect(flat).toContain(squash(firstGpu as string));
    });

    it('numbers every page "k / N"', () => {
      const pages = Number(info.Pages);
      for (let k = 1; k <= pages; k++) expect(text, `page ${k}`).toMatch(new RegExp(`(^|\\D)${k}\\s*/\\s*${pages}(\\D|$)`));
    });

    it('embeds every font', () => {
      const fonts = pdfFonts(path.join(outEn, `${STEM}.pdf`));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
    });
  });

  it('HTML has no script and loads nothing from the network', () => {
    const html = fs.readFileSync(path.join(outEn, `${STEM}.html`), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    for (const a of titled(report)) expect(html).toContain(escapeHtml(a.title));
  });
});

describe('run --lang zh-CN --format json,pdf', () => {
  it('exits 0 and writes only the JSON and the PDF', () => {
    expect(zh.code, describeRun(zh)).toBe(EXIT.success);
    expect(listFiles(outZh)).toEqual([`${STEM}.json`, `${STEM}.pdf`]);
    expect(listFiles(outZh).every((f) => /\.(json|pdf)$/.test(f))).toBe(true);
  });

  it('JSON locale is zh-CN and the titles come from the Chinese table', () => {
    const report = readReport(outZh);
    expect(report.locale).toBe('zh-CN');
    const title = (id: string) => report.analyses.find((a) => a.id === id)?.title;
    expect(title('memory')).toBe(reportZhCN['memory.title']);
    expect(title('tco')).toBe(reportZhCN['tco.title']);
  });

  it('PDF text holds the Chinese headings', () => {
    const flat = squash(pdfText(path.join(outZh, `${STEM}.pdf`)));
    const headings = [reportZhCN['memory.title'], reportZhCN['tco.title'], reportZhCN['gpuSpecs.title'], reportZhCN['assumptions.title']];
    // Hand-checked: the memory and TCO headings are 显存需求 and 总拥有成本.
    expect(headings.slice(0, 2)).toEqual(['显存需求', '总拥有成本']);
    for (const h of headings) expect(flat, h).toContain(squash(h));
    for (const a of titled(readReport(outZh))) expect(flat, a.id).toContain(squash(a.title));
  });

  it('PDF embeds a CJK font (WenQuanYi) and every other font', () => {
    const fonts = pdfFonts(path.join(outZh, `${STEM}.pdf`));
    expect(
      fonts.filter((f) => /WenQuanYi/i.test(f.name) && f.emb === 'yes'),
      JSON.stringify(fonts),
    ).not.toEqual([]);
    expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
  });
});

/** The first row after `after` whose leading cells are exactly `headers`; 0 when there is none. */
function findRow(ws: ExcelJS.Worksheet, headers: readonly string[], after: number): number {
  for (let r = after + 1; r <= ws.rowCount; r++) {
    if (headers.every((h, c) => ws.getCell(r, c + 1).value === h)) return r;
  }
  return 0;
}

/**
 * A workbook cell against its JSON value. A formula cell (the workbook may compute a figure live)
 * is compared by its cached result; a JSON formula value must be a formula in the workbook.
 */
function expectCell(cell: ExcelJS.Cell, expected: CellValue, where: string): void {
  const actual = cell.value;
  const isFormula = cell.type === ExcelJS.ValueType.Formula;
  if (expected !== null && typeof expected === 'object') expect(isFormula, `${where}: a formula, got ${JSON.stringify(actual)}`).toBe(true);
  // A formula's cached result is read from cell.result: exceljs's cell.value leaves out false and 0.
  let got: unknown = isFormula ? (cell.result ?? null) : (actual ?? null);
  // A link (e.g. a source URL) is compared by its text, which must also be its target.
  if (got !== null && typeof got === 'object' && 'hyperlink' in got && 'text' in got) {
    const link = got as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink, where).toBe(link.text);
    got = link.text;
  }
  const want = expected !== null && typeof expected === 'object' ? expected.value : expected;
  if (typeof want === 'number') {
    expect(typeof got, `${where}: ${JSON.stringify(actual)}`).toBe('number');
    expect(Math.abs((got as number) - want), `${where}: ${String(got)} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  } else {
    expect(got, `${where}: ${JSON.stringify(actual)}`).toBe(want);
  }
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
    .replace(/`/g, '&#x60;')
    .replace(/=/g, '&#x3D;');
