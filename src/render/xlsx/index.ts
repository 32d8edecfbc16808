/**
 * Report → Excel workbook (exceljs): one sheet per analysis, Summary first. Tables carry
 * their header frozen and filterable, units in the headers, number formats, fitted widths,
 * pass/fail colours and links; cells the analysis wired as live formulas are written as
 * formulas over named input cells (Inputs sheet) with the analysis's value cached; charts are
 * native Excel charts over cells of their sheet (charts-data.ts, charts-xml.ts, charts-parts.ts),
 * live where a table shows the same figures. The bytes are reproducible for a given report date.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../../report/model.ts';
import type { Locale } from '../../i18n/index.ts';
import { reportPdfMeta } from '../meta.ts';
import { sheetName } from './cells.ts';
import { SheetLayout } from './layout.ts';
import { pinZipEntries } from './zip.ts';
import { placeCharts, type NativeChart } from './charts-data.ts';
import { addChartParts } from './charts-parts.ts';

export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const locale = report.locale as Locale;
  const wb = new ExcelJS.Workbook();
  const date = new Date(report.generatedAt);
  wb.creator = `${report.tool.name} ${report.tool.version}`;
  wb.lastModifiedBy = wb.creator;
  const meta = reportPdfMeta(report);
  wb.title = meta.title;
  wb.subject = meta.subject;
  wb.description = report.scenario.description;
  wb.keywords = meta.keywords.join(', ');
  wb.created = date;
  wb.modified = date;
  const used = new Set<string>();
  const ctx = { wb, locale, names: new Set<string>() };
  const charts: NativeChart[][] = [];
  for (const analysis of report.analyses) {
    const ws = wb.addWorksheet(sheetName(analysis.title, used));
    const layout = new SheetLayout(ws, ctx);
    for (const block of analysis.blocks) layout.add(block);
    charts.push(placeCharts(ws, layout.charts, layout.tables, layout.dataColumns, locale));
    layout.finish();
  }
  // exceljs only stores: the re-zip with pinned entry times compresses once, after the chart parts are added.
  const stored = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  return pinZipEntries(stored, date, (files) => addChartParts(files, charts));
}
