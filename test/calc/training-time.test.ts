import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { EFFICIENCY, type EfficiencyParams } from '../../src/calc/efficiency-params.ts';
import { trainingFlopsPerToken } from '../../src/calc/training-flops.ts';
import { simulateStep, type ParallelPlan, type StepSetup } from '../../src/calc/training-time.ts';
import type { Precision } from '../../src/catalog/types.ts';

const h100 = getGpu('h100-sxm5-80gb')!;
const a100 = getGpu('a100-sxm4-80gb')!;
const model = getModel('llama-3.1-8b')!;
const withLowPrecision = (f: number): EfficiencyParams => ({ ...EFFICIENCY, training: { ...EFFICIENCY.training, lowPrecisionFactor: f } });
const setup = (precision: Precision, params: EfficiencyParams, gpu = h100, extra: Partial<StepSetup> = {}): StepSetup => ({
  gpu,
  model,
  precision,
  method: 'full',
  seqLen: 8192,
  globalBatchTokens: 128 * 8192,
  trainableParams: model.paramsB * 1e9,
  params,
  ...extra,
});
const plan = (pp = 1): ParallelPlan => ({
  dataParallel: 8 / pp,
  tensorParallel: 1,
  pipelineParallel: pp,
  zeroStage: 1,
  recompute: 'none',
  microBatch: 1,
});
const tps = (s: StepSetup, p = plan()) => simulateStep(s, p).tokensPerSecondPerGpu;

describe('FP8 training efficiency (efficiency-params lowPrecisionFactor)', () => {
  it('moves FP8 training and leaves BF16 training unchanged', () => {
    expect(tps(setup('bf16', withLowPrecision(0.5)))).toBe(tps(setup('bf16', withLowPrecision(1))));
    const slow = tps(setup('fp8', withLowPrecision(0.5)));
    const fast = tps(setup('fp8', withLowPrecision(1)));
    expect(fast).toBeGreaterThan(slow * 1.3);
  });
  it('does not apply where the GPU has no FP8 tensor cores (A100 runs FP8 requests at 16-bit rates)', () => {
    expect(tps(setup('fp8', withLowPrecision(0.5), a100))).toBe(tps(setup('fp8', withLowPrecision(1), a100)));
  });
  it('keeps attention at the 16-bit rate: FP8 gains less at long sequences than at short ones', () => {
    const gain = (seqLen: number) =>
      tps(setup('fp8', EFFICIENCY, h100, { seqLen, globalBatchTokens: 128 * seqLen })) /
      tps(setup('bf16', EFFICIENCY, h100, { seqLen, globalBatchTokens: 128 * seqLen }));
    expect(gain(2048)).toBeGreaterThan(1);
    expect(gain(32768)).toBeLessThan(gain(2048));
  });
  it('counts the attention-score FLOPs it keeps at 16 bits: 3 passes of 4 x layers x seq x hidden, 4 with recompute', () => {
    const attnFwd = 4 * model.layers * 8192 * model.hiddenSize;
    expect(trainingFlopsPerToken(model, 8192, 'full', 'none').attention).toBe(3 * attnFwd);
    expect(trainingFlopsPerToken(model, 8192, 'full', 'selective').attention).toBe(4 * attnFwd);
  });
});

describe('interleaved pipeline (virtual pipeline chunks)', () => {
  it('shrinks the bubble with more chunks per stage and changes nothing without pipeline stages', () => {
    const pp4 = (v: number) => tps(setup('bf16', EFFICIENCY, h100, { virtualPipeline: v }), plan(4));
    expect(pp4(4)).toBeGreaterThan(pp4(1));
    const pp1 = (v: number) => tps(setup('bf16', EFFICIENCY, h100, { virtualPipeline: v }), plan(1));
    expect(pp1(4)).toBe(pp1(1));
  });
});
