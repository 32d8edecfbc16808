import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { estimateInference } from '../../src/calc/inference.ts';
import { estimateTraining } from '../../src/calc/training.ts';
import { scalingCurve } from '../../src/calc/scaling.ts';
import { computeRate } from '../../src/calc/precision.ts';

const g = (id: string) => getGpu(id)!;
const m = (id: string) => getModel(id)!;
const h100 = g('h100-sxm5-80gb');

describe('estimateInference', () => {
  const base = {
    gpu: h100,
    gpuCount: 1,
    model: m('llama-3.1-8b'),
    precision: 'bf16',
    kvPrecision: 'bf16',
    inputTokens: 512,
    outputTokens: 256,
    concurrency: 1,
  } as const;

  it('batch-1 decode is memory bound: TPOT is at least weight bytes / peak bandwidth', () => {
    const e = estimateInference(base);
    if (!e.fits) throw new Error(e.reason);
    const floorMs = (((8.03e9 - 128256 * 4096) * 2) / 3.35e12) * 1000;
    expect(e.tpotMs.value).toBeGreaterThan(floorMs);
    expect(e.tpotMs.value).toBeLessThan(floorMs * 3);
  });
  it('a model that cannot fit says why and gives no speed numbers', () => {
    const e = estimateInference({ ...base, gpu: g('l4'), model: m('llama-3.1-70b') });
    expect(e.fits).toBe(false);
    if (e.fits) return;
    expect(e.reasonCode).toBe('does-not-fit');
    expect(e.reason).toMatch(/GiB/);
    expect('tpotMs' in e).toBe(false);
  });
  it('too many sequences for the KV cache is reported as such, with the max that fits', () => {
    const e = estimateInference({ ...base, concurrency: 100_000 });
    expect(e.fits).toBe(false);
    if (e.fits) return;
    expect(e.reasonCode).toBe('concurrency-exceeds-memory');
    expect(e.maxConcurrency).toBeGreaterThan(100);
  });
  it('more GPUs become replicas when one GPU fits (TP1 x 4)', () => {
    const e = estimateInference({ ...base, gpuCount: 4, concurrency: 64 });
    expect(e.tensorParallel).toBe(1);
    expect(e.replicas).toBe(4);
  });
  it('fp8 falls back to weight-only 16-bit compute where the GPU has no FP8 (A100)', () => {
    expect(computeRate(g('a100-sxm4-80gb'), 'fp8')).toEqual({ tflops: 312, format: 'bf16', weightOnly: true });
    expect(computeRate(h100, 'fp8').format).toBe('fp8');
    expect(computeRate(h100, 'int4').weightOnly).toBe(true);
  });
  it('throughput rises with concurrency (batching) while TPOT rises too', () => {
    const a = estimateInference({ ...base, concurrency: 1 });
    const b = estimateInference({ ...base, concurrency: 64 });
    if (!a.fits || !b.fits) throw new Error('fit');
    expect(b.outputTokensPerSecond.value).toBeGreaterThan(a.outputTokensPerSecond.value * 10);
    expect(b.tpotMs.value).toBeGreaterThan(a.tpotMs.value);
  });
});

describe('estimateTraining', () => {
  const base = { gpu: h100, gpuCount: 8, model: m('llama-3.1-8b'), precision: 'bf16', seqLen: 4096, tokens: 1e11 } as const;
  it('MFU is within 0-1 and days x GPUs x 24 = GPU-hours', () => {
    const e = estimateTraining(base);
    if (!e.fits) throw new Error(e.reason);
    expect(e.mfu.value).toBeGreaterThan(0.2);
    expect(e.mfu.value).toBeLessThan(0.8);
    expect(e.gpuHours.value).toBeCloseTo(e.days.value * 24 * 8, 6);
    // time = 6*P*T-ish / (GPUs x peak x MFU): check days against the definition of MFU.
    const flopsPerToken = (e.mfu.value * 989e12) / e.tokensPerSecondPerGpu.value;
    expect(flopsPerToken).toBeGreaterThan(6 * 7.5e9);
    expect(flopsPerToken).toBeLessThan(6 * 8.03e9 * 1.3);
  });
  it('QLoRA fits on one GPU where full fine-tuning does not', () => {
    const one = { ...base, gpuCount: 1, model: m('llama-3.1-70b') };
    expect(estimateTraining({ ...one, method: 'full' }).fits).toBe(false);
    const q = estimateTraining({ ...one, method: 'qlora', seqLen: 2048 });
    expect(q.fits).toBe(true);
  });
  it('honours a fixed ZeRO stage and recompute choice', () => {
    const e = estimateTraining({ ...base, zeroStage: 3, recompute: 'full' });
    if (!e.fits) throw new Error(e.reason);
    expect(e.plan.zeroStage).toBe(3);
    expect(e.plan.recompute).toBe('full');
  });
});

describe('scalingCurve', () => {
  const args = { model: m('llama-3.1-70b'), precision: 'bf16', seqLen: 4096, maxGpus: 64, globalBatchTokens: 1 << 20 } as const;
  it('the same chip with a scale-up fabric scales at least as well as over PCIe', () => {
    const l40s = g('l40s');
    const withFabric = { ...l40s, scaleUp: { name: 'hypothetical NVLink', bidirectionalGBps: 900 } };
    const pcie = scalingCurve({ ...args, gpu: l40s });
    const nv = scalingCurve({ ...args, gpu: withFabric });
    const at = (c: typeof pcie, n: number) => c.find((p) => p.gpus === n)!;
    expect(at(nv, 64).tokensPerSecond).toBeGreaterThan(at(pcie, 64).tokensPerSecond);
    for (const p of [...nv, ...pcie]) {
      expect(p.efficiency).toBeGreaterThanOrEqual(0);
      expect(p.efficiency).toBeLessThanOrEqual(1);
    }
  });
  it('a 70B model needs more 48 GB GPUs than 80 GB GPUs before it fits', () => {
    const firstFit = (id: string) => scalingCurve({ ...args, gpu: g(id) }).find((p) => p.fits)!.gpus;
    expect(firstFit('l40s')).toBeGreaterThan(firstFit('h100-sxm5-80gb'));
  });
});
