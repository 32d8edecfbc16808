import { readFile } from 'node:fs/promises';
import { discoverScenarios } from '../scenario/discover.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { EXIT_CODES, type ExitCode } from '../errors.ts';
import { createTranslator } from '../i18n/index.ts';
import { printErr } from '../log.ts';

/** Checks scenarios against the schema and rules without calculating or rendering anything. */
export async function runValidate(inputs: readonly string[]): Promise<ExitCode> {
  const t = createTranslator('en');
  const files = await discoverScenarios(inputs);
  let invalid = 0;
  for (const file of files) {
    const result = parseScenario(await readFile(file, 'utf8'), file);
    if (result.ok) printErr(t('cli.valid', { file }));
    else {
      invalid++;
      for (const d of result.diagnostics) printErr(formatDiagnostic(d));
    }
  }
  printErr(t('cli.validateSummary', { total: files.length, ok: files.length - invalid, invalid }));
  return invalid > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.success;
}
