import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, EXIT_CODES, type ExitCode } from '../errors.ts';
import { createTranslator } from '../i18n/index.ts';
import { printErr } from '../log.ts';

/** The fully commented example scenario (also shown in docs/scenario.md). */
export const EXAMPLE_SCENARIO = fileURLToPath(new URL('../../templates/example-scenario.yaml', import.meta.url));
const JSON_SCHEMA = fileURLToPath(new URL('../../schema/scenario.schema.json', import.meta.url));

/** `init [dir]`: writes dir/scenario.yaml from the example; never overwrites. */
export async function runInit(dir: string): Promise<ExitCode> {
  const t = createTranslator('en');
  const target = path.join(dir, 'scenario.yaml');
  await mkdir(dir, { recursive: true });
  // The example's editor modeline points at the schema relative to the repo; a written copy
  // points at this installation's schema file instead.
  const text = (await readFile(EXAMPLE_SCENARIO, 'utf8')).replace(/(\$schema=)\S+/, `$1${JSON_SCHEMA}`);
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(t('cli.initExists', { file: target }));
    throw new UserError(t('cli.outNotWritable', { dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT_CODES.outputsFailed);
  }
  printErr(t('cli.initWritten', { file: target }));
  return EXIT_CODES.success;
}
