/**
 * The constants the numbers rest on that the report states: the estimators' assumptions with
 * their sources, the calibrated error bands, the inter-node bandwidth, the ports of a fabric switch. The
 * analyses read them here (through the results), not from the calculators.
 */
import { ERROR_BANDS, type ErrorBand, type EstimateKind } from '../calc/error-bands.ts';
import { estimatorAssumptions, type Assumption } from '../calc/assumptions.ts';
import { SCALE_OUT_BYTES_PER_S_PER_GPU } from '../calc/comm.ts';
import { SWITCH_PORTS } from '../economics/parameters.ts';

export interface Basis {
  /** Every constant the estimators use (memory, fitted efficiency, error bands), with its source. */
  readonly estimatorAssumptions: readonly Assumption[];
  /** Calibrated error band per estimate kind (docs/accuracy.md). */
  readonly errorBands: Readonly<Record<EstimateKind, ErrorBand>>;
  /** Inter-node bandwidth per GPU, one way, GB/s. */
  readonly scaleOutGBpsPerGpu: number;
  /** Ports of one fabric switch: one switch up to this many GPUs, then leaf/spine (docs/methodology.md#fabric). */
  readonly switchPorts: number;
}

export function calculateBasis(): Basis {
  return {
    estimatorAssumptions: estimatorAssumptions(),
    errorBands: ERROR_BANDS,
    scaleOutGBpsPerGpu: SCALE_OUT_BYTES_PER_S_PER_GPU / 1e9,
    switchPorts: SWITCH_PORTS,
  };
}
