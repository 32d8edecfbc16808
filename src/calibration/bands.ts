/**
 * Error bands from out-of-sample residuals (docs/methodology.md#calibration-and-error-bands):
 * per estimate kind, the 10th-90th percentile of measured/estimated over the leave-one-source-out
 * predictions whose coverage was present in their fold, widened to at least +-p90 absolute error;
 * and the extrapolation factors: the p90 |log error| of fold predictions outside coverage over that
 * of predictions inside it (>= 1), by which an extrapolated estimate's band widens in log space.
 * A kind with at least MIN_EXTRAPOLATED_ROWS predictions outside their fold's coverage gets its own
 * factor (both p90s over that kind's rows); a kind with fewer gets the factor pooled over every
 * kind's fold predictions (memory excluded: its estimates have no coverage keys).
 */
import { ESTIMATE_KINDS, type ErrorBand, type EstimateKind } from '../calc/error-bands.ts';
import type { OutOfSampleRow } from './cross-validate.ts';
import { bandFactors, summarise } from './run.ts';
import { quantile } from './stats.ts';

const absLog = (r: OutOfSampleRow): number => Math.abs(Math.log(r.estimated > 0 ? r.measured / r.estimated : 10));

/** Fewest covered fold predictions of a kind from which its band is taken; fewer = all of that kind's fold rows. */
const MIN_ROWS = 5;

export function outOfSampleBands(loso: readonly OutOfSampleRow[]): Record<EstimateKind, ErrorBand> {
  const entries = ESTIMATE_KINDS.map((kind) => {
    const all = loso.filter((r) => r.kind === kind);
    const covered = all.filter((r) => r.covered);
    const rows = covered.length >= MIN_ROWS ? covered : all;
    const s = summarise(rows).find((x) => x.kind === kind)!;
    const f = bandFactors(s);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return [
      kind,
      {
        lowFactor: r2(f.lowFactor),
        highFactor: r2(f.highFactor),
        medianAbsError: r3(s.medianAbsError),
        p90AbsError: r3(s.p90AbsError),
        rows: s.rows,
      },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<EstimateKind, ErrorBand>;
}

/**
 * Fewest predictions outside their fold's coverage from which a kind's own extrapolation factor is
 * taken. The largest of n exchangeable errors sits at the n/(n+1) quantile in expectation, so a
 * 90th percentile needs n >= 9 (9/10); with fewer rows the p90 is the largest error or beyond it.
 */
export const MIN_EXTRAPOLATED_ROWS = 9;

const ratio = (inside: readonly number[], outside: readonly number[]): number | undefined =>
  inside.length === 0 || outside.length === 0
    ? undefined
    : Math.round(Math.max(1, quantile(outside, 0.9) / quantile(inside, 0.9)) * 100) / 100;

export interface ExtrapolationFactors {
  /** Over every non-memory kind's fold predictions (2 when no prediction was outside or inside coverage). */
  readonly pooled: number;
  /** Per kind: its own ratio when it has MIN_EXTRAPOLATED_ROWS rows outside coverage, else the pooled one. */
  readonly byKind: Record<EstimateKind, number>;
  /** Per kind: how many fold predictions were outside coverage, and whether the kind's own ratio was used. */
  readonly outsideRows: Record<EstimateKind, number>;
}

export function extrapolationFactors(loso: readonly OutOfSampleRow[]): ExtrapolationFactors {
  const logs = (rows: readonly OutOfSampleRow[], covered: boolean) => rows.filter((r) => r.covered === covered).map(absLog);
  const scored = loso.filter((r) => r.kind !== 'memory');
  const pooled = ratio(logs(scored, true), logs(scored, false)) ?? 2;
  const per = ESTIMATE_KINDS.map((kind) => {
    const rows = scored.filter((r) => r.kind === kind);
    const outside = logs(rows, false);
    const own = outside.length >= MIN_EXTRAPOLATED_ROWS ? ratio(logs(rows, true), outside) : undefined;
    return [kind, own ?? pooled, outside.length] as const;
  });
  return {
    pooled,
    byKind: Object.fromEntries(per.map(([k, f]) => [k, f])) as Record<EstimateKind, number>,
    outsideRows: Object.fromEntries(per.map(([k, , n]) => [k, n])) as Record<EstimateKind, number>,
  };
}
