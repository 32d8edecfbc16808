/**
 * Chromium's profile folders: one per run, named with the run's process id, removed on close;
 * folders of runs that died are removed at the next start. The print timeout follows the
 * pool's (--timeout) setting and its message names the flag. Needs a real Chromium.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BrowserPool } from '../../src/render/pdf/browser.ts';
import { printPdf } from '../../src/render/pdf/print.ts';
import { removeTempDirs } from '../batch/helpers.ts';

afterAll(removeTempDirs);

describe('profile folders and print timeout (real Chromium)', () => {
  it('one folder per run named with its process id, removed on close; folders of dead runs removed at start', async () => {
    const deadPid = spawnSync('true').pid!;
    const stale = path.join(os.tmpdir(), `gpu-report-chromium-${deadPid}-AbC123`);
    fs.mkdirSync(path.join(stale, 'launch-1'), { recursive: true });
    const pool = new BrowserPool();
    try {
      const browser = await pool.get();
      expect(fs.existsSync(stale), 'stale folder of a dead run').toBe(false);
      const own = pool.profileDir!;
      expect(path.dirname(own)).toBe(os.tmpdir());
      expect(path.basename(own)).toMatch(new RegExp(`^gpu-report-chromium-${process.pid}-`));
      expect(fs.existsSync(own)).toBe(true);
      const error = await printPdf(browser, `<p>${'x '.repeat(200_000)}</p>`, { timeoutMs: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/printing the PDF took longer than 0\.001 s \(raise it with --timeout\)/);
      await pool.close();
      expect(fs.existsSync(own), 'own profile folder after close').toBe(false);
    } finally {
      await pool.close();
      fs.rmSync(stale, { recursive: true, force: true });
    }
  });
});
