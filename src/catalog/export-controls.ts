/**
 * US export controls by destination (docs/methodology.md#platforms): the total processing
 * performance (TPP) of a GPU derived from the catalog, and the flag a buyer must see for the
 * scenario's `region`. Arithmetic, not a legal classification: sparsity, performance density (TPP
 * per mm² of die) and the "not designed or marketed for datacentres" provisions are not evaluated;
 * check the vendor's published ECCN before any export. Sources:
 *   - BIS 2023-10-17 update (effective 2023-11-17): 3A090.a = TPP ≥ 4,800, or TPP ≥ 1,600 with
 *     performance density ≥ 5.92; licence required for China and Macau and for Country Groups D:1,
 *     D:4 and D:5 (excluding A:5/A:6). https://cset.georgetown.edu/article/bis-2023-update-explainer
 *   - TPP = 2 × MacTOPS × bit length, i.e. datasheet dense TOPS/TFLOPS × operand bits (2023-10).
 *   - BIS final rule 2026-01-15: H200- and MI325X-class chips to China/Macau reviewed case by case
 *     (was a presumption of denial). https://introl.com/blog/bis-export-policy-h200-mi325x-china-case-by-case-2026
 */
import type { GpuSpec, TensorFormat } from './types.ts';

/** Where the GPUs go: China (with Hong Kong and Macau), another US Country Group D:1/D:4/D:5 destination outside A:5/A:6, or elsewhere. */
export const REGIONS = ['unrestricted', 'china', 'country-group-d'] as const;
export type Region = (typeof REGIONS)[number];

/** Operand bit length of each catalog tensor format (TF32 operands are stored in 32 bits). */
const BITS: Readonly<Record<TensorFormat, number>> = { tf32: 32, bf16: 16, fp16: 16, fp8: 8, int8: 8, fp4: 4 };

/** Where the thresholds and destinations are explained. */
export const EXPORT_SOURCE_URL = 'https://cset.georgetown.edu/article/bis-2023-update-explainer';

/** 3A090.a thresholds (BIS, effective 2023-11-17). */
const TPP_CONTROLLED = 4800;
const TPP_DENSITY_CHECK = 1600;

/** TPP derived from the catalog: the largest dense rate × its operand bits; null without any rate. */
export function tppOf(gpu: Pick<GpuSpec, 'denseTflops'>): number | null {
  const tpps = (Object.keys(BITS) as TensorFormat[]).flatMap((f) => {
    const r = gpu.denseTflops[f];
    return r === null || r === undefined ? [] : [r * BITS[f]];
  });
  return tpps.length ? Math.max(...tpps) : null;
}

/** The export-control flag of a GPU for a destination: a licence required, a density check needed, or none. */
export function exportFlag(gpu: Pick<GpuSpec, 'denseTflops'>, region: Region): { kind: 'licence' | 'densityCheck'; tpp: number } | null {
  if (region === 'unrestricted') return null;
  const tpp = tppOf(gpu);
  if (tpp === null) return null;
  if (tpp >= TPP_CONTROLLED) return { kind: 'licence', tpp };
  if (tpp >= TPP_DENSITY_CHECK) return { kind: 'densityCheck', tpp };
  return null;
}
