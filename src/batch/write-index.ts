/**
 * Writes the batch index (`index.{xlsx,pdf,html,json}`, the formats asked for) next to the
 * reports. The PDF is printed by the batch's browser, like the reports. Each format fails on
 * its own; the failures come back for the summary.
 */
import path from 'node:path';
import type { Format } from '../render/index.ts';
import type { BrowserPool } from '../render/pdf/browser.ts';
import { writeFileAtomic } from '../output/write.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';
import { indexName, type BatchIndex } from './index-rows.ts';
import { renderIndexHtml } from './index-html.ts';

export interface IndexWriteResult {
  readonly written: readonly string[];
  readonly failures: readonly { readonly format: Format; readonly message: string }[];
}

export async function writeIndex(index: BatchIndex, opts: { outDir: string; formats: readonly Format[]; locale: Locale; browser: BrowserPool }): Promise<IndexWriteResult> {
  const t = createTranslator(opts.locale);
  const name = indexName(index.shard ?? undefined);
  const written: string[] = [];
  const failures: { format: Format; message: string }[] = [];
  let html: string | undefined;
  const htmlOnce = () => (html ??= renderIndexHtml(index, opts.locale));
  const render: Record<Format, () => Promise<Uint8Array>> = {
    json: async () => new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`),
    html: async () => new TextEncoder().encode(htmlOnce()),
    // exceljs, pdf-lib and the print helpers load on first use (start-up of other commands).
    xlsx: async () => (await import('./index-xlsx.ts')).renderIndexXlsx(index, opts.locale),
    pdf: async () => {
      const [{ printPdf }, { finalizePdf }] = await Promise.all([import('../render/pdf/print.ts'), import('../render/pdf/finalize.ts')]);
      return finalizePdf(await printPdf(await opts.browser.get(), htmlOnce()), {
        title: t('batch.index.title'),
        author: `${index.tool.name} ${index.tool.version}`,
        subject: t('batch.index.summary', index.totals),
        keywords: ['GPU', 'procurement', 'batch index'],
        creator: `${index.tool.name} ${index.tool.version}`,
        producer: `${index.tool.name} ${index.tool.version} (Chromium, pdf-lib)`,
        date: new Date(index.generatedAt),
        language: opts.locale,
      });
    },
  };
  for (const format of opts.formats) {
    const target = path.join(opts.outDir, `${name}.${format}`);
    try {
      await writeFileAtomic(target, await render[format]());
      written.push(target);
    } catch (error) {
      failures.push({ format, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { written, failures };
}
