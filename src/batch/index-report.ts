/**
 * The batch index as a Report (`kind: 'index'`): one section whose table lists every scenario
 * of the run, with links to its reports, and the rows again in machine-readable form
 * (`batch`). Rendered by the same registry, templates, workbook writer and PDF step as a
 * scenario's report. Pure: the rows, the date and the version come in.
 */
import { FORMATS } from '../render/index.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';
import { CATALOG_DATE } from '../catalog/index.ts';
import type { CellTone, CellValue, Column, Report, RowCells, TableBlock } from '../report/model.ts';
import type { BatchIndex, IndexRow, IndexStatus } from './index-rows.ts';

const TONES = { ok: 'ok', overBudget: 'warning', invalid: 'warning', failed: 'bad' } as const satisfies Record<IndexStatus, CellTone>;

export function buildIndexReport(index: BatchIndex, locale: Locale): Report {
  const t = createTranslator(locale);
  const { shard, totals, scenarios } = index;
  const text = (key: 'file' | 'name' | 'configuration' | 'currency' | 'status' | 'reason'): Column => ({
    key,
    label: t(`batch.index.col.${key}`),
    format: 'text',
  });
  const columns: Column[] = [
    text('file'),
    text('name'),
    text('configuration'),
    { key: 'tcoBase', label: t('batch.index.col.tco'), format: 'currency' },
    text('currency'),
    { key: 'costPerMillionTokens', label: t('batch.index.col.costPerMillionTokens'), format: 'currency2' },
    text('status'),
    text('reason'),
    ...FORMATS.map((f): Column => ({ key: f, label: t(`batch.index.col.${f}`), format: 'text' })),
  ];
  const reason = (r: IndexRow) =>
    r.reason !== null && r.moreProblems > 0 ? t('batch.index.more', { reason: r.reason, count: r.moreProblems }) : r.reason;
  const rows = scenarios.map((r): Record<string, CellValue> => ({
    file: r.file,
    name: r.name,
    configuration: r.configuration,
    tcoBase: r.tcoBase,
    currency: r.currency,
    costPerMillionTokens: r.costPerMillionTokens,
    status: t(`batch.index.status.${r.status}`),
    reason: reason(r),
    // The link's text is the format's own name; the file name is the link.
    ...Object.fromEntries(FORMATS.map((f) => [f, r.reports[f] === undefined ? null : f])),
  }));
  const rowCells = scenarios.map((r): RowCells => ({
    // Relative to the index (its folder; a merged index's reports may sit in the shards' folders),
    // encoded per path segment: a file name may hold spaces, '#' or '%'.
    links: Object.fromEntries(
      FORMATS.flatMap((f) => (r.reports[f] === undefined ? [] : [[f, r.reports[f].split('/').map(encodeURIComponent).join('/')]])),
    ),
    tones: { status: TONES[r.status] },
  }));
  const table: TableBlock = { kind: 'table', id: 'scenarios', columns, rows, rowCells, layout: 'list' };
  return {
    schemaVersion: 3,
    kind: 'index',
    tool: { name: 'gpu-report', version: index.toolVersion },
    locale,
    title: t('app.title'),
    scenario: {
      name: shard ? t('batch.index.shardTitle', { index: shard.index, count: shard.count }) : t('batch.index.title'),
      description: t('batch.index.summary', totals),
      file: '',
      sha256: '',
    },
    generatedAt: index.generatedAt,
    catalogDate: CATALOG_DATE,
    currency: '',
    batch: { shard, totals, scenarios },
    analyses: [{ id: 'scenarios', title: t('batch.index.section'), intro: t('batch.index.intro'), blocks: [table] }],
  };
}
