/**
 * Training planner: enumerates DP x TP x PP x CP degrees, ZeRO stage, recomputation and micro-batch,
 * keeps the plans whose per-GPU memory fits, and picks the fastest (ties: less recompute, lower
 * ZeRO stage, no context parallelism). TP stays within one scale-up domain (8 GPUs) and divides the
 * attention heads; PP divides the layers; context parallelism (CP) is tried only for long
 * sequences (contextParallelCandidates). Choices the caller fixes are honoured.
 */
import type { GpuSpec } from '../catalog/types.ts';
import { GPUS_PER_NODE } from './comm.ts';
import { usableMemoryGiB } from './gpu-memory.ts';
import {
  trainingMemoryByMicroBatch,
  type LayoutMemory,
  type Optimizer,
  type Recompute,
  type TrainingMemory,
  type ZeroStage,
} from './training-memory.ts';
import { memoise } from './memo.ts';
import { stepModel, type ParallelPlan, type StepResult, type StepSetup } from './training-time.ts';

export interface PlanConstraints {
  readonly gpuCount: number;
  readonly optimizer: Optimizer;
  readonly loraRank?: number;
  readonly zeroStage?: ZeroStage;
  readonly recompute?: Recompute;
  readonly microBatch?: number;
  readonly tensorParallel?: number;
  readonly pipelineParallel?: number;
  readonly contextParallel?: number;
}

interface PlannedRun {
  readonly plan: ParallelPlan;
  readonly memory: TrainingMemory;
  readonly step: StepResult;
}

const ZERO: readonly ZeroStage[] = [0, 1, 2, 3];
const RECOMPUTE: readonly Recompute[] = ['none', 'selective', 'full'];
const MICRO = [1, 2, 4, 8, 16, 32] as const;
const POW2 = [1, 2, 4, 8, 16, 32, 64] as const;

/**
 * Shortest sequence the planner tries context parallelism for, tokens: NeMo's published Llama 3
 * 8B / 70B pre-training runs use CP 2 from 8,192 tokens (NeMo 24.07 performance summary,
 * github:NVIDIA/NeMo performance_summary.md; calibration rows TR-204 / TR-205) and its
 * long-context recipes (16K, 64K) rely on CP (docs.nvidia.com/nemo-framework/user-guide/latest/longcontext).
 * Below it CP is never chosen unless given, so short-sequence plans are those without CP.
 */
const CONTEXT_PARALLEL_MIN_SEQ = 8192;
/**
 * Fewest tokens of each sequence a CP rank keeps: 4,096, the share of NeMo's smallest CP layout
 * (8,192 tokens over CP 2); Llama 3 405B's 131,072-token stage keeps 8,192 per rank (CP 16,
 * arXiv:2407.21783 sec. 3.3.2 table 4). Shorter chunks leave too little attention work to hide
 * the ring exchange under.
 */
const CONTEXT_PARALLEL_MIN_TOKENS_PER_RANK = 4096;
/** Largest CP degree tried: 16, Llama 3's long-context pre-training (arXiv:2407.21783 table 4). */
const CONTEXT_PARALLEL_MAX = 16;

/**
 * The CP degrees the planner tries at a sequence length: 1, and for sequences of at least
 * CONTEXT_PARALLEL_MIN_SEQ tokens the powers of two up to CONTEXT_PARALLEL_MAX whose 2 x CP
 * load-balancing chunks divide the sequence and leave each rank CONTEXT_PARALLEL_MIN_TOKENS_PER_RANK.
 */
export function contextParallelCandidates(seqLen: number): number[] {
  if (seqLen < CONTEXT_PARALLEL_MIN_SEQ) return [1];
  return POW2.filter(
    (cp) => cp === 1 || (cp <= CONTEXT_PARALLEL_MAX && seqLen % (2 * cp) === 0 && seqLen / cp >= CONTEXT_PARALLEL_MIN_TOKENS_PER_RANK),
  );
}

/** Whether a sequence splits into the 2 x CP equal chunks context parallelism balances causal attention with. */
export const contextParallelDivides = (seqLen: number, cp: number): boolean => cp === 1 || seqLen % (2 * cp) === 0;

/** A layout without its micro-batch, and the micro-batches to try on it (ascending). */
interface Layout {
  readonly dataParallel: number;
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  readonly contextParallel: number;
  readonly zeroStage: ZeroStage;
  readonly recompute: Recompute;
}

function layouts(gpu: GpuSpec, s: StepSetup, c: PlanConstraints): Layout[] {
  const n = Math.max(1, Math.floor(c.gpuCount));
  const tps = c.tensorParallel
    ? [c.tensorParallel]
    : POW2.filter(
        (t) => t <= Math.min(n, GPUS_PER_NODE) && s.model.attentionHeads % t === 0 && (t === 1 || gpu.scaleUp !== null || t <= 2),
      );
  const pps = c.pipelineParallel ? [c.pipelineParallel] : POW2.filter((p) => s.model.layers % p === 0 && p <= s.model.layers);
  const cps = c.contextParallel ? [c.contextParallel] : contextParallelCandidates(s.seqLen);
  const out: Layout[] = [];
  for (const cp of cps) {
    if (!contextParallelDivides(s.seqLen, cp)) continue;
    for (const tp of tps)
      for (const pp of pps) {
        if (n % (tp * pp * cp) !== 0) continue;
        const dp = n / (tp * pp * cp);
        // ZeRO shards over the DP x CP replicas of a shard: a stage above 0 needs more than one.
        for (const zeroStage of c.zeroStage !== undefined ? [c.zeroStage] : ZERO) {
          if (dp * cp === 1 && zeroStage > 0 && c.zeroStage === undefined) continue;
          for (const recompute of c.recompute ? [c.recompute] : RECOMPUTE)
            out.push({ dataParallel: dp, tensorParallel: tp, pipelineParallel: pp, contextParallel: cp, zeroStage, recompute });
        }
      }
  }
  return out;
}

/**
 * The plan of a layout at a micro-batch (written out: one object shape per CP case, cheaper than a
 * spread). contextParallel appears only above 1, so plans without CP keep their shape.
 */
const planOf = (l: Layout, microBatch: number): ParallelPlan =>
  l.contextParallel > 1
    ? {
        dataParallel: l.dataParallel,
        tensorParallel: l.tensorParallel,
        pipelineParallel: l.pipelineParallel,
        contextParallel: l.contextParallel,
        zeroStage: l.zeroStage,
        recompute: l.recompute,
        microBatch,
      }
    : {
        dataParallel: l.dataParallel,
        tensorParallel: l.tensorParallel,
        pipelineParallel: l.pipelineParallel,
        zeroStage: l.zeroStage,
        recompute: l.recompute,
        microBatch,
      };

const RECOMPUTE_RANK = { none: 0, selective: 1, full: 2 } as const satisfies Record<Recompute, number>;

/** Tie-break rank of a layout: less recomputation, lower ZeRO stage, no context parallelism. */
const tieRank = (l: { recompute: Recompute; zeroStage: ZeroStage; contextParallel?: number }): number =>
  RECOMPUTE_RANK[l.recompute] + l.zeroStage + ((l.contextParallel ?? 1) > 1 ? 1 : 0);

/**
 * Fastest fitting plan, or the least-memory plan with fits=false when nothing fits. Each layout's
 * memory is set up once and evaluated per micro-batch (only the activations depend on it, and
 * grow with it), so once one micro-batch overflows the larger ones are not tried. Two shortcuts
 * that cannot change the choice: a layout whose bound (StepModel.bound: compute, least bubble and
 * the bandwidth part of its TP and CP traffic, above every micro-batch's speed) is below the best
 * plan so far by more than the tie margin is not simulated (it could be neither faster nor tied),
 * and ZeRO stages 0-2 of the same layout and micro-batch share one step time (only ZeRO-3 changes
 * the traffic, training-time.ts).
 */
function plan(gpu: GpuSpec, s: StepSetup, c: PlanConstraints): PlanResult {
  const usable = usableMemoryGiB(gpu, 'training');
  const model = stepModel(s);
  const sharedSteps = new Map<string, StepResult>();
  let best: PlannedRun | undefined;
  let smallest: { layout: Layout; memory: LayoutMemory; microBatch: number; perGpuGiB: number } | undefined;
  for (const layout of layouts(gpu, s, c)) {
    // Strictly below the tie band (with room for rounding): never chosen.
    if (best && model.bound(layout) < best.step.tokensPerSecondPerGpu * 0.999 * (1 - 1e-9)) continue;
    const memory = trainingMemoryByMicroBatch({
      model: s.model,
      precision: s.precision,
      method: s.method,
      optimizer: c.optimizer,
      seqLen: s.seqLen,
      ...layout,
      ...(c.loraRank ? { loraRank: c.loraRank } : {}),
    });
    for (const microBatch of c.microBatch ? [c.microBatch] : MICRO) {
      const perGpuGiB = memory.perGpuGiB(microBatch);
      if (!smallest || perGpuGiB < smallest.perGpuGiB) smallest = { layout, memory, microBatch, perGpuGiB };
      if (perGpuGiB > usable) break;
      const shareKey =
        layout.zeroStage < 3
          ? `${layout.tensorParallel}|${layout.pipelineParallel}|${layout.contextParallel}|${layout.recompute}|${microBatch}`
          : null;
      let step = shareKey === null ? undefined : sharedSteps.get(shareKey);
      if (!step) {
        step = model.step(planOf(layout, microBatch));
        if (shareKey !== null) sharedSteps.set(shareKey, step);
      }
      if (!best) {
        best = { plan: planOf(layout, microBatch), memory: memory.at(microBatch), step };
        continue;
      }
      const faster = step.tokensPerSecondPerGpu > best.step.tokensPerSecondPerGpu * 1.001;
      const tie = !faster && step.tokensPerSecondPerGpu >= best.step.tokensPerSecondPerGpu * 0.999;
      if (faster || (tie && tieRank(layout) < tieRank(best.plan)))
        best = { plan: planOf(layout, microBatch), memory: memory.at(microBatch), step };
    }
  }
  if (best) return { fits: true, best };
  if (!smallest) return null;
  const leanest = planOf(smallest.layout, smallest.microBatch);
  return { fits: false, best: { plan: leanest, memory: smallest.memory.at(smallest.microBatch), step: model.step(leanest) } };
}

type PlanResult = { fits: boolean; best: PlannedRun } | null;

const planned = memoise(
  ([gpu, s]: readonly [GpuSpec, StepSetup, PlanConstraints]) => [gpu, s.model, s.params] as const,
  ([gpu, s, c]) => JSON.stringify([{ ...s, gpu: s.gpu === gpu ? 0 : s.gpu, model: 0, params: 0 }, c]),
  ([gpu, s, c]) => plan(gpu, s, c),
);

/** Fastest fitting plan, or the least-memory plan with fits=false (memoised: memo.ts). */
export function planTraining(gpu: GpuSpec, s: StepSetup, c: PlanConstraints): PlanResult {
  return planned([gpu, s, c]);
}
