import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import type { GpuSpec } from '../../src/catalog/types.ts';
import { GPUS_PER_NODE } from '../../src/calc/comm.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { usableMemoryGiB } from '../../src/calc/gpu-memory.ts';
import { planTraining } from '../../src/calc/planner.ts';
import {
  calculateTrainingMemory,
  loraParams,
  type Recompute,
  type TrainingMethod,
  type ZeroStage,
} from '../../src/calc/training-memory.ts';
import { simulateStep, type ParallelPlan, type StepSetup } from '../../src/calc/training-time.ts';
import { forgetEstimates } from '../../src/calc/memo.ts';

const RANK = { none: 0, selective: 1, full: 2 } as const;

/**
 * Context-parallel degrees the planner may try (docs/methodology.md#context-parallelism): 1, and
 * from 8,192 tokens the powers of two up to 16 whose 2 x CP chunks divide the sequence and leave
 * each GPU at least 4,096 tokens.
 */
const contextDegrees = (seqLen: number): number[] =>
  seqLen < 8192 ? [1] : [1, 2, 4, 8, 16].filter((cp) => seqLen % (2 * cp) === 0 && seqLen / cp >= 4096);

/**
 * The planner's rule with nothing skipped: every TP x PP x CP x ZeRO x recompute x micro-batch whose
 * memory fits is simulated on its own and compared in order (faster by > 0.1 %, or within 0.1 %
 * and simpler: less recompute, lower ZeRO, no CP). The planner's shortcuts (bound pruning, shared
 * step times, early break on overflow, memoisation) must choose the same plan.
 */
function exhaustive(gpu: GpuSpec, s: StepSetup, n: number): ParallelPlan | null {
  const usable = usableMemoryGiB(gpu, 'training');
  const pow2 = [1, 2, 4, 8, 16, 32, 64];
  let best: { plan: ParallelPlan; tps: number } | undefined;
  for (const cp of contextDegrees(s.seqLen))
    for (const tp of pow2.filter(
      (t) => t <= Math.min(n, GPUS_PER_NODE) && s.model.attentionHeads % t === 0 && (t === 1 || gpu.scaleUp !== null || t <= 2),
    ))
      for (const pp of pow2.filter((p) => s.model.layers % p === 0)) {
        if (n % (tp * pp * cp) !== 0) continue;
        const dp = n / (tp * pp * cp);
        for (const zeroStage of [0, 1, 2, 3] as ZeroStage[]) {
          if (dp * cp === 1 && zeroStage > 0) continue;
          for (const recompute of ['none', 'selective', 'full'] as Recompute[])
            for (const microBatch of [1, 2, 4, 8, 16, 32]) {
              const layout = { dataParallel: dp, tensorParallel: tp, pipelineParallel: pp };
              const plan: ParallelPlan =
                cp > 1
                  ? { ...layout, contextParallel: cp, zeroStage, recompute, microBatch }
                  : { ...layout, zeroStage, recompute, microBatch };
              const m = calculateTrainingMemory({
                model: s.model,
                precision: s.precision,
                method: s.method,
                optimizer: 'adamw',
                seqLen: s.seqLen,
                ...plan,
              });
              if (m.perGpuGiB > usable) continue;
              const tps = simulateStep(s, plan).tokensPerSecondPerGpu;
              if (!best) {
                best = { plan, tps };
                continue;
              }
              const faster = tps > best.tps * 1.001;
              const tie = !faster && tps >= best.tps * 0.999;
              const rank = (p: ParallelPlan) => RANK[p.recompute] + p.zeroStage + ((p.contextParallel ?? 1) > 1 ? 1 : 0);
              const simpler = rank(plan) < rank(best.plan);
              if (faster || (tie && simpler)) best = { plan, tps };
            }
        }
      }
  return best?.plan ?? null;
}

describe('training planner', () => {
  const cases: [string, string, TrainingMethod, number][] = [
    ['h100-sxm5-80gb', 'llama-3.1-8b', 'full', 4096],
    ['h100-sxm5-80gb', 'llama-3.1-70b', 'full', 4096],
    ['a100-sxm4-80gb', 'llama-2-13b', 'lora', 2048],
    ['l40s', 'mistral-7b', 'full', 2048],
    ['amd-mi300x', 'qwen2.5-72b', 'lora', 8192],
    ['rtx-4090', 'llama-3.1-8b', 'qlora', 1024],
    // Long sequences: context parallelism enters the search.
    ['h100-sxm5-80gb', 'llama-3.1-8b', 'full', 32768],
    ['h100-sxm5-80gb', 'llama-3.1-70b', 'full', 131072],
    ['l40s', 'mistral-7b', 'full', 16384],
  ];
  it.each(cases)('%s, %s %s at %i tokens: the same plan as trying every layout one by one', (gpuId, modelId, method, seqLen) => {
    const gpu = getGpu(gpuId)!;
    const model = getModel(modelId)!;
    for (const n of [1, 2, 4, 8, 16, 32, 64]) {
      const trainableParams = method === 'full' ? model.paramsB * 1e9 : loraParams(model, 16);
      const s: StepSetup = {
        gpu,
        model,
        precision: 'bf16',
        method,
        seqLen,
        globalBatchTokens: 64 * seqLen,
        trainableParams,
        params: EFFICIENCY,
      };
      forgetEstimates();
      const planned = planTraining(gpu, s, { gpuCount: n, optimizer: 'adamw' });
      const reference = exhaustive(gpu, s, n);
      expect(planned?.fits ? planned.best.plan : null, `${n} GPUs`).toEqual(reference);
    }
  });
});
