/**
 * Shared by the document tests: build a report from a scenario, print it with the pdf
 * renderer (one print, then the step that numbers the contents and sets the metadata), and read
 * the PDF back with poppler like a reader would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { loadReport } from '../../src/pipeline.ts';
import type { Report } from '../../src/report/model.ts';
import { RENDERERS } from '../../src/render/index.ts';
import type { BrowserPool } from '../../src/render/pdf/browser.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { findBrowser } from '../../src/render/pdf/browser.ts';

/** 2026-01-01T00:00:00Z, the SOURCE_DATE_EPOCH of the examples. */
const NOW = new Date(1767225600 * 1000);

export const hasBrowser = (() => {
  try {
    return existsSync(findBrowser());
  } catch {
    return false;
  }
})();

export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export async function buildExampleReport(file: string, lang?: Locale): Promise<Report> {
  const loaded = await loadReport(file, { now: NOW, ...(lang ? { lang } : {}) });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.report;
}

/** The html and pdf renderers' bytes for one report (the PDF prints that same HTML). */
export async function printReport(report: Report, pool: BrowserPool): Promise<{ html: string; pdf: Uint8Array }> {
  const html = new TextDecoder().decode(await RENDERERS.html(report, { browser: pool }));
  const pdf = await RENDERERS.pdf(report, { browser: pool });
  return { html, pdf };
}

/** A PDF on disk, read with poppler. */
export class PdfFile {
  readonly path: string;
  readonly pageCount: number;
  constructor(bytes: Uint8Array, name: string) {
    const dir = mkdtempSync(join(tmpdir(), 'report-doc-'));
    this.path = join(dir, name);
    writeFileSync(this.path, bytes);
    this.pageCount = Number(/^Pages:\s+(\d+)$/m.exec(this.run('pdfinfo'))?.[1]);
  }
  run(tool: string, ...args: string[]): string {
    return execFileSync(tool, [...args, this.path, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
  }
  /** Text of each page (1-based index 0 = page 1), pdftotext -layout. */
  pages(): string[] {
    return this.run('pdftotext', '-layout').split('\f').slice(0, this.pageCount);
  }
  /** Word boxes per page from pdftotext -bbox (points, origin top left). */
  words(): { page: number; width: number; height: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
    const html = this.run('pdftotext', '-bbox');
    const out: ReturnType<PdfFile['words']> = [];
    const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
    let page = 0;
    for (const m of html.matchAll(pageRe)) {
      page++;
      for (const w of m[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
        out.push({
          page,
          width: Number(m[1]),
          height: Number(m[2]),
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
          text: w[5]!,
        });
      }
    }
    return out;
  }
}

/** Outline (bookmark) titles in document order, depth-first. */
export async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = node.lookup(PDFName.of('Title'));
      if (t instanceof PDFHexString || t instanceof PDFString) titles.push(t.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

/** A page as an 8-bit grey bitmap (pdftoppm -gray, PGM). */
export function pageBitmap(
  pdf: PdfFile,
  page: number,
  dpi: number,
): { width: number; height: number; at: (x: number, y: number) => number } {
  const bytes = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf.path], {
    maxBuffer: 64 << 20,
  });
  // P5\n<width> <height>\n255\n<pixels>
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, at: (x, y) => bytes[offset + y * width + x]! };
}
