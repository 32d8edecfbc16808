/**
 * Training planner: enumerates DP x TP x PP degrees, ZeRO stage, recomputation and micro-batch,
 * keeps the plans whose per-GPU memory fits, and picks the fastest (ties: less recompute, lower
 * ZeRO stage). TP stays within one scale-up domain (8 GPUs) and divides the attention heads;
 * PP divides the layers. Choices the caller fixes are honoured.
 */
import type { GpuSpec } from '../catalog/types.ts';
import { GPUS_PER_NODE } from './comm.ts';
import { usableMemoryGiB } from './gpu-memory.ts';
import { calculateTrainingMemory, type Optimizer, type Recompute, type TrainingMemory, type ZeroStage } from './training-memory.ts';
import { simulateStep, type ParallelPlan, type StepResult, type StepSetup } from './training-time.ts';

export interface PlanConstraints {
  readonly gpuCount: number;
  readonly optimizer: Optimizer;
  readonly loraRank?: number;
  readonly zeroStage?: ZeroStage;
  readonly recompute?: Recompute;
  readonly microBatch?: number;
  readonly tensorParallel?: number;
  readonly pipelineParallel?: number;
}

export interface PlannedRun {
  readonly plan: ParallelPlan;
  readonly memory: TrainingMemory;
  readonly step: StepResult;
}

const ZERO: readonly ZeroStage[] = [0, 1, 2, 3];
const RECOMPUTE: readonly Recompute[] = ['none', 'selective', 'full'];
const MICRO = [1, 2, 4, 8, 16, 32] as const;
const POW2 = [1, 2, 4, 8, 16, 32, 64] as const;

function memoryFor(s: StepSetup, c: PlanConstraints, plan: ParallelPlan): TrainingMemory {
  return calculateTrainingMemory({
    model: s.model,
    precision: s.precision,
    method: s.method,
    optimizer: c.optimizer,
    zeroStage: plan.zeroStage,
    recompute: plan.recompute,
    seqLen: s.seqLen,
    microBatch: plan.microBatch,
    dataParallel: plan.dataParallel,
    tensorParallel: plan.tensorParallel,
    pipelineParallel: plan.pipelineParallel,
    ...(c.loraRank ? { loraRank: c.loraRank } : {}),
  });
}

function candidatePlans(gpu: GpuSpec, s: StepSetup, c: PlanConstraints): ParallelPlan[] {
  const n = Math.max(1, Math.floor(c.gpuCount));
  const tps = c.tensorParallel
    ? [c.tensorParallel]
    : POW2.filter(
        (t) => t <= Math.min(n, GPUS_PER_NODE) && s.model.attentionHeads % t === 0 && (t === 1 || gpu.scaleUp !== null || t <= 2),
      );
  const pps = c.pipelineParallel ? [c.pipelineParallel] : POW2.filter((p) => s.model.layers % p === 0 && p <= s.model.layers);
  const plans: ParallelPlan[] = [];
  for (const tp of tps)
    for (const pp of pps) {
      if (n % (tp * pp) !== 0) continue;
      const dp = n / (tp * pp);
      for (const zeroStage of c.zeroStage !== undefined ? [c.zeroStage] : ZERO) {
        if (dp === 1 && zeroStage > 0 && c.zeroStage === undefined) continue;
        for (const recompute of c.recompute ? [c.recompute] : RECOMPUTE)
          for (const microBatch of c.microBatch ? [c.microBatch] : MICRO)
            plans.push({ dataParallel: dp, tensorParallel: tp, pipelineParallel: pp, zeroStage, recompute, microBatch });
      }
    }
  return plans;
}

const RECOMPUTE_RANK = { none: 0, selective: 1, full: 2 } as const satisfies Record<Recompute, number>;

/** Fastest fitting plan, or the least-memory plan with fits=false when nothing fits. */
export function planTraining(gpu: GpuSpec, s: StepSetup, c: PlanConstraints): { fits: boolean; best: PlannedRun } | null {
  const usable = usableMemoryGiB(gpu, 'training');
  let best: PlannedRun | undefined;
  let smallest: { plan: ParallelPlan; memory: TrainingMemory } | undefined;
  // Plans come grouped by layout with micro-batch ascending (candidatePlans); memory grows with
  // the micro-batch, so once one does not fit, the larger ones of the same layout are skipped.
  let overflowed: ParallelPlan | undefined;
  for (const plan of candidatePlans(gpu, s, c)) {
    if (overflowed && sameLayout(plan, overflowed)) continue;
    overflowed = undefined;
    const memory = memoryFor(s, c, plan);
    if (!smallest || memory.perGpuGiB < smallest.memory.perGpuGiB) smallest = { plan, memory };
    if (memory.perGpuGiB > usable) {
      overflowed = plan;
      continue;
    }
    const step = simulateStep(s, plan);
    const run = { plan, memory, step };
    if (!best) {
      best = run;
      continue;
    }
    const faster = step.tokensPerSecondPerGpu > best.step.tokensPerSecondPerGpu * 1.001;
    const tie = !faster && step.tokensPerSecondPerGpu >= best.step.tokensPerSecondPerGpu * 0.999;
    const simpler = RECOMPUTE_RANK[plan.recompute] + plan.zeroStage < RECOMPUTE_RANK[best.plan.recompute] + best.plan.zeroStage;
    if (faster || (tie && simpler)) best = run;
  }
  if (best) return { fits: true, best };
  return smallest ? { fits: false, best: { ...smallest, step: simulateStep(s, smallest.plan) } } : null;
}

const sameLayout = (a: ParallelPlan, b: ParallelPlan): boolean =>
  a.dataParallel === b.dataParallel &&
  a.tensorParallel === b.tensorParallel &&
  a.pipelineParallel === b.pipelineParallel &&
  a.zeroStage === b.zeroStage &&
  a.recompute === b.recompute;
