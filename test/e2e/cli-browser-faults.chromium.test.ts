/**
 * The spawned CLI against a browser that hangs, exits at once or cannot be run (the PDF fails
 * with exit 3, the other formats are written, the process exits and the hung browser is
 * killed), and Ctrl-C during a PDF (no profile folder left behind).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, describeRun, fixture, listFiles, makeTempDir, removeTempDirs, writeFile, type CliResult } from './helpers.ts';
import { interruptDuringPdf, spawnCli } from './spawn.ts';

let dir = '';
const r: Record<string, CliResult> = {};
let interrupted: Awaited<ReturnType<typeof interruptDuringPdf>>;
const out = (name: string) => path.join(dir, `out-${name}`);

beforeAll(async () => {
  dir = makeTempDir('browser-faults');
  const ok = writeFile(path.join(dir, 'ok.yaml'), fs.readFileSync(fixture('good', 'minimal.yaml')));
  const script = (name: string, body: string) => {
    const f = writeFile(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    fs.chmodSync(f, 0o755);
    return f;
  };
  const sleeper = script('sleeper', `echo $$ > '${path.join(dir, 'sleeper.pid')}'\nexec sleep 1000`);
  const quitter = script('quitter', 'exit 0');
  fs.mkdirSync(path.join(dir, 'chrome-folder'));
  const cli = (key: string, args: string[], env: Record<string, string>) =>
    spawnCli(args, { cwd: dir, env }).then((res) => {
      r[key] = res;
    });
  await Promise.all([
    cli('sleeper', ['run', ok, '--timeout', '30', '--out', out('sleeper')], { CHROME_PATH: sleeper }),
    cli('quitter', ['run', ok, '--out', out('quitter')], { CHROME_PATH: quitter }),
    cli('chromeFolder', ['run', ok, '--format', 'json,pdf', '--out', out('chromeFolder')], {
      CHROME_PATH: path.join(dir, 'chrome-folder'),
    }),
  ]);
  interrupted = await interruptDuringPdf(ok, out('interrupted'));
}, 300_000);
afterAll(() => {
  // A build that failed to stop its browser must not leave the test's sleeper running.
  const pidFile = path.join(dir, 'sleeper.pid');
  if (fs.existsSync(pidFile))
    try {
      process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {
      /* already gone: the expected case */
    }
  removeTempDirs();
});

const noStack = (res: CliResult) => expect(res.stderr, describeRun(res)).not.toMatch(/^\s+at |internal error/m);

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

describe('Ctrl-C during a PDF', () => {
  it('leaves no Chromium profile folder behind', () => {
    expect(interrupted.profile, 'the run made its profile folder').toBeDefined();
    expect(interrupted.code === 130 || interrupted.signal === 'SIGINT').toBe(true);
    expect(fs.existsSync(interrupted.profile!), interrupted.profile).toBe(false);
  });
});
