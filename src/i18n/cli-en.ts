/** English command-line messages (merged into en.ts). */
export const cliEn = {
  'cli.written': '✓ {file} → {outputs}',
  'cli.failed': '✗ {file}: {format}: {message}',
  'cli.invalidCount': '{file}: {count} problem(s); nothing written',
  'cli.summary': '{total} scenario(s): {ok} written, {invalid} invalid, {failed} failed ({seconds} s)',
  'cli.valid': '✓ {file}: valid',
  'cli.validateSummary': '{total} scenario(s): {ok} valid, {invalid} invalid',
  'cli.outNotWritable': 'cannot write to the output folder {dir}: {reason}',
  'cli.badFormat': 'unknown format "{format}": use any of {formats}',
  'cli.initWritten': 'wrote {file}: edit it, then run `gpu-report run {file}`',
  'cli.initExists': '{file} already exists: not overwritten (choose another folder)',
  'cli.internal': 'internal error: {message}\nThis is a bug in gpu-report; please report it with the command line and the scenario file.',
  'cli.browserMissing': 'PDF skipped for every scenario: {message}',
  'catalog.gpus.header': 'id | name | memory GB | bandwidth GB/s | BF16 dense TFLOPS | FP8 dense TFLOPS | TDP W | price USD | cloud USD/GPU-h',
  'catalog.models.header': 'id | name | params B | active B | layers | hidden | heads | KV heads | FFN | vocab | experts | max context',
} as const;
