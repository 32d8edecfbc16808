/**
 * Calibration coverage: whether an estimate's hardware (vendor + architecture), precision class and
 * serving engine appear among the calibration rows used for fitting
 * (docs/methodology.md#calibration-and-error-bands). Outside coverage the estimate is an
 * extrapolation: it takes the wider band measured out of sample on rows whose coverage was missing
 * from their fold (error-bands.ts), and the report marks it "extrapolated".
 */
import type { GpuSpec, Precision } from '../catalog/types.ts';
import { COVERED_KEYS } from './calibration-coverage.ts';
import { memoryClass } from './gpu-class.ts';

type Phase = 'serving' | 'training';
/** Serving engines the estimators model (their memory policy and calibration coverage). */
export const SERVING_ENGINES = ['vllm', 'sglang', 'tensorrt-llm', 'transformers'] as const;
export type ServingEngine = (typeof SERVING_ENGINES)[number];

/** 16-bit, 8-bit or 4-bit arithmetic class of a precision (fp32 counts with 16-bit: tensor cores run TF32/BF16). */
function precisionClass(p: Precision): '16-bit' | '8-bit' | '4-bit' {
  if (p === 'fp8' || p === 'int8') return '8-bit';
  if (p === 'fp4' || p === 'mxfp4' || p === 'int4') return '4-bit';
  return '16-bit';
}

export interface CoverageQuery {
  readonly phase: Phase;
  readonly gpu: GpuSpec;
  readonly precision: Precision;
  readonly engine?: ServingEngine;
}

/**
 * The hardware a calibration row stands for: the vendor, the GPU generation (the catalog's
 * architecture without its die or packaging note: "Ada Lovelace (AD104)" → "Ada Lovelace",
 * "Blackwell (dual-die)" → "Blackwell") and the memory class (HBM or GDDR), which are what the
 * efficiency models key on (src/calc/efficiency.ts: decode MBU by memory class, HFU by ridge
 * point, a software factor by vendor). A generation's dies share the tensor-core instruction set
 * and software stack; out of sample, NVIDIA rows whose die no other publication covered were
 * predicted no worse than covered ones (docs/accuracy.md), so a die alone does not make an
 * estimate an extrapolation; a new generation, vendor or memory class does.
 */
function hardwareFamily(gpu: GpuSpec): string {
  const generation = gpu.architecture.replace(/\s*\(.*\)\s*$/, '').trim();
  return `${gpu.vendor}/${generation}/${memoryClass(gpu)}`;
}

/** The keys one estimate needs covered: hardware family, precision class and (serving) engine. */
export function coverageKeys(q: CoverageQuery): string[] {
  const keys = [`${q.phase}:hardware:${hardwareFamily(q.gpu)}`, `${q.phase}:precision:${precisionClass(q.precision)}`];
  if (q.phase === 'serving') keys.push(`serving:engine:${q.engine ?? 'vllm'}`);
  return keys;
}

/** The keys of `q` that no fitted calibration row covers (empty = covered). */
export function missingCoverage(q: CoverageQuery, covered: ReadonlySet<string> = COVERED): string[] {
  return coverageKeys(q).filter((k) => !covered.has(k));
}

const COVERED: ReadonlySet<string> = new Set(COVERED_KEYS);
