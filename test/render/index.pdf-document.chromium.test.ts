/**
 * The printed report as a buyer gets it: cover, executive summary, contents with the right page
 * numbers, one bookmarked section per analysis, footers, nothing cut or off the page, in English
 * and in Chinese. One English and one Chinese report are printed once by the pdf renderer and
 * read back with poppler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/render/pdf/browser.ts';
import type { Report, TableBlock } from '../../src/report/model.ts';
import { buildExampleReport, hasBrowser, hasPoppler, outlineTitles, pageBitmap, PdfFile, printReport } from './pdf-helpers.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
/** Lines of a page with the footer (last two lines: page number and scenario footer) left out. */
const bodyLines = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const isFooter = (line: string) => /\d+ \/ \d+$/.test(line);

describe.skipIf(!hasBrowser || !hasPoppler)('printed report', () => {
  const pool = new BrowserPool();
  let en: { report: Report; pdf: PdfFile; bytes: Uint8Array };
  let zh: { report: Report; pdf: PdfFile; bytes: Uint8Array };

  beforeAll(async () => {
    const enReport = await buildExampleReport('scenarios/support-assistant.yaml');
    const zhReport = await buildExampleReport('scenarios/qlora-finetune-cny.yaml');
    const enOut = await printReport(enReport, pool);
    const zhOut = await printReport(zhReport, pool);
    en = { report: enReport, bytes: enOut.pdf, pdf: new PdfFile(enOut.pdf, 'en.pdf') };
    zh = { report: zhReport, bytes: zhOut.pdf, pdf: new PdfFile(zhOut.pdf, 'zh.pdf') };
  });
  afterAll(() => pool.close());

  /** Contents entries as printed: title → page number, from the contents page. */
  function contents(doc: typeof en, heading: string): Map<string, number> {
    const page = doc.pdf.pages().find((p) => bodyLines(p)[0] === heading);
    expect(page, `a page titled ${heading}`).toBeDefined();
    const entries = new Map<string, number>();
    for (const line of bodyLines(page!).slice(1)) {
      const m = /^(?:\d+\s+)?(.+?)[\s.]*?\s(\d+)$/.exec(line);
      if (m && !isFooter(line)) entries.set(squash(m[1]!), Number(m[2]));
    }
    return entries;
  }

  it('opens with the cover, then the executive summary, then the contents', () => {
    const pages = en.pdf.pages();
    expect(pages[0]).toContain('Customer support assistant');
    expect(pages[0]).toContain('GPU PROCUREMENT REPORT');
    expect(pages[0]).toContain('January 1, 2026');
    expect(pages[0]).toContain('gpu-report 0.1.0');
    expect(bodyLines(pages[1]!)[0]).toBe('Executive summary');
    const answer = en.report.analyses.find((a) => a.id === 'summary')!.highlights!.recommendation;
    expect(pages[1]!.replace(/\s+/g, ' ')).toContain(answer);
    expect(bodyLines(pages[2]!)[0]).toBe('Contents');
  });

  it('numbers each contents entry with the page its section starts on', () => {
    for (const doc of [en, zh]) {
      const toc = contents(doc, doc === en ? 'Contents' : '目录');
      const sections = doc.report.analyses.filter((a) => a.id !== 'summary');
      expect(toc.size).toBe(sections.length + 1);
      const pages = doc.pdf.pages();
      // A section of notes and short key-value lists only (src/render/html.ts BRIEF_ITEMS) follows
      // the previous section on its page, and the next section follows it: their headings are on
      // the page, not necessarily first.
      const brief = (a: (typeof sections)[number] | undefined) =>
        a !== undefined && a.blocks.every((b) => b.kind === 'note' || (b.kind === 'keyValue' && b.items.length <= 6));
      const flowing = new Set(sections.filter((a, i) => brief(a) || brief(sections[i - 1])).map((a) => squash(a.title)));
      for (const [title, page] of toc) {
        expect(page, title).toBeGreaterThan(1);
        const heading = new RegExp(`^\\d*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const lines = bodyLines(pages[page - 1]!).map(squash);
        // The heading is the first line of that page ("3 Total cost of ownership").
        if (flowing.has(title))
          expect(
            lines.some((l) => heading.test(l)),
            title,
          ).toBe(true);
        else expect(lines[0], title).toMatch(heading);
      }
    }
  });

  it("sets the drawn page numbers on the entries' baselines, right-aligned, in the body font", () => {
    for (const doc of [en, zh]) {
      const tocPage = doc.pdf.pages().findIndex((p) => bodyLines(p).includes(doc === en ? 'Contents' : '目录')) + 1;
      // The footer ("3 / 21") sits in the bottom 18 mm.
      const words = doc.pdf.words().filter((w) => w.page === tocPage && w.yMax < w.height - (18 * 72) / 25.4);
      const right = Math.max(...words.map((w) => w.xMax));
      // The page column: numbers whose right edge is the row's right edge.
      const numbers = words.filter((w) => /^\d+$/.test(w.text) && w.xMax > right - 1);
      expect(numbers.length, 'one number per entry').toBe(doc.report.analyses.length);
      // The section numbers printed by Chromium in the same font and size ("1", "2", … on the left).
      const sectionNumbers = words.filter((w) => /^\d+$/.test(w.text) && w.xMax < 100);
      expect(sectionNumbers.length).toBe(doc.report.analyses.length - 1);
      for (const s of sectionNumbers) {
        const drawn = numbers.find((n) => Math.abs(n.yMax - s.yMax) < 3);
        expect(drawn, `a page number on the row of section ${s.text}`).toBeDefined();
        // Same font, same size, same baseline: the boxes poppler computes coincide.
        expect(Math.abs(drawn!.yMax - s.yMax), `row ${s.text}`).toBeLessThan(0.3);
        expect(Math.abs(drawn!.yMin - s.yMin), `row ${s.text}`).toBeLessThan(0.3);
      }
    }
    expect(en.pdf.run('pdffonts')).toMatch(/^TOCNUM\+DejaVuSans\s/m);
  });

  it('bookmarks every analysis in the outline', async () => {
    for (const doc of [en, zh]) {
      const outline = (await outlineTitles(doc.bytes)).map(squash);
      for (const a of doc.report.analyses.filter((x) => x.id !== 'summary')) {
        expect(
          outline.some((o) => o.endsWith(squash(a.title))),
          a.title,
        ).toBe(true);
      }
      expect(outline).toContain(doc === en ? 'Executivesummary' : '执行摘要');
    }
  });

  it('prints "n / N" and the footer on every page', () => {
    for (const doc of [en, zh]) {
      const pages = doc.pdf.pages();
      expect(pages.length).toBe(doc.pdf.pageCount);
      pages.forEach((page, i) => {
        expect(page, `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
        expect(page, `page ${i + 1}`).toContain(`SHA-256 ${doc.report.scenario.sha256.slice(0, 12)}`);
      });
    }
  });

  it('keeps every word inside the page, clear of the edges', () => {
    const margin = (8 * 72) / 25.4; // 8 mm; content has 14 mm side margins, the footer sits in the bottom 18 mm
    for (const doc of [en, zh]) {
      const words = doc.pdf.words();
      expect(words.length).toBeGreaterThan(500);
      const outside = words.filter((w) => w.xMin < margin || w.yMin < margin || w.xMax > w.width - margin || w.yMax > w.height - margin);
      expect(outside.map((w) => `p${w.page} ${w.text}`)).toEqual([]);
    }
  });

  it('leaves the page edges blank and no page empty (first pages as pictures)', () => {
    const dpi = 30;
    for (let page = 1; page <= 4; page++) {
      const bmp = pageBitmap(en.pdf, page, dpi);
      const edge = Math.round((6 / 25.4) * dpi); // 6 mm
      let ink = 0;
      let edgeInk = 0;
      for (let y = 0; y < bmp.height; y++) {
        for (let x = 0; x < bmp.width; x++) {
          if (bmp.at(x, y) > 200) continue;
          ink++;
          if (x < edge || y < edge || x >= bmp.width - edge || y >= bmp.height - edge) edgeInk++;
        }
      }
      expect(ink, `page ${page} has content`).toBeGreaterThan(200);
      expect(edgeInk, `page ${page} edges`).toBe(0);
    }
  });

  it('repeats the header row on every page a table continues on', () => {
    for (const doc of [en, zh]) {
      const tables = doc.report.analyses.flatMap((a) => a.blocks.filter((b): b is TableBlock => b.kind === 'table'));
      const headers = new Set(tables.map((t) => squash(t.columns[0]!.label)));
      const firstCells = new Set(
        tables
          .flatMap((t) => t.rows.map((r) => r[t.columns[0]!.key]))
          .filter((v): v is string => typeof v === 'string' && v.length > 3)
          .map(squash),
      );
      let continued = 0;
      doc.pdf
        .pages()
        .slice(1)
        .forEach((page, i) => {
          const first = squash(bodyLines(page)[0] ?? '');
          // A transposed table's header row is its candidates' names side by side (the label
          // cell is bottom-aligned): several columns, each the start of a first-column value.
          const parts = (bodyLines(page)[0] ?? '')
            .split(/\s{2,}/)
            .map(squash)
            .filter((p) => p.length >= 3);
          const transposedHeader = parts.length >= 2 && parts.every((p) => [...firstCells].some((c) => c.startsWith(p)));
          const isHeader = transposedHeader || [...headers].some((h) => first.startsWith(h));
          if (isHeader) continued++;
          // -layout separates columns by 2+ spaces; a wrapped first cell shows its first part only.
          const lead = squash((bodyLines(page)[0] ?? '').split(/\s{2,}/)[0]!);
          const cut = isHeader || lead.length < 3 ? undefined : [...firstCells].find((c) => c.startsWith(lead));
          expect(cut, `page ${i + 2} starts with a table row without its header: ${first}`).toBeUndefined();
        });
      // The assumptions table runs over more than one page in both reports, so this checks something.
      expect(continued).toBeGreaterThan(0);
    }
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    for (const doc of [en, zh]) {
      const headings = new Set(
        doc.report.analyses.flatMap((a) => [a.title, ...a.blocks.flatMap((b) => ('title' in b && b.title ? [b.title] : []))]).map(squash),
      );
      doc.pdf.pages().forEach((page, i) => {
        const lines = bodyLines(page).filter((l) => !isFooter(l) && !l.includes('SHA-256'));
        const last = squash(lines.at(-1) ?? '');
        expect(headings.has(last) || headings.has(last.replace(/^\d+/, '')), `page ${i + 1} ends with heading ${last}`).toBe(false);
      });
    }
  });

  it('carries the document metadata', () => {
    const info = en.pdf.run('pdfinfo');
    expect(info).toMatch(/^Title:\s+Customer support assistant · GPU procurement report$/m);
    expect(info).toMatch(/^Author:\s+gpu-report 0\.1\.0$/m);
    expect(info).toMatch(/^Subject:\s+GPU procurement analysis/m);
    expect(info).toMatch(/^Keywords:\s+GPU, procurement, TCO, summary, .*assumptions/m);
    expect(info).toMatch(/^CreationDate:\s+Thu Jan {1,2}1 00:00:00 2026 UTC$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('is Chinese throughout in zh-CN, with every font embedded as TrueType', () => {
    const text = squash(zh.pdf.run('pdftotext'));
    for (const heading of [
      '执行摘要',
      '目录',
      '推荐配置',
      '显存需求',
      '总拥有成本',
      '假设与来源',
      '2026年1月1日',
      '目录日期2026年11月25日',
    ]) {
      expect(text, heading).toContain(heading);
    }
    for (const english of ['Executive summary', 'Contents', 'Recommended configuration', 'Memory requirements', 'January']) {
      expect(text).not.toContain(squash(english));
    }
    const fonts = zh.pdf.run('pdffonts').split('\n').slice(2).filter(Boolean);
    expect(fonts.some((f) => f.includes('WenQuanYiMicroHei'))).toBe(true);
    // Synthetic bold of the single-face CJK font used to come out as dozens of Type 3 fonts.
    expect(fonts.filter((f) => f.includes('Type 3'))).toEqual([]);
    for (const f of fonts) expect(f, f).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
