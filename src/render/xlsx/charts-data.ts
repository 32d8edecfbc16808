/**
 * Native workbook charts, part 1: the cells a chart reads. Each chart gets a small data table on
 * its sheet, to the right of the charts (title, a header row with the series names, one row per
 * category). A value that a table of the same sheet already shows (same category in a text
 * column of a row, same number in a column of that row, for every category of the series) is
 * written as a reference to that cell, so a change to an input that moves the table's live
 * formulas moves the chart too; other values are written as numbers. charts-xml.ts writes the
 * chart parts over these cells and charts-parts.ts adds them to the package.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, ChartBlock, TableBlock } from '../../report/model.ts';
import { chartWords, type ChartLocale } from '../charts/theme.ts';
import { CHART_SIZE } from '../charts/options.ts';
import { columnLetter } from './cells.ts';

/** A table as the sheet holds it: its header row (1-based); its columns start at column A. */
export interface PlacedTable {
  readonly block: TableBlock;
  readonly headerRow: number;
}

/** A range of one column (1-based rows and column), with the values it holds now. */
export interface CellRange {
  readonly col: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

interface NativeSeries {
  readonly name: string;
  /** A low/high band as error bars: the distances above and below each value (formulas over the low and high cells). */
  readonly errors?: {
    readonly plus: CellRange;
    readonly minus: CellRange;
    readonly plusValues: readonly (number | null)[];
    readonly minusValues: readonly (number | null)[];
  };
  /** The header cell holding the series name (1-based). */
  readonly nameCell: { readonly row: number; readonly col: number };
  readonly values: readonly (number | null)[];
  readonly range: CellRange;
}

export interface NativeChart {
  readonly block: ChartBlock;
  readonly sheet: string;
  /** Top-left corner of the chart (0-based column and row, as DrawingML counts). */
  readonly anchor: { readonly col: number; readonly row: number };
  readonly size: { readonly width: number; readonly height: number };
  readonly categories: readonly string[];
  readonly categoryRange: CellRange;
  readonly series: readonly NativeSeries[];
  /** How many of the values are references to a table's cells (the rest are numbers). */
  readonly linkedValues: number;
}

/** Rows each chart takes in the stack to the right of the data (CHART_SIZE at Excel's 20 px rows ≈ 13.5). */
const ROWS_PER_CHART = 16;
/** Columns the chart covers at the default width (680 px / 64 px), plus a gap: the data tables start after. */
const CHART_COLUMNS = 12;

const numberOf = (v: CellValue | undefined): number | null => {
  const plain = v !== null && typeof v === 'object' ? v.value : v;
  return typeof plain === 'number' && Number.isFinite(plain) ? plain : null;
};
const textOf = (v: CellValue | undefined): string | null => {
  const plain = v !== null && typeof v === 'object' ? v.value : v;
  return typeof plain === 'string' ? plain : null;
};
/** The same figure as a chart shows it: analyses round chart values to 6 significant digits. */
const same = (a: number, b: number) => Math.abs(a - b) <= 5.01e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The series a chart draws: a tornado's low and high outcomes, else the block's series. */
interface Plotted {
  name: string;
  values: readonly number[];
  low?: readonly number[] | undefined;
  high?: readonly number[] | undefined;
}
function plotted(block: ChartBlock, locale: ChartLocale): Plotted[] {
  if (block.chartType !== 'tornado') return block.series.map((s) => ({ name: s.name, values: s.values, low: s.low, high: s.high }));
  const words = chartWords(locale);
  const first = block.series[0];
  if (first?.low && first.high)
    return [
      { name: words.low, values: first.low },
      { name: words.high, values: first.high },
    ];
  return block.series.slice(0, 2).map((s) => ({ name: s.name, values: s.values }));
}

/**
 * The cell of a table showing `values` for `categories`: each category found in a text column of
 * a row, each value in one column of those rows. Null when no table shows all of them.
 */
function findCells(
  tables: readonly PlacedTable[],
  categories: readonly string[],
  values: readonly number[],
): { row: number; col: number }[] | null {
  for (const { block, headerRow } of tables) {
    const rowsOf = categories.map((c) => block.rows.findIndex((r) => block.columns.some((col) => textOf(r[col.key]) === c)));
    if (rowsOf.some((r) => r < 0)) continue;
    const col = block.columns.findIndex((col) =>
      values.every((v, i) => {
        const cell = numberOf(block.rows[rowsOf[i]!]![col.key]);
        return cell !== null && same(cell, v);
      }),
    );
    if (col >= 0) return rowsOf.map((r) => ({ row: headerRow + 1 + r, col: col + 1 }));
  }
  return null;
}

const tableValue = (tables: readonly PlacedTable[], at: { row: number; col: number }): CellValue | undefined => {
  for (const { block, headerRow } of tables) {
    const row = block.rows[at.row - headerRow - 1];
    if (row && at.row > headerRow) return row[block.columns[at.col - 1]?.key ?? ''];
  }
  return undefined;
};

/**
 * Writes each chart's data table on the sheet and returns the charts with their ranges. Charts
 * stack to the right of the widest table (`dataColumns` columns), each below the previous one;
 * their data tables sit side by side after the charts.
 */
export function placeCharts(
  ws: ExcelJS.Worksheet,
  charts: readonly ChartBlock[],
  tables: readonly PlacedTable[],
  dataColumns: number,
  locale: ChartLocale,
): NativeChart[] {
  let col = dataColumns + 1 + CHART_COLUMNS + 1;
  return charts.map((block, k) => {
    const series = plotted(block, locale);
    const first = col;
    ws.getCell(1, first).value = block.title;
    ws.getCell(1, first).font = { bold: true };
    ws.getCell(2, first).value = block.chartType === 'tornado' ? (block.yLabel ?? '') : (block.xLabel ?? '');
    block.categories.forEach((c, i) => (ws.getCell(3 + i, first).value = c));
    let linkedValues = 0;
    let at = first + 1;
    /** Writes one column of numbers (linked to a table's cells where one shows them); returns its range. */
    const column = (header: string, values: readonly number[]): CellRange => {
      const c = at++;
      ws.getCell(2, c).value = header;
      ws.getCell(2, c).font = { bold: true };
      const cells = findCells(tables, block.categories, values);
      values.forEach((v, i) => {
        const cell = ws.getCell(3 + i, c);
        const source = cells?.[i];
        const shown = source ? numberOf(tableValue(tables, source)) : v;
        cell.value = !Number.isFinite(v)
          ? null
          : source
            ? ({ formula: `${columnLetter(source.col)}${source.row}`, result: shown ?? v } as ExcelJS.CellFormulaValue)
            : v;
        cell.numFmt = Math.abs(v) >= 1000 ? '#,##0' : '#,##0.00';
      });
      if (cells) linkedValues += cells.length;
      return { col: c, firstRow: 3, lastRow: 2 + values.length };
    };
    const valuesOf = (r: CellRange) =>
      Array.from({ length: r.lastRow - r.firstRow + 1 }, (_, i) => {
        const v = ws.getCell(r.firstRow + i, r.col).value;
        const n = v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
        return typeof n === 'number' && Number.isFinite(n) ? n : null;
      });
    /** A column of differences `a − b` of two columns, as formulas. */
    const difference = (header: string, a: CellRange, b: CellRange): CellRange => {
      const c = at++;
      ws.getCell(2, c).value = header;
      const av = valuesOf(a);
      const bv = valuesOf(b);
      av.forEach((x, i) => {
        const row = 3 + i;
        const y = bv[i];
        ws.getCell(row, c).value =
          x === null || y === null || y === undefined
            ? null
            : ({ formula: `${columnLetter(a.col)}${row}-${columnLetter(b.col)}${row}`, result: x - y } as ExcelJS.CellFormulaValue);
        ws.getCell(row, c).numFmt = '#,##0.##';
      });
      return { col: c, firstRow: 3, lastRow: 2 + av.length };
    };
    const words = chartWords(locale);
    const native = series.map((s): NativeSeries => {
      const range = column(s.name, s.values);
      const nameCell = { row: 2, col: range.col };
      if (!s.low || !s.high) return { name: s.name, nameCell, values: valuesOf(range), range };
      const low = column(words.labelled(words.low, s.name), s.low);
      const high = column(words.labelled(words.high, s.name), s.high);
      const plus = difference('+', high, range);
      const minus = difference('−', range, low);
      return {
        name: s.name,
        nameCell,
        values: valuesOf(range),
        range,
        errors: { plus, minus, plusValues: valuesOf(plus), minusValues: valuesOf(minus) },
      };
    });
    ws.getColumn(first).width = Math.min(40, Math.max(12, ...block.categories.map((c) => c.length + 2)));
    col = at + 1;
    return {
      block,
      sheet: ws.name,
      anchor: { col: dataColumns + 1, row: k * ROWS_PER_CHART },
      size: CHART_SIZE,
      categories: block.categories,
      categoryRange: { col: first, firstRow: 3, lastRow: 2 + block.categories.length },
      series: native,
      linkedValues,
    };
  });
}
