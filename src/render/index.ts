/**
 * The renderer registry: format name → function from Report to bytes. Renderers never compute
 * domain numbers. The pipeline picks them by name; one failing does not stop the others.
 */
import type { Report } from '../report/model.ts';
import { renderJson } from './json.ts';
import { renderHtml } from './html.ts';
import { renderXlsx } from './xlsx/index.ts';
import { printPdf } from './pdf/print.ts';
import { finalizePdf } from './pdf/finalize.ts';
import type { BrowserPool } from './pdf/browser.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';

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

/** The HTML of a report, rendered once when both html and pdf are asked for (charts are the costly part). */
const htmlCache = new WeakMap<Report, string>();
const htmlOf = (report: Report): string => {
  let html = htmlCache.get(report);
  if (html === undefined) htmlCache.set(report, (html = renderHtml(report)));
  return html;
};

export const RENDERERS: Readonly<Record<Format, Renderer>> = {
  json: async (report) => renderJson(report),
  html: async (report) => encode(htmlOf(report)),
  xlsx: (report) => renderXlsx(report),
  pdf: async (report, ctx) => {
    const pdf = await printPdf(await ctx.browser.get(), htmlOf(report), { signal: ctx.signal });
    const t = createTranslator(report.locale as Locale);
    return finalizePdf(pdf, {
      title: `${report.scenario.name} · ${report.title}`,
      author: `${report.tool.name} ${report.tool.version}`,
      subject: t('report.subject'),
      keywords: ['GPU', 'procurement', 'TCO', ...report.analyses.map((a) => a.id)],
      creator: `${report.tool.name} ${report.tool.version}`,
      producer: `${report.tool.name} ${report.tool.version} (Chromium, pdf-lib)`,
      date: new Date(report.generatedAt),
      language: report.locale,
    });
  },
};

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);
