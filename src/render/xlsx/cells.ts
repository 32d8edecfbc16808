/** Cell-level helpers for the workbook: number formats, safe values, names, sheet names, widths. */
import type ExcelJS from 'exceljs';
import type { CellValue, NumberFormat } from '../../report/model.ts';

/** Excel number formats per report format (units are in the headers, not in the cells). */
export const EXCEL_FORMATS = {
  text: '@',
  integer: '#,##0',
  decimal1: '#,##0.0',
  decimal2: '#,##0.00',
  decimal3: '#,##0.000',
  percent: '0.0%',
  currency: '#,##0',
  currency2: '#,##0.00',
  boolean: 'General',
} as const satisfies Record<NumberFormat, string>;

/**
 * A report value as an exceljs cell value. Strings are always written as strings (shared
 * strings), never parsed, so scenario text such as "=HYPERLINK(…)" stays text; only values the
 * analysis marks as formulas become formulas. A whole-cell http(s) URL becomes a hyperlink
 * whose shown text is the URL itself.
 */
export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return { formula: v.formula.replace(/^=/, ''), result: v.value } as ExcelJS.CellFormulaValue;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (typeof v === 'string' && isLink(v)) return { text: v, hyperlink: v };
  return v;
}

/** A formula the analysis attached to a cell, with the row's value as its cached result. */
export function formulaValue(formula: string, v: CellValue): ExcelJS.CellFormulaValue {
  const plain = v !== null && typeof v === 'object' ? v.value : v;
  // A formula whose value is blank (break-even never reached) caches the empty text it returns.
  const result = typeof plain === 'number' && Number.isFinite(plain) ? plain : typeof plain === 'boolean' ? plain : '';
  return { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
}

/** http(s) URLs only (no javascript:, file: or spaces), within Excel's 2,079-character link limit. */
export const isLink = (s: string): boolean => s.length <= 2000 && /^https?:\/\/[^\s"<>]+$/i.test(s);

/**
 * Excel's rules for a defined name: a letter or "_" first, then letters, digits, "_" or ".";
 * not a cell reference in A1 (`AB12`) or R1C1 style (`R`, `C`, `R2C3`).
 */
export function isValidName(name: string): boolean {
  return (
    name.length <= 255 &&
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]([0-9]*|[Rr]?[0-9]+[Cc][0-9]*)$/.test(name)
  );
}

/** A sheet-qualified absolute reference for a defined name: 'Sheet name'!$B$3 (quotes doubled). */
export const absoluteRef = (sheet: string, row: number, col: number): string =>
  `'${sheet.replace(/'/g, "''")}'!$${columnLetter(col)}$${row}`;

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetName(title: string, used: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** en-US number formats by fraction digits, built once (building one costs more than formatting). */
const FIXED = new Map<number, Intl.NumberFormat>();
const fixedFormat = (digits: number): Intl.NumberFormat => {
  let f = FIXED.get(digits);
  if (!f) FIXED.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
};

/** A value as the workbook shows it (number format applied), for measuring column widths. */
export function displayText(v: CellValue, format: NumberFormat): string {
  if (v === null) return '';
  const plain = typeof v === 'object' ? v.value : v;
  if (typeof plain !== 'number') return String(plain);
  const fixed = (digits: number, x = plain) => fixedFormat(digits).format(x);
  switch (format) {
    case 'percent':
      return `${fixed(1, plain * 100)}%`;
    case 'integer':
    case 'currency':
      return fixed(0);
    case 'decimal1':
      return fixed(1);
    case 'decimal2':
    case 'currency2':
      return fixed(2);
    case 'decimal3':
      return fixed(3);
    default:
      return String(plain);
  }
}

/** Display width in character cells: CJK and full-width forms count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ||
      ch.codePointAt(0)! > 0x1ffff
        ? 2
        : 1;
  return width;
}
