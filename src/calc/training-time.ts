/**
 * Training step time for one parallel plan: compute at the fitted HFU (8-bit training: linear layers
 * at the 8-bit peak times the fitted low-precision factor, attention scores at the 16-bit peak), + pipeline bubble
 * (PP-1)/(m x v) (GPipe/1F1B, v = interleaved chunks; Narayanan et al. 2021, arXiv:2104.04473), + tensor-parallel all-reduces
 * (4 per layer per micro-batch, 6 with full recompute; Megatron-LM arXiv:1909.08053), + the part
 * of data-parallel traffic not hidden under compute: ZeRO-0/1/2 reduce gradients once per step
 * (ring all-reduce = 2(n-1)/n of the 16-bit gradient bytes); ZeRO-3/FSDP re-gathers weights for
 * every micro-batch's forward and backward and reduce-scatters its gradients, 3(n-1)/n per
 * micro-batch (ZeRO, arXiv:1910.02054 sec. 7; PyTorch FSDP, arXiv:2304.11277).
 *
 * Context parallelism (CP; docs/methodology.md#context-parallelism) splits each sequence into 2 x CP
 * chunks, two per GPU (first and mirrored last, so causal attention work is balanced: Megatron-Core
 * context_parallel package and get_batch_on_this_cp_rank). A replica is TP x PP x CP GPUs and each
 * computes 1/(TP x PP x CP) of its tokens at the same HFU. Attention passes K/V around the CP ring
 * (Ring Attention, Liu et al. 2023, arXiv:2310.01889): per layer and micro-batch the forward sends
 * the local K and V chunk CP-1 times, the backward about twice that (K/V again plus dK/dV), and
 * recomputed attention once more (selective / full recompute), each
 * send overlapped with that layer's attention compute (Megatron-Core / Transformer Engine
 * overlap), so only the excess is exposed. The gradient exchange runs over DP x CP ranks.
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { allReduceLink, allReduceOn, collectiveBytesPerS, pointToPointLink } from './comm.ts';
import { isLowPrecision, trainingHfu } from './efficiency.ts';
import type { EfficiencyParams } from './efficiency-params.ts';
import { computeRate } from './precision.ts';
import { trainingFlopsPerToken, type FlopsPerToken } from './training-flops.ts';
import type { Recompute, TrainingMethod, ZeroStage } from './training-memory.ts';

export interface ParallelPlan {
  readonly dataParallel: number;
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  /** Context-parallel degree (GPUs sharing each sequence); absent = 1. */
  readonly contextParallel?: number;
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

/** Step times of one setup's plans, and the most any micro-batch of a layout can reach. */
export interface StepModel {
  readonly step: (plan: ParallelPlan) => StepResult;
  /**
   * Tokens/s per GPU no micro-batch of a layout can exceed: its compute, the pipeline bubble at
   * the most micro-batches per step (micro-batch 1), and the bandwidth parts of its tensor-parallel
   * all-reduces and exposed context-parallel ring per token (latencies and data-parallel traffic
   * left out), each at or below what step() charges for any micro-batch.
   */
  readonly bound: (layout: Omit<ParallelPlan, 'microBatch'>) => number;
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
  // Seconds of attention-score compute per token and layer (the part a ring exchange hides under).
  const attentionPerTokenLayer = (flops: FlopsPerToken): number =>
    flops.attention / model.layers / (lowPrecision ? attentionRate : peak * gemmHfu);
  // The point-to-point links of the K/V rings (by TP x CP block size), found once each.
  const p2p = new Map<number, ReturnType<typeof pointToPointLink>>();
  /** Exposed seconds of one layer's K/V ring exchange for one micro-batch `mb` (0 without context parallelism). */
  const ringExposed = (tp: number, cp: number, mb: number, recompute: Recompute, flops: FlopsPerToken, withLatency = true): number => {
    const localTokens = (mb * seqLen) / cp;
    // The local K and V chunk: s/CP tokens x micro-batch x this GPU's KV heads (TP splits them) x head dim x 2 tensors x 2 bytes.
    const chunkBytes = localTokens * Math.max(1, model.kvHeads / tp) * model.headDim * 2 * 2;
    let link = p2p.get(tp * cp);
    if (!link) p2p.set(tp * cp, (link = pointToPointLink(s.gpu, tp * cp, s.params)));
    // Forward CP-1 sends, backward twice that (K/V again plus dK/dV); recomputing attention (selective
    // or full) runs the forward ring once more, as it runs the attention FLOPs once more (training-flops.ts).
    const passes = recompute === 'none' ? 3 : 4;
    const ring = passes * (cp - 1) * ((withLatency ? link.latencyS : 0) + chunkBytes / link.bytesPerS);
    const attention = (localTokens / tp) * attentionPerTokenLayer(flops);
    return Math.max(0, ring - attention);
  };
  const bound = (l: Omit<ParallelPlan, 'microBatch'>): number => {
    const { dataParallel: dp, tensorParallel: tp, pipelineParallel: pp } = l;
    const cp = Math.max(1, l.contextParallel ?? 1);
    const cost = costOf(l.recompute);
    // Seconds per token of a replica: compute spread over its GPUs, then the bubble at the most micro-batches.
    const compute = cost.perToken / (tp * pp * cp);
    const microMax = Math.max(1, Math.round(s.globalBatchTokens / (dp * seqLen)));
    let perToken = compute * (1 + (pp > 1 ? (pp - 1) / (microMax * Math.max(1, s.virtualPipeline ?? 1)) : 0));
    if (tp > 1) {
      let link = links.get(tp);
      if (!link) links.set(tp, (link = allReduceLink(s.gpu, tp, s.params)));
      const calls = l.recompute === 'full' ? 6 : 4;
      perToken += ((model.layers / pp) * calls * ((2 * (tp - 1)) / tp) * ((model.hiddenSize * 2) / cp)) / link.bytesPerS;
    }
    // The ring's exposed seconds without latency are linear in the micro-batch: per token, micro-batch 1's.
    if (cp > 1) perToken += ((model.layers / pp) * ringExposed(tp, cp, 1, l.recompute, cost.flops, false)) / seqLen;
    return 1 / (perToken * tp * pp * cp);
  };
  const step = (plan: ParallelPlan): StepResult => {
    const { dataParallel: dp, tensorParallel: tp, pipelineParallel: pp, microBatch: mb } = plan;
    const cp = Math.max(1, plan.contextParallel ?? 1);
    const world = dp * tp * pp * cp;
    const micro = Math.max(1, Math.round(s.globalBatchTokens / (dp * mb * seqLen)));
    const tokensPerReplica = micro * mb * seqLen;
    const { flops, perToken, hfu } = costOf(plan.recompute);
    const compute = (tokensPerReplica * perToken) / (tp * pp * cp);
    const bubble = pp > 1 ? (compute * (pp - 1)) / (micro * Math.max(1, s.virtualPipeline ?? 1)) : 0;
    const tpCalls = plan.recompute === 'full' ? 6 : 4;
    const tpComm = tp > 1 ? micro * (model.layers / pp) * tpCalls * tpReduce(((mb * seqLen) / cp) * model.hiddenSize * 2, tp) : 0;
    const cpComm = cp > 1 ? micro * (model.layers / pp) * ringExposed(tp, cp, mb, plan.recompute, flops) : 0;
    const gradBytes = (s.trainableParams * 2) / (tp * pp);
    const volume = plan.zeroStage >= 3 ? 3 * micro : 2;
    // Gradients are reduced (ZeRO-3: weights gathered) over every replica of a TP x PP shard: DP x CP ranks.
    const reducers = dp * cp;
    const dpSeconds =
      reducers > 1 ? (volume * ((reducers - 1) / reducers) * gradBytes) / (collectiveRate(world) * s.params.comm.busEfficiency) : 0;
    const exposedDp = Math.max(0, dpSeconds - s.params.training.dpOverlap * compute);
    const stepSeconds = compute + bubble + tpComm + cpComm + exposedDp;
    return {
      tokensPerSecondPerGpu: (tokensPerReplica * dp) / stepSeconds / world,
      hfu,
      flops,
      stepSeconds,
      computeShare: compute / stepSeconds,
    };
  };
  return { step, bound };
}
