/**
 * The command table. The only file that decides the process exit code (see EXIT_CODES in
 * errors.ts); commands return a code or throw a UserError.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runBuilder, runRun, type RunArgs } from './commands/run.ts';
import { runValidate } from './commands/validate.ts';
import { runCatalog } from './commands/catalog.ts';
import { runInit } from './commands/init.ts';
import { estimateCommand } from './commands/estimate.ts';
import { UserError, EXIT_CODES, type ExitCode } from './errors.ts';
import { createTranslator } from './i18n/index.ts';
import { TOOL_VERSION } from './version.ts';

let exitCode: ExitCode = EXIT_CODES.success;
const set = (code: ExitCode) => { exitCode = code; };

async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('gpu-report')
    .version(TOOL_VERSION)
    .usage('$0 <command> [options]\n\nGPU procurement reports (xlsx, pdf, html, json) from scenario YAML files.')
    .command('run <inputs..>', 'generate the reports for scenario files or folders', runBuilder, async (a) => set(await runRun(a as unknown as RunArgs)))
    .command('validate <inputs..>', 'check scenario files without rendering', (y) => y.positional('inputs', { type: 'string', array: true, demandOption: true }), async (a) => set(await runValidate(a.inputs as string[])))
    .command('catalog <what>', 'list the GPU or model catalog', (y) => y.positional('what', { choices: ['gpus', 'models'] as const, demandOption: true }).option('json', { type: 'boolean', default: false }), (a) => runCatalog(a.what as 'gpus' | 'models', a.json))
    .command('init [dir]', 'write a commented example scenario to dir/scenario.yaml', (y) => y.positional('dir', { type: 'string', default: '.' }), async (a) => set(await runInit(a.dir)))
    .command(estimateCommand)
    .demandCommand(1)
    .strict()
    .recommendCommands()
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      console.error(`${message}\n${createTranslator('en')('cli.usageHint')}`);
      set(EXIT_CODES.invalidInput);
    })
    .parseAsync();
}

try {
  await main(hideBin(process.argv));
} catch (error) {
  if (error instanceof UserError) {
    console.error(`gpu-report: ${error.message}`);
    set(error.exitCode);
  } else {
    console.error(createTranslator('en')('cli.internal', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    set(EXIT_CODES.internal);
  }
}
process.exitCode = exitCode;
