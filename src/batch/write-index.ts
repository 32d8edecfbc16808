/**
 * Writes the batch index (`index.{xlsx,pdf,html,json}`, the formats asked for) next to the
 * reports: the index is a Report (index-report.ts) rendered by the same registry as every
 * scenario's, its PDF printed by the batch's browser. Each format fails on its own; the
 * failures come back for the summary.
 */
import path from 'node:path';
import { RENDERERS, type Format } from '../render/index.ts';
import type { BrowserPool } from '../render/pdf/browser.ts';
import { writeFileAtomic } from '../output/write.ts';
import type { Locale } from '../i18n/index.ts';
import { indexName, type BatchIndex } from './index-rows.ts';
import { buildIndexReport } from './index-report.ts';

export interface IndexWriteResult {
  readonly written: readonly string[];
  readonly failures: readonly { readonly format: Format; readonly message: string }[];
}

export async function writeIndex(
  index: BatchIndex,
  opts: { outDir: string; formats: readonly Format[]; locale: Locale; browser: BrowserPool },
): Promise<IndexWriteResult> {
  const report = buildIndexReport(index, opts.locale);
  const name = indexName(index.shard);
  const written: string[] = [];
  const failures: { format: Format; message: string }[] = [];
  for (const format of opts.formats) {
    const target = path.join(opts.outDir, `${name}.${format}`);
    try {
      await writeFileAtomic(target, await RENDERERS[format](report, { browser: opts.browser }));
      written.push(target);
    } catch (error) {
      failures.push({ format, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { written, failures };
}
