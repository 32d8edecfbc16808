/**
 * One scenario, end to end: read → validate → calculate → build report → render → write.
 * Reading and writing happen here at the two ends; everything between is pure. Each stage is
 * timed; a scenario that throws, or runs past its timeout, comes back as `failed` with the
 * reason instead of stopping the batch.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseScenario, MAX_SCENARIO_BYTES } from './scenario/parse.ts';
import { decodeScenario } from './scenario/encoding.ts';
import { isMissing, kindKey, reasonOf } from './scenario/discover.ts';
import { resolveScenario } from './scenario/resolve.ts';
import type { Diagnostic } from './scenario/diagnostics.ts';
import { calculateResults } from './plan/results.ts';
import { buildReport } from './analyses/build-report.ts';
import { findNonFinite } from './report/finite.ts';
import { RENDERERS, pdfSource, printSource, type Format, type PdfSource, type RenderContext } from './render/index.ts';
import { writeFileAtomic } from './output/write.ts';
import { type Locale, cliMessage } from './i18n/index.ts';
import { quotePath } from './log.ts';
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
type FailureStage = Format | 'scenario';

export type ScenarioOutcome =
  | { readonly file: string; readonly status: 'invalid'; readonly diagnostics: readonly Diagnostic[]; readonly timings: StageTimings }
  | {
      readonly file: string;
      readonly status: 'ok' | 'failed';
      readonly written: readonly string[];
      readonly failures: readonly { stage: FailureStage; message: string }[];
      /** Absent when the scenario failed before its report was built. */
      readonly report?: Report;
      readonly timings: StageTimings;
    };

/** What the CPU stages of a scenario need (prepareScenario). */
export interface PrepareOptions {
  readonly lang?: Locale;
  readonly now: Date;
  readonly formats: readonly Format[];
}

/** A scenario's CPU stages done: its report and every output but the PDF's print, or its problems. */
export type Prepared =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly timings: StageTimings }
  | {
      readonly ok: true;
      readonly report: Report;
      readonly outputs: Partial<Record<Format, Uint8Array>>;
      readonly failures: readonly { stage: Format; message: string }[];
      /** What the PDF is printed from; null when no PDF was asked for or its HTML failed. */
      readonly pdf: PdfSource | null;
      readonly timings: StageTimings;
    };

/**
 * The CPU stages done away from the thread that drives the browser (worker threads,
 * src/workers/pool.ts), so that on a machine with many cores Node's work runs beside Chromium's.
 */
export interface Offload {
  prepare(file: string, opts: PrepareOptions): Promise<Prepared>;
  /** The contents' page numbers and metadata appended to a printed PDF. */
  finish(printed: Uint8Array, source: Pick<PdfSource, 'meta' | 'contents'>): Promise<Uint8Array>;
}

/** A scenario's context: the run's browser, and the worker threads when the run has them. */
export interface ScenarioContext extends RenderContext {
  readonly offload?: Offload;
}

/** Renderers that need no browser are given no browser. */
const NO_BROWSER = {} as RenderContext;

/**
 * Load, calculate, build the report, render every format but the PDF (whose HTML, metadata and
 * contents layout are prepared for the print). Runs in a worker thread (src/workers/worker.ts)
 * or, without workers, on this thread.
 */
export async function prepareScenario(file: string, opts: PrepareOptions): Promise<Prepared> {
  const timings = newTimings();
  const loaded = await loadReport(file, opts, timings);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics, timings };
  const outputs: Partial<Record<Format, Uint8Array>> = {};
  const failures: { stage: Format; message: string }[] = [];
  let pdf: PdfSource | null = null;
  for (const format of opts.formats) {
    const start = performance.now();
    try {
      if (format === 'pdf') pdf = await pdfSource(loaded.report);
      else outputs[format] = await RENDERERS[format](loaded.report, NO_BROWSER);
    } catch (error) {
      failures.push({ stage: format, message: error instanceof Error ? error.message : String(error) });
    } finally {
      timings.renderMs[format] = since(start);
    }
  }
  return { ok: true, report: loaded.report, outputs, failures, pdf, timings };
}

const newTimings = (): StageTimings => ({ loadMs: 0, calculateMs: 0, buildMs: 0, renderMs: {}, writeMs: 0 });
const since = (start: number) => performance.now() - start;

/**
 * A scenario file's bytes and text, or why it cannot be read: a file that is unreadable,
 * vanished, not a regular file, too large or not UTF-8 is invalid input (exit 2), reported at
 * its line and column like any other problem.
 */
export async function readScenario(
  file: string,
): Promise<{ ok: true; bytes: Uint8Array; text: string } | { ok: false; diagnostics: readonly Diagnostic[] }> {
  const t = cliMessage;
  const problem = (message: string) => ({ ok: false as const, diagnostics: [{ file, line: 1, col: 1, path: '', message }] });
  const unreadable = (error: unknown) =>
    problem(isMissing(error) ? t('validate.vanished') : t('validate.unreadable', { reason: reasonOf(error) }));
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return unreadable(error);
  }
  if (!info.isFile()) return problem(t('validate.notRegularFile', { kind: t(kindKey(info)) }));
  // Size first: a huge file is refused without reading it into memory.
  if (info.size > MAX_SCENARIO_BYTES)
    return problem(t('batch.tooLarge', { mib: (info.size / 2 ** 20).toFixed(1), limitKib: MAX_SCENARIO_BYTES / 1024 }));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return unreadable(error);
  }
  const decoded = decodeScenario(bytes, file);
  return decoded.ok ? { ok: true, bytes, text: decoded.text } : { ok: false, diagnostics: [decoded.diagnostic] };
}

/** Reads and checks one scenario; the report it would produce, or its problems. */
export async function loadReport(
  file: string,
  opts: Pick<RunOptions, 'lang' | 'now'>,
  timings: StageTimings = newTimings(),
): Promise<{ ok: true; report: Report } | { ok: false; diagnostics: readonly Diagnostic[] }> {
  let start = performance.now();
  const read = await readScenario(file);
  if (!read.ok) {
    timings.loadMs += since(start);
    return read;
  }
  const bytes = read.bytes;
  const parsed = parseScenario(read.text, file);
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
  const broken = findNonFinite(report, read.text);
  if (broken.length) {
    const t = cliMessage;
    return {
      ok: false,
      diagnostics: broken.map((b) => ({
        file,
        line: 1,
        col: 1,
        path: '',
        message: t('validate.nonFinite', { value: b.value, path: b.path }),
      })),
    };
  }
  return { ok: true, report };
}

export async function runScenario(file: string, name: string, opts: RunOptions, ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const timings = newTimings();
  const controller = new AbortController();
  const scoped: ScenarioContext = { ...ctx, signal: ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal };
  // Filled as each output is written, so a scenario that times out still lists what it wrote.
  const written: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ScenarioOutcome>((resolve) => {
    if (opts.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort();
      const message = cliMessage('batch.timedOut', { seconds: +(opts.timeoutMs! / 1000).toFixed(1) });
      resolve({
        file,
        status: 'failed',
        written: inFormatOrder(written, opts.formats),
        failures: [{ stage: 'scenario', message }],
        timings,
      });
    }, opts.timeoutMs);
  });
  const work = runStages(file, name, opts, scoped, timings, written).catch((error: unknown): ScenarioOutcome => ({
    file,
    status: 'failed',
    written: inFormatOrder(written, opts.formats),
    timings,
    failures: [
      {
        stage: 'scenario',
        message: cliMessage('batch.crashed', { message: error instanceof Error ? error.message : String(error) }),
      },
    ],
  }));
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Formats that need the browser: started first, awaited last (runStages). */
const BROWSER_FORMATS: readonly Format[] = ['pdf'];

/** Written files in the order their formats were asked for (the order a report lists them in). */
const inFormatOrder = (written: readonly string[], formats: readonly Format[]): string[] =>
  [...written].sort((a, b) => formats.indexOf(path.extname(a).slice(1) as Format) - formats.indexOf(path.extname(b).slice(1) as Format));

async function runStages(
  file: string,
  name: string,
  opts: RunOptions,
  ctx: ScenarioContext,
  timings: StageTimings,
  written: string[],
): Promise<ScenarioOutcome> {
  const failures: { stage: FailureStage; message: string }[] = [];
  let printUnderway!: () => void;
  const underway = new Promise<void>((resolve) => (printUnderway = resolve));
  let report: Report;
  let render: (format: Format) => Promise<Uint8Array>;
  let formats = opts.formats;
  if (ctx.offload) {
    const offload = ctx.offload;
    const prepared = await offload.prepare(file, { ...(opts.lang ? { lang: opts.lang } : {}), now: opts.now, formats: opts.formats });
    Object.assign(timings, { ...prepared.timings, renderMs: { ...prepared.timings.renderMs } });
    if (!prepared.ok) return { file, status: 'invalid', diagnostics: prepared.diagnostics, timings };
    report = prepared.report;
    failures.push(...prepared.failures);
    formats = formats.filter((f) => !prepared.failures.some((x) => x.stage === f));
    const source = prepared.pdf;
    render = async (format) =>
      format === 'pdf' && source
        ? offload.finish(await withBrowserRetry(ctx, () => printSource(source, ctx)), source)
        : prepared.outputs[format]!;
  } else {
    const loaded = await loadReport(file, opts, timings);
    if (!loaded.ok) return { file, status: 'invalid', diagnostics: loaded.diagnostics, timings };
    report = loaded.report;
    const printing: RenderContext = { ...ctx, whilePrinting: printUnderway };
    render = (format) => (format === 'pdf' ? withBrowserRetry(ctx, () => RENDERERS.pdf(report, printing)) : RENDERERS[format](report, ctx));
  }
  /** Renders (or, rendered in a worker, finishes) and writes one format; a failure is recorded, never thrown (an abort is). */
  const produce = async (format: Format): Promise<void> => {
    ctx.signal?.throwIfAborted();
    let start = performance.now();
    let bytes: Uint8Array;
    try {
      bytes = await render(format);
    } catch (error) {
      failures.push({ stage: format, message: error instanceof Error ? error.message : String(error) });
      return;
    } finally {
      // Rendered in a worker: its time is the worker's (the PDF's adds printing and finishing).
      const ms = since(start);
      timings.renderMs[format] = ctx.offload && format !== 'pdf' ? timings.renderMs[format] : (timings.renderMs[format] ?? 0) + ms;
    }
    // A scenario that timed out writes nothing more: its outcome is already reported.
    ctx.signal?.throwIfAborted();
    start = performance.now();
    const target = path.join(opts.outDir, `${name}.${format}`);
    try {
      await writeFileAtomic(target, bytes);
      written.push(target);
    } catch (error) {
      failures.push({
        stage: format,
        message: cliMessage('batch.cannotWrite', { file: quotePath(target), message: (error as Error).message }),
      });
    }
    timings.writeMs += since(start);
  };
  // The browser formats start first and print while Node renders the others (Chromium's work and
  // Node's overlap). On this thread (no workers) the others wait until Chromium has been asked for
  // the PDF: its few round trips to the browser would each wait behind their synchronous work
  // (a cold single report sent its HTML ~0.3 s after it was ready). They do not wait for a browser
  // still starting, nor for the print itself, so a browser that hangs holds back nothing.
  const printing = Promise.all(formats.filter((f) => BROWSER_FORMATS.includes(f)).map(produce));
  printing.catch(() => undefined);
  if (!ctx.offload && formats.some((f) => BROWSER_FORMATS.includes(f))) await Promise.race([underway, printing.then(() => undefined)]);
  for (const format of formats.filter((f) => !BROWSER_FORMATS.includes(f))) await produce(format);
  await printing;
  return {
    file,
    status: failures.length ? 'failed' : 'ok',
    written: inFormatOrder(written, opts.formats),
    failures,
    report,
    timings,
  };
}

/** A print that failed because the shared browser died (not because of this report) gets one more try on a fresh one. */
async function withBrowserRetry(ctx: RenderContext, print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const losses = ctx.browser.losses;
  try {
    return await print();
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    // The pipe's close (which counts the loss) can trail the failed call by a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (ctx.browser.losses === losses) throw error;
    return print();
  }
}
