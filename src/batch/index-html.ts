/**
 * The batch index as a self-contained HTML page (also what the index PDF is printed from).
 * Every value is escaped: scenario names and failure reasons are untrusted text. No script,
 * no external resource; the Content-Security-Policy says so too.
 */
import type { BatchIndex, IndexRow } from './index-rows.ts';
import { FORMATS } from '../render/index.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]!);

const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #5a6470; } }
body { font: 9pt "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; color: #1d2733; margin: 0; }
h1 { font-size: 15pt; color: #1f3a5f; margin: 0 0 2mm; }
p.meta { color: #5a6470; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 0.5pt solid #c9d1db; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #1f3a5f; color: #fff; font-weight: bold; overflow-wrap: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.status-ok { color: #1e7b34; } td.status-invalid { color: #b5651d; } td.status-failed { color: #b3261e; font-weight: bold; }
td.reason { color: #5a6470; font-size: 8pt; max-width: 80mm; }
a { color: #1f3a5f; }
`;

export function renderIndexHtml(index: BatchIndex, locale: Locale): string {
  const t = createTranslator(locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const amount = (v: number | null, fmt: Intl.NumberFormat) => (v === null ? '–' : escapeHtml(fmt.format(v)));
  const links = (r: IndexRow) => FORMATS.filter((f) => r.reports[f])
    .map((f) => `<a href="${escapeHtml(encodeURIComponent(r.reports[f]!))}">${f}</a>`).join(' ');
  const rows = index.scenarios.map((r) => `<tr>
<td>${escapeHtml(r.file)}</td><td>${escapeHtml(r.name)}</td><td>${r.configuration === null ? '–' : escapeHtml(r.configuration)}</td>
<td class="num">${amount(r.tcoBase, number)}</td><td>${escapeHtml(r.currency ?? '')}</td><td class="num">${amount(r.costPerMillionTokens, money)}</td>
<td class="status-${r.status}">${escapeHtml(t(`batch.index.status.${r.status}`))}</td><td class="reason">${escapeHtml(r.reason ?? '')}</td><td>${links(r)}</td>
</tr>`).join('\n');
  const header = (['file', 'name', 'configuration', 'tco', 'currency', 'costPerMillionTokens', 'status', 'reason', 'reports'] as const)
    .map((k) => `<th>${escapeHtml(t(`batch.index.col.${k}`))}</th>`).join('');
  const title = index.shard ? `${t('batch.index.title')} · ${index.shard.index}/${index.shard.count}` : t('batch.index.title');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; script-src 'none'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t('batch.index.summary', index.totals))} · ${escapeHtml(t('batch.index.generated'))} ${escapeHtml(index.generatedAt.slice(0, 10))} · gpu-report ${escapeHtml(index.tool.version)}</p>
<table>
<thead><tr>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
