/**
 * Chromium dying mid-batch: the print of one scenario kills the shared browser (SIGKILL, as a
 * crash or the OOM killer would). The pool relaunches it, the print that was cut off is tried
 * once more, and every scenario's PDF is written.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { BrowserPool } from '../src/render/pdf/browser.ts';
import { killTree } from '../bench/proc-tree.ts';
import { quietBatch, removeTempDirs, scenarioYaml, tempDir, write } from './batch/helpers.ts';

let killed = 0;
vi.mock('../src/render/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/index.ts')>();
  return {
    ...real,
    RENDERERS: {
      ...real.RENDERERS,
      pdf: async (report: Parameters<typeof real.RENDERERS.pdf>[0], ctx: Parameters<typeof real.RENDERERS.pdf>[1]) => {
        if (report.scenario.name === 'KILL-BROWSER' && killed === 0) {
          killed++;
          // The whole tree: Debian's chromium-headless-shell is a script whose child is the browser.
          const pid = (await ctx.browser.get()).process()?.pid;
          if (pid) killTree(pid);
        }
        return real.RENDERERS.pdf(report, ctx);
      },
    },
  };
});

afterAll(removeTempDirs);

const pool = new BrowserPool();
let dir: string;
let result: Awaited<ReturnType<typeof quietBatch>>;

beforeAll(async () => {
  dir = tempDir('crash');
  const names = ['a', 'b', 'c-kill', 'd', 'e', 'f'];
  for (const n of names)
    write(path.join(dir, 'in', `${n}.yaml`), scenarioYaml({ name: n === 'c-kill' ? 'KILL-BROWSER' : `scenario ${n}` }));
  try {
    result = await quietBatch([path.join(dir, 'in')], {
      outDir: path.join(dir, 'out'),
      formats: ['pdf'],
      concurrency: 2,
      browser: pool,
      index: false,
    });
  } finally {
    await pool.close();
  }
});

describe('a browser killed mid-batch', () => {
  it('was killed once and relaunched', () => {
    expect(killed).toBe(1);
    expect(pool.losses).toBeGreaterThanOrEqual(1);
    expect(pool.launches).toBeGreaterThanOrEqual(2);
  });

  it('still gives every scenario a complete PDF and exit 0', () => {
    expect(result.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(result.exitCode).toBe(0);
    for (const n of ['a', 'b', 'c-kill', 'd', 'e', 'f']) {
      const file = path.join(dir, 'out', `${n}.pdf`);
      expect(fs.readFileSync(file).subarray(-8).toString('latin1')).toContain('%%EOF');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+\d+/);
    }
  });
});
