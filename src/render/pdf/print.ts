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

/** Longest a single print may take before it counts as hung. */
export const PRINT_TIMEOUT_MS = 60_000;

export interface PrintOptions {
  /** Aborting closes the page: the print rejects at once. */
  readonly signal?: AbortSignal | undefined;
  /** Called with the URL of every request the page tried (all are refused); for tests and audits. */
  readonly onRequest?: ((url: string) => void) | undefined;
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

async function openPage(browser: Browser): Promise<LockedPage> {
  const reused = idle.get(browser)?.pop();
  if (reused && !reused.page.isClosed()) {
    // A fresh document: document.write into the old one would keep its state (e.g. its CSP).
    await reused.page.goto('about:blank', { timeout: PRINT_TIMEOUT_MS });
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
  opts.signal?.throwIfAborted();
  const locked = await openPage(browser);
  locked.onRequest = opts.onRequest;
  const abort = () => { void locked.page.close().catch(() => undefined); };
  opts.signal?.addEventListener('abort', abort, { once: true });
  let ok = false;
  try {
    await locked.page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    const pdf = await locked.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: PRINT_TIMEOUT_MS,
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
