/**
 * The batch index as a workbook: one sheet, one row per scenario, a frozen filterable header
 * and links to each scenario's reports. Scenario text is only ever written as string values,
 * so a name like `=HYPERLINK(…)` stays text.
 */
import ExcelJS from 'exceljs';
import { pinZipEntries } from '../render/xlsx/zip.ts';
import type { BatchIndex } from './index-rows.ts';
import { FORMATS } from '../render/index.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } } as const;

export async function renderIndexXlsx(index: BatchIndex, locale: Locale): Promise<Uint8Array> {
  const t = createTranslator(locale);
  const wb = new ExcelJS.Workbook();
  const date = new Date(index.generatedAt);
  wb.creator = `${index.tool.name} ${index.tool.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet(t('batch.index.title').slice(0, 31));
  const columns = [
    { key: 'file', width: 40 }, { key: 'name', width: 36 }, { key: 'configuration', width: 28 },
    { key: 'tco', width: 16, numFmt: '#,##0' }, { key: 'currency', width: 10 },
    { key: 'costPerMillionTokens', width: 18, numFmt: '#,##0.00' }, { key: 'status', width: 10 }, { key: 'reason', width: 60 },
    ...FORMATS.map((f) => ({ key: f, width: 8 })),
  ] as const;
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.getRow(1);
  columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = (FORMATS as readonly string[]).includes(c.key) ? c.key : t(`batch.index.col.${c.key as 'file'}`);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
  });
  index.scenarios.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    const text = (col: number, value: string | null) => { row.getCell(col).value = value ?? null; };
    text(1, r.file);
    text(2, r.name);
    text(3, r.configuration);
    row.getCell(4).value = r.tcoBase;
    row.getCell(4).numFmt = '#,##0';
    text(5, r.currency);
    row.getCell(6).value = r.costPerMillionTokens;
    row.getCell(6).numFmt = '#,##0.00';
    text(7, t(`batch.index.status.${r.status}`));
    text(8, r.reason);
    FORMATS.forEach((f, k) => {
      const link = r.reports[f];
      if (link) row.getCell(9 + k).value = { text: f, hyperlink: encodeURIComponent(link) };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, index.scenarios.length + 1), column: columns.length } };
  // Same pinned re-zip as the reports' workbooks: byte-identical under SOURCE_DATE_EPOCH.
  return pinZipEntries(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)), new Date(index.generatedAt));
}
