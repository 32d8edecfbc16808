/**
 * Report → HTML, through Handlebars templates in templates/. The page is self-contained:
 * CSS inlined, charts inlined as SVG rendered on the server, no script, no external resource,
 * so Chromium prints it without running anything or touching the network.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Analysis, Report, Block, CellValue, Column, Highlights, RowCells, TableBlock } from '../report/model.ts';
import { createTranslator, type Locale, type MessageKey, type Translate } from '../i18n/index.ts';
import { createFormatter, formatDate, headerLabel, localUnit } from './format.ts';
import { isSafeLink } from './links.ts';
import { CHART_SIZE, renderChartSvg, renderChartSvgs } from './charts/index.ts';
import type { ContentsLayout } from './pdf/finalize.ts';

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
    // Comments are for us, not for every report's bytes.
    css: readFileSync(path.join(TEMPLATE_DIR, 'report.css'), 'utf8').replace(/\/\*[\s\S]*?\*\/\n?/g, ''),
  };
  return compiled;
}

/** A text value longer than this is a sentence, not a figure. */
const PROSE_CHARS = 60;

/** The analysis laid out as the executive summary, right after the cover. */
const SUMMARY_ID = 'summary';
/** The analysis that lists every assumption with its source. */
const ASSUMPTIONS_ID = 'assumptions';

export function renderHtml(report: Report): string {
  const locale = report.locale as Locale;
  const t = createTranslator(locale);
  const fmt = createFormatter(locale, t);
  const summary = report.analyses.find((a) => a.id === SUMMARY_ID);
  // Every chart the page shows, drawn with one echarts instance; the blocks below find their SVG made.
  renderChartSvgs(
    report.analyses.flatMap((a) => shownBlocks(a).filter((b) => b.kind === 'chart')),
    { ...CHART_SIZE, locale },
  );
  // A report of one section (the batch index) has no contents, no section numbers, and a title
  // block instead of a cover page; if that section is a wide list, every page is landscape.
  const contents = hasContents(report);
  const sections = report.analyses
    .filter((a) => a !== summary)
    .map((a, index) => ({
      id: a.id,
      number: contents ? index + 1 : undefined,
      title: a.title,
      intro: a.intro,
      blocks: a.blocks.map((b) => blockContext(b, fmt, locale)),
    }))
    // A section that opens with a landscape table starts on the landscape page, heading and
    // intro included, instead of leaving them alone on a portrait page.
    // A section of notes and short key-value lists only (the bill of materials of a rented
    // recommendation, the purchase request of a scenario without a request block) is "brief": it
    // follows the previous section, and the next follows it, instead of a near-empty page of its own.
    .map((s) => ({
      ...s,
      landscapeStart: s.blocks[0]?.landscape === true,
      brief:
        s.blocks.length > 0 &&
        s.blocks.every((b) => b.isNote === true || (b.isKeyValue === true && (b.items as unknown[]).length <= BRIEF_ITEMS)),
      groups: keepGroups(s.blocks),
    }));
  const landscape = !contents && sections.some((s) => s.blocks.some((b) => b.landscape === true));
  // Money on the cover, its currency as a reader of the report's language names it (美元 / 元 in Chinese).
  const money = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : `${fmt(value, 'currency')} ${localUnit(report.headline!.currency, locale)}`;
  const headline = report.headline?.configuration
    ? {
        configuration: report.headline.configuration,
        // What a purchase request asks for (bought: the bill of materials total), then the cash over the horizon.
        capex: money(report.headline.capex),
        cost: money(report.headline.tcoBase),
        // Over budget is never shown as an answer alone: the cover says so and leads with the cheapest fix.
        overBudget: report.headline.withinBudget === false ? t('cover.overBudget', { fix: report.headline.fix ?? '' }) : '',
      }
    : undefined;
  const context = {
    lang: locale,
    title: report.title,
    scenario: report.scenario,
    css: template().css,
    footerCss: cssString(
      [
        report.scenario.name,
        ...(report.scenario.sha256 ? [`SHA-256 ${report.scenario.sha256.slice(0, 12)}`] : []),
        `${t('report.catalogDate')} ${formatDate(report.catalogDate, locale)}`,
        `gpu-report ${report.tool.version}`,
      ].join(' · '),
    ),
    date: formatDate(report.generatedAt, locale),
    headline,
    meta: [
      { label: t('report.generated'), value: formatDate(report.generatedAt, locale) },
      { label: t('report.catalogDate'), value: formatDate(report.catalogDate, locale) },
      { label: t('report.toolVersion'), value: `${report.tool.name} ${report.tool.version}` },
      // A batch index stands for no single file.
      ...(report.scenario.file ? [{ label: t('report.scenarioFile'), value: path.basename(report.scenario.file) }] : []),
      ...(report.scenario.sha256 ? [{ label: t('report.sha'), value: report.scenario.sha256.slice(0, 12) }] : []),
      ...requestMeta(report, t),
    ],
    contents,
    compact: !contents,
    landscape,
    labels: {
      contents: t('report.contents'),
      page: t('document.pageColumn'),
      recommendation: t('document.recommendation'),
      headlineCost: t('document.headlineCost'),
      headlineCapex: t('document.headlineCapex'),
      // The punctuation between a label and its figure is the language's (': ' or '：').
      labelSep: t('sep.label'),
      why: t('document.why'),
      risks: t('document.risks'),
      low: t('document.low'),
      base: t('document.base'),
      high: t('document.high'),
      // The note points at the Assumptions section: only where there is one.
      preparedWith: report.analyses.some((a) => a.id === ASSUMPTIONS_ID)
        ? t('document.preparedWith', { tool: report.tool.name, version: report.tool.version })
        : '',
    },
    summary: summary && {
      id: summary.id,
      title: summary.title,
      intro: summary.intro,
      highlights: summary.highlights && highlightsContext(summary.highlights, fmt, locale, t),
      blocks: shownBlocks(summary).map((b) => blockContext(b, fmt, locale)),
    },
    analyses: sections,
  };
  return template().render(context);
}

/** An analysis's blocks as the page shows them: the summary's without those its highlights stand for. */
const shownBlocks = (a: Analysis): readonly Block[] =>
  a.id === SUMMARY_ID ? a.blocks.filter((b) => !('id' in b && a.highlights?.coversBlocks?.includes(b.id))) : a.blocks;

/** A contents page only where there is more than one section to find. */
const hasContents = (report: Report): boolean => report.analyses.length > 1;

/** Every element id the contents links to, in document order. */
export const sectionIds = (report: Report): string[] => [
  ...report.analyses.filter((a) => a.id === SUMMARY_ID).map((a) => a.id),
  ...report.analyses.filter((a) => a.id !== SUMMARY_ID).map((a) => a.id),
];

/**
 * The contents as the PDF step numbers it (src/render/pdf/finalize.ts): Chromium has no
 * `target-counter()`, so the page column prints empty and the numbers are drawn into the PDF.
 * The figures repeat templates/report.css (`.toc ol` font size, `.toc a` line height and
 * padding, `--ink`); test/render/index.pdf-document.chromium.test.ts checks the numbers land on the entries' baselines.
 */
export const contentsLayout = (report: Report): ContentsLayout | undefined =>
  hasContents(report)
    ? {
        ids: sectionIds(report),
        fontSizePt: 11,
        lineHeightPx: 21,
        paddingTopPx: 5,
        color: '#1b1f24',
      }
    : undefined;

function highlightsContext(h: Highlights, fmt: Fmt, locale: Locale, t: Translate) {
  const unit = localUnit(h.cost?.unit ?? '', locale);
  const cost = h.cost && {
    label: h.cost.label,
    // In the language's brackets: (USD), （美元）.
    unit: unit ? t('sep.unit', { unit }) : '',
    low: fmt(h.cost.low, h.cost.format),
    base: fmt(h.cost.base, h.cost.format),
    high: fmt(h.cost.high, h.cost.format),
  };
  return { recommendation: h.recommendation, cost, reasons: h.reasons ?? [], risks: h.risks ?? [] };
}

/** Characters that stand for themselves inside a CSS string: letters and digits of any script, space, and plain punctuation. */
const CSS_SAFE = /^[\p{L}\p{N} .,:!?·_\-+=%#@/()]$/u;

/**
 * A CSS string literal (the @page footer). Scenario text goes into CSS here, so it is escaped by
 * allow-list: anything outside CSS_SAFE, whatever it is (quotes, backslashes, `<`, line breaks,
 * a form feed, any other control character, combining marks), is written as a CSS escape
 * `\HEX ` (the space ends the escape), which no CSS or HTML parser can read as syntax.
 */
export function cssString(text: string): string {
  const escaped = [...text.replace(/[\r\n]+/g, ' ')]
    .map((ch) => (CSS_SAFE.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join('');
  return `"${escaped}"`;
}

/**
 * Blocks in print groups: a run of notes stays with the chart or key-value block before it (one
 * unbreakable group, moved to the next page whole), so that no page holds a lone note; a run of
 * notes after a table stays together. Other blocks are groups of their own.
 */
function keepGroups(blocks: readonly Record<string, unknown>[]): { keep: boolean; blocks: Record<string, unknown>[] }[] {
  const groups: { keep: boolean; blocks: Record<string, unknown>[] }[] = [];
  for (const b of blocks) {
    const last = groups.at(-1);
    if (b.isNote && last && last.blocks.at(-1)?.isNote) last.blocks.push(b);
    else if (b.isNote && last && !last.blocks[0]!.isTable) {
      last.keep = true;
      last.blocks.push(b);
    } else groups.push({ keep: Boolean(b.isNote), blocks: [b] });
  }
  return groups;
}

function blockContext(b: Block, fmt: Fmt, locale: Locale): Record<string, unknown> {
  // A table that opens a page of its own (the alternatives, the sign-off), and a form to fill in by hand.
  if (b.kind === 'table' && (b.startsPage || b.layout === 'form'))
    return {
      ...blockContext({ ...b, startsPage: false, layout: undefined }, fmt, locale),
      startsPage: b.startsPage === true,
      form: b.layout === 'form',
    };
  switch (b.kind) {
    case 'table':
      // A list keeps one row per item: wide, it takes landscape pages instead of turning.
      if (b.layout === 'list')
        return {
          ...tableContext(b, fmt, locale),
          dense: b.columns.length >= DENSE_TABLE_COLUMNS,
          landscape: b.columns.length > WIDE_TABLE_COLUMNS,
        };
      if (b.columns.length <= WIDE_TABLE_COLUMNS)
        return { ...tableContext(b, fmt, locale), dense: b.columns.length >= DENSE_TABLE_COLUMNS };
      // Wide and short: columns become rows. Wide and long: a landscape page of its own.
      return b.rows.length <= WIDE_TABLE_COLUMNS
        ? transposedTable(b, fmt, locale)
        : { ...tableContext(b, fmt, locale), landscape: true, dense: true };
    case 'chart':
      return { isChart: true, title: b.title, svg: renderChartSvg(b, { ...CHART_SIZE, locale }) };
    case 'note':
      return { isNote: true, tone: b.tone, text: b.text };
    case 'keyValue':
      return {
        isKeyValue: true,
        title: b.title,
        // A sentence as a value (risks, reasons) reads better in the normal weight than in bold.
        items: b.items.map((i) => ({
          label: i.label,
          value: fmt(i.value, i.format),
          unit: localUnit(i.unit ?? '', locale),
          prose: i.format === 'text' && fmt(i.value, i.format).length > PROSE_CHARS,
        })),
      };
    default: {
      const never: never = b;
      throw new Error(`unknown block ${(never as Block).kind}`);
    }
  }
}

/** A key-value list of up to this many items is short enough for a "brief" section. */
const BRIEF_ITEMS = 6;

/** A table wider than this prints transposed (one column per row of data) to fit A4 portrait. */
const WIDE_TABLE_COLUMNS = 9;
/** From this many columns a table prints in a smaller size so headers wrap less. */
const DENSE_TABLE_COLUMNS = 7;

type Fmt = ReturnType<typeof createFormatter>;

/**
 * A word this long (URLs, file paths) may break anywhere. Only such cells get it: breaking
 * anywhere everywhere lets the table squeeze a GPU name into one letter per line.
 */
const LONG_TOKEN = /\S{26,}/u;

/**
 * A long token (a URL, a path) as escaped HTML with break opportunities after its separators, so
 * that it wraps at "/" or "?" rather than mid-word ("…/useful-life-of-ser / vers").
 */
function breakable(text: string): string {
  const esc = Handlebars.escapeExpression;
  return text
    .split(/(\S{26,})/u)
    .map((part, i) =>
      i % 2 === 0
        ? esc(part)
        : part
            .split(/(?<=[/?&#=_])(?=.)/u)
            .map((piece) => esc(piece))
            .join('<wbr>'),
    )
    .join('');
}

function cellContext(v: CellValue, c: Column, fmt: Fmt, extras?: RowCells | null) {
  const plain = v !== null && typeof v === 'object' ? v.value : v;
  const text = fmt(v, c.format);
  const href = extras?.links?.[c.key];
  return {
    text,
    numeric: c.format !== 'text' && c.format !== 'boolean',
    // Running text (a reason, a configuration): left-aligned even in a transposed table's columns.
    prose: c.format === 'text' && !/^[\d\s.,%–-]*$/u.test(text),
    status: extras?.tones?.[c.key] ?? (c.status ? (plain === true ? 'ok' : plain === false ? 'bad' : '') : ''),
    long: LONG_TOKEN.test(text),
    breakable: LONG_TOKEN.test(text) ? breakable(text) : undefined,
    // Only http(s) and relative links; an empty cell has nothing to link.
    href: v !== null && href !== undefined && isSafeLink(href) ? href : undefined,
  };
}

/** The column, with the number format a row gives this one cell (`rowCells[i].formats`). */
function withFormat(b: TableBlock, row: number, c: Column): Column {
  const format = b.rowCells?.[row]?.formats?.[c.key];
  return format ? { ...c, format } : c;
}

function tableContext(b: TableBlock, fmt: Fmt, locale: Locale) {
  return {
    isTable: true,
    title: b.title,
    headers: b.columns.map((c) => ({ text: headerLabel(c.label, c.unit, locale), numeric: c.format !== 'text' })),
    ...withTail(b.rows.map((r, i) => b.columns.map((c) => cellContext(r[c.key] ?? null, withFormat(b, i, c), fmt, b.rowCells?.[i])))),
  };
}

/** Rows a long table keeps together at its end, so that a page never holds one or two of them alone. */
const TAIL_ROWS = 3;

/** Each row's cells, the last rows of a long table marked `tail` (no page break before them). */
function withTail<C>(rows: C[][]): { rows: { cells: C[]; tail: boolean }[] } {
  const long = rows.length > 2 * TAIL_ROWS;
  return { rows: rows.map((cells, i) => ({ cells, tail: long && i > rows.length - TAIL_ROWS })) };
}

/**
 * A transposed table of up to this many rows moves whole to the next page rather than split (a
 * split would leave a row or two under a repeated header of wrapped names); a longer one runs
 * over the page like any table, or it leaves its section's heading alone on a page.
 */
const TRANSPOSED_WHOLE_ROWS = 10;

/** Columns become rows: the first column's values head the table, each other column is a row. */
function transposedTable(b: TableBlock, fmt: Fmt, locale: Locale) {
  const [first, ...rest] = b.columns;
  if (!first) return tableContext(b, fmt, locale);
  return {
    isTable: true,
    title: b.title,
    transposed: true,
    short: rest.length <= TRANSPOSED_WHOLE_ROWS,
    headers: [
      { text: headerLabel(first.label, first.unit, locale), numeric: false },
      ...b.rows.map((r) => ({ text: fmt(r[first.key] ?? null, first.format), numeric: true })),
    ],
    ...withTail(
      rest.map((c) => [
        { text: headerLabel(c.label, c.unit, locale), numeric: false, status: '', rowHeader: true },
        ...b.rows.map((r, i) => cellContext(r[c.key] ?? null, withFormat(b, i, c), fmt, b.rowCells?.[i])),
      ]),
    ),
  };
}
/**
 * The cover's price validity: the earliest quote's date and which GPUs the quotes cover, and a
 * recommended GPU that no quote covers (a catalog estimate has no validity date).
 */
function priceValidity(r: NonNullable<Report['purchaseRequest']>, t: ReturnType<typeof createTranslator>): string | null {
  const parts = [
    ...(r.priceValidUntil ? [t('req.validUntilFor', { date: r.priceValidUntil, gpus: r.quotedGpus.join(t('sep.list')) })] : []),
    ...(r.estimatedRecommendation ? [t('req.recommendedEstimate', { gpu: r.estimatedRecommendation })] : []),
  ];
  return parts.length ? parts.join(t('sep.clause')) : null;
}

/** The purchase request's document control on the cover (docs/json.md): the fields it has. */
function requestMeta(report: Report, t: ReturnType<typeof createTranslator>): { label: string; value: string }[] {
  const r = report.purchaseRequest;
  if (!r) return [];
  const rows: [MessageKey, string | null][] = [
    ['req.number', r.number],
    ['req.costCentre', r.costCentre],
    ['req.requester', r.requester],
    ['req.neededBy', r.neededBy],
    ['req.priceValidity', priceValidity(r, t)],
  ];
  return rows.flatMap(([key, value]) => (value ? [{ label: t(key), value }] : []));
}
