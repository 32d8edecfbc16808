/**
 * Error bands from out-of-sample residuals (docs/methodology.md#calibration-and-error-bands):
 * per estimate kind, the 10th-90th percentile of measured/estimated over the leave-one-source-out
 * predictions whose coverage was present in their fold, widened to at least +-p90 absolute error;
 * and one extrapolation factor: the p90 |log error| of fold predictions outside coverage over that
 * of predictions inside it (>= 1), by which an extrapolated estimate's band widens in log space.
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

export function extrapolationFactor(loso: readonly OutOfSampleRow[]): number {
  const inside = loso.filter((r) => r.covered && r.kind !== 'memory').map(absLog);
  const outside = loso.filter((r) => !r.covered && r.kind !== 'memory').map(absLog);
  if (inside.length === 0 || outside.length === 0) return 2;
  return Math.round(Math.max(1, quantile(outside, 0.9) / quantile(inside, 0.9)) * 100) / 100;
}
