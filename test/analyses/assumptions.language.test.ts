/**
 * The Chinese report reads as Chinese: the Assumptions' generic units and source phrases come
 * from the catalogue (citations stay as written), "目录" is the table of contents only (the GPU
 * catalogue is 产品目录), and amounts are named 元 / 万元 in running text.
 */
import { describe, expect, it } from 'vitest';
import { analysis, build, table } from './helpers.ts';
import { formatMoney } from '../../src/analyses/context.ts';
import { zhCN as zh } from '../../src/i18n/zh-CN.ts';

describe('Chinese Assumptions', () => {
  const rows = table(analysis(build('chat-targets', 'zh-CN').report, 'assumptions'), 'assumptions').rows;

  it('has no English generic unit or source phrase', () => {
    const units = rows.map((r) => String(r.unit ?? ''));
    expect(units.filter((u) => /\b(fraction|bytes|tokens|rank)\b/.test(u))).toEqual([]);
    expect(units).toContain('比例');
    const sources = rows.map((r) => String(r.source ?? ''));
    expect(sources.filter((s) => /project assumption|^fitted on|^prior \(/.test(s))).toEqual([]);
    expect(sources.some((s) => s.includes('项目假设'))).toBe(true);
  });

  it('keeps the English report as it was', () => {
    const en = table(analysis(build('chat-targets').report, 'assumptions'), 'assumptions').rows;
    expect(en.map((r) => String(r.unit ?? ''))).toContain('fraction');
    expect(en.some((r) => String(r.source).includes('(project assumption)'))).toBe(true);
  });
});

describe('Chinese wording', () => {
  it('uses 目录 only for the table of contents', () => {
    const uses = Object.entries(zh as Record<string, string>).filter(([, v]) => /(?<!产品)目录/.test(v));
    expect(uses.map(([k]) => k).filter((k) => !k.startsWith('cli.'))).toEqual(['report.contents']);
  });

  it.each([
    [170, 'CNY', '170 元'],
    [137088, 'CNY', '13.71 万元'],
    [2.5, 'CNY', '2.5 元'],
    [250000, 'USD', '25 万美元'],
    [4116, 'EUR', '4,116 欧元'],
  ])('formatMoney(%d, %s) in Chinese is %s', (value, currency, text) => {
    expect(formatMoney(value, currency, 'zh-CN')).toBe(text);
    expect(formatMoney(value, currency, 'en')).toMatch(new RegExp(` ${currency}$`));
  });
});
