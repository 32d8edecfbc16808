import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { assumptionsEn } from '../../src/i18n/assumptions-en.ts';
import { assumptionsZhCN } from '../../src/i18n/assumptions-zh-CN.ts';
import { estimatorAssumptions } from '../../src/calc/assumptions.ts';

describe('message catalogue', () => {
  it('has the same keys in English and Chinese at run time', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('names every estimator constant in both languages, and no constant that is gone (ids come from src/calc)', () => {
    const ids = estimatorAssumptions()
      .map((a) => `assume.est.${a.id}`)
      .sort();
    expect(Object.keys(assumptionsEn).sort()).toEqual(ids);
    expect(Object.keys(assumptionsZhCN).sort()).toEqual(ids);
  });

  it('has placeholders that match between the languages', () => {
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const mismatched = Object.keys(en).filter((k) => names(en[k as keyof typeof en]).join() !== names(zhCN[k as keyof typeof zhCN]).join());
    expect(mismatched).toEqual([]);
  });
});
