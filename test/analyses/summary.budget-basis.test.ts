/**
 * The summary says in one line which figure the budget is compared with (budgetBasis) and gives
 * that figure: the capex by default, the cash over the horizon with `budgetBasis: cash`, in
 * English and Chinese, whether the answer is within the budget or not.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/analyses/context.ts';
import type { KeyValueBlock } from '../../src/report/model.ts';
import { analysis, buildFile } from './helpers.ts';

const FILE = 'scenarios/purchase-request-70b-chat.yaml';

function figures(locale: 'en' | 'zh-CN', edit = (s: string) => s) {
  const { report } = buildFile(FILE, locale, edit);
  const blocks = analysis(report, 'summary').blocks as KeyValueBlock[];
  const items = blocks.flatMap((b) => b.items);
  return { items, money: (v: number) => formatMoney(v, 'USD', locale) };
}

const LABEL = { en: 'Budget compared with', 'zh-CN': '预算比较口径' } as const;
const CAPEX = { en: 'Capital expenditure', 'zh-CN': '资本支出' } as const;
const CASH = { en: 'Cash over 36 months, base', 'zh-CN': '36 个月现金支出（基准）' } as const;

describe('summary: the budget line names its basis and figure', () => {
  it.each(['en', 'zh-CN'] as const)('budgetBasis capex: the budget against the capex (%s)', (locale) => {
    const { items, money } = figures(locale);
    const line = String(items.find((i) => i.label === LABEL[locale])!.value);
    const capex = items.find((i) => i.label === CAPEX[locale])!.value as number;
    expect(line).toContain(money(400_000));
    expect(line).toContain(money(capex));
    expect(line).toContain(locale === 'en' ? 'compared with the capex' : '对比的是资本支出');
    expect(line).toMatch(/budgetBasis: capex/);
  });

  // Renting made dear (100 USD/GPU-h), so the recommendation is bought and its basis is the cash.
  const boughtOnCash = (s: string) =>
    s
      .replace('budgetBasis: capex', 'budgetBasis: cash')
      .replace('budget: 400000', 'budget: 4000000')
      .replace(
        'candidates: [h100-sxm5-80gb, h200-sxm-141gb, amd-mi300x, l40s]',
        'candidates: [{ gpu: h100-sxm5-80gb, rentalPerGpuHour: 100 }, { gpu: h200-sxm-141gb, rentalPerGpuHour: 100 }, { gpu: amd-mi300x, rentalPerGpuHour: 100 }]',
      );

  it.each(['en', 'zh-CN'] as const)('budgetBasis cash, bought: the budget against the cash over the horizon (%s)', (locale) => {
    const { items, money } = figures(locale, boughtOnCash);
    const line = String(items.find((i) => i.label === LABEL[locale])!.value);
    const cash = items.find((i) => i.label === CASH[locale])!.value as number;
    expect(line).toContain(money(4_000_000));
    expect(line).toContain(money(cash));
    expect(line).toContain(locale === 'en' ? 'compared with the cash over 36 months' : '对比的是规划期（36 个月）现金支出');
    expect(line).toMatch(/budgetBasis: cash/);
  });

  it.each(['en', 'zh-CN'] as const)('a rented recommendation: the budget against the rent over the horizon (%s)', (locale) => {
    const { items, money } = figures(locale, (s) => s.replace('budget: 400000', 'budget: 4000000'));
    const line = String(items.find((i) => i.label === LABEL[locale])!.value);
    const rent = items.find((i) => i.label === CASH[locale])!.value as number;
    expect(line).toContain(money(rent));
    expect(line).toContain(locale === 'en' ? 'compared with the rent over 36 months' : '对比的是规划期（36 个月）租金');
  });
});
