/**
 * Native workbook charts, read back without a spreadsheet: every chart block of a report becomes
 * a chart part whose series formulas name cells that hold the values the report charts (read
 * with exceljs), the TCO chart's values and bands are formulas over the TCO table's live cells,
 * and the parts are declared (content types, relationships, the sheet's drawing element).
 * LibreOffice draws and recalculates them in charts-parts.libreoffice.test.ts.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import type { ChartBlock } from '../../../src/report/model.ts';
import { readWorkbook, reportFor } from './render.ts';

const report = reportFor(path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml'));
const blocks = report.analyses.flatMap((a) => a.blocks.filter((b): b is ChartBlock => b.kind === 'chart'));
let files: Record<string, string> = {};
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const bytes = await renderXlsx(report);
  files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  wb = await readWorkbook(bytes);
});

/** "'Total cost of ownership'!$AA$3:$AA$6" → the values of those cells (formula results included). */
function cells(ref: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const ws = wb.getWorksheet(m[1]!.replace(/''/g, "'"))!;
  const out: unknown[] = [];
  for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++) {
    const v = ws.getCell(`${m[2]}${r}`).value;
    out.push(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
  }
  return out;
}

const charts = () => Object.keys(files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));

describe('native workbook charts', () => {
  it('writes one chart part per chart block, declared and drawn on its sheet, and no pictures', () => {
    expect(charts()).toHaveLength(blocks.length);
    for (const part of charts()) expect(files['[Content_Types].xml']).toContain(`PartName="/${part}"`);
    expect(Object.keys(files).some((n) => n.startsWith('xl/media/'))).toBe(false);
    const drawings = Object.keys(files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    for (const d of drawings) {
      const sheet = d.replace('drawings/drawing', 'worksheets/sheet');
      expect(files[sheet]).toMatch(/<drawing r:id="rIdCharts1"\/><\/worksheet>$|<drawing r:id="rIdCharts1"\/></);
      expect(files[sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels']).toContain(`Target="../drawings/${path.basename(d)}"`);
    }
  });

  it("series name, categories and values reference cells holding the report's chart data", () => {
    for (const part of charts()) {
      const xml = files[part]!;
      const title = /<a:t>([^<]*)<\/a:t>/.exec(xml)![1]!;
      const block = blocks.find((b) => b.title.replace(/&/g, '&amp;').replace(/</g, '&lt;') === title)!;
      expect(block, title).toBeDefined();
      const series = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/gs)].map((m) => m[1]!);
      const drawn = block.chartType === 'tornado' ? [block.series[0]!.low!, block.series[0]!.high!] : block.series.map((s) => s.values);
      expect(series).toHaveLength(drawn.length);
      series.forEach((ser, i) => {
        const [cat, val] = [/<c:cat><c:strRef><c:f>([^<]*)/.exec(ser)![1]!, /<c:val><c:numRef><c:f>([^<]*)/.exec(ser)![1]!];
        expect(cells(cat)).toEqual(block.categories);
        cells(val).forEach((v, k) => {
          const want = drawn[i]![k]!;
          // A point the chart cannot draw (no value) is an empty cell.
          if (Number.isFinite(want)) expect(v as number).toBeCloseTo(want, -1);
          else expect(v).toBeNull();
        });
      });
    }
  });

  it('links the TCO chart to the live TCO table: values and low/high bands follow its formulas', () => {
    const ws = wb.getWorksheet(report.analyses.find((a) => a.id === 'tco')!.title)!;
    const part = charts().find((n) => files[n]!.includes('Owned TCO over'))!;
    const val = /<c:val><c:numRef><c:f>[^!]*!\$([A-Z]+)\$(\d+)/.exec(files[part]!)!;
    const first = ws.getCell(`${val[1]}${val[2]}`).value as ExcelJS.CellFormulaValue;
    expect(first.formula).toMatch(/^[A-Z]+\d+$/);
    // The referenced cell is the TCO table's live owned-TCO formula.
    expect((ws.getCell(first.formula).value as ExcelJS.CellFormulaValue).formula).toContain('horizonMonths');
    expect(files[part]).toContain('<c:errValType val="cust"/>');
  });
});
