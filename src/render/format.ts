/** Formats report cells for people (HTML/PDF) in the report's locale. Never computes numbers. */
import type { CellValue, NumberFormat } from '../report/model.ts';
import type { Translate } from '../i18n/index.ts';
import { localUnit } from '../report/currency.ts';

export { localUnit };

export type Formatter = (value: CellValue, format: NumberFormat) => string;

export function createFormatter(locale: string, t: Translate): Formatter {
  const nf = (min: number, max: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  const formats = {
    integer: nf(0, 0),
    decimal1: nf(1, 1),
    decimal2: nf(2, 2),
    decimal3: nf(3, 3),
    currency: nf(0, 0),
    currency2: nf(2, 2),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    text: nf(0, 6),
  } as const;
  return (value, format) => {
    if (value === null || value === undefined) return t('report.none');
    const v = typeof value === 'object' ? value.value : value;
    if (typeof v === 'boolean') return v ? t('report.yes') : t('report.no');
    if (typeof v === 'string') return v;
    if (!Number.isFinite(v)) return t('report.none');
    return format === 'boolean' ? String(v) : formats[format].format(v);
  };
}

/** Header text with its unit: "Weights (GiB)", "资本支出（元）" (full-width brackets in Chinese). */
export const headerLabel = (label: string, unit?: string, locale = 'en'): string =>
  !unit ? label : locale === 'zh-CN' ? `${label}（${localUnit(unit, locale)}）` : `${label} (${unit})`;

/**
 * A calendar date for people, in the report's locale: "January 1, 2026", "2026年1月1日".
 * Takes an ISO date or timestamp and reads it in UTC, so the day never depends on the machine's
 * time zone (reports are reproducible under SOURCE_DATE_EPOCH).
 */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
