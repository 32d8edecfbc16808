/** How much of a GPU's memory an estimate may use, in GiB. */
import type { GpuSpec } from '../catalog/types.ts';
import { MEMORY } from './memory-constants.ts';

/** Memory the CUDA runtime can see, GiB: nominal GB read as binary, less inline ECC on GDDR parts. */
export function visibleMemoryGiB(gpu: GpuSpec): number {
  const ecc = /GDDR/i.test(gpu.memoryType) && /ECC/i.test(gpu.memoryType);
  return gpu.memoryGB * (ecc ? MEMORY.visibleGiBPerNominalGBEcc : MEMORY.visibleGiBPerNominalGB);
}

export type Workload = 'inference' | 'training';

/** Memory an engine may fill, GiB: visible memory x the serving (vLLM 0.9) or training (0.95) fraction. */
export function usableMemoryGiB(gpu: GpuSpec, workload: Workload = 'inference'): number {
  const f = workload === 'inference' ? MEMORY.servingMemoryUtilization : MEMORY.trainingMemoryUtilization;
  return visibleMemoryGiB(gpu) * f;
}
