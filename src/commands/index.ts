/**
 * `gpu-report index <output folders…> [--out DIR] [--format …] [--lang …]`: merges the shard
 * indexes that `run --shard i/n` wrote (one folder per machine, or one shared folder) into one
 * batch index, index.{xlsx,pdf,html,json}, through the same index Report and renderers as a
 * run's own index. Exit 2 when a shard is missing (the index of the shards found is still
 * written), 3 when a format could not be written.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { mergeShardIndexes, type ShardIndex } from '../batch/merge.ts';
import { writeIndex } from '../batch/write-index.ts';
import { EXIT_CODES, UserError, type ExitCode } from '../errors.ts';
import { cliMessage, type Locale } from '../i18n/index.ts';
import { printErr, quotePath } from '../log.ts';
import { BrowserPool } from '../render/pdf/browser.ts';
import type { Format } from '../render/index.ts';
import { TOOL_VERSION } from '../version.ts';
import { reportDate } from './run.ts';

const SHARD_FILE = /^index-shard-(\d+)-of-(\d+)\.json$/;

export interface IndexArgs {
  readonly folders: readonly string[];
  readonly out?: string;
  readonly formats: readonly Format[];
  readonly lang?: Locale;
  readonly timeoutMs?: number;
}

async function readShards(dir: string): Promise<ShardIndex[]> {
  const t = cliMessage;
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(t('batch.merge.unreadable', { file: quotePath(dir), message: error.code ?? error.message }));
  });
  const found = names.filter((n) => SHARD_FILE.test(n)).sort();
  if (found.length === 0) throw new UserError(t('batch.merge.none', { dir: quotePath(dir) }));
  return Promise.all(
    found.map(async (name): Promise<ShardIndex> => {
      const file = path.join(dir, name);
      try {
        const json = JSON.parse(await fs.readFile(file, 'utf8')) as { kind?: unknown; batch?: ShardIndex['batch'] };
        const shard = json.batch?.shard;
        if (
          json.kind !== 'index' ||
          !shard ||
          !Number.isInteger(shard.index) ||
          !Number.isInteger(shard.count) ||
          !Array.isArray(json.batch?.scenarios)
        ) {
          throw new Error('not a shard index of gpu-report');
        }
        return { file, dir, batch: json.batch! };
      } catch (error) {
        throw new UserError(t('batch.merge.unreadable', { file: quotePath(file), message: (error as Error).message }));
      }
    }),
  );
}

export async function runIndex(args: IndexArgs): Promise<ExitCode> {
  const t = cliMessage;
  const shards = (await Promise.all(args.folders.map(readShards))).flat();
  const outDir = args.out ?? args.folders[0]!;
  await fs.mkdir(outDir, { recursive: true });
  const merged = mergeShardIndexes(shards, { outDir, generatedAt: reportDate(), toolVersion: TOOL_VERSION });
  const browser = new BrowserPool(args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs });
  try {
    const result = await writeIndex(merged.index, { outDir, formats: args.formats, locale: args.lang ?? 'en', browser });
    for (const f of result.failures) printErr(t('batch.indexFailed', { format: f.format, message: f.message }));
    if (result.written.length > 0) printErr(t('batch.indexWritten', { outputs: result.written.join(', ') }));
    printErr(t('batch.merge.done', { shards: shards.length, count: merged.count, total: merged.index.totals.total }));
    if (merged.missing.length > 0) {
      printErr(
        t('batch.merge.missing', { missing: merged.missing.join(', '), count: merged.count, found: merged.count - merged.missing.length }),
      );
    }
    return result.failures.length > 0 ? EXIT_CODES.outputsFailed : merged.missing.length > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.success;
  } finally {
    await browser.close();
  }
}
