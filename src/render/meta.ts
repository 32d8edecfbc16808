/** The document metadata a report's PDF and workbook carry. */
import type { Report } from '../report/model.ts';
import type { PdfMeta } from './pdf/finalize.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';

/**
 * The report's document metadata (title, author, subject, keywords, pinned dates, language):
 * the PDF's, and the workbook's title, subject and keywords.
 */
export function reportPdfMeta(report: Report): PdfMeta {
  const t = createTranslator(report.locale as Locale);
  const tool = `${report.tool.name} ${report.tool.version}`;
  const index = report.kind === 'index';
  return {
    title: `${report.scenario.name} · ${report.title}`,
    author: tool,
    subject: t(index ? 'batch.index.subject' : 'report.subject'),
    keywords: ['GPU', 'procurement', ...(index ? ['batch index'] : ['TCO', ...report.analyses.map((a) => a.id)])],
    creator: tool,
    producer: `${tool} (Chromium, pdf-lib)`,
    date: new Date(report.generatedAt),
    language: report.locale,
  };
}
