import { GPU_DATA, CATALOG_DATE } from './gpu-data.ts';
import { MODELS } from './models.ts';
import type { GpuSpec, ModelArch } from './types.ts';

export { CATALOG_DATE, MODELS };
export type { GpuSpec, ModelArch };
export const GPUS: readonly GpuSpec[] = GPU_DATA;

const gpuById = new Map(GPUS.map((g) => [g.id, g]));
const modelById = new Map(MODELS.map((m) => [m.id, m]));

export const getGpu = (id: string): GpuSpec | undefined => gpuById.get(id);
export const getModel = (id: string): ModelArch | undefined => modelById.get(id);
export const GPU_IDS: readonly string[] = GPUS.map((g) => g.id);
export const MODEL_IDS: readonly string[] = MODELS.map((m) => m.id);
