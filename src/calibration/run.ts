/**
 * Runs the estimators on every expressible calibration row and summarises the errors per
 * category. Shared by `npm run calibrate`, docs/accuracy.md and the calibration tests.
 */
import { readFileSync } from 'node:fs';
import { EFFICIENCY, type EfficiencyParams } from '../calc/efficiency-params.ts';
import { ESTIMATE_KINDS, type EstimateKind } from '../calc/error-bands.ts';
import { parseCsv } from './csv.ts';
import { express, type Expressed } from './express.ts';
import { median, quantile } from './stats.ts';

const CALIBRATION_CSV = new URL('./calibration.csv', import.meta.url);

export interface RowResult {
  readonly id: string;
  readonly kind: EstimateKind;
  readonly metric: string;
  readonly unit: string;
  readonly measured: number;
  readonly estimated: number;
  /** (estimated - measured) / measured. */
  readonly error: number;
}

export interface CategorySummary {
  readonly kind: EstimateKind;
  readonly rows: number;
  readonly medianAbsError: number;
  readonly p90AbsError: number;
  /** 10th / 90th percentile of measured / estimated (for the error band). */
  readonly ratioP10: number;
  readonly ratioP90: number;
}

export interface CalibrationRun {
  readonly results: readonly RowResult[];
  readonly skipped: readonly { id: string; reason: string }[];
  readonly summary: readonly CategorySummary[];
}

export function loadExpressions(csvText = readFileSync(CALIBRATION_CSV, 'utf8')) {
  const all = parseCsv(csvText).map(express);
  const expressed = all.filter((e): e is Expressed => 'estimate' in e);
  const skipped = all.flatMap((e) => ('skip' in e ? [{ id: e.id, reason: e.skip }] : []));
  return { expressed, skipped };
}

export function evaluate(expressed: readonly Expressed[], params: EfficiencyParams = EFFICIENCY): RowResult[] {
  return expressed.map((e) => {
    const estimated = e.estimate(params);
    return {
      id: e.id,
      kind: e.kind,
      metric: e.metric,
      unit: e.unit,
      measured: e.measured,
      estimated,
      error: (estimated - e.measured) / e.measured,
    };
  });
}

export function summarise(results: readonly RowResult[]): CategorySummary[] {
  return ESTIMATE_KINDS.map((kind) => {
    const rows = results.filter((r) => r.kind === kind);
    const abs = rows.map((r) => Math.abs(r.error));
    const ratios = rows.map((r) => (r.estimated > 0 ? r.measured / r.estimated : 0));
    return {
      kind,
      rows: rows.length,
      medianAbsError: median(abs),
      p90AbsError: quantile(abs, 0.9),
      ratioP10: quantile(ratios, 0.1),
      ratioP90: quantile(ratios, 0.9),
    };
  });
}

/**
 * Band factors for a category: the 10th-90th percentile of measured/estimated, widened to at least
 * +-p90 absolute error (in-sample residuals understate out-of-sample spread; software versions
 * alone move results 20-30%, docs/methodology.md#calibration-and-error-bands).
 */
export function bandFactors(s: CategorySummary): { lowFactor: number; highFactor: number } {
  return { lowFactor: Math.min(1, s.ratioP10, 1 - s.p90AbsError), highFactor: Math.max(1, s.ratioP90, 1 + s.p90AbsError) };
}

export function runCalibration(params: EfficiencyParams = EFFICIENCY): CalibrationRun {
  const { expressed, skipped } = loadExpressions();
  const results = evaluate(expressed, params);
  return { results, skipped, summary: summarise(results) };
}
