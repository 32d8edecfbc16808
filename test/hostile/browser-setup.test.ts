/**
 * A browser that is not what CHROME_PATH promises: a folder, a file without the execute bit, a
 * program that never answers. Each must fail the PDF with a message that says what to do,
 * never hang, and leave no process or profile folder behind; the print timeout follows the
 * pool's (--timeout) setting.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { BrowserPool, findBrowser } from '../../src/render/pdf/browser.ts';
import { UserError } from '../../src/errors.ts';
import { removeTempDirs, tempDir, write } from '../batch/helpers.ts';

afterAll(removeTempDirs);
const dir = tempDir('browser-setup');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Waits (bounded) for a condition that a kill makes true a moment later. */
async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe('CHROME_PATH that cannot be run', () => {
  it.each([
    [
      'a folder',
      () => {
        const folder = path.join(dir, 'chrome-folder');
        fs.mkdirSync(folder, { recursive: true });
        return folder;
      },
      /is a folder, not a program/,
    ],
    ['a file without the execute bit', () => write(path.join(dir, 'chrome-noexec'), '#!/bin/sh\n'), /not executable: run chmod \+x/],
  ])('%s: refused before spawning, as a failed output (exit 3)', (_, make, message) => {
    const target = make();
    let error: unknown;
    try {
      findBrowser({ CHROME_PATH: target });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(3);
    expect((error as UserError).message).toMatch(message);
  });
});

describe('a browser that never starts', () => {
  it('is killed after the pool timeout, with a message naming it and --timeout; later PDFs fail at once', async () => {
    const pidFile = path.join(dir, 'sleeper.pid');
    const sleeper = write(path.join(dir, 'sleeper'), `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 1000\n`);
    fs.chmodSync(sleeper, 0o755);
    const previous = process.env.CHROME_PATH;
    process.env.CHROME_PATH = sleeper;
    const pool = new BrowserPool({ timeoutMs: 2000 });
    try {
      const error = await pool.get().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/sleeper did not start within 2 s and was stopped.*--timeout/);
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      expect(await eventually(() => !alive(pid)), `browser process ${pid} still running`).toBe(true);
      await expect(pool.get()).rejects.toThrow(/did not start within 2 s/);
      expect(pool.launches).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = previous;
      await pool.close();
    }
  });
});
