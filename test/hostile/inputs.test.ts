/**
 * Mistaken inputs, by class: the same file under several spellings, symbolic links (to files,
 * to folders, in loops, broken), things that are not files (FIFOs, devices), files that vanish,
 * an output path that is a file, out-of-range SOURCE_DATE_EPOCH and --concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { discoverScenarios, type SkippedPath } from '../../src/scenario/discover.ts';
import { runScenario } from '../../src/pipeline.ts';
import { BrowserPool } from '../../src/render/pdf/browser.ts';
import { reportDate } from '../../src/commands/run.ts';
import { UserError } from '../../src/errors.ts';
import { quietBatch, removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';

afterAll(removeTempDirs);

let dir: string;
const inDir = () => path.join(dir, 'in');
const rel = (files: readonly string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

beforeAll(() => {
  dir = tempDir('inputs');
  write(path.join(inDir(), 'a.yaml'), scenarioYaml({ name: 'a' }));
  write(path.join(inDir(), 'sub', 'b.yaml'), scenarioYaml({ name: 'b' }));
  write(path.join(dir, 'elsewhere', 'c.yaml'), scenarioYaml({ name: 'c' }));
  write(path.join(dir, 'elsewhere', 'd.yaml'), scenarioYaml({ name: 'd' }));
  fs.symlinkSync(path.join(dir, 'elsewhere', 'c.yaml'), path.join(inDir(), 'linked-file.yaml'));
  fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(inDir(), 'linked-folder'));
  fs.symlinkSync('..', path.join(inDir(), 'sub', 'loop'));
  fs.symlinkSync('nowhere.yaml', path.join(inDir(), 'broken.yaml'));
  execFileSync('mkfifo', [path.join(inDir(), 'pipe.yaml')]);
});

const expectUserError = async (promise: Promise<unknown>, message: RegExp, exitCode = 2) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).exitCode).toBe(exitCode);
  expect((error as UserError).message).toMatch(message);
};

describe('discovery', () => {
  it('runs the same file once under any spelling: ./, x/../, a symbolic link', async () => {
    const a = path.join(inDir(), 'a.yaml');
    const files = await discoverScenarios([
      a,
      path.join(inDir(), 'sub', '..', 'a.yaml'),
      path.join(inDir(), '.', 'a.yaml'),
      path.join(inDir(), 'sub', 'loop', 'a.yaml'),
    ]);
    expect(files).toEqual([a]);
  });

  it('follows symbolic links to files and folders, survives a link loop, and lists each real file once', async () => {
    const skipped: SkippedPath[] = [];
    const files = await discoverScenarios([inDir()], skipped);
    // linked-folder/c.yaml is linked-file.yaml's real file; sub/loop leads back to in/, searched already.
    expect(rel(files)).toEqual(['in/a.yaml', 'in/linked-file.yaml', 'in/linked-folder/d.yaml', 'in/sub/b.yaml']);
  });

  it('reports what it skipped inside a folder (a broken link, a FIFO named .yaml) instead of skipping silently', async () => {
    const skipped: SkippedPath[] = [];
    await discoverScenarios([inDir()], skipped);
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['broken.yaml', expect.stringMatching(/does not exist|ENOENT/)],
      ['pipe.yaml', 'a named pipe'],
    ]);
  });

  it.each([
    ['/dev/null', /\/dev\/null: not a regular file or a folder \(a device\)/],
    ['pipe', /pipe\.yaml: not a regular file or a folder \(a named pipe\)/],
  ])('refuses %s as an input with exit 2 and says what it is', async (which, message) => {
    const input = which === 'pipe' ? path.join(inDir(), 'pipe.yaml') : which;
    await expectUserError(discoverScenarios([input]), message);
  });
});

describe('reading', () => {
  it('a file that vanished before it was read is invalid input (exit 2), not a failed output', async () => {
    const gone = path.join(dir, 'gone.yaml');
    const outcome = await runScenario(
      gone,
      'gone',
      { outDir: path.join(dir, 'out-gone'), formats: ['json'], now: new Date(0) },
      { browser: new BrowserPool() },
    );
    expect(outcome.status).toBe('invalid');
    if (outcome.status === 'invalid') expect(outcome.diagnostics[0]!.message).toMatch(/removed or renamed/);
  });

  it('a batch with a skipped path runs the rest and exits 2', async () => {
    const result = await quietBatch([inDir()], { outDir: path.join(dir, 'out-batch') });
    expect(result.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/pipe\.yaml: skipped: a named pipe/);
    expect(result.stderr).toMatch(/2 path\(s\) in the input folders were skipped/);
  });
});

describe('settings out of range', () => {
  it.each(['99999999999999', '253402300800', '-1', '1.5', 'abc', '1e9'])(
    'SOURCE_DATE_EPOCH=%s is refused with exit 2, naming the variable and the range',
    (value) => {
      let error: unknown;
      try {
        reportDate({ SOURCE_DATE_EPOCH: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toMatch(/SOURCE_DATE_EPOCH.*0 to 253402300799/);
    },
  );

  it('SOURCE_DATE_EPOCH in range, empty or unset gives a valid date', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '253402300799' }).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(Number.isNaN(reportDate({ SOURCE_DATE_EPOCH: '' }).getTime())).toBe(false);
    expect(Number.isNaN(reportDate({}).getTime())).toBe(false);
  });

  it('--concurrency far above the CPU count is capped, and says so', async () => {
    const result = await quietBatch([path.join(inDir(), 'a.yaml'), path.join(inDir(), 'sub', 'b.yaml')], {
      outDir: path.join(dir, 'out-many'),
      concurrency: 100_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/--concurrency 100000 capped at \d+ \(4 × \d+ CPU/);
  });

  it('an output path that is a file: says so and names --out, not EEXIST', async () => {
    const file = write(path.join(dir, 'a-file'), 'x');
    await expectUserError(
      quietBatch([path.join(inDir(), 'a.yaml')], { outDir: file }),
      /a-file is an existing file: give --out a folder name/,
      3,
    );
  });
});
