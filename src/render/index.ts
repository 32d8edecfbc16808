/**
 * The renderer registry: format name → function from Report to bytes. Renderers never compute
 * domain numbers. The pipeline picks them by name; one failing does not stop the others.
 */
import type { Report } from '../report/model.ts';
import { renderJson } from './json.ts';
import { withAbsoluteLinks } from './links.ts';
import type { BrowserPool } from './pdf/browser.ts';
import { reportPdfMeta } from './meta.ts';

export const FORMATS = ['xlsx', 'pdf', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderContext {
  /** The run's shared Chromium (launched on first use). */
  readonly browser: BrowserPool;
  /** Aborted when the scenario has timed out: a print in progress stops and closes its page. */
  readonly signal?: AbortSignal;
}

export type Renderer = (report: Report, ctx: RenderContext) => Promise<Uint8Array>;

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * The heavy renderers (echarts, exceljs, puppeteer, pdf-lib: seconds of start-up together) load
 * on first use, so `validate`, `catalog`, `init` and `estimate` start fast.
 */
const load = {
  html: () => import('./html.ts'),
  xlsx: () => import('./xlsx/index.ts'),
  print: () => import('./pdf/print.ts'),
  finalize: () => import('./pdf/finalize.ts'),
};

/** The HTML of a report, rendered once when both html and pdf are asked for (charts are the costly part). */
const htmlCache = new WeakMap<Report, string>();
const htmlOf = async (report: Report): Promise<string> => {
  let html = htmlCache.get(report);
  if (html === undefined) htmlCache.set(report, (html = (await load.html()).renderHtml(report)));
  return html;
};

export const RENDERERS: Readonly<Record<Format, Renderer>> = {
  json: async (report) => renderJson(report),
  html: async (report) => encode(await htmlOf(report)),
  xlsx: async (report) => (await load.xlsx()).renderXlsx(report),
  pdf: async (report, ctx) => {
    const [{ printPdf }, { finalizePdf }, { contentsLayout }] = await Promise.all([load.print(), load.finalize(), load.html()]);
    const browser = await ctx.browser.get();
    // One print; the contents' page numbers are drawn in by the metadata step. Relative links
    // are printed absolute (Chromium drops them otherwise) and made relative again there.
    const printable = withAbsoluteLinks(report);
    const html = printable ? (await load.html()).renderHtml(printable) : await htmlOf(report);
    const pdf = await printPdf(browser, html, { signal: ctx.signal });
    return finalizePdf(pdf, reportPdfMeta(report), contentsLayout(report));
  },
};

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);
