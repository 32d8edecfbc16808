/**
 * What a batch shows on stderr while it runs. On a terminal: one progress bar (cli-progress)
 * with problems printed above it as they happen. Elsewhere (CI logs, pipes, files): one plain
 * line per scenario. Colour only where `useColor` allows it (NO_COLOR, FORCE_COLOR, TTY).
 */
import cliProgress from 'cli-progress';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import type { ScenarioOutcome } from '../pipeline.ts';
import { cliMessage } from '../i18n/index.ts';
import { quotePath, terminalSafe, useColor } from '../log.ts';

const t = cliMessage;

export interface Progress {
  /** One scenario finished. */
  done(outcome: ScenarioOutcome): void;
  /** A message that must stay visible (printed above the bar when there is one). */
  log(line: string): void;
  stop(): void;
}

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

/** The lines that describe one scenario's outcome: written files, problems, failures. */
export function renderOutcome(o: ScenarioOutcome): string[] {
  if (o.status === 'invalid') {
    return [...o.diagnostics.map(formatDiagnostic), t('cli.invalidCount', { file: quotePath(o.file), count: o.diagnostics.length })];
  }
  const lines: string[] = [];
  if (o.written.length > 0) {
    const base = o.written[0]!.replace(/\.[^.]+$/, '');
    lines.push(
      t('cli.written', {
        file: quotePath(o.file),
        outputs: quotePath(`${base}.{${o.written.map((w) => w.slice(base.length + 1)).join(',')}}`),
      }),
    );
  }
  for (const f of o.failures) lines.push(t('cli.failed', { file: quotePath(o.file), format: f.stage, message: f.message }));
  return lines;
}

export function createProgress(total: number, mode: ProgressMode = 'auto', stream: NodeJS.WriteStream = process.stderr): Progress {
  const write = (text: string) => {
    const line = terminalSafe(text);
    stream.write(line.endsWith('\n') ? line : `${line}\n`);
  };
  if (mode === 'none') return { done() {}, log() {}, stop() {} };
  if (mode === 'lines' || (mode === 'auto' && stream.isTTY !== true)) {
    return { done: (o) => renderOutcome(o).forEach(write), log: write, stop() {} };
  }
  const color = useColor(stream);
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: t('batch.progress'),
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      forceRedraw: false,
      // A bar only makes sense on a terminal; 'bar' forced elsewhere still draws (tests).
      noTTYOutput: stream.isTTY !== true,
      formatBar: color ? (progress, options) => `\x1b[32m${cliProgress.Format.BarFormat(progress, options)}\x1b[0m` : undefined,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = { failed: 0, invalid: 0 };
  let stopped = false;
  const bar = multi.create(total, 0, counts);
  const above = (text: string) => {
    const line = terminalSafe(text);
    multi.log(line.endsWith('\n') ? line : `${line}\n`);
  };
  return {
    done(o) {
      if (o.status === 'invalid') counts.invalid++;
      if (o.status === 'failed') counts.failed++;
      // Successes only move the bar; problems stay on screen above it.
      if (o.status !== 'ok') renderOutcome(o).forEach(above);
      bar.increment(1, counts);
    },
    log: above,
    stop() {
      if (stopped) return;
      stopped = true;
      // Flush lines logged since the last redraw (cli-progress writes them on the next update).
      multi.update();
      multi.stop();
    },
  };
}
