/**
 * One Chromium per run, launched on first use and relaunched if it dies. Where the browser
 * comes from: CHROME_PATH (or PUPPETEER_EXECUTABLE_PATH), else the first of the known system
 * paths (Debian's chromium-headless-shell and chromium, Google Chrome).
 */
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UserError, EXIT_CODES } from '../../errors.ts';
import { createTranslator } from '../../i18n/index.ts';

/** Messages of a CLI-level error: English, like the rest of the command line. */
const t = createTranslator('en');

export const KNOWN_BROWSER_PATHS = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

/**
 * Flags for a closed network and a root user: no sandbox (root), no GPU, no background
 * traffic that the network would refuse (docs/toolchain.md).
 */
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--font-render-hinting=none',
];

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH || env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new UserError(t('cli.chromePathMissing', { path: fromEnv }), EXIT_CODES.outputsFailed);
    return fromEnv;
  }
  const found = KNOWN_BROWSER_PATHS.find((p) => existsSync(p));
  if (!found) {
    throw new UserError(t('cli.noBrowser'), EXIT_CODES.outputsFailed);
  }
  return found;
}

export class BrowserPool {
  #browser: Promise<Browser> | undefined;
  /** One fresh profile folder per launch (a killed browser leaves its profile locked). */
  #profileDirs: string[] = [];
  #launches = 0;
  #losses = 0;

  /** How many browsers this pool has launched (a relaunch after a crash counts). */
  get launches(): number { return this.#launches; }
  /**
   * How many times a browser of this pool was lost (crashed, killed) rather than closed. A
   * print that failed while this count moved failed because of the browser, not its page:
   * worth one more try on a relaunched browser.
   */
  get losses(): number { return this.#losses; }

  /** Process id of the running browser, if one is running (for memory sampling). */
  async pid(): Promise<number | undefined> {
    const browser = await this.#browser?.catch(() => undefined);
    return browser?.connected ? browser.process()?.pid : undefined;
  }

  /** The shared browser; a new one if the last one crashed or was closed. */
  async get(): Promise<Browser> {
    for (let current = this.#browser; current; current = this.#browser) {
      const browser = await current.catch(() => undefined);
      if (browser?.connected) return browser;
      // Relaunch once, not once per waiting caller: if another caller already did, use its browser.
      if (this.#browser !== current) continue;
      browser?.process()?.kill('SIGKILL');
      break;
    }
    this.#browser = this.#launch();
    return this.#browser;
  }

  async #launch(): Promise<Browser> {
    const executablePath = findBrowser();
    const profileDir = mkdtempSync(path.join(tmpdir(), 'gpu-report-chromium-'));
    this.#profileDirs.push(profileDir);
    this.#launches++;
    // Loaded on first launch: commands that print nothing never pay for puppeteer's start-up.
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath,
      headless: path.basename(executablePath).includes('headless-shell') ? 'shell' : true,
      args: [...ARGS, `--user-data-dir=${profileDir}`],
      // The reports never need a network; keep stdout/stderr of Chromium out of ours.
      pipe: true,
      dumpio: false,
    });
    browser.once('disconnected', () => {
      if (this.#browser !== undefined) this.#losses++;
    });
    return browser;
  }

  async close(): Promise<void> {
    const pending = this.#browser;
    this.#browser = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close().catch(() => undefined);
    // Best effort: helpers of a killed browser may still be writing into its profile for a moment.
    for (const dir of this.#profileDirs.splice(0)) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // A leftover folder in the temp directory is not worth failing the run for.
      }
    }
  }
}
