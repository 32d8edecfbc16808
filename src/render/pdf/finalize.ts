/**
 * PDF post-step after Chromium's `page.pdf()`: Chromium only writes Title (from <title>), its own
 * Creator/Producer and the current time. Reports need full document metadata and pinned dates
 * (SOURCE_DATE_EPOCH) so the same inputs give a byte-identical PDF.
 *
 * pdf-lib re-serialises every indirect object it parsed, so the outline (/Outlines), the tagged
 * structure (/StructTreeRoot, /MarkInfo) and /Lang that Chromium wrote survive unchanged; only the
 * Info dictionary (and, when asked, /Lang) is rewritten.
 */
import { PDFDocument } from 'pdf-lib';

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
  // Classic xref table, as Chromium writes it; object streams would also work but add nothing
  // for these small files and make the output harder to inspect.
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
