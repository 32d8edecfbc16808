/**
 * Many scenarios in one run: discovery, one shared browser, bounded concurrency, one line per
 * scenario on stderr, and a summary. A scenario that is invalid or fails is reported and the
 * others go on.
 */
import { availableParallelism } from 'node:os';
import { mkdir, access, constants } from 'node:fs/promises';
import pLimit from 'p-limit';
import { discoverScenarios } from './scenario/discover.ts';
import { formatDiagnostic } from './scenario/diagnostics.ts';
import { outputNames } from './output/paths.ts';
import { runScenario, type RunOptions, type ScenarioOutcome } from './pipeline.ts';
import { BrowserPool } from './render/pdf/browser.ts';
import { UserError, EXIT_CODES, type ExitCode } from './errors.ts';
import { createTranslator } from './i18n/index.ts';
import { printErr } from './log.ts';

const t = createTranslator('en');

export interface BatchOptions extends RunOptions {
  readonly concurrency?: number;
}

export interface BatchResult {
  readonly outcomes: readonly ScenarioOutcome[];
  readonly exitCode: ExitCode;
  readonly elapsedMs: number;
}

export async function runBatch(inputs: readonly string[], opts: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const files = await discoverScenarios(inputs);
  await ensureWritable(opts.outDir);
  const names = outputNames(files);
  const browser = new BrowserPool();
  const limit = pLimit(opts.concurrency ?? Math.max(1, availableParallelism()));
  try {
    const outcomes = await Promise.all(files.map((file, i) => limit(async () => {
      const outcome = await runScenario(file, names[i]!, opts, { browser });
      printOutcome(outcome);
      return outcome;
    })));
    const elapsedMs = performance.now() - started;
    const count = (s: ScenarioOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    printErr(t('cli.summary', { total: outcomes.length, ok: count('ok'), invalid: count('invalid'), failed: count('failed'), seconds: (elapsedMs / 1000).toFixed(1) }));
    const exitCode = count('failed') > 0 ? EXIT_CODES.outputsFailed : count('invalid') > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.success;
    return { outcomes, exitCode, elapsedMs };
  } finally {
    await browser.close();
  }
}

function printOutcome(o: ScenarioOutcome): void {
  if (o.status === 'invalid') {
    for (const d of o.diagnostics) printErr(formatDiagnostic(d));
    printErr(t('cli.invalidCount', { file: o.file, count: o.diagnostics.length }));
    return;
  }
  if (o.written.length > 0) {
    const base = o.written[0]!.replace(/\.[^.]+$/, '');
    printErr(t('cli.written', { file: o.file, outputs: `${base}.{${o.written.map((w) => w.slice(base.length + 1)).join(',')}}` }));
  }
  for (const f of o.failures) printErr(t('cli.failed', { file: o.file, format: f.format, message: f.message }));
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
