/** Chinese text sets no half-width space between two Chinese characters, whatever fills a message. */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.ts';

describe('createTranslator spacing', () => {
  it('zh-CN: an amount ending in a unit runs into the Chinese text that follows it', () => {
    const t = createTranslator('zh-CN');
    expect(t('rec.miss.budget', { basis: '资本支出', value: '41.58 万美元', budget: '40 万美元' })).toBe(
      '资本支出 41.58 万美元超出预算 40 万美元',
    );
  });

  it('keeps the spaces of English and between a number and its unit', () => {
    expect(createTranslator('en')('rec.miss.budget', { basis: 'capex', value: '$415,800', budget: '$400,000' })).toContain(' ');
    expect(createTranslator('zh-CN')('rec.miss.budget', { basis: 'capex', value: '98,000 美元', budget: '9 万元' })).toBe(
      'capex 98,000 美元超出预算 9 万元',
    );
  });
});
