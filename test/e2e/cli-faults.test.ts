/**
 * The spawned CLI against mistakes and hostile surroundings: command-line errors (each must end
 * the command with exit 2 and write nothing), a browser that hangs, exits or cannot be run
 * (the PDF fails with exit 3, the other formats are written, the process exits), unreadable
 * paths (exit 2, the rest of the batch runs), hostile file names on the terminal, settings out
 * of range, and Ctrl-C during a PDF (no profile folder left behind).
 *
 * Unreadable paths: root reads chmod-000 files, so when the tests run as root those CLI runs
 * are started as the unprivileged user `nobody` (uid 65534), for whom chmod 000 holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXIT, describeRun, fixture, listFiles, makeTempDir, removeTempDirs, writeFile, type CliResult } from './helpers.ts';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/**
 * Like runCli, but done when the CLI process exits even if something it started (a browser
 * that never answers) still holds its output pipes; killed after `timeoutMs`. With `unprivileged`
 * and the tests running as root, it runs as `nobody`, so that permissions apply.
 */
function spawnCli(args: readonly string[], opts: { cwd: string; env?: Record<string, string>; unprivileged?: boolean; timeoutMs?: number }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: opts.cwd, ...opts.env };
  delete env.FORCE_COLOR;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const asNobody = opts.unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {};
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
    let done = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, signal, stdout, stderr, wallMs: performance.now() - started });
    };
    child.on('error', reject);
    child.on('close', finish);
    // Output still buffered at exit arrives within moments; a pipe held open by a grandchild never closes.
    child.on('exit', (code, signal) => setTimeout(() => finish(code, signal), 2000));
  });
}

/** Starts a PDF run, sends SIGINT once its Chromium profile folder exists, and returns that folder. */
async function interruptDuringPdf(input: string, out: string): Promise<{ profile: string | undefined; code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [BIN, 'run', input, '--out', out, '--format', 'pdf'], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  const prefix = `gpu-report-chromium-${child.pid}-`;
  let profile: string | undefined;
  for (let i = 0; i < 600 && !profile && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const name = fs.readdirSync(os.tmpdir()).find((n) => n.startsWith(prefix));
    if (name) profile = path.join(os.tmpdir(), name);
  }
  child.kill('SIGINT');
  const [code, signal] = await closed;
  return { profile, code, signal };
}

let dir = '';
const r: Record<string, CliResult> = {};
let interrupted: Awaited<ReturnType<typeof interruptDuringPdf>>;
const out = (name: string) => path.join(dir, `out-${name}`);

beforeAll(async () => {
  dir = makeTempDir('faults');
  fs.chmodSync(dir, 0o755);
  const ok = writeFile(path.join(dir, 'ok.yaml'), fs.readFileSync(fixture('good', 'minimal.yaml')));
  const script = (name: string, body: string) => { const f = writeFile(path.join(dir, name), `#!/bin/sh\n${body}\n`); fs.chmodSync(f, 0o755); return f; };
  const sleeper = script('sleeper', `echo $$ > '${path.join(dir, 'sleeper.pid')}'\nexec sleep 1000`);
  const quitter = script('quitter', 'exit 0');
  fs.mkdirSync(path.join(dir, 'chrome-folder'));
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

  const cli = (key: string, args: string[], env?: Record<string, string>) => spawnCli(args, { cwd: dir, ...(env ? { env } : {}) }).then((res) => { r[key] = res; });
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
    cli('sleeper', ['run', ok, '--timeout', '30', '--out', out('sleeper')], { CHROME_PATH: sleeper }),
    cli('quitter', ['run', ok, '--out', out('quitter')], { CHROME_PATH: quitter }),
    cli('chromeFolder', ['run', ok, '--format', 'json,pdf', '--out', out('chromeFolder')], { CHROME_PATH: path.join(dir, 'chrome-folder') }),
    spawnCli(['run', path.join(dir, 'batch'), '--format', 'json', '--out', out('locked')], { cwd: dir, unprivileged: true }).then((res) => { r.locked = res; }),
    spawnCli(['validate', secret], { cwd: dir, unprivileged: true }).then((res) => { r.secret = res; }),
  ]);
  interrupted = await interruptDuringPdf(ok, out('interrupted'));
}, 300_000);
afterAll(() => {
  // A build that failed to stop its browser must not leave the test's sleeper running.
  const pidFile = path.join(dir, 'sleeper.pid');
  if (fs.existsSync(pidFile)) try { process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL'); } catch { /* already gone: the expected case */ }
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

describe('a browser that cannot serve: the PDF fails (exit 3), the other formats are written, the process exits', () => {
  it.each([
    ['sleeper', /timed out after 30 s \(raise it with --timeout\)|did not start within 30 s/],
    ['quitter', /quitter stopped while starting .*(--version|npm run setup)/],
    ['chromeFolder', /CHROME_PATH points to .*chrome-folder, which is a folder, not a program/],
  ])('%s', (key, message) => {
    const res = r[key]!;
    expect(res.code, describeRun(res)).toBe(EXIT.outputsFailed);
    expect(res.stderr).toMatch(message);
    noStack(res);
    const written = listFiles(out(key));
    expect(written).toContain('ok.json');
    expect(written).not.toContain('ok.pdf');
  });

  it('the browser that never started was killed', () => {
    const pid = Number(fs.readFileSync(path.join(dir, 'sleeper.pid'), 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('unreadable paths are invalid input (exit 2)', () => {
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

describe('Ctrl-C during a PDF', () => {
  it('leaves no Chromium profile folder behind', () => {
    expect(interrupted.profile, 'the run made its profile folder').toBeDefined();
    expect(interrupted.code === 130 || interrupted.signal === 'SIGINT').toBe(true);
    expect(fs.existsSync(interrupted.profile!), interrupted.profile).toBe(false);
  });
});
