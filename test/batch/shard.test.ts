import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseShard, selectShard, shardFromEnv } from '../../src/batch/shard.ts';
import { UserError } from '../../src/errors.ts';
import { quietBatch, removeTempDirs, scenarioYaml, tempDir, write } from './helpers.ts';

afterAll(removeTempDirs);

describe('--shard i/n', () => {
  it('parses i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/2', '3/2', '1/0', '2', 'a/b', '1/2/3', '-1/2', '1.5/2', ''])(
    'rejects %j as invalid input (exit 2) with the expected form',
    (text) => {
      let error: unknown;
      try {
        parseShard(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toContain('--shard must be i/n');
    },
  );

  it('splits the sorted set into disjoint, covering, balanced parts whatever the input order', () => {
    const files = Array.from({ length: 11 }, (_, i) => `s/${String.fromCharCode(107 - i)}.yaml`);
    const shuffled = [...files].reverse();
    const parts = [1, 2, 3].map((index) => selectShard(files, { index, count: 3 }).map((i) => files[i]!));
    const again = [1, 2, 3].map((index) => selectShard(shuffled, { index, count: 3 }).map((i) => shuffled[i]!));
    expect(again).toEqual(parts);
    expect(parts.flat().sort()).toEqual([...files].sort());
    expect(new Set(parts.flat()).size).toBe(files.length);
    expect(parts.map((p) => p.length)).toEqual([4, 4, 3]);
    expect(parts[0]![0]).toBe('s/a.yaml');
  });

  it('names outputs over the whole set, so a shard writes the same names as a full run', async () => {
    const dir = tempDir('shard');
    write(path.join(dir, 'in', 'team-a', 'q1.yaml'), scenarioYaml());
    write(path.join(dir, 'in', 'team-b', 'q1.yaml'), scenarioYaml());
    write(path.join(dir, 'in', 'z.yaml'), scenarioYaml());
    const one = await quietBatch([path.join(dir, 'in')], { outDir: path.join(dir, 'out'), shard: { index: 1, count: 2 } });
    const two = await quietBatch([path.join(dir, 'in')], { outDir: path.join(dir, 'out'), shard: { index: 2, count: 2 } });
    expect(one.names).toEqual(['team-a-q1', 'z']);
    expect(two.names).toEqual(['team-b-q1']);
    expect(one.stderr).toContain('shard 1/2: 2 of 3 scenario(s)');
    // Shards sharing a folder keep separate indexes.
    expect(one.indexResult.written.map((f) => path.basename(f))).toEqual(['index-shard-1-of-2.json']);
    expect(two.indexResult.written.map((f) => path.basename(f))).toEqual(['index-shard-2-of-2.json']);
  });
});

describe('--shard auto', () => {
  it('reads GPU_REPORT_SHARD, a Kubernetes Indexed Job (0-based index + the count the manifest sets) and CI pairs', () => {
    expect(shardFromEnv({ GPU_REPORT_SHARD: '3/4' })).toEqual({ index: 3, count: 4 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', GPU_REPORT_SHARD_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '3', GPU_REPORT_SHARD_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    expect(shardFromEnv({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' })).toEqual({ index: 2, count: 5 });
    expect(shardFromEnv({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '2' })).toEqual({ index: 1, count: 2 });
    expect(shardFromEnv({ BUILDKITE_PARALLEL_JOB: '1', BUILDKITE_PARALLEL_JOB_COUNT: '2' })).toEqual({ index: 2, count: 2 });
  });

  it.each([
    [{}, 'no shard in the environment'],
    [{ JOB_COMPLETION_INDEX: '4', GPU_REPORT_SHARD_COUNT: '4' }, 'JOB_COMPLETION_INDEX=4'],
    [{ JOB_COMPLETION_INDEX: '1' }, 'GPU_REPORT_SHARD_COUNT'],
    [{ CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' }, 'CI_NODE_INDEX=0'],
    [{ GPU_REPORT_SHARD: '5/4' }, 'GPU_REPORT_SHARD'],
  ])('refuses %j (exit 2), naming the variables', (env, words) => {
    expect(() => shardFromEnv(env)).toThrow(UserError);
    expect(() => shardFromEnv(env)).toThrow(words);
  });
});
