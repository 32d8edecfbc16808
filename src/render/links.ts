/** Links a report's cells carry (`rowCells.links`): which are allowed, and how the PDF keeps relative ones. */
import type { Report, RowCells } from '../report/model.ts';

const HTTP = /^https?:\/\/[^\s"<>]+$/i;

/**
 * A link a report may carry: an http(s) URL, or a reference relative to the report (no scheme,
 * not protocol-relative) with no spaces, quotes or angle brackets (encode them first).
 */
export const isSafeLink = (href: string): boolean =>
  href.length <= 2000 && (HTTP.test(href) || (/^[^\s"<>:]+$/.test(href) && !href.startsWith('//')));

/**
 * Chromium keeps a link in the PDF only if it resolves to an absolute URL, and a page set from
 * a string has no base: a relative link (the batch index to its reports) is printed against
 * this placeholder (`.invalid` never resolves, RFC 2606) and the PDF step (pdf/links.ts) strips
 * it again, leaving a URI relative to the PDF's own folder (PDF 32000-1 §12.6.4.7).
 */
export const RELATIVE_LINK_BASE = 'https://relative-link.invalid/';

/** The report as the PDF is printed from: relative cell links under RELATIVE_LINK_BASE; undefined when it has none. */
export function withAbsoluteLinks(report: Report): Report | undefined {
  let found = false;
  const absolute = (cells: RowCells | null): RowCells | null => {
    if (!cells?.links) return cells;
    const links = Object.fromEntries(
      Object.entries(cells.links).map(([key, href]) => {
        if (HTTP.test(href) || !isSafeLink(href)) return [key, href];
        found = true;
        return [key, `${RELATIVE_LINK_BASE}${href}`];
      }),
    );
    return { ...cells, links };
  };
  const analyses = report.analyses.map((a) => ({
    ...a,
    blocks: a.blocks.map((b) => (b.kind === 'table' && b.rowCells ? { ...b, rowCells: b.rowCells.map(absolute) } : b)),
  }));
  return found ? { ...report, analyses } : undefined;
}
