import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { finalizePdf, type PdfMeta } from '../../../src/render/pdf/finalize.ts';
import { outlineTitles } from '../pdf-helpers.ts';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium-headless-shell';
const hasPdfinfo = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'pdf-finalize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta: PdfMeta = {
  title: 'GPU 采购报告 / GPU procurement',
  author: 'Capacity Planning',
  subject: 'H100 vs H200 for Llama 3 70B',
  keywords: ['GPU procurement', 'H100', 'TCO'],
  creator: 'gpu-report 0.1.0',
  producer: 'gpu-report 0.1.0 (Chromium, pdf-lib)',
  date: new Date('2026-01-02T03:04:05Z'),
  language: 'zh-CN',
};

function pdfinfo(bytes: Uint8Array, ...args: string[]): string {
  const file = join(dir, `info-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' });
}

/** Outline titles in document order (depth-first), read back with pdf-lib. */
function expectMeta(info: string): void {
  expect(info).toMatch(/^Title:\s+GPU 采购报告 \/ GPU procurement$/m);
  expect(info).toMatch(/^Author:\s+Capacity Planning$/m);
  expect(info).toMatch(/^Subject:\s+H100 vs H200 for Llama 3 70B$/m);
  expect(info).toMatch(/^Keywords:\s+GPU procurement, H100, TCO$/m);
  expect(info).toMatch(/^Creator:\s+gpu-report 0\.1\.0$/m);
  expect(info).toMatch(/^Producer:\s+gpu-report 0\.1\.0 \(Chromium, pdf-lib\)$/m);
  expect(info).toMatch(/^CreationDate:\s+Fri Jan {1,2}2 03:04:05 2026 UTC$/m);
  expect(info).toMatch(/^ModDate:\s+Fri Jan {1,2}2 03:04:05 2026 UTC$/m);
}

describe('finalizePdf on a pdf-lib document', () => {
  async function makePdf(): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([595, 842]);
    return doc.save({ useObjectStreams: false });
  }

  it('sets the metadata and /Lang', async () => {
    const out = await finalizePdf(await makePdf(), meta);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getKeywords()).toBe('GPU procurement, H100, TCO');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    expect(doc.getPageCount()).toBe(1);
    if (hasPdfinfo) expectMeta(pdfinfo(out));
  });

  it('is byte-identical for the same input and meta', async () => {
    const input = await makePdf();
    const a = await finalizePdf(input, meta);
    const b = await finalizePdf(input, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await finalizePdf(input, { ...meta, date: new Date('2026-01-03T00:00:00Z') });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('rejects an invalid date', async () => {
    await expect(finalizePdf(await makePdf(), { ...meta, date: new Date('nope') })).rejects.toThrow(RangeError);
  });
});

describe.skipIf(!existsSync(CHROME))('finalizePdf on a Chromium PDF', () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body>
    <h1>GPU procurement report</h1><p>Summary.</p>
    <h2>Memory fit</h2><p>Fits.</p>
    <h2>成本 Cost</h2><p>TCO.</p></body></html>`;

  async function chromiumPdf(): Promise<Uint8Array> {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: 'shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      return await page.pdf({ format: 'A4', outline: true, tagged: true });
    } finally {
      await browser.close();
    }
  }

  it('appends an incremental update: the printed revision stays, byte for byte where nothing needed pinning', async () => {
    const input = await chromiumPdf();
    const out = await finalizePdf(input, meta);
    const text = Buffer.from(out).toString('latin1');
    const printed = Buffer.from(input).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(printed)![1]);
    // The first revision is the printed file; only same-length pins (structure IDs, print time) differ.
    const strip = (s: string) => s.replace(/\(node\d+\)/g, '(node)').replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, '/$1()');
    expect(strip(text.slice(0, printed.length))).toBe(strip(printed));
    // The update: its own xref section and a trailer pointing back at the printed one.
    expect(text.slice(printed.length)).toMatch(
      new RegExp(`trailer\\s*<<[^>]*/Prev ${startxref}[^>]*>>\\s*startxref\\s+\\d+\\s+%%EOF\\s*$`),
    );
    expect(text.match(/%%EOF/g)).toHaveLength(2);
    // Smaller than the input again: only the changed objects were written.
    expect(out.length - input.length).toBeLessThan(input.length);
    const reloaded = await PDFDocument.load(out, { updateMetadata: false });
    expect(reloaded.getTitle()).toBe(meta.title);
    if (hasPdfinfo) expectMeta(pdfinfo(out));
  });

  it('keeps the outline and tagged structure, sets metadata, is deterministic', async () => {
    const input = await chromiumPdf();
    const expected = ['GPU procurement report', 'Memory fit', '成本 Cost'];
    expect(await outlineTitles(input)).toEqual(expected);

    const a = await finalizePdf(input, meta);
    const b = await finalizePdf(input, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(await outlineTitles(a)).toEqual(expected);
    // Read the catalog's latest revision through pdf-lib, not at the bytes.
    const catalog = (await PDFDocument.load(a)).catalog;
    expect(catalog.has(PDFName.of('Outlines'))).toBe(true);
    expect(catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    if (hasPdfinfo) {
      const info = pdfinfo(a);
      expectMeta(info);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(pdfinfo(a, '-struct')).toMatch(/H1[\s\S]*H2[\s\S]*H2/);
    }
  });
});
