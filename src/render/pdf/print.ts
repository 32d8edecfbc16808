/**
 * HTML → PDF in the shared Chromium. The page runs no script and loads nothing: JavaScript is
 * off and every request (network, file, data) is intercepted and refused; the HTML is
 * self-contained (inline CSS and SVG), so nothing needs loading.
 *
 * Pages are reused: a finished print hands its page (already locked down) to the next one,
 * which saves creating a tab per PDF. A page that failed, timed out or was aborted is closed,
 * never reused, and so is one that has printed PAGE_USES reports: its renderer process keeps
 * memory from every document it laid out, and a new tab starts a fresh one. In between, every
 * GC_EVERY prints the renderer collects its garbage before the next document.
 */
import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';
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
  /**
   * Called once Chromium has been asked for the PDF (the document is loaded; Chromium lays out
   * and prints it on its own processes): work of this thread that would otherwise wait behind the
   * print can run meanwhile. Called before the print settles, at most once per call.
   */
  readonly whilePrinting?: (() => void) | undefined;
}

interface LockedPage {
  readonly page: Page;
  onRequest: ((url: string) => void) | undefined;
  uses: number;
  /** The page's own DevTools session, for collecting its renderer's garbage (GC_EVERY). */
  readonly session: CDPSession;
}

/** Idle, locked-down pages per browser (a relaunched browser starts with none). */
const idle = new WeakMap<Browser, LockedPage[]>();
/** Idle pages kept per browser; more concurrent prints simply open more pages. */
const MAX_IDLE_PAGES = 8;
/** Prints per page before it is closed (bounds a long batch's memory; a new tab costs ~0.1 s). */
const PAGE_USES = 20;
/**
 * A reused page's renderer collects its garbage (the documents it laid out before) every this
 * many prints. Left alone, a renderer grew from ~100 MiB after one report to ~250 MiB within
 * 20, and two of them were most of Chromium's memory in a batch; a forced collection costs the
 * renderer ~0.1–0.2 s of CPU, so it is done every few prints rather than after each
 * (BENCHMARKS.md: measured PSS and print time).
 */
const GC_EVERY = 5;

async function openPage(browser: Browser, timeoutMs: number): Promise<LockedPage> {
  const reused = idle.get(browser)?.pop();
  if (reused && !reused.page.isClosed()) {
    // A fresh document: document.write into the old one would keep its state (e.g. its CSP).
    await reused.page.goto('about:blank', { timeout: timeoutMs });
    if (reused.uses % GC_EVERY === 0) await reused.session.send('HeapProfiler.collectGarbage');
    return reused;
  }
  const page = await browser.newPage();
  let locked: LockedPage;
  try {
    locked = { page, onRequest: undefined, uses: 0, session: await page.createCDPSession() };
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
    const printing = locked.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: timeoutMs,
    });
    // A turn of the event loop later the request has left (puppeteer sends it without waiting on I/O).
    if (opts.whilePrinting) setImmediate(opts.whilePrinting);
    const pdf = await printing;
    opts.signal?.throwIfAborted();
    ok = true;
    return pdf;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    if (ok) release(browser, locked);
    else await locked.page.close().catch(() => undefined);
  }
}
