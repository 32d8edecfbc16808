import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, EXIT_CODES, type ExitCode } from '../errors.ts';
import { cliMessage } from '../i18n/index.ts';
import { printErr, quotePath } from '../log.ts';

/** The fully commented example scenario (also shown in docs/scenario.md). */
const EXAMPLE_SCENARIO = fileURLToPath(new URL('../../templates/example-scenario.yaml', import.meta.url));
const JSON_SCHEMA = fileURLToPath(new URL('../../schema/scenario.schema.json', import.meta.url));

/** `init [dir]`: writes dir/scenario.yaml from the example; never overwrites. */
export async function runInit(dir: string): Promise<ExitCode> {
  const t = cliMessage;
  const target = path.join(dir, 'scenario.yaml');
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UserError(t('cli.initNotFolder', { dir: quotePath(dir) }));
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    // A file where a parent folder should be (ENOTDIR, EEXIST), or no permission.
    throw new UserError(
      t('cli.outNotWritable', { dir: quotePath(dir), reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
      EXIT_CODES.outputsFailed,
    );
  }
  // The example's editor modeline points at the schema relative to the repo; a written copy
  // points at this installation's schema file instead.
  const text = (await readFile(EXAMPLE_SCENARIO, 'utf8')).replace(/(\$schema=)\S+/, `$1${JSON_SCHEMA}`);
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(t('cli.initExists', { file: quotePath(target) }));
    throw new UserError(
      t('cli.outNotWritable', { dir: quotePath(dir), reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
      EXIT_CODES.outputsFailed,
    );
  }
  printErr(t('cli.initWritten', { file: quotePath(target) }));
  return EXIT_CODES.success;
}
