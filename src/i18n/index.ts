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
  const fill = (key: Parameters<Translate>[0], params: Parameters<Translate>[1]) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
  // Chinese sets no space between two Chinese characters: "{amount} 超出预算" filled with "98,000 美元"
  // reads "98,000 美元超出预算", not "98,000 美元 超出预算".
  return locale === 'zh-CN' ? (key, params) => fill(key, params).replace(BETWEEN_CJK_SPACE, '') : fill;
}

/** Half-width spaces between two Han characters or full-width punctuation marks. */
const BETWEEN_CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) +(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** Whether a key built at run time (`platform.${id}`) is in the catalogue. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

let messageLocale: Locale = 'en';

/** The language of command-line messages (diagnostics, progress, errors): set once by src/cli.ts. */
export function setMessageLocale(locale: Locale): void {
  messageLocale = locale;
}

/**
 * The command-line message language: `--lang` when given, else the environment's locale
 * (LC_ALL, LC_MESSAGES, LANG: zh… is Chinese), else English.
 */
export function messageLocaleFrom(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  if (flag !== undefined && (LOCALES as readonly string[]).includes(flag)) return flag as Locale;
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(system) ? 'zh-CN' : 'en';
}

/** Translates command-line messages in the language setMessageLocale chose (English until then). */
export const cliMessage: Translate = (key, params) => createTranslator(messageLocale)(key, params);
