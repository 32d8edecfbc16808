/**
 * Same scenario and SOURCE_DATE_EPOCH → byte-identical pdf, html, json and xlsx, also when the
 * PDF is printed again on a reused tab (Chromium's DOM node counter has moved on).
 */
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/render/pdf/browser.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderJson } from '../../src/render/json.ts';
import { renderXlsx } from '../../src/render/xlsx/index.ts';
import { buildExampleReport, hasBrowser, printReport } from './pdf-helpers.ts';

const SCENARIO = 'scenarios/rag-api-eur.yaml';
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('reproducible outputs', () => {
  it('html, json and xlsx are identical for two builds of the same scenario', async () => {
    const a = await buildExampleReport(SCENARIO);
    const b = await buildExampleReport(SCENARIO);
    expect(renderHtml(a)).toBe(renderHtml(b));
    expect(same(renderJson(a), renderJson(b))).toBe(true);
    expect(same(await renderXlsx(a), await renderXlsx(b))).toBe(true);
    const zhA = await buildExampleReport(SCENARIO, 'zh-CN');
    const zhB = await buildExampleReport(SCENARIO, 'zh-CN');
    expect(renderHtml(zhA)).toBe(renderHtml(zhB));
  });

  describe.skipIf(!hasBrowser)('pdf', () => {
    const pool = new BrowserPool();
    afterAll(() => pool.close());

    it('is byte-identical when printed again on a reused tab', async () => {
      const first = await printReport(await buildExampleReport(SCENARIO, 'zh-CN'), pool);
      const reused = await printReport(await buildExampleReport(SCENARIO, 'zh-CN'), pool);
      expect(reused.html).toBe(first.html);
      expect(same(reused.pdf, first.pdf)).toBe(true);
      // Chromium's tagged structure IDs are renumbered from 1, whatever the tab printed before.
      const doc = await PDFDocument.load(first.pdf);
      const ids = doc.context
        .enumerateIndirectObjects()
        .flatMap(([, o]) => {
          const id = o instanceof PDFDict ? o.get(PDFName.of('ID')) : undefined;
          return id instanceof PDFString ? [id.decodeText()] : [];
        })
        .sort();
      expect(ids.length).toBeGreaterThan(100);
      expect(ids[0]).toBe('node00000001');
      expect(ids.at(-1)).toBe(`node${String(ids.length).padStart(8, '0')}`);
    });
  });
});
