/**
 * One sheet, blocks top to bottom: tables (header, values or live formulas, named cells,
 * pass/fail conditional formatting, links), key/value lists, notes, charts to the right.
 * The first table's header is frozen and filterable; column widths fit what the cells show.
 */
import type ExcelJS from 'exceljs';
import type {
  Block,
  ChartBlock,
  CellTone,
  CellValue,
  Column,
  KeyValueBlock,
  NumberFormat,
  RowCells,
  TableBlock,
} from '../../report/model.ts';
import type { Locale } from '../../i18n/index.ts';
import type { PlacedTable } from './charts-data.ts';
import { headerLabel } from '../format.ts';
import { isSafeLink } from '../links.ts';
import {
  EXCEL_FORMATS,
  absoluteRef,
  columnLetter,
  displayText,
  displayWidth,
  formulaValue,
  isLink,
  isValidName,
  toExcelValue,
} from './cells.ts';

const NAVY = 'FF1F3A5F';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: NAVY } } as const;
const LINK_FONT = { color: { argb: 'FF1155CC' }, underline: true } as const;
/** Excel's own "Good" / "Bad" cell styles, as conditional formats (a fill that follows the value). */
const PASS = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } } as const;
const FAIL = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } as const;
/** A status given as text (rowCells.tones): Excel's "Good", "Neutral" and "Bad" styles, fixed. */
const tone = (fill: string, font: string) =>
  ({ fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }, font: { color: { argb: font } } }) as const;
const TONES = {
  ok: tone('FFC6EFCE', 'FF006100'),
  warning: tone('FFFFEB9C', 'FF9C5700'),
  bad: tone('FFFFC7CE', 'FF9C0006'),
} as const satisfies Record<CellTone, unknown>;
/** Widest column, in character cells; longer text shows in full in the cell's tooltip-free overflow. */
const MAX_WIDTH = 60;
/** Column widths (in characters) across an A4 page at 100% with 0.5-inch margins, portrait and landscape. */
const PORTRAIT_CHARS = 100;
const LANDSCAPE_CHARS = 150;
/** The smallest print scale, percent: below it the text is too small to read (and LibreOffice 7.x headless aborts exporting some sheets). */
const MIN_SCALE = 50;
/** A header taller than the frozen pane should hold no more than this many rows above it. */
const MAX_FROZEN_ROWS = 12;

export interface SheetContext {
  readonly wb: ExcelJS.Workbook;
  readonly locale: Locale;
  /** Defined names already given, workbook-wide (a name must be unique). */
  readonly names: Set<string>;
}

export class SheetLayout {
  #row = 1;
  #widths: number[] = [];
  #frozen = false;
  #maxCol = 1;
  /** The first table's header row, repeated at the top of every printed page. */
  #titleRow: number | undefined;
  /** The sheet's charts and tables, for the native charts (charts-data.ts) placed after the layout. */
  readonly charts: ChartBlock[] = [];
  readonly tables: PlacedTable[] = [];

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly ctx: SheetContext,
  ) {}

  add(block: Block): void {
    switch (block.kind) {
      case 'table':
        return this.#table(block);
      case 'keyValue':
        return this.#keyValue(block);
      case 'note': {
        if (this.#row > 1) this.#row++;
        const cell = this.ws.getCell(this.#row++, 1);
        cell.value = block.text;
        cell.font = { italic: true, color: { argb: block.tone === 'warning' ? 'FFB5651D' : 'FF5A6470' } };
        return;
      }
      case 'chart':
        this.charts.push(block);
        return;
      default: {
        const never: never = block;
        throw new Error(`unknown block ${(never as Block).kind}`);
      }
    }
  }

  #table(t: TableBlock): void {
    if (this.#row > 1) this.#row++;
    if (t.title && this.#row > 1) {
      const c = this.ws.getCell(this.#row++, 1);
      c.value = t.title;
      c.font = { bold: true, color: { argb: NAVY } };
    }
    const headerRow = this.#row++;
    this.#titleRow ??= headerRow;
    t.columns.forEach((col, j) => {
      const cell = this.ws.getCell(headerRow, j + 1);
      cell.value = headerLabel(col.label, col.unit, this.ctx.locale);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'bottom', wrapText: true };
      this.#fit(j, String(cell.value), 1.1);
    });
    t.rows.forEach((r, i) => {
      const rowIndex = this.#row++;
      const extras = t.rowCells?.[i] ?? null;
      t.columns.forEach((col, j) => this.#cell(rowIndex, j + 1, r[col.key] ?? null, col, extras));
      // Text right after a right-aligned number ("1" then "2 × H100") is indented, so the two
      // never print as one run of text.
      t.columns.forEach((col, j) => {
        const before = t.columns[j - 1];
        if (col.format === 'text' && before && before.format !== 'text') this.ws.getCell(rowIndex, j + 1).alignment = { indent: 1 };
      });
    });
    const lastRow = this.#row - 1;
    this.tables.push({ block: t, headerRow });
    this.#statusColours(t.columns, headerRow, lastRow);
    this.#maxCol = Math.max(this.#maxCol, t.columns.length);
    if (!this.#frozen && headerRow <= MAX_FROZEN_ROWS) {
      this.ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
      this.ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: t.columns.length } };
      this.#frozen = true;
    }
  }

  #cell(row: number, col: number, v: CellValue, column: Column, extras: RowCells | null): void {
    const cell = this.ws.getCell(row, col);
    const formula = extras?.formulas?.[column.key];
    cell.value = formula !== undefined ? formulaValue(formula, v) : toExcelValue(v);
    const format: NumberFormat = extras?.formats?.[column.key] ?? column.format;
    if (format !== 'text' && format !== 'boolean') cell.numFmt = EXCEL_FORMATS[format];
    if (typeof v === 'string' && isLink(v)) cell.font = LINK_FONT;
    const link = extras?.links?.[column.key];
    if (link !== undefined && v !== null && isSafeLink(link)) {
      cell.value = { text: displayText(v, format), hyperlink: link };
      cell.font = LINK_FONT;
    }
    const status = extras?.tones?.[column.key];
    if (status !== undefined) {
      cell.fill = TONES[status].fill;
      cell.font = TONES[status].font;
    }
    const name = extras?.names?.[column.key];
    if (name !== undefined) this.#name(name, row, col);
    this.#fit(col - 1, displayText(v, format));
  }

  #name(name: string, row: number, col: number): void {
    if (!isValidName(name)) throw new Error(`not a valid workbook name: ${name}`);
    if (this.ctx.names.has(name.toLowerCase())) throw new Error(`workbook name given twice: ${name}`);
    this.ctx.names.add(name.toLowerCase());
    this.ctx.wb.definedNames.add(absoluteRef(this.ws.name, row, col), name);
  }

  /** Pass/fail columns: green where the cell is TRUE, red where FALSE, following later edits. */
  #statusColours(columns: readonly Column[], headerRow: number, lastRow: number): void {
    if (lastRow <= headerRow) return;
    columns.forEach((c, j) => {
      if (!c.status) return;
      const letter = columnLetter(j + 1);
      this.ws.addConditionalFormatting({
        ref: `${letter}${headerRow + 1}:${letter}${lastRow}`,
        rules: [
          { type: 'cellIs', operator: 'equal', formulae: ['TRUE'], style: PASS, priority: 1 },
          { type: 'cellIs', operator: 'equal', formulae: ['FALSE'], style: FAIL, priority: 2 },
        ],
      });
    });
  }

  #keyValue(b: KeyValueBlock): void {
    if (this.#row > 1) this.#row++;
    const top = this.#row;
    if (b.title) {
      const c = this.ws.getCell(this.#row++, 1);
      c.value = b.title;
      c.font = { bold: true, color: { argb: NAVY } };
    }
    b.items.forEach((item, i) => {
      const rowIndex = this.#row++;
      const label = this.ws.getCell(rowIndex, 1);
      label.value = headerLabel(item.label, item.unit, this.ctx.locale);
      label.font = { bold: true };
      const cell = this.ws.getCell(rowIndex, 2);
      const formula = b.itemCells?.[i]?.formulas?.value;
      cell.value = formula !== undefined ? formulaValue(formula, item.value) : toExcelValue(item.value);
      if (item.format !== 'text' && item.format !== 'boolean') cell.numFmt = EXCEL_FORMATS[item.format];
      if (typeof item.value === 'string' && isLink(item.value)) cell.font = LINK_FONT;
      this.#fit(0, headerLabel(item.label, item.unit, this.ctx.locale));
      this.#fit(1, displayText(item.value, item.format));
    });
    this.#maxCol = Math.max(this.#maxCol, 2);
    // A list at the top: keep its labels (and title) in view.
    if (top === 1 && !this.#frozen) this.ws.views = [{ state: 'frozen', ySplit: b.title ? 1 : 0, xSplit: 1 }];
  }

  #fit(col: number, text: string, factor = 1): void {
    const longest = Math.max(0, ...text.split('\n').map(displayWidth));
    this.#widths[col] = Math.max(this.#widths[col] ?? 8, Math.min(MAX_WIDTH, Math.ceil(longest * factor) + 2));
  }

  /** Columns the tables and lists take (charts go to their right). */
  get dataColumns(): number {
    return this.#maxCol;
  }

  finish(): void {
    this.#widths.forEach((w, i) => {
      this.ws.getColumn(i + 1).width = w;
    });
    // Printing: the data (not the charts beside it) on A4, scaled to one page wide, as long as it
    // needs, landscape when wider than a portrait page, header row repeated on every page. A scale
    // rather than fitToPage: LibreOffice (7.x headless) aborts exporting a sheet set to fit.
    const width = this.#widths.slice(0, this.#maxCol).reduce((a, w) => a + (w ?? 8), 0);
    const landscape = width > PORTRAIT_CHARS;
    const page = landscape ? LANDSCAPE_CHARS : PORTRAIT_CHARS;
    const lastRow = Math.max(1, this.#row - 1);
    this.ws.pageSetup = {
      ...this.ws.pageSetup,
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: false,
      scale: Math.max(MIN_SCALE, Math.min(100, Math.floor((page / Math.max(1, width)) * 100))),
      printArea: `A1:${columnLetter(this.#maxCol)}${lastRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(this.#titleRow !== undefined ? { printTitlesRow: `${this.#titleRow}:${this.#titleRow}` } : {}),
    };
  }
}
