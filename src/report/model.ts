/**
 * The neutral Report model. Analyses produce it; every renderer (xlsx, pdf, html, json)
 * only lays it out, so a sheet, a PDF section and a JSON entry always carry the same numbers.
 */

/** How a number is shown. Renderers map these to Excel number formats and locale formatting. */
export type NumberFormat = 'text' | 'integer' | 'decimal1' | 'decimal2' | 'decimal3' | 'percent' | 'currency' | 'currency2' | 'boolean';

/**
 * A live spreadsheet formula with its cached result. `formula` uses A1 references or defined
 * names of the workbook (e.g. `=electricityPrice*24*365`); `value` is what the analysis computed.
 */
interface FormulaValue {
  readonly formula: string;
  readonly value: number;
}

export type CellValue = string | number | boolean | null | FormulaValue;

export interface Column {
  readonly key: string;
  readonly label: string;
  /** Unit shown in the header, e.g. "GiB", "USD", "tokens/s". */
  readonly unit?: string;
  readonly format: NumberFormat;
  /** Marks a column whose true/false drives pass/fail colouring (fits, SLO met). */
  readonly status?: boolean;
}

/**
 * Cell-level extras of one table row, by column key. Rows keep plain values (the JSON stays
 * numbers); `formulas` and `names` wire the workbook (other renderers ignore them), `formats`
 * overrides the column's number format for one cell (every renderer honours it).
 */
export interface RowCells {
  /** Live formula over workbook names (no leading "="); the row's value is its cached result. */
  readonly formulas?: Readonly<Record<string, string>>;
  /** A workbook defined name for the cell (letters, digits, "_"; never cell-reference-like). */
  readonly names?: Readonly<Record<string, string>>;
  readonly formats?: Readonly<Record<string, NumberFormat>>;
  /**
   * A link for the cell: a URI reference, already encoded (a relative file name such as
   * `a.pdf`, or an http(s) URL); the row's value is the text shown. Every renderer honours it.
   */
  readonly links?: Readonly<Record<string, string>>;
  /** Colours a text cell as a status: `ok` (green), `warning` (amber), `bad` (red). */
  readonly tones?: Readonly<Record<string, CellTone>>;
}

export type CellTone = 'ok' | 'warning' | 'bad';

export interface TableBlock {
  readonly kind: 'table';
  readonly id: string;
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** Parallel to `rows` (same index); absent or shorter when rows have no extras. */
  readonly rowCells?: readonly (RowCells | null)[];
  /**
   * `list`: one row per item however many columns (the batch index): never transposed, printed
   * on landscape pages when wide. `form`: a form to fill in by hand (the sign-off): blank cells are
   * printed as lines tall enough to write on.
   */
  readonly layout?: 'list' | 'form';
  /** Printed renderers (PDF) start a new page with this table: a page of its own in a purchase request. */
  readonly startsPage?: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** Optional low/high band per point. */
  readonly low?: readonly number[];
  readonly high?: readonly number[];
}

export interface ChartBlock {
  readonly kind: 'chart';
  readonly id: string;
  readonly title: string;
  readonly chartType: 'bar' | 'line' | 'stackedBar' | 'tornado';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** For tornado charts: the base value the bars extend from. */
  readonly baseValue?: number;
}

export interface NoteBlock {
  readonly kind: 'note';
  readonly tone: 'info' | 'warning';
  readonly text: string;
}

export interface KeyValueItem {
  readonly label: string;
  readonly value: CellValue;
  readonly unit?: string;
  readonly format: NumberFormat;
}

export interface KeyValueBlock {
  readonly kind: 'keyValue';
  readonly id: string;
  readonly title?: string;
  readonly items: readonly KeyValueItem[];
  /** Parallel to `items`: workbook extras of each value cell, under the key `value` (as TableBlock.rowCells). */
  readonly itemCells?: readonly (RowCells | null)[];
}

export type Block = TableBlock | ChartBlock | NoteBlock | KeyValueBlock;

export interface Analysis {
  /** Stable id (kebab-case), also the JSON key and the basis of the sheet name. */
  readonly id: string;
  /** Localised title: sheet name (truncated to 31 chars) and PDF heading. */
  readonly title: string;
  /** One-paragraph localised introduction. */
  readonly intro: string;
  readonly blocks: readonly Block[];
  /**
   * The executive summary's structure (optional, set by the summary analysis): the PDF lays it
   * out as the answer, its cost band, the reasons and the risks, ahead of the blocks. The blocks
   * still carry every number, for renderers that ignore this.
   */
  readonly highlights?: Highlights;
}

/** The answer of a report in the shape a buyer reads first. All text localised. */
export interface Highlights {
  /** The recommended configuration in one line, e.g. "2 × NVIDIA H100 SXM5 80GB (buy)". */
  readonly recommendation: string;
  /** Its cost with the low/base/high band (e.g. owned TCO over the horizon). */
  readonly cost?: {
    readonly label: string;
    readonly unit?: string;
    readonly format: NumberFormat;
    readonly low: number | null;
    readonly base: number | null;
    readonly high: number | null;
  };
  /** Why this configuration: one sentence each. */
  readonly reasons?: readonly string[];
  /** Main risks and caveats: one sentence each. */
  readonly risks?: readonly string[];
  /**
   * Ids of the analysis' blocks that carry the same content for the workbook and JSON; the
   * printed executive summary shows the highlights instead of them.
   */
  readonly coversBlocks?: readonly string[];
}

export interface Assumption {
  readonly id: string;
  readonly label: string;
  readonly value: string | number;
  readonly unit?: string;
  /** Where it comes from: the scenario, a datasheet, a paper; a URL where there is one. */
  readonly source: string;
  readonly url?: string;
}

export interface Report {
  readonly schemaVersion: 3;
  /**
   * Absent for a scenario's report. `index`: a batch index, one row per scenario of a run; its
   * `scenario` then names the batch (`file` and `sha256` empty) and `batch` carries the rows.
   */
  readonly kind?: 'index';
  readonly tool: { readonly name: string; readonly version: string };
  readonly locale: string;
  readonly title: string;
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly file: string;
    /** SHA-256 of the scenario file's bytes, hex. */
    readonly sha256: string;
  };
  /** ISO timestamp (SOURCE_DATE_EPOCH when set). */
  readonly generatedAt: string;
  readonly catalogDate: string;
  readonly currency: string;
  /**
   * The answer in machine-readable form, for batch indexes and other tools (labels in the
   * analyses are localised, so nothing should parse them); keys documented in docs/json.md.
   * null where the report has none.
   */
  readonly headline?: ReportHeadline;
  /** The purchase request's document control (scenario `request:`) and the price validity, for the cover. */
  readonly purchaseRequest?: {
    readonly number: string | null;
    readonly costCentre: string | null;
    readonly requester: string | null;
    readonly neededBy: string | null;
    /** Earliest valid-until of the quotes used; null when every price is an estimate. */
    readonly priceValidUntil: string | null;
    /** The GPUs whose price comes from a vendor quote (names, scenario order). */
    readonly quotedGpus: readonly string[];
    /** The recommended bought GPU when its price is a catalog estimate (no validity date), else null. */
    readonly estimatedRecommendation: string | null;
  };
  /** The batch index's figures in machine-readable form (`kind: 'index'` only). */
  readonly batch?: BatchSummary;
  readonly analyses: readonly Analysis[];
}

/** The recommended configuration as data (docs/json.md#headline). */
export interface ReportHeadline {
  /** The configuration as a quote reads it (localised words around the numbers). */
  readonly configuration: string | null;
  /** 'buy', 'rent' or 'mixed' (the inference servers bought, training rented); null without an option. */
  readonly acquisition: 'buy' | 'rent' | 'mixed' | null;
  /** Platform id (data/platforms.yaml) and name of what is bought; null when rented or none. */
  readonly platform: { readonly id: string; readonly name: string } | null;
  /** Whole servers (racks) bought; null when rented or none. */
  readonly nodes: number | null;
  readonly gpus: number | null;
  /** Capex (the bill of materials' total) when bought; null when rented or none. */
  readonly capex: number | null;
  /** Cash over the horizon (capex + opex, or rent), base. */
  readonly cashOverHorizon: number | null;
  /** Net present value of that cash at the scenario's discount rate, base. */
  readonly npv: number | null;
  /** Same as cashOverHorizon (kept for schema 1 readers). */
  readonly tcoBase: number | null;
  readonly costPerMillionTokens: number | null;
  /** What the budget is compared with: 'capex' or 'cash' (a rented option: its rent, i.e. cash). */
  readonly budgetBasis: 'capex' | 'cash';
  /** Within the budget on that basis; null without a budget or option. */
  readonly withinBudget: boolean | null;
  /** When over budget or nothing meets every constraint: the cheapest fix, in words; else null. */
  readonly fix: string | null;
  readonly currency: string;
}

/** One scenario of a batch, as the index lists it. Numbers come from its report's `headline`. */
export interface BatchEntry {
  /** The scenario file, as found (posix separators). */
  readonly file: string;
  /** The scenario's `name:`, or the output name when it has no report. */
  readonly name: string;
  /** Base name of its outputs in the output folder. */
  readonly output: string;
  readonly configuration: string | null;
  readonly tcoBase: number | null;
  readonly costPerMillionTokens: number | null;
  readonly currency: string | null;
  /** overBudget: written, but its recommendation exceeds the budget (never "ok"). */
  readonly status: 'ok' | 'overBudget' | 'invalid' | 'failed';
  /** Why it is invalid (its first problem) or failed (every failure); null when ok. */
  readonly reason: string | null;
  /** How many more problems an invalid scenario has beyond `reason`. */
  readonly moreProblems: number;
  /** Written reports, by format (xlsx, pdf, html, json): file names in the index's folder. */
  readonly reports: Readonly<Record<string, string>>;
}

export interface BatchSummary {
  /** `{ index: 2, count: 4 }` for `--shard 2/4`, else null. */
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly totals: {
    readonly total: number;
    readonly ok: number;
    readonly overBudget: number;
    readonly invalid: number;
    readonly failed: number;
  };
  readonly scenarios: readonly BatchEntry[];
}
