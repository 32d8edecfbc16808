/**
 * Merging shard indexes (`gpu-report index`): the order of an unsharded run from complete
 * shards, links relative to the merged index's folder, and what is refused or reported (shards
 * of different splits, a shard twice, a shard missing). The spawned CLI over real shard runs
 * is test/repo/recipes.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShardIndexes, type ShardIndex } from '../../src/batch/merge.ts';
import { UserError } from '../../src/errors.ts';
import type { BatchEntry } from '../../src/report/model.ts';

const row = (file: string): BatchEntry => ({
  file,
  name: file,
  output: file,
  configuration: null,
  tcoBase: null,
  costPerMillionTokens: null,
  currency: null,
  status: 'ok',
  reason: null,
  moreProblems: 0,
  reports: { json: `${file}.json` },
});
/** Shard i of n of the sorted files a…g, written to /runs/s<i>. */
const FILES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const shard = (index: number, count: number): ShardIndex => {
  const scenarios = FILES.filter((_, k) => k % count === index - 1).map(row);
  return {
    file: `/runs/s${index}/index-shard-${index}-of-${count}.json`,
    dir: `/runs/s${index}`,
    batch: {
      shard: { index, count },
      totals: { total: scenarios.length, ok: scenarios.length, overBudget: 0, invalid: 0, failed: 0 },
      scenarios,
    },
  };
};
const meta = { outDir: '/runs/merged', generatedAt: new Date(0), toolVersion: 't' };

describe('mergeShardIndexes', () => {
  it('gives back the unsharded order, with links into the shard folders', () => {
    const merged = mergeShardIndexes([shard(3, 3), shard(1, 3), shard(2, 3)], meta);
    expect(merged.missing).toEqual([]);
    expect(merged.index.scenarios.map((r) => r.file)).toEqual(FILES);
    expect(merged.index.totals).toEqual({ total: 7, ok: 7, overBudget: 0, invalid: 0, failed: 0 });
    expect(merged.index.shard).toBeNull();
    expect(merged.index.scenarios[1]!.reports.json).toBe('../s2/b.json');
    expect(
      mergeShardIndexes([shard(1, 2), shard(2, 2)], { ...meta, outDir: path.join('/runs', 's1') }).index.scenarios[0]!.reports.json,
    ).toBe('a.json');
  });

  it('reports a missing shard and lists the rows found in path order', () => {
    const merged = mergeShardIndexes([shard(3, 3), shard(1, 3)], meta);
    expect(merged.missing).toEqual([2]);
    expect(merged.index.scenarios.map((r) => r.file)).toEqual(['a', 'c', 'd', 'f', 'g']);
  });

  it('refuses shards of different splits and a shard given twice', () => {
    expect(() => mergeShardIndexes([shard(1, 2), shard(1, 3)], meta)).toThrow(UserError);
    expect(() => mergeShardIndexes([shard(1, 2), shard(1, 2)], meta)).toThrow(/found twice/);
  });
});
