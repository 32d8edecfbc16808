/**
 * The message catalogue: every user-facing string lives in en.ts (the reference) and
 * zh-CN.ts (which must have every key: the type says so). `{name}` placeholders are filled by `t`.
 */
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function createTranslator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
