import { describe, expect, it } from 'vitest';
import { extrapolationFactors, MIN_EXTRAPOLATED_ROWS } from '../../src/calibration/bands.ts';
import type { OutOfSampleRow } from '../../src/calibration/cross-validate.ts';
import type { EstimateKind } from '../../src/calc/error-bands.ts';

/** A fold prediction whose measured/estimated ratio is exp(logError). */
const row = (kind: EstimateKind, logError: number, covered: boolean): OutOfSampleRow => ({
  id: 'X',
  kind,
  metric: 'm',
  unit: 'u',
  measured: Math.exp(logError),
  estimated: 1,
  error: 1 / Math.exp(logError) - 1,
  source: 's',
  covered,
});
const many = (kind: EstimateKind, n: number, logError: number, covered: boolean) =>
  Array.from({ length: n }, () => row(kind, logError, covered));

describe('extrapolation factors', () => {
  it('a kind with enough rows outside coverage gets its own ratio, the others the pooled one', () => {
    const loso = [
      ...many('inferenceThroughput', 10, 0.1, true),
      ...many('inferenceThroughput', MIN_EXTRAPOLATED_ROWS, 0.3, false),
      ...many('latency', 10, 0.2, true),
      ...many('latency', MIN_EXTRAPOLATED_ROWS - 1, 0.8, false),
      ...many('memory', 5, 2, false),
    ];
    const f = extrapolationFactors(loso);
    expect(f.byKind.inferenceThroughput).toBeCloseTo(3, 2);
    expect(f.outsideRows).toMatchObject({ inferenceThroughput: MIN_EXTRAPOLATED_ROWS, latency: MIN_EXTRAPOLATED_ROWS - 1 });
    // Pooled over inference and latency (memory excluded): p90 outside 0.8 over p90 inside 0.2.
    expect(f.pooled).toBeCloseTo(4, 2);
    expect(f.byKind.latency).toBe(f.pooled);
    expect(f.byKind.trainingThroughput).toBe(f.pooled);
  });

  it('never narrows a band: a kind whose extrapolated rows err less than its covered ones gets 1', () => {
    const loso = [...many('trainingThroughput', 10, 0.3, true), ...many('trainingThroughput', 10, 0.1, false)];
    expect(extrapolationFactors(loso).byKind.trainingThroughput).toBe(1);
  });
});
