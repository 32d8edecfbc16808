/**
 * Many scenarios in one run: discovery, optional sharding, one shared browser, bounded
 * concurrency, progress on stderr, a per-scenario timeout, the batch index and a summary. A
 * scenario that is invalid, throws, hangs or loses its browser is reported and the others go on.
 */
import { availableParallelism } from 'node:os';
import { mkdir, access, constants, stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { discoverScenarios, type SkippedPath } from './scenario/discover.ts';
import { outputNames } from './output/paths.ts';
import { removeStaleTemps } from './output/write.ts';
import { runScenario, type RunOptions, type ScenarioOutcome } from './pipeline.ts';
import { BrowserPool } from './render/pdf/browser.ts';
import { UserError, EXIT_CODES, type ExitCode } from './errors.ts';
import { cliMessage } from './i18n/index.ts';
import { TOOL_VERSION } from './version.ts';
import { printErr, quotePath } from './log.ts';
import { selectShard, type Shard } from './batch/shard.ts';
import { createProgress, type ProgressMode } from './batch/progress.ts';
import { defaultConcurrency } from './batch/limits.ts';
import { WorkerPool, workerCount, workersAvailable } from './workers/pool.ts';
import { buildIndex, indexRow, type BatchIndex, type IndexRow } from './batch/index-rows.ts';
import { writeIndex, type IndexWriteResult } from './batch/write-index.ts';

const t = cliMessage;

/**
 * At most this many scenarios per CPU run at once, whatever --concurrency asks: each holds its
 * report, charts and a browser tab in memory (100,000 on a 504-file folder took 4.9 GB), and
 * past a few per CPU they only wait for each other.
 */
const MAX_CONCURRENCY_PER_CPU = 4;

/** Scenarios to run at once: the request (or one per CPU), at most MAX_CONCURRENCY_PER_CPU per CPU and one per scenario. */
function effectiveConcurrency(
  requested: number | undefined,
  scenarios: number,
  cpus = availableParallelism(),
): { value: number; capped: boolean } {
  const ceiling = MAX_CONCURRENCY_PER_CPU * Math.max(1, cpus);
  const wanted = requested ?? defaultConcurrency();
  return { value: Math.max(1, Math.min(wanted, ceiling, scenarios)), capped: wanted > ceiling };
}

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
  const skipped: SkippedPath[] = [];
  const discovered = await discoverScenarios(inputs, skipped);
  // Names over the whole set, so a scenario's outputs are named the same whichever shard runs it.
  const allNames = outputNames(discovered);
  const picked = selectShard(discovered, opts.shard);
  const files = picked.map((i) => discovered[i]!);
  const names = picked.map((i) => allNames[i]!);
  await ensureWritable(opts.outDir);
  const stale = await removeStaleTemps(opts.outDir);
  const progress = createProgress(files.length, opts.progress ?? 'auto');
  if (stale.length > 0) progress.log(t('batch.staleTemps', { count: stale.length, dir: quotePath(opts.outDir) }));
  for (const p of skipped) progress.log(t('cli.skippedPath', { path: quotePath(p.path), reason: p.reason }));
  if (opts.shard) progress.log(t('batch.shard', { ...opts.shard, selected: files.length, total: discovered.length }));
  const concurrency = effectiveConcurrency(opts.concurrency, files.length);
  if (concurrency.capped) {
    progress.log(
      t('cli.concurrencyCapped', {
        requested: opts.concurrency!,
        cap: MAX_CONCURRENCY_PER_CPU * availableParallelism(),
        factor: MAX_CONCURRENCY_PER_CPU,
        cpus: availableParallelism(),
      }),
    );
  }
  const browser = opts.browser ?? new BrowserPool(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs });
  // The browser starts while the first scenarios are read and calculated (its launch is most of a
  // single report's wait): its process is spawned before any scenario's synchronous work begins
  // (BrowserPool.start); a launch that fails fails again, with its message, where a PDF needs it.
  if (opts.formats.includes('pdf') && files.length > 0) await browser.start();
  const limit = pLimit(concurrency.value);
  // The CPU stages in worker threads when running compiled (the CLI): see src/workers/pool.ts. A
  // single scenario stays on this thread: a worker would load the renderers a second time.
  const workers =
    workersAvailable() && files.length > 1 && workerCount(concurrency.value) > 0
      ? new WorkerPool(workerCount(concurrency.value))
      : undefined;
  try {
    const rows: IndexRow[] = [];
    const outcomes = await Promise.all(
      files.map((file, i) =>
        limit(async () => {
          const outcome = await runScenario(file, names[i]!, opts, workers ? { browser, offload: workers } : { browser });
          progress.done(outcome);
          // The index needs a few figures of the report; the report itself (and the HTML and chart
          // pictures cached against it) can go as soon as its files are written.
          rows[i] = indexRow(outcome, names[i]!);
          return 'report' in outcome ? { ...outcome, report: undefined } : outcome;
        }),
      ),
    );
    const index = buildIndex(rows, { generatedAt: opts.now, toolVersion: TOOL_VERSION, shard: opts.shard });
    const indexResult = !(opts.index ?? (outcomes.length > 1 || opts.shard !== undefined))
      ? { written: [], failures: [] }
      : await writeIndex(index, { outDir: opts.outDir, formats: opts.formats, locale: opts.lang ?? 'en', browser });
    progress.stop();
    for (const f of indexResult.failures) printErr(t('batch.indexFailed', { format: f.format, message: f.message }));
    if (indexResult.written.length > 0) printErr(t('batch.indexWritten', { outputs: indexResult.written.join(', ') }));
    const elapsedMs = performance.now() - started;
    const { ok, overBudget, invalid, failed } = index.totals;
    // Over-budget scenarios were written too (the index marks them).
    printErr(t('cli.summary', { total: outcomes.length, ok: ok + overBudget, invalid, failed, seconds: (elapsedMs / 1000).toFixed(1) }));
    if (skipped.length > 0) printErr(t('cli.skippedCount', { count: skipped.length }));
    const exitCode =
      failed > 0 || indexResult.failures.length > 0
        ? EXIT_CODES.outputsFailed
        : invalid > 0 || skipped.length > 0
          ? EXIT_CODES.invalidInput
          : EXIT_CODES.success;
    return { outcomes, names, index, indexResult, exitCode, elapsedMs };
  } finally {
    progress.stop();
    await workers?.close();
    if (!opts.browser) await browser.close();
  }
}

/** Fails early, before any work, when the output folder cannot be created or written. */
async function ensureWritable(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UserError(t('cli.outIsFile', { dir: quotePath(dir) }), EXIT_CODES.outputsFailed);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(t('cli.outNotWritable', { dir: quotePath(dir), reason }), EXIT_CODES.outputsFailed);
  }
}
