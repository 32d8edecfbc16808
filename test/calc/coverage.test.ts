import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { missingCoverage } from '../../src/calc/coverage.ts';
import { estimateInference } from '../../src/calc/inference.ts';
import { estimateTraining } from '../../src/calc/training.ts';

const gpu = (id: string) => getGpu(id)!;
const model = getModel('llama-3.1-8b')!;

describe('calibration coverage', () => {
  it('H100 BF16 serving on vLLM is covered; the same on SGLang (no SGLang row) is not', () => {
    expect(missingCoverage({ phase: 'serving', gpu: gpu('h100-sxm5-80gb'), precision: 'bf16', engine: 'vllm' })).toEqual([]);
    expect(missingCoverage({ phase: 'serving', gpu: gpu('h100-sxm5-80gb'), precision: 'bf16', engine: 'sglang' })).toEqual([
      'serving:engine:sglang',
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
