import { describe, expect, it } from 'vitest';
import { getModel } from '../../src/catalog/index.ts';
import { kvBytesPerTokenPerGpu } from '../../src/calc/inference-memory.ts';

const model = (id: string) => {
  const m = getModel(id);
  if (!m) throw new Error(id);
  return m;
};

describe('modern architectures (docs/methodology.md#kv-cache)', () => {
  it('MLA caches one latent vector per layer: DeepSeek-V3 = 61 x (512 + 64) bytes per token at FP8, on every TP rank', () => {
    const m = model('deepseek-v3');
    expect(kvBytesPerTokenPerGpu(m, 'fp8', 1)).toBe(61 * 576);
    expect(kvBytesPerTokenPerGpu(m, 'fp8', 8)).toBe(61 * 576);
  });
  it('sliding-window layers hold at most their window: Gemma 3 27B at 32k context holds 10 global layers + 52 x 1024/32768', () => {
    const m = model('gemma-3-27b');
    const full = 62 * 2 * 16 * 128 * 2;
    const at32k = kvBytesPerTokenPerGpu(m, 'bf16', 1, 32768);
    expect(at32k).toBeCloseTo(((10 + (52 * 1024) / 32768) * full) / 62, 6);
    expect(kvBytesPerTokenPerGpu(m, 'bf16', 1, 512)).toBe(full);
  });
  it.each([
    'deepseek-v3',
    'deepseek-r1',
    'qwen3-8b',
    'qwen3-32b',
    'qwen3-30b-a3b',
    'qwen3-235b-a22b',
    'llama-4-scout',
    'llama-4-maverick',
    'gpt-oss-20b',
    'gpt-oss-120b',
    'gemma-3-27b',
    'kimi-k2',
  ])('%s is a preset with a config.json source and consistent MoE counts', (id) => {
    const m = model(id);
    expect(m.source).toMatch(/huggingface\.co\/.+\/config\.json/);
    expect(m.activeParamsB).toBeLessThanOrEqual(m.paramsB);
    expect(m.activeExperts).toBeLessThanOrEqual(m.experts);
    expect(m.denseLayers ?? 0).toBeLessThan(m.layers);
  });
});
