/**
 * The summary's cost band and its price risk tell the same story: where the price has no range
 * (one catalog price, one quote) the band is flat and the risk line says what it moved instead
 * of citing a "price range".
 */
import { describe, expect, it } from 'vitest';
import type { KeyValueBlock } from '../../src/report/model.ts';
import { analysis, buildFile } from './helpers.ts';

function summary(file: string, locale: 'en' | 'zh-CN', edit = (s: string) => s) {
  const { report } = buildFile(file, locale, edit);
  const blocks = analysis(report, 'summary').blocks as KeyValueBlock[];
  const headline = blocks
    .find((b) => b.id === 'headline')!
    .items.slice(1)
    .map((i) => i.value);
  const risks = blocks.find((b) => b.id === 'risks')!.items.map((i) => String(i.value));
  return { headline, risks };
}

describe('summary: cost band vs price risk', () => {
  it.each(['en', 'zh-CN'] as const)('a single catalog price (RTX 3090): flat band, and the risk says so (%s)', (locale) => {
    const { headline, risks } = summary('scenarios/gpu-comparison.yaml', locale);
    expect(new Set(headline).size).toBe(1);
    const price = risks.find((r) => /RTX 3090/.test(r))!;
    expect(price).toMatch(locale === 'en' ? /single value, with no range.*20% either way/ : /单一数值，没有区间.*20%/);
    expect(price).not.toMatch(/price range alone|价格区间就/);
  });

  it('a price range: the band spans it and the risk cites the range', () => {
    const { headline, risks } = summary('scenarios/gpu-comparison.yaml', 'en', (s) =>
      s.replace(
        'candidates: [h100-sxm5-80gb, a100-sxm4-80gb, l40s, rtx-4090, rtx-3090]',
        // Renting dear, so the answer is to buy and its band is the purchase price range.
        'candidates: [{ gpu: rtx-3090, purchasePrice: { low: 1200, high: 1800 }, rentalPerGpuHour: 50 }]',
      ),
    );
    expect(new Set(headline).size).toBe(3);
    expect(risks.join('\n')).toMatch(/price range alone/);
  });
});
