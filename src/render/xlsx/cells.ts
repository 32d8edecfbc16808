/** Cell-level helpers for the workbook: number formats, safe values, sheet names, widths. */
import type ExcelJS from 'exceljs';
import type { CellValue, NumberFormat } from '../../report/model.ts';

/** Excel number formats per report format (units are in the headers, not in the cells). */
export const EXCEL_FORMATS = {
  text: '@', integer: '#,##0', decimal1: '#,##0.0', decimal2: '#,##0.00', decimal3: '#,##0.000',
  percent: '0.0%', currency: '#,##0', currency2: '#,##0.00', boolean: 'General',
} as const satisfies Record<NumberFormat, string>;

/**
 * A report value as an exceljs cell value. Strings are always written as strings (shared
 * strings), never parsed, so scenario text such as "=HYPERLINK(…)" stays text; only values the
 * analysis marks as formulas become formulas.
 */
export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return { formula: v.formula.replace(/^=/, ''), result: v.value } as ExcelJS.CellFormulaValue;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** Approximate display width of a value in characters (CJK counts double). */
export function widthOf(v: CellValue, format: NumberFormat): string {
  if (v === null) return '';
  const plain = typeof v === 'object' ? v.value : v;
  const text = typeof plain === 'number' ? plain.toLocaleString('en-US', { maximumFractionDigits: format === 'decimal1' ? 1 : 2 }) : String(plain);
  return text.replace(/[\u3000-\u9fff\uff00-\uffef]/g, 'xx');
}
