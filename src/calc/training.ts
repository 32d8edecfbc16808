/**
 * estimateTraining: plan (or take) the parallel layout, then tokens/s per GPU, MFU, days and
 * GPU-hours with calibrated bands. Time = hardware FLOPs / (GPUs x dense peak x HFU) plus
 * bubbles and exposed communication (training-time.ts); MFU = model FLOPs / (time x peak).
 */
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import { bandFor } from './error-bands.ts';
import { missingCoverage } from './coverage.ts';
import { type Band, band } from './band.ts';
import { EFFICIENCY, type EfficiencyParams } from './efficiency-params.ts';
import { PARAMS_PER_B } from './model-size.ts';
import { contextParallelDivides, planTraining, type PlanConstraints } from './planner.ts';
import { computeRate } from './precision.ts';
import { loraParams, type Optimizer, type Recompute, type TrainingMemory, type TrainingMethod, type ZeroStage } from './training-memory.ts';
import type { ParallelPlan } from './training-time.ts';
import { SECONDS_PER_DAY } from './units.ts';

/** Default pre-training global batch: ~4M tokens (Llama 2 pre-training, arXiv:2307.09288 sec. 2.2). */
export const DEFAULT_GLOBAL_BATCH_TOKENS = 4 * 1024 * 1024;
/** Fine-tuning global batch: 64 sequences (Llama 2 SFT, arXiv:2307.09288 sec. 3.1: batch 64 x 4096 tokens). */
const FINE_TUNE_BATCH_SEQUENCES = 64;
/** Runs below this many tokens are fine-tunes (pre-training runs are tens of billions of tokens and more). */
const FINE_TUNE_MAX_TOKENS = 1e9;

/** The global batch in tokens: given, else a fine-tuning batch for LoRA/QLoRA and short runs, else pre-training's. */
function globalBatchTokens(i: Pick<TrainingInput, 'globalBatchTokens' | 'method' | 'tokens' | 'seqLen'>): number {
  if (i.globalBatchTokens) return i.globalBatchTokens;
  const fineTune = (i.method ?? 'full') !== 'full' || i.tokens < FINE_TUNE_MAX_TOKENS;
  return fineTune ? FINE_TUNE_BATCH_SEQUENCES * i.seqLen : DEFAULT_GLOBAL_BATCH_TOKENS;
}

export interface TrainingInput {
  readonly gpu: GpuSpec;
  readonly gpuCount: number;
  readonly model: ModelArch;
  readonly precision: Precision;
  readonly seqLen: number;
  /** Tokens to train on (total over the run). */
  readonly tokens: number;
  readonly method?: TrainingMethod;
  readonly optimizer?: Optimizer;
  readonly zeroStage?: ZeroStage;
  readonly recompute?: Recompute;
  readonly microBatch?: number;
  readonly tensorParallel?: number;
  readonly pipelineParallel?: number;
  /** Context-parallel degree (each sequence split over this many GPUs; docs/methodology.md#context-parallelism); chosen when absent. */
  readonly contextParallel?: number;
  /** Interleaved pipeline chunks per stage (Megatron virtual pipeline); 1 when absent. */
  readonly virtualPipeline?: number;
  readonly loraRank?: number;
  readonly globalBatchTokens?: number;
}

interface Common {
  readonly plan: ParallelPlan;
  readonly memory: TrainingMemory;
}
export interface TrainingFits extends Common {
  readonly fits: true;
  /** Tokens per optimizer step used for the estimate. */
  readonly globalBatchTokens: number;
  /** Outside calibration coverage (hardware or precision class): wider bands, marked in the report. */
  readonly extrapolated: boolean;
  readonly coverageGaps: readonly string[];
  readonly tokensPerSecondPerGpu: Band;
  /** Model FLOP utilisation, 0-1, against the dense peak of the precision used. */
  readonly mfu: Band;
  readonly hfu: number;
  /**
   * Parallel efficiency of the layout: the share of each step spent computing; the rest is
   * pipeline bubble and communication not hidden under compute (tensor-parallel all-reduces,
   * data-parallel gradient exchange), so it depends on the interconnect and the parallelism.
   */
  readonly parallelEfficiency: number;
  readonly days: Band;
  readonly gpuHours: Band;
}
interface TrainingNoFit extends Partial<Common> {
  readonly fits: false;
  readonly reasonCode: 'does-not-fit' | 'no-valid-layout';
  readonly reason: string;
}
export type TrainingEstimate = TrainingFits | TrainingNoFit;

export function estimateTraining(input: TrainingInput, params: EfficiencyParams = EFFICIENCY): TrainingEstimate {
  const method = input.method ?? 'full';
  const n = Math.max(1, Math.floor(input.gpuCount));
  const trainable = method === 'full' ? input.model.paramsB * PARAMS_PER_B : loraParams(input.model, input.loraRank ?? 16);
  const setup = {
    gpu: input.gpu,
    model: input.model,
    precision: input.precision,
    method,
    seqLen: input.seqLen,
    globalBatchTokens: globalBatchTokens(input),
    trainableParams: trainable,
    virtualPipeline: input.virtualPipeline,
    params,
  };
  const constraints: PlanConstraints = {
    gpuCount: n,
    optimizer: input.optimizer ?? 'adamw',
    loraRank: input.loraRank,
    zeroStage: input.zeroStage,
    recompute: input.recompute,
    microBatch: input.microBatch,
    tensorParallel: input.tensorParallel,
    pipelineParallel: input.pipelineParallel,
    ...(input.contextParallel ? { contextParallel: input.contextParallel } : {}),
  };
  const cp = input.contextParallel;
  if (cp && !contextParallelDivides(input.seqLen, cp))
    return {
      fits: false,
      reasonCode: 'no-valid-layout',
      reason: `context parallelism ${cp} needs the sequence length (${input.seqLen}) divisible by 2 x ${cp} = ${2 * cp}`,
    };
  const planned = planTraining(input.gpu, setup, constraints);
  if (!planned)
    return {
      fits: false,
      reasonCode: 'no-valid-layout',
      reason: `no TP x PP x ${cp ? `CP ${cp} x ` : ''}DP layout divides ${n} GPUs for this model`,
    };
  const { plan, memory, step } = planned.best;
  if (!planned.fits) {
    return {
      fits: false,
      plan,
      memory,
      reasonCode: 'does-not-fit',
      reason: `needs at least ${memory.perGpuGiB.toFixed(1)} GiB per GPU with the leanest layout; more or larger GPUs are required`,
    };
  }
  const coverageGaps = missingCoverage({ phase: 'training', gpu: input.gpu, precision: input.precision });
  const extrapolated = coverageGaps.length > 0;
  const tb = bandFor('trainingThroughput', extrapolated);
  const tps = step.tokensPerSecondPerGpu;
  const peak = computeRate(input.gpu, input.precision).tflops * 1e12;
  const mfu = (tps * step.flops.model) / peak;
  const days = input.tokens / (tps * n) / SECONDS_PER_DAY;
  return {
    fits: true,
    globalBatchTokens: setup.globalBatchTokens,
    extrapolated,
    coverageGaps,
    plan,
    memory,
    hfu: step.hfu,
    parallelEfficiency: step.computeShare,
    tokensPerSecondPerGpu: band(tps, tb.lowFactor, tb.highFactor),
    mfu: band(mfu, tb.lowFactor, Math.min(tb.highFactor, 1 / Math.max(mfu, 1e-9))),
    days: band(days, 1 / tb.highFactor, 1 / tb.lowFactor),
    gpuHours: band(days * 24 * n, 1 / tb.highFactor, 1 / tb.lowFactor),
  };
}
