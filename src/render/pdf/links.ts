/**
 * Relative links in the PDF. The page was printed with relative hrefs made absolute against
 * RELATIVE_LINK_BASE (Chromium drops links it cannot resolve); here every URI action under that
 * base gets the base removed, so the link is relative to the PDF's location, as in the HTML.
 */
import { PDFArray, PDFDict, PDFName, PDFString, PDFHexString, type PDFDocument } from 'pdf-lib';
import { RELATIVE_LINK_BASE } from '../links.ts';

export function relativizeLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.get(PDFName.of('URI'));
      if (!(uri instanceof PDFString || uri instanceof PDFHexString)) continue;
      const text = uri.decodeText();
      if (text.startsWith(RELATIVE_LINK_BASE)) action!.set(PDFName.of('URI'), PDFString.of(text.slice(RELATIVE_LINK_BASE.length)));
    }
  }
}
