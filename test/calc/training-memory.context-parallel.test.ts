/**
 * Training memory under context parallelism (docs/methodology.md#context-parallelism): the
 * expected bytes are written out here from the papers' expressions, not read from the code.
 */
import { describe, expect, it } from 'vitest';
import { getModel } from '../../src/catalog/index.ts';
import { calculateTrainingMemory, type TrainingMemoryInput } from '../../src/calc/training-memory.ts';

const GiB = 2 ** 30;
const model = getModel('llama-3.1-70b')!;
const base: TrainingMemoryInput = {
  model,
  precision: 'bf16',
  method: 'full',
  optimizer: 'adamw',
  zeroStage: 1,
  recompute: 'selective',
  seqLen: 131072,
  microBatch: 1,
  dataParallel: 2,
  tensorParallel: 8,
  pipelineParallel: 1,
};

describe('context parallelism: training memory per GPU', () => {
  it.each([1, 2, 4, 8, 16])(
    'CP %i: activations = (L x s x b x h x 34 + s x b x V x 4) / (TP x CP) (Korthikanti et al. 2022 eq. 2, selective, flash)',
    (cp) => {
      const m = calculateTrainingMemory({ ...base, contextParallel: cp });
      const { layers: L, hiddenSize: h, vocabSize: V } = model;
      const s = 131072;
      const expected = (L * s * h * 34 + s * V * 4) / (8 * cp);
      expect(m.activationsGiB * GiB).toBeCloseTo(expected, 0);
    },
  );

  it('per-GPU memory falls as CP grows, and only through the activations at ZeRO-0', () => {
    const at = (cp: number) => calculateTrainingMemory({ ...base, zeroStage: 0, contextParallel: cp });
    const one = at(1);
    let previous = one.perGpuGiB;
    for (const cp of [2, 4, 8, 16]) {
      const m = at(cp);
      expect(m.perGpuGiB).toBeLessThan(previous);
      previous = m.perGpuGiB;
      // Weights, gradients and optimizer state stay per TP x PP shard.
      expect(m.weightsGiB).toBe(one.weightsGiB);
      expect(m.gradientsGiB).toBe(one.gradientsGiB);
      expect(m.optimizerGiB).toBe(one.optimizerGiB);
      expect(one.activationsGiB - m.activationsGiB).toBeCloseTo(one.activationsGiB * (1 - 1 / cp), 9);
    }
  });

  it('ZeRO shards over DP x CP ranks: optimizer (ZeRO-1), gradients (ZeRO-2) and weights (ZeRO-3)', () => {
    const P = model.paramsB * 1e9;
    const tp = 8;
    const dp = 2;
    const cp = 4;
    // Mixed-precision AdamW: 4 (fp32 master) + 8 (moments) = 12 B/param of optimizer state (ZeRO sec. 3.1).
    const z1 = calculateTrainingMemory({ ...base, zeroStage: 1, dataParallel: dp, contextParallel: cp });
    expect(z1.optimizerGiB * GiB).toBeCloseTo((P * 12) / tp / (dp * cp), -3);
    expect(z1.gradientsGiB * GiB).toBeCloseTo((P * 2) / tp, -3);
    const z2 = calculateTrainingMemory({ ...base, zeroStage: 2, dataParallel: dp, contextParallel: cp });
    expect(z2.gradientsGiB * GiB).toBeCloseTo((P * 2) / tp / (dp * cp), -3);
    const z3 = calculateTrainingMemory({ ...base, zeroStage: 3, dataParallel: dp, contextParallel: cp });
    // ZeRO-3 also keeps two gathered layers of 16-bit weights (current + prefetch) per TP shard.
    expect(z3.weightsGiB * GiB).toBeCloseTo((P * 2) / tp / (dp * cp) + (2 * P * 2) / model.layers / tp, -3);
  });

  it('CP alone (DP 1) still shards ZeRO state and counts as a multi-GPU run (NCCL buffers)', () => {
    const single = calculateTrainingMemory({ ...base, tensorParallel: 1, dataParallel: 1, zeroStage: 1 });
    const split = calculateTrainingMemory({ ...base, tensorParallel: 1, dataParallel: 1, zeroStage: 1, contextParallel: 2 });
    expect(split.optimizerGiB).toBeCloseTo(single.optimizerGiB / 2, 9);
    expect(split.overheadGiB).toBeGreaterThan(single.overheadGiB);
  });
});
