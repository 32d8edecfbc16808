/**
 * Chromium profile folders. Each run (BrowserPool) gets one folder under the temp directory,
 * `gpu-report-chromium-<pid>-<random>`, holding one profile per browser launch; it is removed
 * when the pool closes and, failing that, when the process exits (including Ctrl-C, which
 * puppeteer turns into process.exit). A run killed outright (SIGKILL, a crash of Node itself)
 * leaves its folder behind: the next run removes every such folder whose process is gone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive } from '../../output/process.ts';

const PROFILE_PREFIX = 'gpu-report-chromium-';
/** `gpu-report-chromium-<pid>-<random>`: the owner's process id is in the name. */
const OWNED = new RegExp(`^${PROFILE_PREFIX}(\\d+)-[A-Za-z0-9]{6}$`);
/** Folders of older versions (`gpu-report-chromium-<random>`, no owner) are removed once a day old. */
const LEGACY = new RegExp(`^${PROFILE_PREFIX}[A-Za-z0-9]{6}$`);
const STALE_AFTER_MS = 24 * 3600 * 1000;
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const rmQuietly = (dir: string): void => {
  try {
    // Helpers of a killed browser may still be writing into its profile for a moment.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // A leftover folder in the temp directory is not worth failing the run for; the next run retries.
  }
};

/** Removes the profile folders of runs whose process is gone (or, for old-style names, over a day old). Returns their names. */
function removeStaleProfiles(root = tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owned = OWNED.exec(name);
    const full = path.join(root, name);
    const stale = owned
      ? Number(owned[1]) !== process.pid && !isAlive(Number(owned[1]))
      : LEGACY.test(name) &&
        (() => {
          try {
            return now - statSync(full).mtimeMs > STALE_AFTER_MS;
          } catch {
            return false;
          }
        })();
    if (stale) {
      rmQuietly(full);
      removed.push(name);
    }
  }
  return removed;
}

/** One run's profile folder: `next()` makes a fresh profile for each launch, `remove()` deletes them all. */
export class ProfileRoot {
  #dir: string | undefined;
  #count = 0;
  readonly #onExit = () => this.remove();
  /**
   * Ctrl-C or a kill before puppeteer has put its own handlers in place (or after it removed
   * them) would end the process without an 'exit' event: remove the folder, then let the
   * signal do what it would have done.
   */
  readonly #onSignal = (signal: NodeJS.Signals) => {
    this.remove();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  constructor(readonly root = tmpdir()) {}

  /** The run's folder, if one was made. */
  get dir(): string | undefined {
    return this.#dir;
  }

  next(): string {
    if (!this.#dir) {
      removeStaleProfiles(this.root);
      this.#dir = mkdtempSync(path.join(this.root, `${PROFILE_PREFIX}${process.pid}-`));
      process.once('exit', this.#onExit);
      for (const signal of SIGNALS) process.once(signal, this.#onSignal);
    }
    const profile = path.join(this.#dir, `launch-${++this.#count}`);
    mkdirSync(profile);
    return profile;
  }

  remove(): void {
    process.removeListener('exit', this.#onExit);
    for (const signal of SIGNALS) process.removeListener(signal, this.#onSignal);
    if (this.#dir) rmQuietly(this.#dir);
    this.#dir = undefined;
  }
}
