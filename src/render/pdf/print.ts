/**
 * HTML → PDF in the shared Chromium. The page runs no script and loads nothing: JavaScript is
 * off and every request (network, file, data) is intercepted and refused; the HTML is
 * self-contained (inline CSS and SVG), so nothing needs loading.
 *
 * Pages are reused: a finished print hands its page (already locked down) to the next one,
 * which saves creating a tab per PDF. A page that failed, timed out or was aborted is closed,
 * never reused, and so is one that has printed PAGE_USES reports: its renderer process keeps
 * memory from every document it laid out, and a new tab starts a fresh one.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { cliMessage } from '../../i18n/index.ts';

/** Longest a single print may take before it counts as hung, when neither the caller nor the pool says. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * The print timeout of each browser, set by the BrowserPool that launched it (`--timeout`), so
 * every print on that browser (reports and the batch index) follows the run's setting.
 */
export const printTimeouts = new WeakMap<Browser, number>();

export interface PrintOptions {
  /** Aborting closes the page: the print rejects at once. */
  readonly signal?: AbortSignal | undefined;
  /** Called with the URL of every request the page tried (all are refused); for tests and audits. */
  readonly onRequest?: ((url: string) => void) | undefined;
  /** Longest the print may take; default: the browser's pool setting, else PRINT_TIMEOUT_MS. */
  readonly timeoutMs?: number | undefined;
}

interface LockedPage {
  readonly page: Page;
  onRequest: ((url: string) => void) | undefined;
  uses: number;
}

/** Idle, locked-down pages per browser (a relaunched browser starts with none). */
const idle = new WeakMap<Browser, LockedPage[]>();
/** Idle pages kept per browser; more concurrent prints simply open more pages. */
const MAX_IDLE_PAGES = 8;
/** Prints per page before it is closed (bounds a long batch's memory; a new tab costs ~0.1 s). */
const PAGE_USES = 20;

async function openPage(browser: Browser, timeoutMs: number): Promise<LockedPage> {
  const reused = idle.get(browser)?.pop();
  if (reused && !reused.page.isClosed()) {
    // A fresh document: document.write into the old one would keep its state (e.g. its CSP).
    await reused.page.goto('about:blank', { timeout: timeoutMs });
    return reused;
  }
  const page = await browser.newPage();
  const locked: LockedPage = { page, onRequest: undefined, uses: 0 };
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      locked.onRequest?.(request.url());
      void request.abort('blockedbyclient').catch(() => undefined);
    });
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  return locked;
}

function release(browser: Browser, locked: LockedPage): void {
  locked.onRequest = undefined;
  const pages = idle.get(browser) ?? [];
  if (browser.connected && !locked.page.isClosed() && pages.length < MAX_IDLE_PAGES && ++locked.uses < PAGE_USES) {
    pages.push(locked);
    idle.set(browser, pages);
  } else {
    void locked.page.close().catch(() => undefined);
  }
}

export async function printPdf(browser: Browser, html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const timeoutMs = opts.timeoutMs ?? printTimeouts.get(browser) ?? PRINT_TIMEOUT_MS;
  try {
    return await print(browser, html, opts, timeoutMs);
  } catch (error) {
    // puppeteer's "Waiting failed: 60000ms exceeded" says neither what nor which setting.
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new Error(cliMessage('batch.printTimedOut', { seconds: Number((timeoutMs / 1000).toPrecision(3)) }), {
        cause: error,
      });
    }
    throw error;
  }
}

async function print(browser: Browser, html: string, opts: PrintOptions, timeoutMs: number): Promise<Uint8Array> {
  opts.signal?.throwIfAborted();
  const locked = await openPage(browser, timeoutMs);
  locked.onRequest = opts.onRequest;
  const abort = () => {
    void locked.page.close().catch(() => undefined);
  };
  opts.signal?.addEventListener('abort', abort, { once: true });
  let ok = false;
  try {
    await locked.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    const pdf = await locked.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: timeoutMs,
    });
    opts.signal?.throwIfAborted();
    ok = true;
    return pdf;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    if (ok) release(browser, locked);
    else await locked.page.close().catch(() => undefined);
  }
}
