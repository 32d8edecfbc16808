import type { Argv } from 'yargs';
import { defaultConcurrency, DEFAULT_TIMEOUT_SECONDS } from '../batch/limits.ts';
import { parseShard, shardFromEnv } from '../batch/shard.ts';
import { FORMATS, isFormat, type Format } from '../render/index.ts';
import { LOCALES, type Locale, cliMessage } from '../i18n/index.ts';
import { UserError, type ExitCode } from '../errors.ts';

export interface RunArgs {
  inputs: string[];
  out: string;
  format: string;
  lang?: Locale;
  concurrency?: number;
  shard?: string;
  timeout?: number;
}

/** The scenario inputs of `run` and `validate` (help text read when yargs builds the command). */
export const inputsPositional = () =>
  ({ type: 'string', array: true, demandOption: true, describe: cliMessage('cli.help.pos.inputs') }) as const;

/** --format of `run` and `index`. */
export const formatOption = () =>
  ({
    alias: 'f',
    type: 'string',
    default: FORMATS.join(','),
    describe: cliMessage('cli.help.opt.format', { formats: FORMATS.join(', ') }),
  }) as const;

export const runBuilder = (y: Argv) => {
  const t = cliMessage;
  return y
    .positional('inputs', inputsPositional())
    .option('out', { alias: 'o', type: 'string', default: 'out', describe: t('cli.help.opt.out') })
    .option('format', formatOption())
    .option('lang', { type: 'string', choices: LOCALES, describe: t('cli.help.opt.lang') })
    .option('concurrency', { alias: 'j', type: 'number', describe: t('cli.help.opt.concurrency', { count: defaultConcurrency() }) })
    .option('shard', { type: 'string', describe: t('cli.help.opt.shard') })
    .option('timeout', { type: 'number', default: DEFAULT_TIMEOUT_SECONDS, describe: t('cli.help.opt.timeout') });
};

export function parseFormats(text: string): Format[] {
  const t = cliMessage;
  const formats = [
    ...new Set(
      text
        .split(',')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  for (const f of formats) if (!isFormat(f)) throw new UserError(t('cli.badFormat', { format: f, formats: FORMATS.join(', ') }));
  if (formats.length === 0) throw new UserError(t('cli.badFormat', { format: text, formats: FORMATS.join(', ') }));
  return formats as Format[];
}

/** The last second SOURCE_DATE_EPOCH may name: 9999-12-31T23:59:59Z (dates print with four-digit years). */
const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH (seconds) pins every timestamp, for reproducible outputs. Unset or empty:
 * now. Anything but whole seconds from 0 to MAX_SOURCE_DATE_EPOCH is refused (exit 2): a
 * reproducible build that silently used the clock would not be reproducible.
 */
export function reportDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return new Date();
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > MAX_SOURCE_DATE_EPOCH) {
    throw new UserError(cliMessage('cli.badEpoch', { value: env.SOURCE_DATE_EPOCH!, max: MAX_SOURCE_DATE_EPOCH }));
  }
  return new Date(Number(epoch) * 1000);
}

export async function runRun(args: RunArgs): Promise<ExitCode> {
  const t = cliMessage;
  if (args.concurrency !== undefined && (!Number.isInteger(args.concurrency) || args.concurrency < 1)) {
    throw new UserError(t('batch.badConcurrency', { value: String(args.concurrency) }));
  }
  const timeout = args.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UserError(t('batch.badTimeout', { value: String(args.timeout) }));
  const shard =
    args.shard === undefined
      ? undefined
      : String(args.shard).trim() === 'auto'
        ? shardFromEnv(process.env)
        : parseShard(String(args.shard));
  const formats = parseFormats(args.format);
  const now = reportDate();
  const { runBatch } = await import('../batch.ts');
  const result = await runBatch(args.inputs, {
    outDir: args.out,
    formats,
    ...(args.lang ? { lang: args.lang } : {}),
    now,
    timeoutMs: timeout * 1000,
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    ...(shard ? { shard } : {}),
  });
  return result.exitCode;
}
