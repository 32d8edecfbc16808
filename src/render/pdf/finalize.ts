/**
 * PDF post-step after Chromium's `page.pdf()`: the changes appended to the printed file as an
 * incremental update (incremental.ts) rather than re-serialised, after reading only the objects
 * the step needs:
 *
 * - **Contents page numbers.** Chromium has no `target-counter()`, so the contents is printed
 *   with an empty page column. Each contents entry is a link; Chromium writes it as a link
 *   annotation (its box) pointing at a named destination (the section's page). The number is
 *   drawn right-aligned in that box, on the entry's first baseline, in the report's own font
 *   (DejaVu Sans, embedded as a subset of its digits: digits-font.ts, no fontkit or font file at
 *   run time), marked as an artifact so the tagged structure stays valid. One print instead of
 *   printing a second time with the numbers filled in.
 * - **Metadata.** Chromium only writes Title (from <title>), its own Creator/Producer and the
 *   current time. Reports need full document metadata and pinned dates (SOURCE_DATE_EPOCH) so
 *   the same inputs give a byte-identical PDF.
 *
 * **Reading.** Chromium's tagged PDF is thousands of objects (structure tree, content streams,
 * fonts); the step reads the trailer, the catalog (/Dests, /Lang, /ViewerPreferences), the Info
 * dictionary, the page tree and pages, their resources and fonts, their annotations and actions.
 * lazy-document.ts opens the file at its cross-reference table and parses each object with
 * pdf-lib's own parser the first time it is looked up (41–58 of 4,300–6,500 objects in the
 * example reports), so the update's objects are exactly what a full `PDFDocument.load` gives
 * (tests compare the bytes). A file it does not read that way (a cross-reference stream, an earlier revision, an
 * object not where the table says) is loaded whole as before.
 *
 * Chromium's objects stay as printed, so the outline (/Outlines) and the tagged structure
 * (/StructTreeRoot, /MarkInfo) survive unchanged; the update holds the Info dictionary, the
 * catalog (/Lang, /ViewerPreferences), the pages with numbers (and their new content streams and
 * font), and the link annotations made relative.
 *
 * Chromium's tagged PDF names every structure element after its DOM node (`/ID (node00004393)`),
 * a per-renderer counter that grows with every page the browser has laid out: the same report
 * printed on a fresh and on a reused tab differs only there. Before the parse, the IDs are
 * renumbered in order with the same number of digits (same relative order, so the /IDTree stays
 * sorted) and the print time in Chromium's Info dictionary is overwritten with the report's date,
 * both in place (incremental.ts, pinPrintedBytes), which makes the file depend only on the
 * document. Chromium writes no trailer /ID, and its font subset prefixes (AAAAAA+, BAAAAA+) are
 * already sequential, so nothing else needs pinning.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  beginMarkedContent,
  endMarkedContent,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { DIGITS_FONT_METRICS, digitsFontkit } from './digits-font.ts';
import { relativizeLinks } from './links.ts';
import { appendUpdate, pinPrintedBytes } from './incremental.ts';
import { NotLazy, openLazily } from './lazy-document.ts';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** Used for both CreationDate and ModDate, so a rebuild with the same date is identical. */
  date: Date;
  /** BCP 47 tag for the catalog's /Lang (e.g. "zh-CN"); omitted keeps what Chromium wrote. */
  language?: string;
}

/**
 * How the contents rows are set (templates/report.css, `.toc ol` and `.toc a`): the numbers are
 * drawn to sit on the same baseline as the entry text. test/render/index.pdf-document.chromium.test.ts checks they do.
 */
export interface ContentsLayout {
  /** The element ids the contents links to; each such link gets its destination's page number. */
  readonly ids: readonly string[];
  /** Font size of the entries, pt (as report.css sets it). */
  readonly fontSizePt: number;
  /** CSS line-height of the entries, px. */
  readonly lineHeightPx: number;
  /** Top padding of each entry's link box, px. */
  readonly paddingTopPx: number;
  /** Text colour, `#rrggbb`. */
  readonly color: string;
}

/** CSS units: 1 in = 96 px = 72 pt. */
const PT_PER_PX = 72 / 96;

/** Parse without yielding to the event loop every 100 objects (pdf-lib's default pacing). */
const LOAD = { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY } as const;

export interface FinalizeOptions {
  /**
   * Parse the whole printed file with pdf-lib first, rather than each object when first needed.
   * The step does so on its own for a file it cannot read object by object (lazy-document.ts);
   * both give the same bytes (test/render/pdf/finalize.lazy-load.chromium.test.ts).
   */
  readonly loadWhole?: boolean;
}

export async function finalizePdf(
  bytes: Uint8Array,
  meta: PdfMeta,
  contents?: ContentsLayout,
  options: FinalizeOptions = {},
): Promise<Uint8Array> {
  if (Number.isNaN(meta.date.getTime())) throw new RangeError('finalizePdf: meta.date is an invalid Date');
  const printed = pinPrintedBytes(bytes, meta.date);
  const lazy = options.loadWhole ? undefined : openLazily(printed);
  if (lazy)
    try {
      return await finish(lazy, printed, meta, contents);
    } catch (error) {
      if (!(error instanceof NotLazy)) throw error;
    }
  // updateMetadata: false stops pdf-lib from stamping its own Producer/ModDate and "now".
  return finish(await PDFDocument.load(printed, LOAD), printed, meta, contents);
}

async function finish(doc: PDFDocument, printed: Uint8Array, meta: PdfMeta, contents: ContentsLayout | undefined): Promise<Uint8Array> {
  const largestBefore = doc.context.largestObjectNumber;
  if (contents) await numberContents(doc, contents);
  relativizeLinks(doc);
  // Viewers then show the title rather than the file name (PDF/UA asks for this too).
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which merges multi-word keywords ("GPU procurement");
  // a comma list is what viewers and indexers expect.
  doc.setKeywords([meta.keywords.join(', ')]);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  if (meta.language) doc.setLanguage(meta.language);
  await doc.flush();
  return appendUpdate(printed, doc, touchedObjects(doc), largestBefore);
}

/**
 * Parsed objects the step may have changed: the catalog and Info dictionary, and for each page
 * the page, its resources and fonts (the contents' numbers), its annotations and their actions
 * (relative links). Added objects (content streams, the font) are found by number.
 */
function touchedObjects(doc: PDFDocument): PDFRef[] {
  const refs: PDFRef[] = [];
  const add = (value: unknown) => {
    if (value instanceof PDFRef) refs.push(value);
  };
  add(doc.context.trailerInfo.Root);
  add(doc.context.trailerInfo.Info);
  for (const page of doc.getPages()) {
    refs.push(page.ref);
    const resources = page.node.get(PDFName.of('Resources'));
    add(resources);
    const resolved = doc.context.lookup(resources);
    if (resolved instanceof PDFDict) add(resolved.get(PDFName.of('Font')));
    const annots = page.node.get(PDFName.of('Annots'));
    add(annots);
    const list = doc.context.lookup(annots);
    if (list instanceof PDFArray)
      for (let i = 0; i < list.size(); i++) {
        add(list.get(i));
        const annot = list.lookup(i);
        if (annot instanceof PDFDict) add(annot.get(PDFName.of('A')));
      }
  }
  return refs;
}

/**
 * Page number (1-based) of every named destination, by name. Chromium writes one named
 * destination (/Dests in the catalog) for each element id that a link in the page points to,
 * so `<a href="#memory">` yields `memory → page of the element with id="memory"`.
 */
function destinationPages(doc: PDFDocument): Map<string, number> {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
    const page = array instanceof PDFArray ? array.get(0) : undefined;
    const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (number !== undefined) pages.set(name.decodeText(), number);
  }
  return pages;
}

/**
 * Draws each contents entry's page number. The entries are the links to `ids`: the report links
 * to its sections from the contents only (test/render/html.test.ts checks that). Each link's
 * box is the entry's row: the number goes at its right edge (the page column is right-aligned
 * and the row has no side padding), on the first line's baseline, computed the way Blink places
 * it in a line box: the top padding, half the leading, then the font's ascent.
 */
async function numberContents(doc: PDFDocument, layout: ContentsLayout): Promise<void> {
  const pages = destinationPages(doc);
  const wanted = new Set(layout.ids);
  const entries: { page: PDFPage; rect: number[]; number: number }[] = [];
  doc.getPages().forEach((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annot.get(PDFName.of('Dest'));
      const id = dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const rect = annot
        .lookupMaybe(PDFName.of('Rect'), PDFArray)
        ?.asArray()
        .map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
      if (id === undefined || !wanted.has(id) || !pages.has(id) || rect?.length !== 4 || rect.some(Number.isNaN)) continue;
      entries.push({ page, rect, number: pages.get(id)! });
    }
  });
  if (entries.length === 0) return;
  const { font, ascent, descent } = await contentsFont(doc);
  const size = layout.fontSizePt;
  const sizePx = size / PT_PER_PX;
  // Blink rounds the font's ascent and descent to whole pixels before splitting the leading.
  const a = Math.round(ascent * sizePx);
  const d = Math.round(descent * sizePx);
  const baselineBelowTop = (layout.paddingTopPx + (layout.lineHeightPx - a - d) / 2 + a) * PT_PER_PX;
  const color = hexColor(layout.color);
  for (const { page, rect, number } of entries) {
    const text = String(number);
    const top = Math.max(rect[1]!, rect[3]!);
    const right = Math.max(rect[0]!, rect[2]!);
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: top - baselineBelowTop, size, font, color });
    page.pushOperators(endMarkedContent());
  }
}

/** The report's body font, DejaVu Sans, as a subset of its digits with a fixed name (pdf-lib would add a random suffix). */
async function contentsFont(doc: PDFDocument): Promise<{ font: PDFFont; ascent: number; descent: number }> {
  doc.registerFontkit(digitsFontkit);
  // The subset embedder hands these bytes to the fontkit only, which has its glyphs already.
  return { font: await doc.embedFont(new Uint8Array(0), { subset: true, customName: 'TOCNUM+DejaVuSans' }), ...DIGITS_FONT_METRICS };
}

function hexColor(hex: string) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255);
}
