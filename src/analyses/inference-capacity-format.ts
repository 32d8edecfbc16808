/**
 * Numbers inside sentences (notes, table titles) of the performance analyses (inference-capacity,
 * training-plan, multi-gpu, selection-guide). Table cells stay numbers and are formatted by the
 * renderers; text has to be formatted here, in the report's locale. Pure (Intl only).
 */
import type { Locale } from '../i18n/index.ts';

export type NumberText = (value: number, fractionDigits?: number) => string;

/** Locale-aware number text with thousands separators and at most `fractionDigits` decimals (default 0). */
export function numberText(locale: Locale): NumberText {
  const cache = new Map<number, Intl.NumberFormat>();
  return (value, fractionDigits = 0) => {
    let f = cache.get(fractionDigits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
      cache.set(fractionDigits, f);
    }
    return f.format(value);
  };
}

/** Percent text of a 0-1 share (or ratio − 1), e.g. 0.089 → "8.9", 0.0003 → "0.03". */
export const percentText = (fmt: NumberText, share: number): string => fmt(share * 100, Math.abs(share) < 0.01 ? 2 : 1);

/** Significant figures for a speed-up factor: 1.45 → "1.45", 12.3 → "12". */
export const factorText = (fmt: NumberText, factor: number): string => fmt(factor, factor >= 10 ? 0 : 2);
