/**
 * One scenario, end to end: read → validate → calculate → build report → render → write.
 * Reading and writing happen here at the two ends; everything between is pure. Each stage is
 * timed; a scenario that throws, or runs past its timeout, comes back as `failed` with the
 * reason instead of stopping the batch.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseScenario, MAX_SCENARIO_BYTES } from './scenario/parse.ts';
import { resolveScenario } from './scenario/resolve.ts';
import type { Diagnostic } from './scenario/diagnostics.ts';
import { calculateResults } from './plan/results.ts';
import { buildReport } from './analyses/build-report.ts';
import { RENDERERS, type Format, type RenderContext } from './render/index.ts';
import { writeFileAtomic } from './output/write.ts';
import { createTranslator, type Locale } from './i18n/index.ts';
import { TOOL_VERSION } from './version.ts';
import type { Report } from './report/model.ts';

export interface RunOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  /** Report language; when absent the scenario's `locale`, else English. */
  readonly lang?: Locale;
  /** The report's timestamp (SOURCE_DATE_EPOCH when set, so outputs are reproducible). */
  readonly now: Date;
  /** A scenario still running after this long fails as timed out (default: no limit). */
  readonly timeoutMs?: number;
}

/** Milliseconds spent in each stage of one scenario (wall time; stages of concurrent scenarios overlap). */
export interface StageTimings {
  /** stat, read, YAML parse, schema and rules. */
  loadMs: number;
  /** Catalog resolution and the calculators. */
  calculateMs: number;
  /** Analyses → Report. */
  buildMs: number;
  /** Per renderer (pdf includes its HTML when html was not asked for, printing and the metadata step). */
  renderMs: Partial<Record<Format, number>>;
  writeMs: number;
}

/** Where a scenario failed: a renderer, or the scenario as a whole (a calculator threw, it timed out). */
export type FailureStage = Format | 'scenario';

export type ScenarioOutcome =
  | { readonly file: string; readonly status: 'invalid'; readonly diagnostics: readonly Diagnostic[]; readonly timings: StageTimings }
  | {
    readonly file: string; readonly status: 'ok' | 'failed'; readonly written: readonly string[];
    readonly failures: readonly { stage: FailureStage; message: string }[];
    /** Absent when the scenario failed before its report was built. */
    readonly report?: Report; readonly timings: StageTimings;
  };

const newTimings = (): StageTimings => ({ loadMs: 0, calculateMs: 0, buildMs: 0, renderMs: {}, writeMs: 0 });
const since = (start: number) => performance.now() - start;

/** Reads and checks one scenario; the report it would produce, or its problems. */
export async function loadReport(file: string, opts: Pick<RunOptions, 'lang' | 'now'>, timings: StageTimings = newTimings()): Promise<{ ok: true; report: Report } | { ok: false; diagnostics: readonly Diagnostic[] }> {
  let start = performance.now();
  // Size first: a huge file is refused without reading it into memory.
  const size = (await stat(file)).size;
  if (size > MAX_SCENARIO_BYTES) {
    const message = createTranslator('en')('batch.tooLarge', { mib: (size / 2 ** 20).toFixed(1), limitKib: MAX_SCENARIO_BYTES / 1024 });
    timings.loadMs += since(start);
    return { ok: false, diagnostics: [{ file, line: 1, col: 1, path: '', message }] };
  }
  const bytes = await readFile(file);
  const parsed = parseScenario(bytes.toString('utf8'), file);
  timings.loadMs += since(start);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  start = performance.now();
  const scenario = resolveScenario(parsed.scenario);
  const results = calculateResults(scenario);
  timings.calculateMs += since(start);
  start = performance.now();
  const report = buildReport(scenario, results, {
    file: file.split(path.sep).join('/'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    generatedAt: opts.now,
    toolVersion: TOOL_VERSION,
    locale: opts.lang ?? scenario.locale ?? 'en',
  });
  timings.buildMs += since(start);
  return { ok: true, report };
}

export async function runScenario(file: string, name: string, opts: RunOptions, ctx: RenderContext): Promise<ScenarioOutcome> {
  const timings = newTimings();
  const controller = new AbortController();
  const scoped: RenderContext = { ...ctx, signal: ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ScenarioOutcome>((resolve) => {
    if (opts.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort();
      const message = createTranslator('en')('batch.timedOut', { seconds: +(opts.timeoutMs! / 1000).toFixed(1) });
      resolve({ file, status: 'failed', written: [], failures: [{ stage: 'scenario', message }], timings });
    }, opts.timeoutMs);
  });
  const work = runStages(file, name, opts, scoped, timings).catch((error: unknown): ScenarioOutcome => ({
    file, status: 'failed', written: [], timings,
    failures: [{ stage: 'scenario', message: createTranslator('en')('batch.crashed', { message: error instanceof Error ? error.message : String(error) }) }],
  }));
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function runStages(file: string, name: string, opts: RunOptions, ctx: RenderContext, timings: StageTimings): Promise<ScenarioOutcome> {
  const loaded = await loadReport(file, opts, timings);
  if (!loaded.ok) return { file, status: 'invalid', diagnostics: loaded.diagnostics, timings };
  const failures: { stage: FailureStage; message: string }[] = [];
  const rendered: { format: Format; bytes: Uint8Array }[] = [];
  for (const format of opts.formats) {
    ctx.signal?.throwIfAborted();
    const start = performance.now();
    try {
      rendered.push({ format, bytes: await renderWithRetry(format, loaded.report, ctx) });
    } catch (error) {
      failures.push({ stage: format, message: error instanceof Error ? error.message : String(error) });
    }
    timings.renderMs[format] = since(start);
  }
  const written: string[] = [];
  const start = performance.now();
  for (const { format, bytes } of rendered) {
    // A scenario that timed out writes nothing more: its outcome is already reported.
    ctx.signal?.throwIfAborted();
    const target = path.join(opts.outDir, `${name}.${format}`);
    try {
      await writeFileAtomic(target, bytes);
      written.push(target);
    } catch (error) {
      failures.push({ stage: format, message: `cannot write ${target}: ${(error as Error).message}` });
    }
  }
  timings.writeMs = since(start);
  return { file, status: failures.length ? 'failed' : 'ok', written, failures, report: loaded.report, timings };
}

/** A render that failed because the shared browser died (not because of this report) gets one more try on a fresh one. */
async function renderWithRetry(format: Format, report: Report, ctx: RenderContext): Promise<Uint8Array> {
  const losses = ctx.browser.losses;
  try {
    return await RENDERERS[format](report, ctx);
  } catch (error) {
    if (format !== 'pdf' || ctx.signal?.aborted) throw error;
    // The pipe's close (which counts the loss) can trail the failed call by a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (ctx.browser.losses === losses) throw error;
    return RENDERERS[format](report, ctx);
  }
}
