import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { schedulerBudget } from '../../src/calc/engines.ts';
import { estimateInference, type InferenceInput } from '../../src/calc/inference.ts';
import { decodeStepSeconds, type ReplicaSetup } from '../../src/calc/inference-time.ts';

// One H100 serving Llama 3.1 8B on vLLM (token budget 8192 per step on a >= 70 GiB part).
const gpu = getGpu('h100-sxm5-80gb')!;
const model = getModel('llama-3.1-8b')!;
const setup: ReplicaSetup = {
  gpu,
  model,
  precision: 'bf16',
  kvPrecision: 'bf16',
  tensorParallel: 1,
  params: EFFICIENCY,
  stepOverheadFactor: 1,
  engineEfficiency: EFFICIENCY.decode.openEngineEfficiency,
};
const input = (concurrency: number, inputTokens: number, outputTokens: number): InferenceInput => ({
  gpu,
  gpuCount: 1,
  model,
  precision: 'bf16',
  kvPrecision: 'bf16',
  engine: 'vllm',
  concurrency,
  inputTokens,
  outputTokens,
});
const tpotS = (i: InferenceInput) => {
  const e = estimateInference(i);
  if (!e.fits) throw new Error('should fit');
  return e.tpotMs.value / 1000;
};
const step = (batch: number, prefillTokens: number, I: number, O: number) =>
  decodeStepSeconds(setup, { batch, inputTokens: I, outputTokens: O, prefillTokens });

describe('chunked prefill in steady state', () => {
  it('vLLM takes 8192 prompt tokens per step on an H100 and 2048 on an A100', () => {
    expect(schedulerBudget('vllm', gpu).prefillChunkTokens).toBe(8192);
    expect(schedulerBudget('vllm', getGpu('a100-sxm4-80gb')!).prefillChunkTokens).toBe(2048);
  });
  it('many requests finishing per step: every step carries its share of prompt tokens (p = (C - 1) I / O >= I)', () => {
    const [C, I, O] = [64, 128, 64];
    expect(tpotS(input(C, I, O))).toBe(step(C, ((C - 1) * I) / O, I, O));
  });
  it('few requests with long prompts: a whole prompt in one compute-bound step, the other steps decode only', () => {
    const [C, I, O] = [4, 4000, 200];
    const p = ((C - 1) * I) / O; // 60 tokens per step if spread
    const share = p / I;
    expect(tpotS(input(C, I, O))).toBeCloseTo(share * step(C, I, I, O) + (1 - share) * step(C, 0, I, O), 12);
    // Slower than spreading the prompts thinly under the weight reads (which would make them nearly free).
    expect(tpotS(input(C, I, O))).toBeGreaterThan(step(C, p, I, O) * 1.05);
  });
  it('once the prompts need more than the budget per step, more requests add no throughput', () => {
    const at = (C: number) => {
      const e = estimateInference(input(C, 8000, 16));
      if (!e.fits) throw new Error('should fit');
      return e.outputTokensPerSecond.value;
    };
    // C x 8000 / 16 > 8192 from C = 17 on: prefill-bound, the throughput levels off (55 requests fit).
    expect(at(48)).toBeCloseTo(at(32), 6);
    expect(at(4)).toBeLessThan(at(32) * 0.95);
  });
});
