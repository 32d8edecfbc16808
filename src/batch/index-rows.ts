/**
 * The batch index as data: one row per scenario, in the order the batch ran them (sorted by
 * path). Numbers come from each report's `headline` (machine-readable), never from its
 * localised labels.
 */
import path from 'node:path';
import type { ScenarioOutcome } from '../pipeline.ts';
import type { Format } from '../render/index.ts';
import type { Shard } from './shard.ts';

export type IndexStatus = 'ok' | 'invalid' | 'failed';

export interface IndexRow {
  /** The scenario file, as found (posix separators). */
  readonly file: string;
  /** The scenario's `name:` (display only), or the output name when it has no report. */
  readonly name: string;
  /** Base name of its outputs in the output folder. */
  readonly output: string;
  readonly configuration: string | null;
  readonly tcoBase: number | null;
  readonly costPerMillionTokens: number | null;
  readonly currency: string | null;
  readonly status: IndexStatus;
  /** Why it is invalid or failed (first problem, and how many more); null when ok. */
  readonly reason: string | null;
  /** Written reports, by format, as links relative to the index (same folder). */
  readonly reports: Partial<Record<Format, string>>;
}

export interface BatchIndex {
  readonly schemaVersion: 1;
  readonly kind: 'gpu-report-batch-index';
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly shard: Shard | null;
  readonly totals: { readonly total: number; readonly ok: number; readonly invalid: number; readonly failed: number };
  readonly scenarios: readonly IndexRow[];
}

const posix = (file: string) => file.split(path.sep).join('/');

export function indexRow(outcome: ScenarioOutcome, output: string): IndexRow {
  const file = posix(outcome.file);
  if (outcome.status === 'invalid') {
    const first = outcome.diagnostics[0];
    const more = outcome.diagnostics.length - 1;
    const reason = first ? `${first.line}:${first.col}: ${first.path ? `${first.path}: ` : ''}${first.message}${more > 0 ? ` (+${more} more)` : ''}` : 'invalid';
    return { file, name: output, output, configuration: null, tcoBase: null, costPerMillionTokens: null, currency: null, status: 'invalid', reason, reports: {} };
  }
  const reports: Partial<Record<Format, string>> = {};
  for (const written of outcome.written) reports[path.extname(written).slice(1) as Format] = path.basename(written);
  const h = outcome.report?.headline;
  return {
    file,
    name: outcome.report?.scenario.name ?? output,
    output,
    configuration: h?.configuration ?? null,
    tcoBase: h?.tcoBase ?? null,
    costPerMillionTokens: h?.costPerMillionTokens ?? null,
    currency: h?.currency ?? outcome.report?.currency ?? null,
    status: outcome.status,
    reason: outcome.status === 'ok' ? null : outcome.failures.map((f) => `${f.stage}: ${f.message}`).join('; '),
    reports,
  };
}

export function buildIndex(rows: readonly IndexRow[], meta: { generatedAt: Date; toolVersion: string; shard: Shard | undefined }): BatchIndex {
  const count = (s: IndexStatus) => rows.filter((r) => r.status === s).length;
  return {
    schemaVersion: 1,
    kind: 'gpu-report-batch-index',
    tool: { name: 'gpu-report', version: meta.toolVersion },
    generatedAt: meta.generatedAt.toISOString(),
    shard: meta.shard ?? null,
    totals: { total: rows.length, ok: count('ok'), invalid: count('invalid'), failed: count('failed') },
    scenarios: rows,
  };
}

/** `index`, or `index-shard-2-of-4` for one shard of a batch (shards may share a folder). */
export const indexName = (shard: Shard | undefined): string => (shard ? `index-shard-${shard.index}-of-${shard.count}` : 'index');
