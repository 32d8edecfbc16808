/**
 * Report → Excel workbook (exceljs): one sheet per analysis. The first table of a sheet
 * starts at row 1 with a frozen, filterable header; units live in the headers; number formats
 * come from the column formats; charts are embedded as PNG next to their data.
 */
import ExcelJS from 'exceljs';
import type { Report, Block, TableBlock, CellValue, KeyValueBlock } from '../../report/model.ts';
import { headerLabel } from '../format.ts';
import { renderChartPng } from '../charts/index.ts';
import { createTranslator, type Locale } from '../../i18n/index.ts';
import { EXCEL_FORMATS, sheetName, widthOf, toExcelValue } from './cells.ts';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } } as const;
const CHART_SIZE = { width: 640, height: 300 } as const;

export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date = new Date(report.generatedAt);
  wb.creator = `${report.tool.name} ${report.tool.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.title = `${report.scenario.name} · ${report.title}`;
  wb.subject = createTranslator(report.locale as Locale)('report.subject');
  wb.created = date;
  wb.modified = date;
  const used = new Set<string>();
  for (const analysis of report.analyses) {
    const ws = wb.addWorksheet(sheetName(analysis.title, used));
    const layout = new SheetLayout(ws);
    analysis.blocks.forEach((block, i) => layout.add(block, wb, report.locale as Locale, i === 0));
    layout.finish();
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Writes blocks top to bottom and remembers column widths and where charts go. */
class SheetLayout {
  #row = 1;
  #widths: number[] = [];
  #firstTable = true;
  #charts: { row: number }[] = [];
  #maxCol = 1;

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  add(block: Block, wb: ExcelJS.Workbook, locale: Locale, _first: boolean): void {
    switch (block.kind) {
      case 'table': return this.#table(block);
      case 'keyValue': return this.#keyValue(block);
      case 'note': {
        if (this.#row > 1) this.#row++;
        const cell = this.ws.getCell(this.#row++, 1);
        cell.value = block.text;
        cell.font = { italic: true, color: { argb: block.tone === 'warning' ? 'FFB5651D' : 'FF5A6470' } };
        return;
      }
      case 'chart': {
        const png = renderChartPng(block, { ...CHART_SIZE, locale, scale: 1 });
        const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
        this.#charts.push({ row: this.#row });
        this.ws.addImage(image, { tl: { col: this.#maxCol + 1, row: Math.max(0, this.#chartTop()) }, ext: CHART_SIZE });
        return;
      }
    }
  }

  /** Charts stack to the right of the data, each below the previous one. */
  #chartTop(): number {
    return (this.#charts.length - 1) * 16;
  }

  #table(t: TableBlock): void {
    if (!this.#firstTable || this.#row > 1) {
      if (this.#row > 1) this.#row++;
      if (t.title) {
        const c = this.ws.getCell(this.#row++, 1);
        c.value = t.title;
        c.font = { bold: true, color: { argb: 'FF1F3A5F' } };
      }
    }
    const headerRow = this.#row++;
    t.columns.forEach((col, j) => {
      const cell = this.ws.getCell(headerRow, j + 1);
      cell.value = headerLabel(col.label, col.unit);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'bottom', wrapText: true };
      this.#fit(j, String(cell.value), 1.1);
    });
    for (const r of t.rows) {
      const rowIndex = this.#row++;
      t.columns.forEach((col, j) => {
        const cell = this.ws.getCell(rowIndex, j + 1);
        const v: CellValue = r[col.key] ?? null;
        cell.value = toExcelValue(v);
        if (col.format !== 'text' && col.format !== 'boolean') cell.numFmt = EXCEL_FORMATS[col.format];
        this.#fit(j, widthOf(v, col.format));
      });
    }
    this.#maxCol = Math.max(this.#maxCol, t.columns.length);
    if (this.#firstTable && headerRow === 1) {
      this.ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
      this.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.#row - 1, column: t.columns.length } };
    }
    this.#firstTable = false;
  }

  #keyValue(b: KeyValueBlock): void {
    const headerRow = this.#row;
    if (b.title) this.ws.getCell(this.#row++, 1).value = b.title;
    for (const item of b.items) {
      const rowIndex = this.#row++;
      this.ws.getCell(rowIndex, 1).value = headerLabel(item.label, item.unit);
      this.ws.getCell(rowIndex, 1).font = { bold: true };
      const cell = this.ws.getCell(rowIndex, 2);
      cell.value = toExcelValue(item.value);
      if (item.format !== 'text' && item.format !== 'boolean') cell.numFmt = EXCEL_FORMATS[item.format];
      this.#fit(0, headerLabel(item.label, item.unit));
      this.#fit(1, widthOf(item.value, item.format));
    }
    this.#maxCol = Math.max(this.#maxCol, 2);
    if (headerRow === 1) this.ws.views = [{ state: 'frozen', ySplit: b.title ? 1 : 0, xSplit: 1 }];
  }

  #fit(col: number, text: string, factor = 1): void {
    const longest = Math.max(...text.split('\n').map((s) => s.length));
    this.#widths[col] = Math.max(this.#widths[col] ?? 8, Math.min(60, Math.ceil(longest * factor) + 2));
  }

  finish(): void {
    this.#widths.forEach((w, i) => { this.ws.getColumn(i + 1).width = w; });
  }
}
