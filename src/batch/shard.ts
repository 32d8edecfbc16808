/**
 * `--shard i/n`: a job system runs n copies of the same batch, copy i (1-based) taking every
 * n-th scenario of the discovered set sorted by path. Every copy sorts the same way, so the
 * shards are disjoint, together cover the set, and differ in size by at most one.
 */
import { UserError } from '../errors.ts';
import { cliMessage } from '../i18n/index.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

const SHARD = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** "2/4" → { index: 2, count: 4 }; anything else is a UserError (exit 2) saying what is expected. */
export function parseShard(text: string): Shard {
  const t = cliMessage;
  const m = SHARD.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UserError(t('batch.badShard', { value: text }));
  }
  return { index, count };
}

/**
 * Where `--shard auto` looks, in order: each a 1-based or 0-based index variable and the count
 * variable. Kubernetes Indexed Jobs set JOB_COMPLETION_INDEX (0-based) but not the completions
 * count, so the Job's manifest sets GPU_REPORT_SHARD_COUNT to the same number
 * (docs/recipes/kubernetes-indexed-job.yaml); a CI matrix can set GPU_REPORT_SHARD=i/n
 * (docs/recipes/github-actions.yml); GitLab's `parallel:`, CircleCI's `parallelism` and
 * Buildkite's `parallelism` set their own pair.
 */
const AUTO_SOURCES = [
  { index: 'JOB_COMPLETION_INDEX', count: 'GPU_REPORT_SHARD_COUNT', base: 0 },
  { index: 'CI_NODE_INDEX', count: 'CI_NODE_TOTAL', base: 1 },
  { index: 'CIRCLE_NODE_INDEX', count: 'CIRCLE_NODE_TOTAL', base: 0 },
  { index: 'BUILDKITE_PARALLEL_JOB', count: 'BUILDKITE_PARALLEL_JOB_COUNT', base: 0 },
] as const;

/** `--shard auto`: the shard the job system gives this copy (AUTO_SOURCES), or a UserError naming what to set. */
export function shardFromEnv(env: NodeJS.ProcessEnv): Shard {
  const t = cliMessage;
  const explicit = env.GPU_REPORT_SHARD?.trim();
  if (explicit) {
    try {
      return parseShard(explicit);
    } catch {
      throw new UserError(t('batch.shardAutoBad', { variables: 'GPU_REPORT_SHARD', value: explicit }));
    }
  }
  for (const source of AUTO_SOURCES) {
    const index = env[source.index]?.trim();
    const count = env[source.count]?.trim();
    if (!index && !count) continue;
    const value = `${source.index}=${index ?? ''}, ${source.count}=${count ?? ''}`;
    const variables = `${source.index} and ${source.count}`;
    if (!index || !count || !/^\d+$/.test(index) || !/^\d+$/.test(count))
      throw new UserError(t('batch.shardAutoBad', { variables, value }));
    try {
      return parseShard(`${Number(index) + 1 - source.base}/${count}`);
    } catch {
      throw new UserError(t('batch.shardAutoBad', { variables, value }));
    }
  }
  throw new UserError(t('batch.shardAutoNone'));
}

/** Posix-style path for sorting, so shards agree across operating systems. */
const sortKey = (file: string) => file.split('\\').join('/');

/**
 * The positions (into `files`) that belong to the shard, in sorted path order. Positions, not
 * files, so callers can keep names computed over the whole set (a name must not depend on
 * which shard a scenario landed in).
 */
export function selectShard(files: readonly string[], shard: Shard | undefined): number[] {
  const order = files.map((f, i) => ({ key: sortKey(f), i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  if (!shard) return order.map((o) => o.i);
  return order.filter((_, k) => k % shard.count === shard.index - 1).map((o) => o.i);
}
