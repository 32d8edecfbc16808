/**
 * The last guard before rendering: every number of a built Report is finite, and no text shows
 * a formatted non-number ("NaN", "Infinity"). Validation bounds every input
 * (scenario/bounds.ts), but a combination of extreme values can still overflow or underflow a
 * formula; then the scenario fails with the analysis and field named, instead of a report with
 * "NaN–NaN", null totals or a chart library's assertion.
 */
import type { Report } from './model.ts';

export interface NonFinite {
  /** Where, as a path into the Report: `analyses[tco].blocks[0].rows[2].capex`. */
  readonly path: string;
  /** The value, as text: "NaN", "Infinity", or the text that shows one. */
  readonly value: string;
}

/** Formatted non-numbers as JavaScript and the report's formatters write them ("Infinity Fabric" is a name). */
const SHOWN_NON_NUMBER = /(?<![\p{L}\p{N}])(NaN|-?Infinity|∞)(?![\p{L}\p{N}]|\s+\p{Lu}\p{Ll})/u;
/** A chart series' NaN is a gap by convention (the line stops; the JSON writes null). */
const GAP = /\.series\[\d+\]\.(values|low|high)\[\d+\]$/;

/**
 * Non-finite numbers and texts showing one, at most `limit`. `sourceText` is the scenario as
 * written: a token it contains itself (a workload named "NaN") is the user's text, not a fault.
 */
export function findNonFinite(report: Report, sourceText = '', limit = 5): NonFinite[] {
  const found: NonFinite[] = [];
  const allowed = new Set((sourceText.match(new RegExp(SHOWN_NON_NUMBER.source, 'gu')) ?? []).map((m) => m));
  const visit = (value: unknown, path: string): void => {
    if (found.length >= limit) return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) && !(Number.isNaN(value) && GAP.test(path))) found.push({ path, value: String(value) });
    } else if (typeof value === 'string') {
      const m = SHOWN_NON_NUMBER.exec(value);
      if (m && !allowed.has(m[1]!)) found.push({ path, value: value.length > 80 ? `${value.slice(0, 77)}…` : value });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  for (const [key, value] of Object.entries(report)) {
    if (key === 'analyses' && Array.isArray(value)) {
      for (const a of value as { id: string }[]) visit(a, `analyses[${a.id}]`);
    } else visit(value, key);
  }
  return found;
}
