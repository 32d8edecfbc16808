/**
 * The spawned CLI against mistakes and hostile surroundings: command-line errors (each must end
 * the command with exit 2 and write nothing), unreadable
 * paths (exit 2, the rest of the batch runs), hostile file names on the terminal and settings
 * out of range. The browser cases are in cli-browser-faults.chromium.test.ts.
 *
 * Unreadable paths: root reads chmod-000 files, so when the tests run as root those CLI runs
 * are started as the unprivileged user `nobody` (uid 65534), for whom chmod 000 holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, describeRun, fixture, listFiles, makeTempDir, removeTempDirs, writeFile, type CliResult } from './helpers.ts';
import { spawnCli, unprivilegedCanRun } from './spawn.ts';

let dir = '';
const r: Record<string, CliResult> = {};
const out = (name: string) => path.join(dir, `out-${name}`);

beforeAll(async () => {
  dir = makeTempDir('faults');
  fs.chmodSync(dir, 0o755);
  const ok = writeFile(path.join(dir, 'ok.yaml'), fs.readFileSync(fixture('good', 'minimal.yaml')));
  writeFile(path.join(dir, 'a-file'), 'x');
  // A batch with an unreadable subfolder and an unreadable file next to readable scenarios.
  writeFile(path.join(dir, 'batch', 'a.yaml'), fs.readFileSync(ok));
  writeFile(path.join(dir, 'batch', 'locked', 'b.yaml'), fs.readFileSync(ok));
  const secret = writeFile(path.join(dir, 'secret.yaml'), fs.readFileSync(ok));
  for (const p of [dir, path.join(dir, 'batch')]) fs.chmodSync(p, 0o777);
  fs.chmodSync(path.join(dir, 'batch', 'locked'), 0o000);
  fs.chmodSync(secret, 0o000);
  // File names that would print a fake line or recolour the terminal.
  writeFile(path.join(dir, 'names', 'x\n✓ fake.yaml: valid.yaml'), 'version: 1\nname: [');
  writeFile(path.join(dir, 'names', 'y\x1b[31mred.yaml'), 'version: 1\nname: [');

  const cli = (key: string, args: string[], env?: Record<string, string>) =>
    spawnCli(args, { cwd: dir, ...(env ? { env } : {}) }).then((res) => {
      r[key] = res;
    });
  await Promise.all([
    cli('fromat', ['run', ok, '--fromat', 'json', '--out', out('fromat')]),
    cli('bogus', ['run', ok, '--bogus', '--format', 'json', '--out', out('bogus')]),
    cli('noInputs', ['run', '--out', out('noInputs')]),
    cli('lang', ['run', ok, '--lang', 'xx', '--format', 'json', '--out', out('lang')]),
    cli('catalog', ['catalog', 'gpu']),
    cli('catalogExtra', ['catalog', 'gpus', 'extra']),
    cli('estimate', ['estimate', '--gpu', 'l40s', '--model', 'llama-3.1-8b', '--mode', 'both']),
    cli('twoOuts', ['run', ok, '--format', 'json', '--out', out('twoOuts'), '--out', out('twoOuts-b')]),
    cli('nan', ['run', ok, '--format', 'json', '--concurrency', 'abc', '--out', out('nan')]),
    cli('epoch', ['run', ok, '--format', 'json', '--out', out('epoch')], { SOURCE_DATE_EPOCH: '99999999999999' }),
    cli('outFile', ['run', ok, '--format', 'json', '--out', path.join(dir, 'a-file')]),
    cli('initFile', ['init', ok]),
    cli('devNull', ['run', '/dev/null', '--format', 'json', '--out', out('devNull')]),
    cli('names', ['validate', path.join(dir, 'names')]),
    cli('capped', ['run', ok, '--format', 'json', '--concurrency', '100000', '--out', out('capped')]),
    spawnCli(['run', path.join(dir, 'batch'), '--format', 'json', '--out', out('locked')], { cwd: dir, unprivileged: true }).then((res) => {
      r.locked = res;
    }),
    spawnCli(['validate', secret], { cwd: dir, unprivileged: true }).then((res) => {
      r.secret = res;
    }),
  ]);
}, 300_000);
afterAll(() => {
  fs.chmodSync(path.join(dir, 'batch', 'locked'), 0o755);
  removeTempDirs();
});

const noStack = (res: CliResult) => expect(res.stderr, describeRun(res)).not.toMatch(/^\s+at |internal error/m);

describe('command-line mistakes end the command: exit 2, nothing on stdout, nothing written', () => {
  it.each([
    ['fromat', /Unknown argument: fromat/],
    ['bogus', /Unknown argument: bogus/],
    ['noInputs', /Not enough non-option arguments/],
    ['lang', /Invalid values:[\s\S]*lang[\s\S]*"xx"/],
    ['catalog', /Invalid values:[\s\S]*"gpu"[\s\S]*"gpus", "models"/],
    ['catalogExtra', /Unknown argument: extra/],
    ['estimate', /Invalid values:[\s\S]*"both"/],
    ['twoOuts', /--out was given 2 times \(.*\): give it once/],
    ['nan', /--concurrency expects a number \(got "abc"\)/],
    ['epoch', /SOURCE_DATE_EPOCH must be whole seconds.*got "99999999999999"/],
    ['devNull', /\/dev\/null: not a regular file or a folder \(a device\)/],
    ['initFile', /ok\.yaml is a file: `gpu-report init` takes the folder/],
  ])('%s', (key, message) => {
    const res = r[key]!;
    expect(res.code, describeRun(res)).toBe(EXIT.invalidInput);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
    noStack(res);
    expect(fs.existsSync(out(key)), `${out(key)} was created`).toBe(false);
  });

  it('an output path that is a file: says so and names --out (not EEXIST)', () => {
    expect(r.outFile!.code, describeRun(r.outFile!)).toBe(EXIT.outputsFailed);
    expect(r.outFile!.stderr).toMatch(/a-file is an existing file: give --out a folder name/);
    expect(r.outFile!.stderr).not.toMatch(/EEXIST/);
  });

  it('--concurrency far above the CPU count is capped and says so', () => {
    expect(r.capped!.code, describeRun(r.capped!)).toBe(EXIT.success);
    expect(r.capped!.stderr).toMatch(/--concurrency 100000 capped at \d+/);
  });
});

// Root reads chmod-000 paths, so these run as `nobody`, which needs to reach the checkout.
describe.skipIf(!unprivilegedCanRun)('unreadable paths are invalid input (exit 2)', () => {
  it('an unreadable subfolder is reported and the rest of the batch runs', () => {
    const res = r.locked!;
    expect(res.code, describeRun(res)).toBe(EXIT.invalidInput);
    expect(res.stderr).toMatch(/locked: skipped: permission denied/);
    expect(listFiles(out('locked'))).toEqual(['a.json']);
    noStack(res);
  });

  it('an unreadable file under validate', () => {
    const res = r.secret!;
    expect(res.code, describeRun(res)).toBe(EXIT.invalidInput);
    expect(res.stderr).toMatch(/secret\.yaml:1:1: cannot read the file \(permission denied/);
    noStack(res);
  });
});

describe('file names on the terminal', () => {
  it('a name with a line break or an escape sequence is quoted: no fake line, no raw escape', () => {
    const res = r.names!;
    expect(res.code, describeRun(res)).toBe(EXIT.invalidInput);
    expect(res.stderr).not.toContain('\x1b');
    expect(res.stderr.split('\n').filter((l) => l.startsWith('✓'))).toEqual([]);
    expect(res.stderr).toContain('"');
  });
});
