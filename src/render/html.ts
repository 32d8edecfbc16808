/**
 * Report → HTML, through Handlebars templates in templates/. The page is self-contained:
 * CSS inlined, charts inlined as SVG rendered on the server, no script, no external resource,
 * so Chromium prints it without running anything or touching the network.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Report, Block, CellValue, Column, TableBlock } from '../report/model.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';
import { createFormatter, headerLabel } from './format.ts';
import { renderChartSvg } from './charts/index.ts';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** One Handlebars environment, templates compiled once per process. */
let compiled: { render: HandlebarsTemplateDelegate; css: string } | undefined;
function template(): { render: HandlebarsTemplateDelegate; css: string } {
  if (compiled) return compiled;
  const hbs = Handlebars.create();
  const partialDir = path.join(TEMPLATE_DIR, 'partials');
  for (const file of readdirSync(partialDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(partialDir, file), 'utf8'));
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  compiled = {
    render: hbs.compile(readFileSync(path.join(TEMPLATE_DIR, 'report.hbs'), 'utf8')),
    css: readFileSync(path.join(TEMPLATE_DIR, 'report.css'), 'utf8'),
  };
  return compiled;
}

/** Chart sizes in CSS pixels: A4 content width at 96 dpi is ~680 px with our margins. */
const CHART = { width: 680, height: 300 } as const;

export function renderHtml(report: Report): string {
  const locale = report.locale as Locale;
  const t = createTranslator(locale);
  const fmt = createFormatter(locale, t);
  const context = {
    lang: locale,
    title: report.title,
    scenario: report.scenario,
    css: template().css,
    footerCss: cssString(`${report.scenario.name} · SHA-256 ${report.scenario.sha256.slice(0, 12)} · ${t('report.catalogDate')} ${report.catalogDate} · gpu-report ${report.tool.version}`),
    meta: [
      { label: t('report.generated'), value: report.generatedAt.slice(0, 10) },
      { label: t('report.toolVersion'), value: report.tool.version },
      { label: t('report.catalogDate'), value: report.catalogDate },
      { label: t('report.scenarioFile'), value: path.basename(report.scenario.file) },
      { label: t('report.sha'), value: report.scenario.sha256.slice(0, 12) },
    ],
    labels: { contents: t('report.contents') },
    analyses: report.analyses.map((a, index) => ({
      id: a.id, number: index + 1, title: a.title, intro: a.intro,
      blocks: a.blocks.map((b) => blockContext(b, fmt, locale)),
    })),
  };
  return template().render(context);
}

/**
 * A CSS string literal for the @page footer. Scenario text goes into CSS here, so quotes,
 * backslashes and anything that could close the <style> element are escaped.
 */
export function cssString(text: string): string {
  const escaped = [...text.replace(/[\r\n]+/g, ' ')]
    .map((ch) => (/[\\"<>&]/.test(ch) ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch))
    .join('');
  return `"${escaped}"`;
}

function blockContext(b: Block, fmt: Fmt, locale: Locale): Record<string, unknown> {
  switch (b.kind) {
    case 'table':
      return b.columns.length > WIDE_TABLE_COLUMNS && b.rows.length <= WIDE_TABLE_COLUMNS ? transposedTable(b, fmt) : tableContext(b, fmt);
    case 'chart':
      return { isChart: true, title: b.title, svg: renderChartSvg(b, { ...CHART, locale }) };
    case 'note':
      return { isNote: true, tone: b.tone, text: b.text };
    case 'keyValue':
      return { isKeyValue: true, title: b.title, items: b.items.map((i) => ({ label: i.label, value: fmt(i.value, i.format), unit: i.unit ?? '' })) };
    default: {
      const never: never = b;
      throw new Error(`unknown block ${(never as Block).kind}`);
    }
  }
}

/** A table wider than this prints transposed (one column per row of data) to fit A4 portrait. */
const WIDE_TABLE_COLUMNS = 9;

type Fmt = ReturnType<typeof createFormatter>;

function cellContext(v: CellValue, c: Column, fmt: Fmt) {
  const plain = v !== null && typeof v === 'object' ? v.value : v;
  return {
    text: fmt(v, c.format),
    numeric: c.format !== 'text' && c.format !== 'boolean',
    status: c.status ? (plain === true ? 'ok' : plain === false ? 'bad' : '') : '',
  };
}

/** The column, with the number format a row gives this one cell (`rowCells[i].formats`). */
function withFormat(b: TableBlock, row: number, c: Column): Column {
  const format = b.rowCells?.[row]?.formats?.[c.key];
  return format ? { ...c, format } : c;
}

function tableContext(b: TableBlock, fmt: Fmt) {
  return {
    isTable: true, title: b.title,
    headers: b.columns.map((c) => ({ text: headerLabel(c.label, c.unit), numeric: c.format !== 'text' })),
    rows: b.rows.map((r, i) => b.columns.map((c) => cellContext(r[c.key] ?? null, withFormat(b, i, c), fmt))),
  };
}

/** Columns become rows: the first column's values head the table, each other column is a row. */
function transposedTable(b: TableBlock, fmt: Fmt) {
  const [first, ...rest] = b.columns;
  if (!first) return tableContext(b, fmt);
  return {
    isTable: true, title: b.title, transposed: true,
    headers: [{ text: headerLabel(first.label, first.unit), numeric: false }, ...b.rows.map((r) => ({ text: fmt(r[first.key] ?? null, first.format), numeric: true }))],
    rows: rest.map((c) => [
      { text: headerLabel(c.label, c.unit), numeric: false, status: '', rowHeader: true },
      ...b.rows.map((r, i) => cellContext(r[c.key] ?? null, withFormat(b, i, c), fmt)),
    ]),
  };
}
