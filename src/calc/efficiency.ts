/**
 * Efficiency models: few-parameter curves by GPU class, precision, phase and model width, with
 * parameters fitted on calibration.csv (see efficiency-params.ts). Rooflines at 100% of peak
 * overestimate (the fitted efficiencies are 0.48-0.87 of peak; docs/methodology.md#efficiency),
 * so every time estimate goes through these.
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { memoryClass, ridgeFlopPerByte } from './gpu-class.ts';
import type { EfficiencyParams } from './efficiency-params.ts';
import { computeRate } from './precision.ts';

/** The vendor's software-stack factor (efficiency-params.ts `software`); 1 for NVIDIA and others. */
function softwareFactor(gpu: GpuSpec, p: EfficiencyParams): number {
  if (/^AMD/i.test(gpu.vendor)) return p.software.amd;
  if (/^Intel/i.test(gpu.vendor)) return p.software.intel;
  return 1;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Share of the used tensor peak a prefill (large GEMM) phase reaches. */
export function prefillEfficiency(gpu: GpuSpec, precision: Precision, p: EfficiencyParams): number {
  const rate = computeRate(gpu, precision);
  const base = isLowPrecision(rate.format) ? p.prefill.mfuLowPrecision : p.prefill.mfu16;
  return clamp(base * (rate.weightOnly ? p.weightOnlyFactor : 1) * softwareFactor(gpu, p), 0.05, 0.95);
}

/** Share of the used tensor peak a compute-bound decode step reaches (smaller GEMMs than prefill). */
export const decodeComputeEfficiency = (gpu: GpuSpec, precision: Precision, p: EfficiencyParams): number =>
  clamp(prefillEfficiency(gpu, precision, p) * p.decode.computeFactor, 0.05, 0.95);

/** Memory-bandwidth utilisation of a decode step by memory class (HBM / GDDR). */
export const decodeMbu = (gpu: GpuSpec, p: EfficiencyParams): number =>
  clamp((memoryClass(gpu) === 'hbm' ? p.decode.mbuHbm : p.decode.mbuGddr) * softwareFactor(gpu, p), 0.2, 1);

/**
 * Training hardware FLOP utilisation of the GEMMs (HFU: recompute FLOPs included):
 * hfuRef * (ridge / refRidge)^-ridgeExp * h / (h + hiddenHalf * ridge / refRidge) [x lowPrecisionFactor
 * for 8-bit training, ridge from the 16-bit rate]. The width term is the GEMM-size effect
 * (small models under-fill the tensor cores, more so on faster parts). Interconnect effects are
 * modelled separately (training-time.ts), and QLoRA's dequantisation applies `weightOnlyFactor`.
 */
export function trainingHfu(gpu: GpuSpec, precision: Precision, model: ModelArch, p: EfficiencyParams): number {
  const rate = computeRate(gpu, precision);
  // 8-bit GEMMs move half the operand bytes per FLOP, so their ridge per operand is the 16-bit one:
  // the curve uses the 16-bit rate, and 8-bit training takes the fitted low-precision factor on top.
  const lowPrecision = isLowPrecision(rate.format);
  const rel = ridgeFlopPerByte(lowPrecision ? computeRate(gpu, 'bf16').tflops : rate.tflops, gpu) / p.training.refRidge;
  const width = model.hiddenSize / (model.hiddenSize + p.training.hiddenHalf * rel);
  const low = lowPrecision ? p.training.lowPrecisionFactor : 1;
  return clamp(p.training.hfuRef * rel ** -p.training.ridgeExp * width * low * softwareFactor(gpu, p), 0.05, 0.9);
}

/** 8-bit and 4-bit tensor formats (the FP8/INT8/FP4 peaks). */
export const isLowPrecision = (format: string): boolean => format === 'fp8' || format === 'int8' || format === 'fp4';
