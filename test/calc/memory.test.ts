import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import type { ModelArch } from '../../src/catalog/types.ts';
import {
  bytesPerParam,
  calculateInferenceMemory,
  calculateTrainingMemory,
  fitInferenceTensorParallel,
  kvBytesPerTokenPerGpu,
  memoryAssumptions,
  trainingFits,
  usableMemoryGiB,
} from '../../src/calc/memory.ts';
import { firstPowerOfTwo } from '../../src/plan/search.ts';

const model = (id: string): ModelArch => {
  const m = getModel(id);
  if (!m) throw new Error(id);
  return m;
};
const gpu = (id: string) => {
  const g = getGpu(id);
  if (!g) throw new Error(id);
  return g;
};

describe('bytesPerParam', () => {
  it.each([
    ['fp32', 4],
    ['bf16', 2],
    ['fp16', 2],
    ['fp8', 1],
    ['int8', 1 + 2 / 64], // 16-bit scale per group of 64
    ['int4', 0.5 + 2 / 64],
    ['fp4', 0.5 + 1 / 16], // NVFP4: FP8 scale per 16 values
  ] as const)('%s = %d bytes', (p, bytes) => expect(bytesPerParam(p)).toBeCloseTo(bytes, 10));
});

describe('inference memory (hand-checked)', () => {
  it('Llama-2-7B KV at 4K tokens x 32 sequences fp16 = 64 GiB', () => {
    const m = calculateInferenceMemory({
      model: model('llama-2-7b'),
      weightPrecision: 'fp16',
      kvPrecision: 'fp16',
      contextTokens: 4096,
      concurrency: 32,
      tensorParallel: 1,
    });
    // 32 layers x 2 x 32 heads x 128 dim x 2 bytes = 512 KiB per token.
    expect(m.kvBytesPerToken).toBe(524_288);
    expect(m.kvCacheGiB).toBeCloseTo(64, 10);
    expect(m.weightsGiB).toBeCloseTo((6.74e9 * 2) / 2 ** 30, 6);
  });
  it('GQA under TP: Llama-3.1-70B has 8 KV heads, so TP8 holds 1 head per GPU and TP16 still 1 (replicated)', () => {
    const m = model('llama-3.1-70b');
    expect(kvBytesPerTokenPerGpu(m, 'bf16', 1)).toBe(80 * 2 * 8 * 128 * 2);
    expect(kvBytesPerTokenPerGpu(m, 'bf16', 8)).toBe(80 * 2 * 1 * 128 * 2);
    expect(kvBytesPerTokenPerGpu(m, 'bf16', 16)).toBe(80 * 2 * 1 * 128 * 2);
  });
  it('MoE keeps every expert resident: Mixtral 8x7B weights use 46.7B params, not 12.9B', () => {
    const m = calculateInferenceMemory({
      model: model('mixtral-8x7b'),
      weightPrecision: 'bf16',
      kvPrecision: 'bf16',
      contextTokens: 1,
      concurrency: 1,
      tensorParallel: 1,
    });
    expect(m.weightsGiB).toBeCloseTo((46.7e9 * 2) / 2 ** 30, 6);
  });
  it('overhead adds NCCL buffers only at TP >= 2', () => {
    const base = {
      model: model('llama-3.1-8b'),
      weightPrecision: 'bf16',
      kvPrecision: 'bf16',
      contextTokens: 1024,
      concurrency: 1,
    } as const;
    const one = calculateInferenceMemory({ ...base, tensorParallel: 1 });
    const two = calculateInferenceMemory({ ...base, tensorParallel: 2 });
    expect(two.overheadGiB / 2).toBeGreaterThan(one.overheadGiB);
  });
  it('Llama-3.1-70B bf16 with 8K x 64 sequences needs TP8 on H100 80GB', () => {
    const fit = fitInferenceTensorParallel(gpu('h100-sxm5-80gb'), {
      model: model('llama-3.1-70b'),
      weightPrecision: 'bf16',
      kvPrecision: 'bf16',
      contextTokens: 8192,
      concurrency: 64,
    });
    expect(fit?.tensorParallel).toBe(8);
  });
  it('usable memory: H100 80GB serves ~71.7 GiB at vLLM 0.9', () => {
    expect(usableMemoryGiB(gpu('h100-sxm5-80gb'))).toBeCloseTo((81_559 / 1024) * 0.9, 6);
  });
});

const train7b = {
  model: { ...model('llama-2-7b'), paramsB: 7 },
  precision: 'bf16',
  method: 'full',
  optimizer: 'adamw',
  zeroStage: 0,
  recompute: 'full',
  seqLen: 2048,
  microBatch: 1,
  dataParallel: 1,
  tensorParallel: 1,
  pipelineParallel: 1,
} as const;

describe('training memory (hand-checked)', () => {
  it('7B full fine-tune, mixed-precision AdamW = 16 B/param = 104.3 GiB before activations', () => {
    const m = calculateTrainingMemory(train7b);
    expect(m.weightsGiB + m.gradientsGiB + m.optimizerGiB).toBeCloseTo((7e9 * 16) / 2 ** 30, 6);
  });
  it('Korthikanti activations: eager attention, no recompute = L * s*b*h*(34 + 5as/h) (+ fp32 logits)', () => {
    const m = calculateTrainingMemory({ ...train7b, recompute: 'none', attention: 'eager' });
    const { layers: L, hiddenSize: h, attentionHeads: a, vocabSize: V } = train7b.model;
    const s = 2048;
    expect(m.activationsGiB).toBeCloseTo((L * s * h * (34 + (5 * a * s) / h) + s * V * 4) / 2 ** 30, 6);
  });
  it('selective recompute drops the s^2 term; full keeps 2*s*b*h per layer plus one layer', () => {
    const sel = calculateTrainingMemory({ ...train7b, recompute: 'selective', attention: 'eager' });
    const full = calculateTrainingMemory({ ...train7b, recompute: 'full', attention: 'eager' });
    const none = calculateTrainingMemory({ ...train7b, recompute: 'none', attention: 'eager' });
    expect(full.activationsGiB).toBeLessThan(sel.activationsGiB);
    expect(sel.activationsGiB).toBeLessThan(none.activationsGiB);
  });
  it.each([
    [1, 'optimizerGiB'],
    [2, 'gradientsGiB'],
    [3, 'weightsGiB'],
  ] as const)('ZeRO-%i shards %s over data parallel', (stage, field) => {
    const dp1 = calculateTrainingMemory({ ...train7b, zeroStage: stage, dataParallel: 1 });
    const dp8 = calculateTrainingMemory({ ...train7b, zeroStage: stage, dataParallel: 8 });
    expect(dp8[field]).toBeLessThan(dp1[field] / 4);
  });
  it('QLoRA fine-tune of a 65B model fits on one 48 GB GPU (QLoRA paper, arXiv:2305.14314)', () => {
    const r = trainingFits(gpu('rtx-6000-ada'), { ...train7b, model: model('llama-65b'), method: 'qlora', seqLen: 512, microBatch: 1 });
    expect(r.fits).toBe(true);
    const lora = trainingFits(gpu('rtx-6000-ada'), { ...train7b, model: model('llama-65b'), method: 'lora', seqLen: 512, microBatch: 1 });
    expect(lora.fits).toBe(false);
  });
  it('70B full fine-tune needs many 80 GB GPUs with ZeRO-3', () => {
    // The fewest GPUs (powers of two) that fit when the extra GPUs are spent on data parallelism.
    const input = { ...train7b, model: model('llama-3.1-70b'), zeroStage: 3, seqLen: 4096 } as const;
    const n = firstPowerOfTwo(4096, (dp) => (trainingFits(gpu('h100-sxm5-80gb'), { ...input, dataParallel: dp }).fits ? dp : null));
    expect(n).toBeGreaterThanOrEqual(16);
    expect(n).toBeLessThanOrEqual(32);
  });
});

describe('memoryAssumptions', () => {
  it('lists every constant with a source and a unique id', () => {
    const list = memoryAssumptions();
    expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
    for (const a of list) {
      expect(a.source.length).toBeGreaterThan(5);
      expect(Number.isFinite(a.value)).toBe(true);
    }
  });
});

describe('estimatorAssumptions', () => {
  it('includes memory constants, fitted efficiencies and error bands, each sourced', async () => {
    const { estimatorAssumptions } = await import('../../src/calc/assumptions.ts');
    const list = estimatorAssumptions();
    const ids = list.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['cudaContext', 'prefillMfu16', 'decodeMbuHbm', 'trainHfuRef', 'band.latency.median']) expect(ids).toContain(id);
    for (const a of list) expect(Number.isFinite(a.value) && a.source.length > 5).toBe(true);
  });
});
