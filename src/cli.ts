/**
 * The command table. The only file that decides the process exit code (see EXIT_CODES in
 * errors.ts); commands return a code or throw a UserError.
 *
 * Command-line mistakes end the command before it does anything (exit 2, nothing written):
 * yargs' strict mode (unknown options, unknown or extra positionals, invalid choices) applies to
 * every command, its `fail` handler throws, and `checkArgs` refuses a single-value flag given
 * twice and a number flag given text.
 */
import yargs, { type Arguments } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { formatOption, inputsPositional, runBuilder, type RunArgs } from './commands/run.ts';
import { estimateCommand } from './commands/estimate.ts';
import { UserError, EXIT_CODES, type ExitCode } from './errors.ts';
import { cliMessage, LOCALES, messageLocaleFrom, setMessageLocale, type Locale } from './i18n/index.ts';
import { terminalSafe } from './log.ts';
import { TOOL_VERSION } from './version.ts';

// Commands load their modules when they run (bin/gpu-report.js answers --version before this file loads).

const t = cliMessage;
/** yargs' locale file (node_modules/yargs/locales) for each report language. */
const YARGS_LOCALES = { en: 'en', 'zh-CN': 'zh_CN' } as const satisfies Record<Locale, string>;
let exitCode: ExitCode = EXIT_CODES.success;
const set = (code: ExitCode) => {
  exitCode = code;
};

/** Flags that take several values; every other flag given twice is a mistake. */
const LIST_KEYS = new Set(['_', '$0', 'inputs', 'folders']);

/** What was typed after `flag` (or one of its aliases), for a message. */
function typedValue(argv: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    for (const name of names) {
      const flag = name.length === 1 ? `-${name}` : `--${name}`;
      if (argv[i] === flag) return argv[i + 1];
      if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
    }
  }
  return undefined;
}

/** A single-value flag given twice, or text where a number belongs: exit 2 before the command runs. */
function checkArgs(argv: readonly string[]) {
  return (args: Arguments): void => {
    // Long names first, so a message names --concurrency rather than its alias -j.
    for (const [key, value] of Object.entries(args).sort(([a], [b]) => b.length - a.length)) {
      if (LIST_KEYS.has(key) || /[A-Z]/.test(key)) continue;
      const flag = key.length === 1 ? `-${key}` : `--${key}`;
      if (Array.isArray(value)) {
        throw new UserError(
          `${t('cli.repeatedFlag', { flag, count: value.length, values: value.map(String).join(', ') })}\n${t('cli.usageHint')}`,
        );
      }
      if (typeof value === 'number' && Number.isNaN(value)) {
        throw new UserError(`${t('cli.notANumber', { flag, value: typedValue(argv, [key]) ?? '' })}\n${t('cli.usageHint')}`);
      }
    }
  };
}

async function main(argv: string[], locale: Locale): Promise<void> {
  await yargs(argv)
    // yargs' own words (usage errors, "Unknown argument", help headings) in the language of our
    // messages, not yargs' own guess from the environment (which ignores --lang).
    .locale(YARGS_LOCALES[locale])
    .scriptName('gpu-report')
    .version(TOOL_VERSION)
    // Every command takes --lang for its messages (run and index also write their reports in it).
    .option('lang', { type: 'string', choices: LOCALES, global: true, describe: t('cli.help.opt.messageLang') })
    // The help texts (cli.help.*) are read here and in the builders: after setMessageLocale (below).
    .usage(t('cli.help.usage', { program: '$0' }))
    .command('run <inputs..>', t('cli.help.run'), runBuilder, async (a) =>
      set(await (await import('./commands/run.ts')).runRun(a as unknown as RunArgs)),
    )
    .command(
      'validate <inputs..>',
      t('cli.help.validate'),
      (y) => y.positional('inputs', inputsPositional()),
      async (a) => set(await (await import('./commands/validate.ts')).runValidate(a.inputs as string[])),
    )
    .command(
      'index <folders..>',
      t('cli.help.index'),
      (y) =>
        y
          .positional('folders', { type: 'string', array: true, demandOption: true, describe: t('cli.help.pos.folders') })
          .option('out', { alias: 'o', type: 'string', describe: t('cli.help.opt.indexOut') })
          .option('format', formatOption())
          .option('lang', { type: 'string', choices: ['en', 'zh-CN'] as const, describe: t('cli.help.opt.indexLang') }),
      async (a) => {
        const [{ runIndex }, { parseFormats }] = await Promise.all([import('./commands/index.ts'), import('./commands/run.ts')]);
        set(
          await runIndex({
            folders: a.folders as string[],
            formats: parseFormats(a.format),
            ...(a.out ? { out: a.out } : {}),
            ...(a.lang ? { lang: a.lang } : {}),
          }),
        );
      },
    )
    .command(
      'catalog <what>',
      t('cli.help.catalog'),
      (y) =>
        y
          .positional('what', { choices: ['gpus', 'models'] as const, demandOption: true, describe: t('cli.help.pos.what') })
          .option('json', { type: 'boolean', default: false, describe: t('cli.help.opt.json') }),
      async (a) => (await import('./commands/catalog.ts')).runCatalog(a.what as 'gpus' | 'models', a.json),
    )
    .command(
      'init [dir]',
      t('cli.help.init'),
      (y) => y.positional('dir', { type: 'string', default: '.', describe: t('cli.help.pos.dir') }),
      async (a) => set(await (await import('./commands/init.ts')).runInit(a.dir)),
    )
    .command(estimateCommand())
    .middleware(checkArgs(argv))
    .demandCommand(1)
    .strict()
    .recommendCommands()
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      // Throwing ends the command: nothing runs after a command-line mistake.
      throw new UserError(`${message}\n${t('cli.usageHint')}`);
    })
    .parseAsync();
}

// Messages follow --lang, else the environment's locale (LANG): see i18n/index.ts.
const messageLocale = messageLocaleFrom(hideBin(process.argv), process.env);
setMessageLocale(messageLocale);
try {
  await main(hideBin(process.argv), messageLocale);
} catch (error) {
  if (error instanceof UserError) {
    console.error(terminalSafe(`gpu-report: ${error.message}`));
    set(error.exitCode);
  } else {
    console.error(terminalSafe(t('cli.internal', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) })));
    set(EXIT_CODES.internal);
  }
}
process.exitCode = exitCode;
