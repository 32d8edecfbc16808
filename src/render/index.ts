/**
 * The renderer registry: format name → function from Report to bytes. Renderers never compute
 * domain numbers. The pipeline picks them by name; one failing does not stop the others.
 */
import type { Report } from '../report/model.ts';
import { renderJson } from './json.ts';
import { withAbsoluteLinks } from './links.ts';
import type { BrowserPool } from './pdf/browser.ts';
import { reportPdfMeta } from './meta.ts';
import type { ContentsLayout, PdfMeta } from './pdf/finalize.ts';

export const FORMATS = ['xlsx', 'pdf', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderContext {
  /** The run's shared Chromium (launched on first use). */
  readonly browser: BrowserPool;
  /** Aborted when the scenario has timed out: a print in progress stops and closes its page. */
  readonly signal?: AbortSignal;
  /**
   * Called (possibly more than once) when the PDF's print no longer needs this thread soon:
   * Chromium was asked for the PDF, or the browser is still starting. Until then a run on one
   * thread holds back its other formats (src/pipeline.ts), whose synchronous work would delay
   * each of the print's round trips to Chromium.
   */
  readonly whilePrinting?: () => void;
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

/** What a PDF is printed from and finished with: its HTML (links made printable), metadata and contents layout. */
export interface PdfSource {
  readonly html: string;
  readonly meta: PdfMeta;
  /** Absent when the report has no contents. */
  readonly contents: ContentsLayout | undefined;
}

export async function pdfSource(report: Report): Promise<PdfSource> {
  const { renderHtml, contentsLayout } = await load.html();
  // Relative links are printed absolute (Chromium drops them otherwise) and made relative again
  // by the finishing step.
  const printable = withAbsoluteLinks(report);
  const html = printable ? renderHtml(printable) : await htmlOf(report);
  return { html, meta: reportPdfMeta(report), contents: contentsLayout(report) };
}

/** Prints the source with the run's browser (one print; the contents' page numbers come after). */
export async function printSource(source: PdfSource, ctx: RenderContext, whilePrinting?: () => void): Promise<Uint8Array> {
  const { printPdf } = await load.print();
  // A browser still starting is waited for without holding back the caller's other work.
  if (!ctx.browser.ready) whilePrinting?.();
  return printPdf(await ctx.browser.get(), source.html, { signal: ctx.signal, whilePrinting });
}

/** The contents' page numbers and metadata, appended to the printed PDF (pdf/finalize.ts). */
export async function finishPdf(printed: Uint8Array, source: Pick<PdfSource, 'meta' | 'contents'>): Promise<Uint8Array> {
  return (await load.finalize()).finalizePdf(printed, source.meta, source.contents);
}

export const RENDERERS: Readonly<Record<Format, Renderer>> = {
  json: async (report) => renderJson(report),
  html: async (report) => encode(await htmlOf(report)),
  xlsx: async (report) => (await load.xlsx()).renderXlsx(report),
  pdf: async (report, ctx) => {
    const source = await pdfSource(report);
    // The finishing step's modules (pdf-lib) load while Chromium prints: on a cold start they
    // would otherwise wait for the print.
    let finishing: Promise<typeof import('./pdf/finalize.ts')> | undefined;
    const printed = await printSource(source, ctx, () => {
      ctx.whilePrinting?.();
      finishing ??= load.finalize();
      finishing.catch(() => undefined);
    });
    return (await (finishing ?? load.finalize())).finalizePdf(printed, source.meta, source.contents);
  },
};

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);
