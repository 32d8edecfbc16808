/**
 * PDF post-step after Chromium's `page.pdf()`: Chromium only writes Title (from <title>), its own
 * Creator/Producer and the current time. Reports need full document metadata and pinned dates
 * (SOURCE_DATE_EPOCH) so the same inputs give a byte-identical PDF.
 *
 * pdf-lib re-serialises every indirect object it parsed, so the outline (/Outlines), the tagged
 * structure (/StructTreeRoot, /MarkInfo) and /Lang that Chromium wrote survive unchanged; only the
 * Info dictionary (and, when asked, /Lang) is rewritten.
 *
 * Chromium's tagged PDF names every structure element after its DOM node (`/ID (node00004393)`),
 * a per-renderer counter that grows with every page the browser has laid out: the same report
 * printed on a fresh and on a reused tab differs only there. The IDs are renumbered in order
 * (same relative order, so the /IDTree stays sorted), which makes the file depend only on the
 * document. Chromium writes no trailer /ID, and its font subset prefixes (AAAAAA+, BAAAAA+) are
 * already sequential, so nothing else needs pinning.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

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

export async function finalizePdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  if (Number.isNaN(meta.date.getTime())) throw new RangeError('finalizePdf: meta.date is an invalid Date');
  // updateMetadata: false stops pdf-lib from stamping its own Producer/ModDate and "now".
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
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
  renumberNodeIds(doc);
  // Classic xref table, as Chromium writes it; object streams would also work but add nothing
  // for these small files and make the output harder to inspect.
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * Page number (1-based) of every named destination, by name. Chromium writes one named
 * destination (/Dests in the catalog) for each element id that a link in the page points to,
 * so `<a href="#memory">` yields `memory → page of the element with id="memory"`.
 */
export async function readDestinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
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

const NODE_ID = /^node(\d+)$/;

/** Rewrites Chromium's `nodeNNNN` structure IDs as node1, node2, … in their numeric order. */
function renumberNodeIds(doc: PDFDocument): void {
  const found: { holder: PDFDict | PDFArray; key: PDFName | number; id: number }[] = [];
  const visit = (obj: PDFObject, depth: number): void => {
    if (depth > 8) return;
    if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) collect(obj, key, value, depth);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) collect(obj, i, obj.get(i), depth);
    }
  };
  const collect = (holder: PDFDict | PDFArray, key: PDFName | number, value: PDFObject, depth: number): void => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const match = NODE_ID.exec(value.decodeText());
      if (match) found.push({ holder, key, id: Number(match[1]) });
    } else {
      visit(value, depth + 1);
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, 0);
  const order = [...new Set(found.map((f) => f.id))].sort((a, b) => a - b);
  const renamed = new Map(order.map((id, i) => [id, PDFString.of(`node${String(i + 1).padStart(8, '0')}`)]));
  for (const { holder, key, id } of found) {
    if (holder instanceof PDFDict) holder.set(key as PDFName, renamed.get(id)!);
    else holder.set(key as number, renamed.get(id)!);
  }
}
