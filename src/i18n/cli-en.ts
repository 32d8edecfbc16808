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
  'cli.noInput': '{input}: no such file or folder',
  'cli.noScenarios': '{input}: no scenario files (*.yaml, *.yml) in this folder',
  'cli.chromePathMissing': 'CHROME_PATH points to {path}, which does not exist',
  'cli.noBrowser':
    'no Chromium found for the PDF. Run `npm run setup` (Debian: installs chromium-headless-shell), or set CHROME_PATH to a Chrome/Chromium executable, or use --format xlsx,html,json',
  'cli.usageHint': 'Run gpu-report --help for usage.',
  'cli.internal': 'internal error: {message}\nThis is a bug in gpu-report; please report it with the command line and the scenario file.',
  'cli.browserMissing': 'PDF skipped for every scenario: {message}',
  'cli.repeatedFlag': '{flag} was given {count} times ({values}): give it once',
  'cli.notANumber': '{flag} expects a number (got "{value}")',
  'cli.notFileOrFolder': '{input}: not a regular file or a folder ({kind}): give scenario files (*.yaml) or folders of them',
  'cli.unreadableInput': '{input}: cannot be read ({reason}): check that it exists and that you may read it',
  'cli.skippedPath': '{path}: skipped: {reason}',
  'cli.skippedCount': '{count} path(s) in the input folders were skipped (listed above); the exit code is 2',
  'cli.outIsFile': 'the output folder {dir} is an existing file: give --out a folder name',
  'cli.initNotFolder': '{dir} is a file: `gpu-report init` takes the folder to write scenario.yaml into',
  'cli.chromePathNotFile': 'CHROME_PATH points to {path}, which is {kind}, not a program: point it at the Chrome/Chromium executable',
  'cli.chromePathNotExecutable':
    'CHROME_PATH points to {path}, which is not executable: run chmod +x on it, or point CHROME_PATH at a Chrome/Chromium executable',
  'cli.browserStartTimeout':
    'the browser {path} did not start within {seconds} s and was stopped: check that it is Chrome/Chromium ({path} --version), or raise --timeout',
  'cli.browserExited':
    'the browser {path} stopped while starting ({detail}): check that it is Chrome/Chromium ({path} --version), or run `npm run setup`',
  'cli.badEpoch':
    'SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, from 0 to {max} (year 9999) (got "{value}"): fix it or unset it',
  'cli.concurrencyCapped':
    '--concurrency {requested} capped at {cap} ({factor} × {cpus} CPU(s)): more scenarios at once would only use more memory',
  'cli.kind.folder': 'a folder',
  'cli.kind.fifo': 'a named pipe',
  'cli.kind.device': 'a device',
  'cli.kind.socket': 'a socket',
  'cli.kind.other': 'not a regular file',
  'cli.reason.ENOENT': 'it does not exist (a broken symbolic link?)',
  'cli.reason.EACCES': 'permission denied',
  'cli.reason.ELOOP': 'too many levels of symbolic links (a loop?)',
  'catalog.gpus.header':
    'id | name | memory GB | bandwidth GB/s | BF16 dense TFLOPS | FP8 dense TFLOPS | TDP W | price USD | cloud USD/GPU-h',
  'catalog.models.header': 'id | name | params B | active B | layers | hidden | heads | KV heads | FFN | vocab | experts | max context',
} as const;
