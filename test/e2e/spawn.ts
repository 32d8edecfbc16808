/**
 * Spawning the CLI where runCli (helpers.ts) is not enough: a run that must end even when a
 * browser it started still holds the pipes, a run as an unprivileged user, and a run interrupted
 * with Ctrl-C while it prints a PDF.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, type CliResult } from './helpers.ts';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/**
 * Whether an unprivileged run can start the CLI at all: as root, `nobody` must be able to reach
 * the checkout (a clone inside a 0700 folder from `mktemp -d` is out of its reach). Not root:
 * the tests run as this user, who can.
 */
export const unprivilegedCanRun =
  !asRoot ||
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: NOBODY, gid: NOBODY }).status === 0;

/**
 * Like runCli, but done when the CLI process exits even if something it started (a browser
 * that never answers) still holds its output pipes; killed after `timeoutMs`. With `unprivileged`
 * and the tests running as root, it runs as `nobody`, so that permissions apply.
 */
export function spawnCli(
  args: readonly string[],
  opts: { cwd: string; env?: Record<string, string>; unprivileged?: boolean; timeoutMs?: number },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    HOME: opts.cwd,
    LANG: 'C.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
    ...opts.env,
  };
  delete env.FORCE_COLOR;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const asNobody = opts.unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {};
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
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
export async function interruptDuringPdf(
  input: string,
  out: string,
): Promise<{ profile: string | undefined; code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [BIN, 'run', input, '--out', out, '--format', 'pdf'], {
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
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
