/** The report HTML as structure: executive summary, contents, language, self-contained page. */
import { describe, expect, it } from 'vitest';
import { renderHtml, sectionIds } from '../../src/render/html.ts';
import type { Report } from '../../src/report/model.ts';
import { buildExampleReport } from './pdf-helpers.ts';

const withHighlights = (report: Report): Report => ({
  ...report,
  analyses: report.analyses.map((a) =>
    a.id !== 'summary'
      ? a
      : {
          ...a,
          highlights: {
            recommendation: '3 × NVIDIA H100 SXM5 80GB (buy)',
            cost: { label: 'Owned TCO over 36 months', unit: 'USD', format: 'currency', low: 101842.4, base: 127829, high: 153817 },
            reasons: ['Holds both workloads in memory at the lowest owned cost.'],
            risks: ['Catalog prices are estimates; quotes may differ by ±25%.'],
          },
        },
  ),
});

/** Text of the element(s) with this class, tags stripped. */
const texts = (html: string, cls: string) =>
  [...html.matchAll(new RegExp(`class="${cls}"[^>]*>([\\s\\S]*?)</`, 'g'))].map((m) => m[1]!.trim());

describe('renderHtml', async () => {
  const en = await buildExampleReport('scenarios/support-assistant.yaml');
  const zh = await buildExampleReport('scenarios/support-assistant.yaml', 'zh-CN');
  // Charts make a render cost about a second: each variant is rendered once.
  const enHtml = renderHtml(en);

  it('lays the summary out as the executive summary, before the contents and the numbered sections', () => {
    const html = enHtml;
    const order = [
      'class="cover"',
      'class="analysis exec" id="summary"',
      'class="toc" id="contents"',
      'id="gpu-specs"',
      'id="assumptions"',
    ].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<h1>Executive summary</h1>');
    expect(html).toMatch(/<h1><span class="section-number">1<\/span> GPU comparison<\/h1>/);
    expect(sectionIds(en)).toEqual(['summary', ...en.analyses.filter((a) => a.id !== 'summary').map((a) => a.id)]);
  });

  it('renders highlights as the answer, the low/base/high band, reasons and risks', () => {
    const html = renderHtml(withHighlights(en));
    expect(texts(html, 'answer-value')).toEqual(['3 × NVIDIA H100 SXM5 80GB (buy)']);
    expect(texts(html, 'tile-value')).toEqual(['101,842', '127,829', '153,817']);
    expect(texts(html, 'tile-label')).toEqual(['Low', 'Base', 'High']);
    expect(html).toMatch(/<h2>Why<\/h2><ul class="reasons"><li>Holds both/);
    expect(html).toMatch(/<h2>Main risks<\/h2><ul class="risks"><li>Catalog prices/);
    // The real summary fills its highlights and hides the blocks they cover.
    const summary = en.analyses.find((a) => a.id === 'summary')!;
    expect(texts(enHtml, 'answer-value')).toEqual([summary.highlights!.recommendation]);
    expect(summary.highlights!.coversBlocks).toContain('risks');
    expect(enHtml.split('Main risks').length - 1).toBe(1);
  });

  it('links every contents entry to its section and leaves the page column empty (the PDF step fills it)', () => {
    const ids = [...enHtml.matchAll(/<li class="toc-entry"><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(sectionIds(en));
    // The only links to sections: the PDF step numbers every link to a section as a contents entry.
    expect(enHtml.match(/href="#/g)).toHaveLength(ids.length);
    for (const id of ids) expect(enHtml).toContain(`id="${id}"`);
    expect(texts(enHtml, 'toc-page')).toEqual(ids.map(() => ''));
  });

  it('left-aligns running text in a transposed table (reasons, configurations), not its numbers', () => {
    const html = renderHtml(zh);
    const tables = [...html.matchAll(/<table class="transposed[^"]*">([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    const cells = tables.flatMap((t) => [...t.matchAll(/<td class="([^"]*)">([^<]*)</g)].map((m) => ({ cls: m[1]!, text: m[2]! })));
    const reasons = cells.filter((c) => c.text.includes('满足全部约束'));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((c) => c.cls.split(' ').includes('prose'))).toBe(true);
    expect(cells.filter((c) => /^[\d,.]+$/.test(c.text)).every((c) => !c.cls.includes('prose'))).toBe(true);
    expect(html).toMatch(/table\.transposed td\.prose \{\s*text-align: left;/);
  });

  it('is self-contained: no script, no external resource, charts inline as SVG', () => {
    const html = enHtml;
    expect(html).not.toMatch(/<script|\ssrc=|href="(?!#)/i);
    expect(html).toMatch(/<figure class="chart"[^>]*><svg/);
  });

  it('is in Simplified Chinese for zh-CN: labels, headings, dates', () => {
    const html = renderHtml(zh);
    expect(html).toContain('<html lang="zh-CN">');
    for (const s of ['<h1>执行摘要</h1>', '目录', '推荐方案', '生成时间', '2026年1月1日', '2026年11月25日', '显存需求'])
      expect(html).toContain(s);
    for (const s of ['Executive summary', 'Contents', 'January', 'Generated']) expect(html).not.toContain(s);
  });

  it('names the cover currency as a Chinese reader does (美元, not USD)', () => {
    const cover = (html: string) => html.slice(0, html.indexOf('</header>') > 0 ? html.indexOf('</header>') : html.indexOf('<h1>'));
    expect(zh.headline?.currency).toBe('USD');
    expect(cover(renderHtml(zh))).toMatch(/[\d,.]+ 美元/);
    expect(cover(renderHtml(zh))).not.toMatch(/\d USD/);
    expect(cover(enHtml)).toMatch(/[\d,.]+ USD/);
  });

  it.each(['en', 'zh-CN'] as const)(
    'the cover says which prices the validity date covers, and that a recommended catalog price has none (%s)',
    async (locale) => {
      const report = await buildExampleReport('scenarios/purchase-request-70b-chat.yaml', locale);
      const r = report.purchaseRequest!;
      // The example's quotes are for the H100 and the H200; the recommendation is bought at a catalog price.
      expect(r.quotedGpus).toEqual(['NVIDIA H100 SXM5 80GB', 'NVIDIA H200 SXM 141GB']);
      expect(report.headline?.acquisition).toBe('buy');
      expect(report.headline?.configuration).toContain(r.estimatedRecommendation!);
      const cover = renderHtml(report).split('</header>')[0]!;
      expect(cover).toContain(r.priceValidUntil!);
      for (const gpu of [...r.quotedGpus, r.estimatedRecommendation!]) expect(cover).toContain(gpu);
      expect(cover).toContain(locale === 'en' ? 'an estimate with no validity date' : '没有有效期');
    },
  );

  it('puts the capex a purchase request asks for on the cover of a bought answer, next to the cash', async () => {
    const bought = await buildExampleReport('scenarios/purchase-request-70b-chat.yaml');
    expect(bought.headline?.acquisition).toBe('buy');
    const cover = renderHtml(bought).split('</header>')[0]!;
    const capex = new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(bought.headline!.capex!);
    expect(cover).toContain(`Capital expenditure, the bill of materials total (base): <strong>${capex} USD</strong>`);
    expect(cover).toContain('Cash over the planning horizon (base)');
  });
});
