/**
 * A scenario with a `request:` block: the purchase-request section holds a table of the
 * alternatives considered (every ranked option, on a page of its own) and a sign-off form (a line
 * per approver with name, decision, signature and date, on a page of its own), in both languages;
 * without a request block, neither.
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/report/model.ts';
import { analysis, buildFile, tables } from './helpers.ts';

const FILE = 'scenarios/purchase-request-70b-chat.yaml';

function build(locale: 'en' | 'zh-CN', edit = (s: string) => s) {
  const built = buildFile(FILE, locale, edit);
  return { ...built, section: analysis(built.report, 'purchase-request') };
}

describe('purchase request: alternatives and sign-off', () => {
  it.each(['en', 'zh-CN'] as const)('the alternatives: every ranked option, in rank order, on a page of its own (%s)', (locale) => {
    const { results, section } = build(locale);
    const alt = tables(section).find((b) => b.id === 'alternatives') as TableBlock;
    expect(alt.startsPage).toBe(true);
    expect(alt.title).toBe(locale === 'en' ? 'Alternatives considered' : '备选方案比较');
    expect(alt.rows.map((r) => r.rank)).toEqual(results.options.map((_, i) => i + 1));
    expect(alt.rows.map((r) => r.cash)).toEqual(results.options.map((o) => Math.round(o.total.base)));
    // Both ways of acquiring are compared, and only a purchase has a capex.
    const acquisitions = new Set(results.options.map((o) => o.acquisition));
    expect(acquisitions).toEqual(new Set(['buy', 'rent']));
    results.options.forEach((o, i) => expect(alt.rows[i]!.capex === null).toBe(o.acquisition === 'rent'));
  });

  it.each(['en', 'zh-CN'] as const)('the sign-off: a form line per approver on a page of its own (%s)', (locale) => {
    const { scenario, section } = build(locale);
    const form = tables(section).find((b) => b.id === 'sign-off') as TableBlock;
    expect(form.startsPage).toBe(true);
    expect(form.layout).toBe('form');
    expect(form.columns.map((c) => c.key)).toEqual(['approver', 'name', 'decision', 'signature', 'date']);
    expect(form.rows.map((r) => r.approver)).toEqual(scenario.request!.approvers);
    expect(form.columns.map((c) => c.label)).toEqual(
      locale === 'en'
        ? ['Approver', 'Name', 'Approved / rejected', 'Signature', 'Date']
        : ['审批人', '姓名', '批准 / 驳回', '签字', '日期'],
    );
  });

  it('without a request block: no alternatives page and no sign-off', () => {
    const { section } = build('en', (s) => s.replace(/^request:\n(?: {2}.*\n)+/m, ''));
    expect(tables(section).map((b) => b.id)).toEqual(['quotes']);
  });

  it('the Chinese report names platforms in Chinese wherever it names them (summary, BOM, alternatives, headline)', () => {
    const { report } = build('zh-CN');
    // Every string the reader reads, less the citations (a source column quotes its English source).
    const strings: string[] = [];
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string' && key !== 'source') strings.push(v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(report, '');
    const text = strings.join('\n');
    expect(report.headline?.configuration).toMatch(/^\d+ 台 8 卡 OAM 服务器（\d+ × AMD Instinct MI300X）（购买）$/);
    expect(text).toContain('HGX/DGX 8 卡服务器');
    expect(text).not.toMatch(/8-GPU (OAM|PCIe )?server/);
  });
});
