import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { missingCoverage } from '../../src/calc/coverage.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { estimateInference } from '../../src/calc/inference.ts';
import { estimateTraining } from '../../src/calc/training.ts';

const gpu = (id: string) => getGpu(id)!;
const model = getModel('llama-3.1-8b')!;

describe('calibration coverage', () => {
  it('H100 BF16 serving on vLLM is covered; the same on plain transformers (no row) is not', () => {
    expect(missingCoverage({ phase: 'serving', gpu: gpu('h100-sxm5-80gb'), precision: 'bf16', engine: 'vllm' })).toEqual([]);
    expect(missingCoverage({ phase: 'serving', gpu: gpu('h100-sxm5-80gb'), precision: 'bf16', engine: 'transformers' })).toEqual([
      'serving:engine:transformers',
    ]);
  });
  it('MI300X training is outside coverage (no AMD training row): marked extrapolated with a wider band', () => {
    const amd = estimateTraining({ gpu: gpu('amd-mi300x'), gpuCount: 8, model, precision: 'bf16', seqLen: 4096, tokens: 1e11 });
    const nv = estimateTraining({ gpu: gpu('h100-sxm5-80gb'), gpuCount: 8, model, precision: 'bf16', seqLen: 4096, tokens: 1e11 });
    if (!amd.fits || !nv.fits) throw new Error('should fit');
    expect(amd.extrapolated).toBe(true);
    expect(nv.extrapolated).toBe(false);
    const width = (b: { low: number; high: number; value: number }) => (b.high - b.low) / b.value;
    expect(width(amd.tokensPerSecondPerGpu)).toBeGreaterThan(width(nv.tokensPerSecondPerGpu));
    // Public results put MI300X training at or below an H100 (issue: 1.8x before the ROCm factor).
    expect(amd.tokensPerSecondPerGpu.value).toBeLessThan(nv.tokensPerSecondPerGpu.value);
  });
  it('paged engines hold prompt + half the output on average: more sequences fit than TensorRT-LLM reserves', () => {
    const base = { gpu: gpu('h100-sxm5-80gb'), gpuCount: 1, model, precision: 'bf16' as const, kvPrecision: 'bf16' as const };
    const io = { inputTokens: 1000, outputTokens: 3000, concurrency: 1 };
    const vllm = estimateInference({ ...base, ...io, engine: 'vllm' });
    const trt = estimateInference({ ...base, ...io, engine: 'tensorrt-llm' });
    expect(vllm.maxConcurrency).toBeGreaterThan(trt.maxConcurrency * 1.3);
  });
});

describe('fine-tuning global batch', () => {
  it('a 100M-token LoRA fine-tune uses a fine-tuning batch, not 4M tokens', () => {
    const e = estimateTraining({
      gpu: gpu('h100-sxm5-80gb'),
      gpuCount: 8,
      model,
      precision: 'bf16',
      seqLen: 4096,
      tokens: 1e8,
      method: 'lora',
    });
    if (!e.fits) throw new Error('should fit');
    expect(e.globalBatchTokens).toBe(64 * 4096);
  });
});

describe('hardware family', () => {
  // A fitted row on the L40S (Ada Lovelace AD102, GDDR6) stands for its generation and memory class.
  const covered = new Set(['serving:hardware:NVIDIA/Ada Lovelace/gddr', 'serving:precision:16-bit', 'serving:engine:vllm']);
  const gaps = (id: string) => missingCoverage({ phase: 'serving', gpu: gpu(id), precision: 'bf16', engine: 'vllm' }, covered);
  it('another die of a covered generation and memory class is covered (L4 is AD104)', () => {
    expect(gpu('l4').architecture).not.toBe(gpu('l40s').architecture);
    expect(gaps('l4')).toEqual([]);
  });
  it('another generation, or the same generation with the other memory class, is not', () => {
    expect(gaps('t4')).toEqual(['serving:hardware:NVIDIA/Turing/gddr']);
    expect(
      missingCoverage(
        { phase: 'serving', gpu: gpu('a100-sxm4-80gb'), precision: 'bf16', engine: 'vllm' },
        new Set(['serving:hardware:NVIDIA/Ampere/gddr']),
      ),
    ).toContain('serving:hardware:NVIDIA/Ampere/hbm');
  });
});

describe('serving engine efficiency', () => {
  // The open engines' fitted kernel efficiency multiplies every compute and bandwidth efficiency:
  // a bandwidth-bound decode step (the GEMM share) scales by exactly its inverse.
  const h100 = gpu('h100-sxm5-80gb');
  const at = (openEngineEfficiency: number, engine: 'vllm' | 'tensorrt-llm') =>
    estimateInference(
      {
        gpu: h100,
        gpuCount: 1,
        model,
        precision: 'bf16',
        kvPrecision: 'bf16',
        inputTokens: 128,
        outputTokens: 128,
        concurrency: 64,
        engine,
      },
      { ...EFFICIENCY, decode: { ...EFFICIENCY.decode, openEngineEfficiency } },
    );
  it('moves vLLM estimates and leaves TensorRT-LLM (the reference) alone', () => {
    const slow = at(0.8, 'vllm');
    const fast = at(1, 'vllm');
    if (!slow.fits || !fast.fits) throw new Error('should fit');
    expect(slow.outputTokensPerSecondPerGpu.value).toBeLessThan(fast.outputTokensPerSecondPerGpu.value * 0.95);
    const a = at(0.8, 'tensorrt-llm');
    const b = at(1, 'tensorrt-llm');
    if (!a.fits || !b.fits) throw new Error('should fit');
    expect(a.outputTokensPerSecondPerGpu.value).toBe(b.outputTokensPerSecondPerGpu.value);
  });
});
