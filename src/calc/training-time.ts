/**
 * Training step time for one parallel plan: compute at the fitted HFU (8-bit training: linear layers
 * at the 8-bit peak times the fitted low-precision factor, attention scores at the 16-bit peak), + pipeline bubble
 * (PP-1)/(m x v) (GPipe/1F1B, v = interleaved chunks; Narayanan et al. 2021, arXiv:2104.04473), + tensor-parallel all-reduces
 * (4 per layer per micro-batch, 6 with full recompute; Megatron-LM arXiv:1909.08053), + the part
 * of data-parallel traffic not hidden under compute: ZeRO-0/1/2 reduce gradients once per step
 * (ring all-reduce = 2(n-1)/n of the 16-bit gradient bytes); ZeRO-3/FSDP re-gathers weights for
 * every micro-batch's forward and backward and reduce-scatters its gradients, 3(n-1)/n per
 * micro-batch (ZeRO, arXiv:1910.02054 sec. 7; PyTorch FSDP, arXiv:2304.11277).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { allReduceLink, allReduceOn, collectiveBytesPerS } from './comm.ts';
import { isLowPrecision, trainingHfu } from './efficiency.ts';
import type { EfficiencyParams } from './efficiency-params.ts';
import { computeRate } from './precision.ts';
import { trainingFlopsPerToken, type FlopsPerToken } from './training-flops.ts';
import type { Recompute, TrainingMethod, ZeroStage } from './training-memory.ts';

export interface ParallelPlan {
  readonly dataParallel: number;
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  readonly zeroStage: ZeroStage;
  readonly recompute: Recompute;
  readonly microBatch: number;
}

export interface StepSetup {
  readonly gpu: GpuSpec;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly method: TrainingMethod;
  readonly seqLen: number;
  readonly globalBatchTokens: number;
  /** Parameters with gradients (all for full fine-tune, adapters for LoRA). */
  readonly trainableParams: number;
  /**
   * Model chunks per pipeline stage (Megatron-LM interleaved 1F1B, "virtual pipeline"): divides
   * the bubble by this number (Narayanan et al. 2021, arXiv:2104.04473 sec. 2.2.2). 1 = plain 1F1B.
   */
  readonly virtualPipeline?: number;
  readonly params: EfficiencyParams;
}

export interface StepResult {
  readonly tokensPerSecondPerGpu: number;
  readonly hfu: number;
  readonly flops: FlopsPerToken;
  readonly stepSeconds: number;
  /** Share of step time spent computing (the rest is bubble and exposed communication). */
  readonly computeShare: number;
}

export function simulateStep(s: StepSetup, plan: ParallelPlan): StepResult {
  return stepModel(s).step(plan);
}

/** Step times of one setup's plans, and the most any plan with a recompute policy can reach. */
export interface StepModel {
  readonly step: (plan: ParallelPlan) => StepResult;
  /**
   * Tokens/s per GPU if the step were all compute (no bubble, no exposed communication): every
   * plan with this recompute policy is at or below it (step seconds >= compute seconds).
   */
  readonly ceiling: (recompute: Recompute) => number;
}

/** What a token costs to compute under one recompute policy: its FLOPs, seconds and effective HFU. */
interface TokenCost {
  readonly flops: FlopsPerToken;
  readonly perToken: number;
  readonly hfu: number;
}

/**
 * The step time of any plan for one setup: what does not depend on the layout (FLOPs and compute
 * seconds per token for each recompute policy, HFU, peak rate) is computed once. The planner
 * tries many plans per setup.
 */
export function stepModel(s: StepSetup): StepModel {
  const { model, seqLen } = s;
  const weightOnly = s.method === 'qlora' ? s.params.weightOnlyFactor : 1;
  const rate = computeRate(s.gpu, s.precision);
  const peak = rate.tflops * 1e12;
  const gemmHfu = trainingHfu(s.gpu, s.precision, model, s.params) * weightOnly;
  const lowPrecision = isLowPrecision(rate.format);
  const attentionRate = lowPrecision ? computeRate(s.gpu, 'bf16').tflops * 1e12 * trainingHfu(s.gpu, 'bf16', model, s.params) : 0;
  const costs = new Map<Recompute, TokenCost>();
  const costOf = (r: Recompute): TokenCost => {
    let c = costs.get(r);
    if (c) return c;
    const flops = trainingFlopsPerToken(model, seqLen, s.method, r);
    // 8-bit training (FP8 recipes) runs the linear layers at the 8-bit peak; attention scores stay 16-bit.
    const perToken = lowPrecision
      ? (flops.hardware - flops.attention) / (peak * gemmHfu) + flops.attention / attentionRate
      : flops.hardware / (peak * gemmHfu);
    // Effective utilisation of the precision's peak over all hardware FLOPs.
    costs.set(r, (c = { flops, perToken, hfu: flops.hardware / perToken / peak }));
    return c;
  };
  // The links of the all-reduces (by TP degree) and collectives (by world size) a plan uses, found once each.
  const links = new Map<number, ReturnType<typeof allReduceLink>>();
  const tpReduce = (bytes: number, tp: number): number => {
    let link = links.get(tp);
    if (!link) links.set(tp, (link = allReduceLink(s.gpu, tp, s.params)));
    return allReduceOn(link, bytes, tp);
  };
  const collective = new Map<number, number>();
  const collectiveRate = (world: number): number => {
    let rate = collective.get(world);
    if (rate === undefined) collective.set(world, (rate = collectiveBytesPerS(s.gpu, world)));
    return rate;
  };
  const step = (plan: ParallelPlan): StepResult => {
    const { dataParallel: dp, tensorParallel: tp, pipelineParallel: pp, microBatch: mb } = plan;
    const world = dp * tp * pp;
    const micro = Math.max(1, Math.round(s.globalBatchTokens / (dp * mb * seqLen)));
    const tokensPerReplica = micro * mb * seqLen;
    const { flops, perToken, hfu } = costOf(plan.recompute);
    const compute = (tokensPerReplica * perToken) / (tp * pp);
    const bubble = pp > 1 ? (compute * (pp - 1)) / (micro * Math.max(1, s.virtualPipeline ?? 1)) : 0;
    const tpCalls = plan.recompute === 'full' ? 6 : 4;
    const tpComm = tp > 1 ? micro * (model.layers / pp) * tpCalls * tpReduce(mb * seqLen * model.hiddenSize * 2, tp) : 0;
    const gradBytes = (s.trainableParams * 2) / (tp * pp);
    const volume = plan.zeroStage >= 3 ? 3 * micro : 2;
    const dpSeconds = dp > 1 ? (volume * ((dp - 1) / dp) * gradBytes) / (collectiveRate(world) * s.params.comm.busEfficiency) : 0;
    const exposedDp = Math.max(0, dpSeconds - s.params.training.dpOverlap * compute);
    const stepSeconds = compute + bubble + tpComm + exposedDp;
    return {
      tokensPerSecondPerGpu: (tokensPerReplica * dp) / stepSeconds / world,
      hfu,
      flops,
      stepSeconds,
      computeShare: compute / stepSeconds,
    };
  };
  return { step, ceiling: (r) => 1 / costOf(r).perToken };
}
