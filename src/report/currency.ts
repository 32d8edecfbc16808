/**
 * Currencies as a Chinese reader names them ("元", "美元"); other locales keep the ISO 4217 code.
 * The JSON keeps the codes (`currency`, column units); the people-facing texts and headers use these.
 */
const ZH_CURRENCY: Readonly<Record<string, string>> = { CNY: '元', USD: '美元', EUR: '欧元', JPY: '日元', GBP: '英镑', HKD: '港元' };

/** A unit in the report's language: in Chinese, currency codes become their names. */
export const localUnit = (unit: string, locale = 'en'): string =>
  locale === 'zh-CN' ? unit.replace(/\b[A-Z]{3}\b/g, (code) => ZH_CURRENCY[code] ?? code) : unit;

/** From this amount up, Chinese text counts in 万 (ten thousands): 137,088 元 reads as 13.71 万元, 20,775 美元 as 2.08 万美元. */
export const ZH_WAN_FROM = 10_000;
