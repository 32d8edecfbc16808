/**
 * Many scenarios in one run: discovery, optional sharding, one shared browser, bounded
 * concurrency, progress on stderr, a per-scenario timeout, the batch index and a summary. A
 * scenario that is invalid, throws, hangs or loses its browser is reported and the others go on.
 */
import { availableParallelism } from 'node:os';
import { mkdir, access, constants } from 'node:fs/promises';
import pLimit from 'p-limit';
import { discoverScenarios } from './scenario/discover.ts';
import { outputNames } from './output/paths.ts';
import { removeStaleTemps } from './output/write.ts';
import { runScenario, type RunOptions, type ScenarioOutcome } from './pipeline.ts';
import { BrowserPool } from './render/pdf/browser.ts';
import { UserError, EXIT_CODES, type ExitCode } from './errors.ts';
import { createTranslator } from './i18n/index.ts';
import { TOOL_VERSION } from './version.ts';
import { printErr } from './log.ts';
import { selectShard, type Shard } from './batch/shard.ts';
import { createProgress, type ProgressMode } from './batch/progress.ts';
import { buildIndex, indexRow, type BatchIndex, type IndexRow } from './batch/index-rows.ts';
import { writeIndex, type IndexWriteResult } from './batch/write-index.ts';

const t = createTranslator('en');

/** Scenarios in flight at once when not given: one per CPU (printing runs in Chromium's processes meanwhile). */
export const defaultConcurrency = (): number => Math.max(1, availableParallelism());
/** Seconds a scenario may take before it fails as hung (`--timeout`). */
export const DEFAULT_TIMEOUT_SECONDS = 120;

export interface BatchOptions extends RunOptions {
  readonly concurrency?: number;
  readonly shard?: Shard;
  /** auto: a bar on a terminal, plain lines elsewhere. */
  readonly progress?: ProgressMode;
  /**
   * Write the batch index. Default: when the run covers more than one scenario or is a shard of
   * a larger set (a single scenario's reports are the whole answer, and an invalid one must
   * leave nothing behind).
   */
  readonly index?: boolean;
  /** A browser to use instead of launching one; the caller closes it (benchmarks, tests). */
  readonly browser?: BrowserPool;
}

export interface BatchResult {
  /** What happened to each scenario, without its report (the index has its figures). */
  readonly outcomes: readonly ScenarioOutcome[];
  /** Output base name of each outcome, same order. */
  readonly names: readonly string[];
  readonly index: BatchIndex;
  readonly indexResult: IndexWriteResult;
  readonly exitCode: ExitCode;
  readonly elapsedMs: number;
}

export async function runBatch(inputs: readonly string[], opts: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const discovered = await discoverScenarios(inputs);
  // Names over the whole set, so a scenario's outputs are named the same whichever shard runs it.
  const allNames = outputNames(discovered);
  const picked = selectShard(discovered, opts.shard);
  const files = picked.map((i) => discovered[i]!);
  const names = picked.map((i) => allNames[i]!);
  await ensureWritable(opts.outDir);
  const stale = await removeStaleTemps(opts.outDir);
  const progress = createProgress(files.length, opts.progress ?? 'auto');
  if (stale.length > 0) progress.log(t('batch.staleTemps', { count: stale.length, dir: opts.outDir }));
  if (opts.shard) progress.log(t('batch.shard', { ...opts.shard, selected: files.length, total: discovered.length }));
  const browser = opts.browser ?? new BrowserPool();
  const limit = pLimit(opts.concurrency ?? defaultConcurrency());
  try {
    const rows: IndexRow[] = [];
    const outcomes = await Promise.all(files.map((file, i) => limit(async () => {
      const outcome = await runScenario(file, names[i]!, opts, { browser });
      progress.done(outcome);
      // The index needs a few figures of the report; the report itself (and the HTML and chart
      // pictures cached against it) can go as soon as its files are written.
      rows[i] = indexRow(outcome, names[i]!);
      return 'report' in outcome ? { ...outcome, report: undefined } : outcome;
    })));
    const index = buildIndex(rows, { generatedAt: opts.now, toolVersion: TOOL_VERSION, shard: opts.shard });
    const indexResult = !(opts.index ?? (outcomes.length > 1 || opts.shard !== undefined))
      ? { written: [], failures: [] }
      : await writeIndex(index, { outDir: opts.outDir, formats: opts.formats, locale: opts.lang ?? 'en', browser });
    progress.stop();
    for (const f of indexResult.failures) printErr(t('batch.indexFailed', { format: f.format, message: f.message }));
    if (indexResult.written.length > 0) printErr(t('batch.indexWritten', { outputs: indexResult.written.join(', ') }));
    const elapsedMs = performance.now() - started;
    const { ok, invalid, failed } = index.totals;
    printErr(t('cli.summary', { total: outcomes.length, ok, invalid, failed, seconds: (elapsedMs / 1000).toFixed(1) }));
    const exitCode = failed > 0 || indexResult.failures.length > 0 ? EXIT_CODES.outputsFailed : invalid > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.success;
    return { outcomes, names, index, indexResult, exitCode, elapsedMs };
  } finally {
    progress.stop();
    if (!opts.browser) await browser.close();
  }
}

/** Fails early, before any work, when the output folder cannot be created or written. */
async function ensureWritable(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(t('cli.outNotWritable', { dir, reason }), EXIT_CODES.outputsFailed);
  }
}
