import { isMessageKey, type Translate, type Locale } from '../i18n/index.ts';
import type { ResolvedScenario, ResolvedWorkload } from '../scenario/resolve.ts';
import type { Results } from '../plan/results.ts';
import type { Analysis } from '../report/model.ts';

/** What every analysis builder receives: the scenario, the computed results, the language. */
export interface AnalysisContext {
  readonly scenario: ResolvedScenario;
  readonly results: Results;
  readonly t: Translate;
  readonly locale: Locale;
}

export type AnalysisBuilder = (ctx: AnalysisContext) => Analysis;

/**
 * A platform's name in the report's language (the catalogue's `platform.<id>`), else its own
 * name (a platform the catalogue does not know).
 */
export function platformName(t: Translate, platform: { readonly id: string; readonly name: string }): string {
  const key = `platform.${platform.id}`;
  return isMessageKey(key) ? t(key) : platform.name;
}

/**
 * Lists and clauses joined as the report's language writes them: "a, b" and "a; b" in English,
 * "a、b" and "a；b" in Chinese (no half-width punctuation beside Chinese text: CONTRIBUTING.md).
 */
export const joinList = (t: Translate, items: readonly string[]): string => items.join(t('sep.list'));
export const joinClauses = (t: Translate, items: readonly string[]): string => items.join(t('sep.clause'));

/** "chat (Llama 3.1 70B)" style label used across tables. */
export const workloadLabel = (w: ResolvedWorkload): string => `${w.name} (${w.model.name})`;

/** Rounds for display-stable JSON: significant figures, not decimals, so GiB and USD both read well. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** Money in running text ("48,300 USD"), in the report's locale; tables format their own cells. */ import {
  ZH_WAN_FROM,
  localUnit,
} from '../report/currency.ts';

export function formatMoney(value: number, currency: string, locale: Locale): string {
  if (locale === 'zh-CN') {
    // Chinese counts large amounts in 万 and names the currency: 13.71 万元, 170 元, 2.5 万美元.
    const wan = Math.abs(value) >= ZH_WAN_FROM;
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: wan || Math.abs(value) < 10 ? 2 : 0 }).format(
      wan ? value / 10_000 : value,
    );
    return `${n} ${wan ? '万' : ''}${localUnit(currency, locale)}`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 }).format(value)} ${currency}`;
}

/** A plain number in running text, at most `digits` decimals. */
export const formatNumber = (value: number, locale: Locale, digits = 2): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
