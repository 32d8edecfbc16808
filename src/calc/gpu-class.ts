/** GPU traits the efficiency models key on. */
import type { GpuSpec } from '../catalog/types.ts';

export type MemoryClass = 'hbm' | 'gddr';

/** HBM parts (H100, A100, MI300X…) vs GDDR parts (L40S, RTX…), from the catalog's memoryType. */
export const memoryClass = (gpu: GpuSpec): MemoryClass => (/HBM/i.test(gpu.memoryType) ? 'hbm' : 'gddr');

/** Bytes per second of peak memory bandwidth. */
export const bandwidthBytesPerS = (gpu: GpuSpec): number => gpu.memoryBandwidthGBps * 1e9;

/**
 * Arithmetic intensity of the GPU's ridge point, FLOP per byte: dense peak / memory bandwidth
 * (Williams et al. 2009, roofline model). Higher ridge = harder to keep the tensor cores busy.
 */
export const ridgeFlopPerByte = (tflops: number, gpu: GpuSpec): number => (tflops * 1e12) / bandwidthBytesPerS(gpu);
