/**
 * One scenario, end to end: read → validate → calculate → build report → render → write.
 * Reading and writing happen here at the two ends; everything between is pure.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseScenario } from './scenario/parse.ts';
import { resolveScenario } from './scenario/resolve.ts';
import type { Diagnostic } from './scenario/diagnostics.ts';
import { calculateResults } from './plan/results.ts';
import { buildReport } from './report/build.ts';
import { RENDERERS, type Format, type RenderContext } from './render/index.ts';
import { writeFileAtomic } from './output/write.ts';
import type { Locale } from './i18n/index.ts';
import { TOOL_VERSION } from './version.ts';
import type { Report } from './report/model.ts';

export interface RunOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  /** Report language; when absent the scenario's `locale`, else English. */
  readonly lang?: Locale;
  /** The report's timestamp (SOURCE_DATE_EPOCH when set, so outputs are reproducible). */
  readonly now: Date;
}

export type ScenarioOutcome =
  | { readonly file: string; readonly status: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly file: string; readonly status: 'ok' | 'failed'; readonly written: readonly string[]; readonly failures: readonly { format: Format; message: string }[]; readonly report: Report };

/** Reads and checks one scenario; the report it would produce, or its problems. */
export async function loadReport(file: string, opts: Pick<RunOptions, 'lang' | 'now'>): Promise<{ ok: true; report: Report } | { ok: false; diagnostics: readonly Diagnostic[] }> {
  const bytes = await readFile(file);
  const parsed = parseScenario(bytes.toString('utf8'), file);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const scenario = resolveScenario(parsed.scenario);
  const results = calculateResults(scenario);
  const report = buildReport(scenario, results, {
    file: file.split(path.sep).join('/'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    generatedAt: opts.now,
    toolVersion: TOOL_VERSION,
    locale: opts.lang ?? scenario.locale ?? 'en',
  });
  return { ok: true, report };
}

export async function runScenario(file: string, name: string, opts: RunOptions, ctx: RenderContext): Promise<ScenarioOutcome> {
  const loaded = await loadReport(file, opts);
  if (!loaded.ok) return { file, status: 'invalid', diagnostics: loaded.diagnostics };
  const failures: { format: Format; message: string }[] = [];
  const rendered: { format: Format; bytes: Uint8Array }[] = [];
  for (const format of opts.formats) {
    try {
      rendered.push({ format, bytes: await RENDERERS[format](loaded.report, ctx) });
    } catch (error) {
      failures.push({ format, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const written: string[] = [];
  for (const { format, bytes } of rendered) {
    const target = path.join(opts.outDir, `${name}.${format}`);
    try {
      await writeFileAtomic(target, bytes);
      written.push(target);
    } catch (error) {
      failures.push({ format, message: `cannot write ${target}: ${(error as Error).message}` });
    }
  }
  return { file, status: failures.length ? 'failed' : 'ok', written, failures, report: loaded.report };
}
