/**
 * The batch index as data: one row per scenario, in the order the batch ran them (sorted by
 * path). Numbers come from each report's `headline` (machine-readable), never from its
 * localised labels. index-report.ts lays these rows out as a Report.
 */
import path from 'node:path';
import type { ScenarioOutcome } from '../pipeline.ts';
import type { Format } from '../render/index.ts';
import type { BatchEntry, BatchSummary } from '../report/model.ts';
import type { Shard } from './shard.ts';

export type IndexRow = BatchEntry;
export type IndexStatus = IndexRow['status'];

/** The rows, their totals and the run's date and version (what the index Report is built from). */
export interface BatchIndex extends BatchSummary {
  /** ISO timestamp (SOURCE_DATE_EPOCH when set). */
  readonly generatedAt: string;
  readonly toolVersion: string;
}

const posix = (file: string) => file.split(path.sep).join('/');

export function indexRow(outcome: ScenarioOutcome, output: string): IndexRow {
  const file = posix(outcome.file);
  const none = { configuration: null, tcoBase: null, costPerMillionTokens: null, currency: null } as const;
  if (outcome.status === 'invalid') {
    const first = outcome.diagnostics[0];
    const reason = first ? `${first.line}:${first.col}: ${first.path ? `${first.path}: ` : ''}${first.message}` : null;
    return {
      file,
      name: output,
      output,
      ...none,
      status: 'invalid',
      reason,
      moreProblems: Math.max(0, outcome.diagnostics.length - 1),
      reports: {},
    };
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
    // Over budget is never "ok": the row says so and leads with the cheapest fix.
    status: outcome.status === 'ok' && h?.withinBudget === false ? 'overBudget' : outcome.status,
    reason:
      outcome.status === 'ok'
        ? h?.withinBudget === false
          ? h.fix
          : null
        : outcome.failures.map((f) => `${f.stage}: ${f.message}`).join('; '),
    moreProblems: 0,
    reports,
  };
}

export function buildIndex(
  rows: readonly IndexRow[],
  meta: { generatedAt: Date; toolVersion: string; shard: Shard | undefined },
): BatchIndex {
  const count = (s: IndexStatus) => rows.filter((r) => r.status === s).length;
  return {
    generatedAt: meta.generatedAt.toISOString(),
    toolVersion: meta.toolVersion,
    shard: meta.shard ?? null,
    totals: { total: rows.length, ok: count('ok'), overBudget: count('overBudget'), invalid: count('invalid'), failed: count('failed') },
    scenarios: rows,
  };
}

/** `index`, or `index-shard-2-of-4` for one shard of a batch (shards may share a folder). */
export const indexName = (shard: Shard | null | undefined): string => (shard ? `index-shard-${shard.index}-of-${shard.count}` : 'index');
