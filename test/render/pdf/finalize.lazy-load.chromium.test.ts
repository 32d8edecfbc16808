/**
 * The PDF step reads Chromium's printed file object by object (lazy-document.ts). On two example
 * reports as Chromium prints them, in English and Chinese, that gives the same bytes as parsing
 * the whole file first, and it reads only a small part of the file's objects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pdfSource, printSource } from '../../../src/render/index.ts';
import { BrowserPool } from '../../../src/render/pdf/browser.ts';
import { finalizePdf } from '../../../src/render/pdf/finalize.ts';
import { openLazily } from '../../../src/render/pdf/lazy-document.ts';
import { buildExampleReport, hasBrowser } from '../pdf-helpers.ts';

describe.skipIf(!hasBrowser)('finalizePdf reading the printed file lazily', () => {
  const pool = new BrowserPool();
  afterAll(() => pool.close());

  for (const [file, lang] of [
    ['scenarios/support-assistant.yaml', 'en'],
    ['scenarios/qlora-finetune-cny.yaml', 'zh-CN'],
  ] as const)
    it(`gives the bytes of a full parse: ${file} (${lang})`, async () => {
      const source = await pdfSource(await buildExampleReport(file, lang));
      expect(source.contents?.ids.length).toBeGreaterThan(3);
      const printed = await printSource(source, { browser: pool });

      const lazily = await finalizePdf(printed, source.meta, source.contents);
      const whole = await finalizePdf(printed, source.meta, source.contents, { loadWhole: true });
      expect(Buffer.from(lazily).equals(Buffer.from(whole))).toBe(true);
      // The update holds the numbered contents (a font was embedded) and the metadata.
      const update = Buffer.from(lazily.subarray(printed.length)).toString('latin1');
      expect(update).toContain('/BaseFont /TOCNUM+DejaVuSans');
      expect(update).toContain('/Producer');

      // Chromium's file is one the lazy reading handles, and the step's walk reaches few objects.
      const doc = openLazily(printed)!;
      expect(doc).toBeDefined();
      for (const page of doc.getPages()) {
        const annots = page.node.Annots();
        for (let i = 0; i < (annots?.size() ?? 0); i++) annots!.lookup(i);
      }
      const objectsInFile = Number(/\/Size (\d+)/.exec(Buffer.from(printed).toString('latin1', printed.length - 512))![1]);
      expect(doc.context.enumerateIndirectObjects().length).toBeLessThan(objectsInFile / 10);
    });
});
