import { discoverScenarios, type SkippedPath } from '../scenario/discover.ts';
import { parseScenario } from '../scenario/parse.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { readScenario } from '../pipeline.ts';
import { EXIT_CODES, type ExitCode } from '../errors.ts';
import { cliMessage } from '../i18n/index.ts';
import { printErr, quotePath } from '../log.ts';

/**
 * Checks scenarios against the schema and rules without calculating or rendering anything. A
 * file that cannot be read, or a path skipped inside a folder, counts as invalid (exit 2).
 */
export async function runValidate(inputs: readonly string[]): Promise<ExitCode> {
  const t = cliMessage;
  const skipped: SkippedPath[] = [];
  const files = await discoverScenarios(inputs, skipped);
  for (const s of skipped) printErr(t('cli.skippedPath', { path: quotePath(s.path), reason: s.reason }));
  let invalid = 0;
  for (const file of files) {
    const read = await readScenario(file);
    const result = read.ok ? parseScenario(read.text, file) : read;
    if (result.ok) printErr(t('cli.valid', { file: quotePath(file) }));
    else {
      invalid++;
      for (const d of result.diagnostics) printErr(formatDiagnostic(d));
    }
  }
  printErr(t('cli.validateSummary', { total: files.length, ok: files.length - invalid, invalid }));
  if (skipped.length > 0) printErr(t('cli.skippedCount', { count: skipped.length }));
  return invalid > 0 || skipped.length > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.success;
}
