/**
 * One Chromium per run, launched on first use and relaunched if it dies. Where the browser
 * comes from: CHROME_PATH (or PUPPETEER_EXECUTABLE_PATH), else the first of the known system
 * paths (Debian's chromium-headless-shell and chromium, Google Chrome).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UserError, EXIT_CODES } from '../../errors.ts';
import { cliMessage } from '../../i18n/index.ts';
import { kindKey } from '../../scenario/discover.ts';
import { quotePath } from '../../log.ts';
import { ProfileRoot } from './profile-dirs.ts';
import { printTimeouts } from './print.ts';

/** Messages of a CLI-level error: English, like the rest of the command line. */
// Browser problems reach the terminal: in the terminal's language, like every CLI message.
const t = cliMessage;

/** How long a browser may take to start when the pool is not told (`--timeout` sets it for a run). */
const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;

const KNOWN_BROWSER_PATHS = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

/**
 * Flags for a closed network and a root user: no sandbox (root), no GPU, no background
 * traffic that a closed network would refuse (Chromium command-line switches:
 * https://peter.sh/experiments/chromium-command-line-switches/).
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--font-render-hinting=none',
];

/**
 * The browser to launch. CHROME_PATH must name an executable file: a folder or a file without
 * the execute bit would make the spawn itself fail (EACCES) outside any handler, so both are
 * refused here, as a failure of the PDF alone (exit 3).
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH || env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    const fail = (key: Parameters<typeof t>[0], kind?: string): never => {
      throw new UserError(t(key, { path: quotePath(fromEnv), kind: kind ?? '' }), EXIT_CODES.outputsFailed);
    };
    let info;
    try {
      info = statSync(fromEnv);
    } catch {
      return fail('cli.chromePathMissing');
    }
    if (!info.isFile()) fail('cli.chromePathNotFile', t(kindKey(info)));
    try {
      accessSync(fromEnv, constants.X_OK);
    } catch {
      fail('cli.chromePathNotExecutable');
    }
    return fromEnv;
  }
  const found = KNOWN_BROWSER_PATHS.find((p) => existsSync(p));
  if (!found) {
    throw new UserError(t('cli.noBrowser'), EXIT_CODES.outputsFailed);
  }
  return found;
}

export interface BrowserPoolOptions {
  /**
   * Longest a browser may take to start, and a single print to finish (`--timeout`). A browser
   * that does not start in time is killed.
   */
  readonly timeoutMs?: number;
}

export class BrowserPool {
  #browser: Promise<Browser> | undefined;
  /** Kills the browser of the current launch (a start that hangs, or a browser that will not close). */
  #abort: AbortController | undefined;
  /** A browser that could not be started will not start for the next scenario either: every PDF fails at once with the same reason. */
  #launchError: Error | undefined;
  #launching = false;
  /** The browser of the current launch once it has started. */
  #ready: Browser | undefined;
  /** Settles once the current launch has spawned Chromium (or failed before it could). */
  #spawned: Promise<void> | undefined;
  readonly #profiles = new ProfileRoot();
  #launches = 0;
  #losses = 0;
  /** See BrowserPoolOptions.timeoutMs. */
  readonly timeoutMs: number;

  constructor(opts: BrowserPoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
  }

  /** How many browsers this pool has launched (a relaunch after a crash counts). */
  get launches(): number {
    return this.#launches;
  }
  /**
   * How many times a browser of this pool was lost (crashed, killed) rather than closed. A
   * print that failed while this count moved failed because of the browser, not its page:
   * worth one more try on a relaunched browser.
   */
  get losses(): number {
    return this.#losses;
  }
  /** The run's profile folder under the temp directory, once a browser was launched. */
  get profileDir(): string | undefined {
    return this.#profiles.dir;
  }

  /** Whether a browser is launched and connected now (a print would not wait for a launch). */
  get ready(): boolean {
    return this.#ready?.connected === true;
  }

  /** Process id of the running browser, if one is running (for memory sampling). */
  async pid(): Promise<number | undefined> {
    const browser = await this.#browser?.catch(() => undefined);
    return browser?.connected ? browser.process()?.pid : undefined;
  }

  /**
   * Starts the browser if none is running or starting, and settles once Chromium's process has
   * been spawned (puppeteer loaded, the launch handed to the system), not once it is ready. A
   * run that will print awaits this before its first scenario: the launch then proceeds on
   * another core while this thread calculates and renders. Started later, puppeteer's module
   * load would wait behind the scenario's synchronous work, and so would the launch (a single
   * report cold then waited ~1 s for a browser spawned after its HTML was ready). Never rejects:
   * a launch that fails fails again, with its message, where a PDF needs the browser.
   */
  async start(): Promise<void> {
    const ready = this.get().then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([this.#spawned, ready]);
  }

  /** The shared browser; a new one if the last one crashed or was closed. */
  async get(): Promise<Browser> {
    if (this.#launchError) throw this.#launchError;
    for (let current = this.#browser; current; current = this.#browser) {
      const browser = await current.catch(() => undefined);
      if (browser?.connected) return browser;
      if (this.#launchError) throw this.#launchError;
      // Relaunch once, not once per waiting caller: if another caller already did, use its browser.
      if (this.#browser !== current) continue;
      browser?.process()?.kill('SIGKILL');
      break;
    }
    let spawned!: () => void;
    this.#spawned = new Promise((resolve) => (spawned = resolve));
    this.#browser = this.#launch(spawned);
    return this.#browser;
  }

  async #launch(spawned: () => void): Promise<Browser> {
    const executablePath = findBrowser();
    const profileDir = this.#profiles.next();
    this.#launches++;
    // Aborting kills the browser process: on a start that hangs, and on close.
    const abort = (this.#abort = new AbortController());
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    this.#launching = true;
    try {
      // Loaded on first launch: commands that print nothing never pay for puppeteer's start-up.
      const { default: puppeteer } = await import('puppeteer-core');
      const launched = puppeteer.launch({
        executablePath,
        headless: path.basename(executablePath).includes('headless-shell') ? 'shell' : true,
        args: [...ARGS, `--user-data-dir=${profileDir}`],
        // The reports never need a network; keep stdout/stderr of Chromium out of ours.
        pipe: true,
        dumpio: false,
        signal: abort.signal,
        timeout: this.timeoutMs,
      });
      // With the profile folder and the executable given, puppeteer spawns the process before its
      // first wait on the system; a turn of the event loop later it is running.
      setImmediate(spawned);
      const browser = await launched;
      printTimeouts.set(browser, this.timeoutMs);
      this.#ready = browser;
      browser.once('disconnected', () => {
        if (this.#browser !== undefined) this.#losses++;
      });
      return browser;
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      this.#launchError = new UserError(
        timedOut
          ? t('cli.browserStartTimeout', { path: quotePath(executablePath), seconds: Number((this.timeoutMs / 1000).toPrecision(3)) })
          : t('cli.browserExited', { path: quotePath(executablePath), detail }),
        EXIT_CODES.outputsFailed,
      );
      throw this.#launchError;
    } finally {
      spawned();
      clearTimeout(timer);
      this.#launching = false;
    }
  }

  async close(): Promise<void> {
    const pending = this.#browser;
    this.#browser = undefined;
    this.#ready = undefined;
    // A launch still under way is killed rather than waited for.
    if (this.#launching) this.#abort?.abort();
    if (pending) {
      const browser = await pending.catch(() => undefined);
      await browser?.close().catch(() => undefined);
      browser?.process()?.kill('SIGKILL');
    }
    this.#abort?.abort();
    this.#profiles.remove();
  }
}
