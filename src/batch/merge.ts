/**
 * `gpu-report index`: the shard indexes of one batch (index-shard-<i>-of-<n>.json, one per
 * machine) merged into the index an unsharded run would write. Shard i of n holds the sorted
 * scenario set's positions i−1, i−1+n, …, so taking the shards' rows in turn gives back the
 * unsharded order; with a shard missing, the rows found are sorted by file the same way. Report
 * links are rewritten relative to the merged index's folder. Pure: the indexes and folders come in.
 */
import path from 'node:path';
import { UserError } from '../errors.ts';
import { cliMessage } from '../i18n/index.ts';
import type { BatchEntry, BatchSummary } from '../report/model.ts';
import { buildIndex, type BatchIndex } from './index-rows.ts';

/** One shard index as read: its folder and its `batch` part. */
export interface ShardIndex {
  readonly file: string;
  readonly dir: string;
  readonly batch: BatchSummary & { readonly shard: { readonly index: number; readonly count: number } };
}

export interface MergeResult {
  readonly index: BatchIndex;
  /** 1-based shard numbers absent from the folders given. */
  readonly missing: readonly number[];
  readonly count: number;
}

const posix = (p: string) => p.split(path.sep).join('/');

export function mergeShardIndexes(
  shards: readonly ShardIndex[],
  meta: { outDir: string; generatedAt: Date; toolVersion: string },
): MergeResult {
  const t = cliMessage;
  const counts = [...new Set(shards.map((s) => s.batch.shard.count))];
  if (counts.length !== 1) throw new UserError(t('batch.merge.counts', { counts: counts.join(', ') }));
  const count = counts[0]!;
  const byIndex = new Map<number, ShardIndex>();
  for (const s of shards) {
    const seen = byIndex.get(s.batch.shard.index);
    if (seen) throw new UserError(t('batch.merge.duplicate', { index: s.batch.shard.index, count, first: seen.file, second: s.file }));
    byIndex.set(s.batch.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  // Links to each report, relative to where the merged index is written (encoded later, per segment).
  const relinked = (s: ShardIndex): BatchEntry[] =>
    s.batch.scenarios.map((row) => ({
      ...row,
      reports: Object.fromEntries(
        Object.entries(row.reports).map(([format, name]) => [format, posix(path.relative(meta.outDir, path.join(s.dir, name!)))]),
      ),
    }));
  const lists = Array.from({ length: count }, (_, i) => (byIndex.has(i + 1) ? relinked(byIndex.get(i + 1)!) : []));
  let rows: BatchEntry[];
  if (missing.length === 0) {
    rows = [];
    const longest = Math.max(0, ...lists.map((l) => l.length));
    for (let k = 0; k < longest; k++) for (const list of lists) if (k < list.length) rows.push(list[k]!);
  } else {
    rows = lists.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  return { index: buildIndex(rows, { generatedAt: meta.generatedAt, toolVersion: meta.toolVersion, shard: undefined }), missing, count };
}
