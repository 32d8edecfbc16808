/**
 * Print-oriented look shared by every chart: palette, fonts, sizes, number formatting.
 * Reports are often printed in black and white, so the palette steps through clearly different
 * lightness levels (not just hues) and lines also differ by dash pattern and marker.
 */
import { createTranslator } from '../../i18n/index.ts';

export type ChartLocale = 'en' | 'zh-CN';

/**
 * Latin sans first so digits and Latin text keep their familiar shapes; WenQuanYi next so CJK
 * glyphs come from it rather than from whatever the system falls back to (Noto CJK maps some
 * ideographs to radical code points in Chromium's PDF text layer). Single quotes because
 * echarts writes this into an SVG `style="..."` attribute.
 */
export const FONT_STACK = "'DejaVu Sans', 'Liberation Sans', Arial, 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif";

/** Dark, light, mid, very light, mid-dark, mid: neighbours differ in grey value as well as hue. */
export const PALETTE = ['#1f3a5f', '#8fb3d6', '#b5651d', '#d4d4d4', '#4d6b3c', '#7a7a7a', '#c9a227', '#5b3a6b'];

/**
 * Lines are thin, so they need more contrast against white than bar fills: same hue order as
 * PALETTE but with no very light entries (dash patterns carry the distinction in greyscale).
 */
export const LINE_PALETTE = ['#1f3a5f', '#5b8cc0', '#b5651d', '#6e6e6e', '#4d6b3c', '#8a5a9e', '#a8861c', '#333333'];

/** Dash patterns for line series, cycled together with the palette. */
export const LINE_DASHES: readonly ('solid' | 'dashed' | 'dotted' | number[])[] = [
  'solid',
  'dashed',
  'dotted',
  [8, 3, 2, 3],
  [12, 4],
  [2, 2],
];
export const LINE_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect'];

export const COLORS = {
  text: '#222222',
  axisText: '#444444',
  axisLine: '#666666',
  gridLine: '#e3e3e3',
  band: '#000000',
  background: '#ffffff',
} as const;

export const SIZES = { title: 13, axisName: 11, axisLabel: 10.5, legend: 11, dataLabel: 10 } as const;

/**
 * Rough rendered width of a label. echarts' SSR text measurement does not know the real font, and
 * DejaVu Sans runs wide, so layout that must not overlap (legend rows) uses this estimate:
 * ideographs are about one em, other characters about 0.62 em in DejaVu Sans.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.62;
  return em * fontSize;
}

export function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/**
 * Locale-aware number formatting with thousands separators. Fraction digits shrink as values
 * grow so axis ticks such as 0.30000000000000004 or 1234567.891 stay short.
 */
export function numberFormatter(locale: ChartLocale): (v: number) => string {
  // Built once per language: setting up an Intl.NumberFormat costs more than a chart's formatting.
  let fmt = formatters.get(locale);
  if (!fmt) formatters.set(locale, (fmt = newNumberFormatter(locale)));
  return fmt;
}

const formatters = new Map<ChartLocale, (v: number) => string>();

function newNumberFormatter(locale: ChartLocale): (v: number) => string {
  const small = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const mid = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const large = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (v: number) => {
    if (!Number.isFinite(v)) return '';
    const a = Math.abs(v);
    // Normalise -0 so an axis never shows "-0".
    const x = v === 0 ? 0 : v;
    return (a >= 1000 ? large : a >= 10 ? mid : small).format(x);
  };
}

/** Words the chart itself adds (tornado legends, base line), from the message catalogue, and a label joined to its value. */
export function chartWords(locale: ChartLocale): {
  low: string;
  high: string;
  base: string;
  labelled: (label: string, value: string) => string;
} {
  const t = createTranslator(locale);
  return {
    low: t('chart.low'),
    high: t('chart.high'),
    base: t('chart.base'),
    labelled: (label, value) => t('sep.labelValue', { label, value }),
  };
}
