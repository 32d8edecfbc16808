/**
 * Error bands per estimate kind, from the calibration residuals (measured / estimated) of
 * `npm run calibrate`: the 10th-90th percentile of that ratio, widened to at least +-p90 absolute
 * error (see bandFactors in run.ts). In-sample figures: expect wider errors on other measurements.
 * Regenerate with `npm run calibrate` and paste; see docs/accuracy.md.
 */
export const ESTIMATE_KINDS = ['trainingThroughput', 'inferenceThroughput', 'latency', 'memory'] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];

export interface ErrorBand {
  /** Multiply the estimate by these to get the band. */
  readonly lowFactor: number;
  readonly highFactor: number;
  /** Median absolute error on the calibration set, as a fraction. */
  readonly medianAbsError: number;
  /** 90th-percentile absolute error, as a fraction. */
  readonly p90AbsError: number;
  readonly rows: number;
}

export const ERROR_BANDS = {
  trainingThroughput: { lowFactor: 0.87, highFactor: 1.13, medianAbsError: 0.048, p90AbsError: 0.134, rows: 25 },
  inferenceThroughput: { lowFactor: 0.76, highFactor: 1.24, medianAbsError: 0.047, p90AbsError: 0.239, rows: 23 },
  latency: { lowFactor: 0.81, highFactor: 1.22, medianAbsError: 0.077, p90AbsError: 0.188, rows: 12 },
  memory: { lowFactor: 0.9, highFactor: 1.1, medianAbsError: 0.046, p90AbsError: 0.1, rows: 6 },
} as const satisfies Record<EstimateKind, ErrorBand>;

/** The calibrated error band for an estimate kind (for the report's assumptions section). */
export const errorBand = (kind: EstimateKind): ErrorBand => ERROR_BANDS[kind];
