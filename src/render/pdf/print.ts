/**
 * HTML → PDF in the shared Chromium. The page runs no script and loads nothing: JavaScript is
 * off and every request (network, file, data) is intercepted and refused; the HTML is
 * self-contained (inline CSS and SVG), so nothing needs loading.
 */
import type { Browser } from 'puppeteer-core';

/** Longest a single print may take before it counts as hung. */
export const PRINT_TIMEOUT_MS = 60_000;

export async function printPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      void request.abort('blockedbyclient').catch(() => undefined);
    });
    await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: PRINT_TIMEOUT_MS,
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}
