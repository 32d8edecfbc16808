/**
 * When the planner uses context parallelism (docs/methodology.md#context-parallelism): for long
 * sequences where nothing fits without it, never for short ones unless given; a given degree is
 * honoured or refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { usableMemoryGiB } from '../../src/calc/gpu-memory.ts';
import { estimateTraining, type TrainingInput } from '../../src/calc/training.ts';

const h100 = getGpu('h100-sxm5-80gb')!;
const input = (modelId: string, seqLen: number, gpuCount: number): TrainingInput => ({
  gpu: h100,
  gpuCount,
  model: getModel(modelId)!,
  precision: 'bf16',
  seqLen,
  tokens: 1e11,
});

describe('planner: context parallelism', () => {
  it.each([128, 256])('Llama 3.1 405B at 131,072 tokens on %i H100s fits only with CP > 1, and the planner uses it', (n) => {
    const without = estimateTraining({ ...input('llama-3.1-405b', 131072, n), contextParallel: 1 });
    expect(without.fits).toBe(false);
    const planned = estimateTraining(input('llama-3.1-405b', 131072, n));
    expect(planned.fits).toBe(true);
    if (!planned.fits) return;
    const p = planned.plan;
    expect(p.contextParallel).toBeGreaterThan(1);
    expect(131072 % (2 * p.contextParallel!)).toBe(0);
    expect(p.dataParallel * p.tensorParallel * p.pipelineParallel * p.contextParallel!).toBe(n);
    expect(planned.memory.perGpuGiB).toBeLessThanOrEqual(usableMemoryGiB(h100, 'training'));
  });

  it.each([
    ['llama-3.1-8b', 4096, [2, 8, 64]],
    ['llama-3.1-70b', 4096, [16, 64, 256]],
    ['llama-3.1-70b', 2048, [32, 128]],
  ] as const)('%s at %i tokens: no context parallelism, whatever the GPU count', (modelId, seqLen, counts) => {
    for (const n of counts) {
      const e = estimateTraining(input(modelId, seqLen, n));
      expect(e.fits, `${n} GPUs`).toBe(true);
      expect(e.plan?.contextParallel, `${n} GPUs`).toBeUndefined();
    }
  });

  it('a given CP is used even for a short sequence', () => {
    const e = estimateTraining({ ...input('llama-3.1-8b', 4096, 8), contextParallel: 2 });
    expect(e.fits).toBe(true);
    expect(e.plan?.contextParallel).toBe(2);
  });

  it('a CP whose 2 x CP chunks do not divide the sequence is refused with the reason', () => {
    const e = estimateTraining({ ...input('llama-3.1-8b', 8200, 16), contextParallel: 16 });
    expect(e.fits).toBe(false);
    if (e.fits) return;
    expect(e.reasonCode).toBe('no-valid-layout');
    expect(e.reason).toMatch(/sequence length \(8200\) divisible by 2 x 16 = 32/);
  });

  it('a CP that does not divide the GPU count leaves no layout', () => {
    // 12,288 tokens split into 6 chunks evenly, but 3 does not divide 8 GPUs.
    const e = estimateTraining({ ...input('llama-3.1-8b', 12288, 8), contextParallel: 3 });
    expect(e.fits).toBe(false);
    if (e.fits) return;
    expect(e.reasonCode).toBe('no-valid-layout');
    expect(e.reason).toMatch(/CP 3/);
  });
});
