import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { estimateInference, type InferenceInput } from '../../src/calc/inference.ts';
import { LENGTH_PROFILES, lengthPercentiles, lognormalSigma } from '../../src/calc/lengths.ts';

describe('length distributions', () => {
  it('fits a lognormal that gives back the mean and p90 it was fixed by', () => {
    const d = { mean: 400, p90: 800 };
    const sigma = lognormalSigma(d);
    const mu = Math.log(d.mean) - (sigma * sigma) / 2;
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(400, 6);
    expect(lengthPercentiles(d).p90).toBeCloseTo(800, 3);
    // Median below the mean, p99 beyond the p90 (right-skewed lengths).
    expect(lengthPercentiles(d).p50).toBeLessThan(400);
    expect(lengthPercentiles(d).p99).toBeGreaterThan(800);
  });

  it('a fixed length (p90 = mean) has no spread', () => {
    const p = lengthPercentiles({ mean: 300, p90: 300 });
    expect(p.p50).toBeCloseTo(300, 6);
    expect(p.p99).toBeCloseTo(300, 6);
  });

  it('caps the spread where p90 / mean exceeds what a lognormal allows', () => {
    expect(lognormalSigma({ mean: 100, p90: 1000 })).toBeCloseTo(1.2816, 4);
    expect(Number.isFinite(lengthPercentiles({ mean: 100, p90: 1000 }).p99)).toBe(true);
  });

  it('ShareGPT profile: the published means (vLLM paper, Fig. 11a)', () => {
    expect(LENGTH_PROFILES.sharegpt.input.mean).toBe(161.31);
    expect(LENGTH_PROFILES.sharegpt.output.mean).toBe(337.99);
    expect(LENGTH_PROFILES.sharegpt.input.p90).toBeGreaterThan(LENGTH_PROFILES.sharegpt.input.mean);
  });
});

describe('inference with length distributions', () => {
  const base: InferenceInput = {
    gpu: getGpu('h100-sxm5-80gb')!,
    gpuCount: 2,
    model: getModel('llama-3.1-70b')!,
    precision: 'fp8',
    kvPrecision: 'fp8',
    inputTokens: 2000,
    outputTokens: 300,
    concurrency: 8,
    engine: 'vllm',
  };

  it('prompt spread widens the TTFT tail and leaves throughput and KV (expected tokens) alone', () => {
    const fixed = estimateInference(base);
    const spread = estimateInference({ ...base, inputTokensP90: 6000 });
    if (!fixed.fits || !spread.fits) throw new Error('expected both to fit');
    expect(spread.ttftMsPercentiles.p90).toBeGreaterThan(fixed.ttftMsPercentiles.p90 * 1.5);
    expect(spread.ttftMsPercentiles.p50).toBeLessThan(fixed.ttftMsPercentiles.p50);
    expect(spread.outputTokensPerSecond.value).toBe(fixed.outputTokensPerSecond.value);
    expect(spread.memory.kvCacheGiB).toBe(fixed.memory.kvCacheGiB);
    expect(spread.maxConcurrency).toBe(fixed.maxConcurrency);
  });

  it('an engine that reserves the whole output reserves the p90 output; a paged one does not', () => {
    const trt = { ...base, engine: 'tensorrt-llm' as const };
    const a = estimateInference(trt);
    const b = estimateInference({ ...trt, outputTokensP90: 3000 });
    expect(b.maxConcurrency).toBeLessThan(a.maxConcurrency);
    const c = estimateInference(base);
    const d = estimateInference({ ...base, outputTokensP90: 3000 });
    expect(d.maxConcurrency).toBe(c.maxConcurrency);
  });
});
