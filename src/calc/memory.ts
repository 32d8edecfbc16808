/**
 * Memory estimates (public entry point) and how many GPUs of a kind are needed to fit.
 */
import type { GpuSpec } from '../catalog/types.ts';
import { usableMemoryGiB } from './gpu-memory.ts';
import { calculateInferenceMemory, type InferenceMemory, type InferenceMemoryInput } from './inference-memory.ts';
import { calculateTrainingMemory, type TrainingMemory, type TrainingMemoryInput } from './training-memory.ts';

export { bytesPerParam } from './precision.ts';
export { memoryAssumptions } from './memory-constants.ts';
export { usableMemoryGiB } from './gpu-memory.ts';
export { calculateInferenceMemory, kvBytesPerTokenPerGpu, type InferenceMemory, type InferenceMemoryInput } from './inference-memory.ts';
export {
  calculateTrainingMemory,
  type Recompute,
  type TrainingMemory,
  type TrainingMemoryInput,
  type TrainingMethod,
} from './training-memory.ts';
/** Tensor-parallel degrees tried, largest last (one 8-GPU node, then multi-node up to 64). */
export const TP_DEGREES = [1, 2, 4, 8, 16, 32, 64] as const;

export interface InferenceFit {
  readonly tensorParallel: number;
  readonly memory: InferenceMemory;
}

/**
 * Smallest TP degree (dividing the attention heads) whose per-GPU memory fits the GPU's usable
 * memory for the given context and concurrency; null when even 64 GPUs do not fit.
 */
export function fitInferenceTensorParallel(
  gpu: GpuSpec,
  input: Omit<InferenceMemoryInput, 'tensorParallel'>,
  maxTp = 64,
): InferenceFit | null {
  const usable = usableMemoryGiB(gpu, 'inference');
  for (const tp of TP_DEGREES) {
    if (tp > maxTp) break;
    if (input.model.attentionHeads % tp !== 0) continue;
    const memory = calculateInferenceMemory({ ...input, tensorParallel: tp });
    if (memory.perGpuGiB <= usable) return { tensorParallel: tp, memory };
  }
  return null;
}

/** Whether a training configuration fits one GPU of this kind. */
export function trainingFits(gpu: GpuSpec, input: TrainingMemoryInput): { fits: boolean; memory: TrainingMemory; usableGiB: number } {
  const memory = calculateTrainingMemory(input);
  const usableGiB = usableMemoryGiB(gpu, 'training');
  return { fits: memory.perGpuGiB <= usableGiB, memory, usableGiB };
}
