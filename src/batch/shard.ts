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
