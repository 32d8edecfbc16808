import { PDFDocument, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finalizePdf, type PdfMeta } from '../../../src/render/pdf/finalize.ts';
import { NotLazy, openLazily } from '../../../src/render/pdf/lazy-document.ts';

const meta: PdfMeta = {
  title: 'Report',
  author: 'Capacity Planning',
  subject: 'GPUs',
  keywords: ['GPU'],
  creator: 'gpu-report',
  producer: 'gpu-report (Chromium, pdf-lib)',
  date: new Date('2026-01-02T03:04:05Z'),
  language: 'en',
};

/** Three pages, the second with a link annotation, as pdf-lib writes them (classic xref table unless object streams are asked for). */
async function makePdf(useObjectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Draft');
  for (let i = 0; i < 3; i++) doc.addPage([595, 842]).drawRectangle({ x: 10 * i, y: 10, width: 50, height: 20 });
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [10, 10, 60, 30],
      A: { S: 'URI', URI: PDFString.of('https://example.com/x') },
    }),
  );
  doc.getPage(1).node.set(PDFName.of('Annots'), doc.context.obj([link]));
  return doc.save({ useObjectStreams });
}

const serialised = (object: PDFObject | undefined) => {
  const bytes = new Uint8Array(object!.sizeInBytes());
  object!.copyBytesInto(bytes, 0);
  return Buffer.from(bytes).toString('latin1');
};

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('openLazily', () => {
  it('parses the catalog only, then each object when it is looked up, as a full load parses it', async () => {
    const bytes = await makePdf();
    const lazy = openLazily(bytes)!;
    expect(lazy).toBeDefined();
    expect(lazy.context.enumerateIndirectObjects().map(([ref]) => ref)).toEqual([lazy.context.trailerInfo.Root]);
    const whole = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(lazy.context.largestObjectNumber).toBe(whole.context.largestObjectNumber);
    expect(String(lazy.context.trailerInfo.Info)).toBe(String(whole.context.trailerInfo.Info));
    const all = whole.context.enumerateIndirectObjects();
    expect(all.length).toBeGreaterThan(8);
    for (const [ref, object] of all) expect(serialised(lazy.context.lookup(ref)), ref.toString()).toBe(serialised(object));
    expect(lazy.getPageCount()).toBe(3);
    expect(lazy.getTitle()).toBe('Draft');
  });

  it('answers undefined for cross-reference streams and for files with an earlier revision', async () => {
    expect(openLazily(await makePdf(true))).toBeUndefined();
    const updated = await finalizePdf(await makePdf(), meta);
    expect(latin1(updated)).toMatch(/\/Prev \d+/);
    expect(openLazily(updated)).toBeUndefined();
    // Finalized again, it is loaded whole, with the same result as when asked to.
    expect(
      Buffer.from(await finalizePdf(updated, meta)).equals(Buffer.from(await finalizePdf(updated, meta, undefined, { loadWhole: true }))),
    ).toBe(true);
  });

  it('throws NotLazy for an object that is not where the table says, and finalizePdf then loads the file whole', async () => {
    const bytes = await makePdf();
    const page = (await PDFDocument.load(bytes)).getPage(1).ref;
    const text = latin1(bytes);
    // Point the page's entry at the first object's offset (same width: offsets do not move).
    const xrefAt = text.lastIndexOf('\nxref\n') + 1;
    const entries = /xref\n(\d+) \d+\n/.exec(text.slice(xrefAt))!;
    const first = Number(entries[1]);
    const entryAt = xrefAt + entries[0].length + 20 * (page.objectNumber - first);
    const firstObjectAt = text.slice(xrefAt + entries[0].length + 20, xrefAt + entries[0].length + 30);
    const broken = new Uint8Array(Buffer.from(text.slice(0, entryAt) + firstObjectAt + text.slice(entryAt + 10), 'latin1'));
    expect(broken.length).toBe(bytes.length);

    const lazy = openLazily(broken)!;
    expect(() => lazy.context.lookup(page)).toThrow(NotLazy);
    const finished = await finalizePdf(broken, meta);
    expect(Buffer.from(finished).equals(Buffer.from(await finalizePdf(broken, meta, undefined, { loadWhole: true })))).toBe(true);
    expect((await PDFDocument.load(finished, { updateMetadata: false })).getTitle()).toBe('Report');
  });

  it('gives finalizePdf the bytes a full load gives', async () => {
    const bytes = await makePdf();
    const lazy = await finalizePdf(bytes, meta);
    expect(Buffer.from(lazy).equals(Buffer.from(await finalizePdf(bytes, meta, undefined, { loadWhole: true })))).toBe(true);
    // The link's action was made part of the update: it was reached.
    expect(latin1(lazy.subarray(bytes.length))).toContain('/URI');
  });
});
