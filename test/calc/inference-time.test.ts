import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/catalog/index.ts';
import type { Precision } from '../../src/catalog/types.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { decodeStepSeconds, prefillSeconds, replicaTimer, type ReplicaSetup } from '../../src/calc/inference-time.ts';

/**
 * The timer with its constants hoisted must give the very same doubles as the plain functions
 * (the estimator's sweeps use it; the report's numbers may not move by a bit).
 */
describe('replica timer', () => {
  const precisions: Precision[] = ['bf16', 'fp8', 'int4', 'fp4'];
  const setups: ReplicaSetup[] = [];
  for (const [g, gpu] of GPUS.entries())
    for (const [m, model] of MODELS.entries()) {
      // Every GPU and every model (dense, MoE, MLA, sliding window) at least once, at several TP degrees and precisions.
      if ((g + m) % 5 !== 0) continue;
      for (const tensorParallel of [1, 2, 8]) {
        const precision = precisions[(g + m + tensorParallel) % precisions.length]!;
        setups.push({ gpu, model, precision, kvPrecision: precision === 'bf16' ? 'bf16' : 'fp8', tensorParallel, params: EFFICIENCY });
        setups.push({
          gpu,
          model,
          precision,
          kvPrecision: 'bf16',
          tensorParallel,
          params: EFFICIENCY,
          stepOverheadFactor: 4,
          engineEfficiency: 0.87,
        });
      }
    }

  it('covers dense and mixture-of-experts models on many GPUs', () => {
    expect(new Set(setups.map((s) => s.gpu.id)).size).toBe(GPUS.length);
    expect(setups.some((s) => s.model.experts > 1)).toBe(true);
    expect(setups.some((s) => s.model.experts <= 1)).toBe(true);
  });

  it('prefill and decode steps equal the plain functions bit for bit', () => {
    for (const s of setups) {
      const timer = replicaTimer(s);
      for (const tokens of [1, 37, 512, 4096, 100_000]) expect(Object.is(timer.prefill(tokens), prefillSeconds(s, tokens))).toBe(true);
      for (const batch of [1, 3, 16, 255, 2048])
        for (const [inputTokens, outputTokens] of [
          [1, 1],
          [2048, 256],
          [30_000, 1500],
        ] as const)
          for (const prefillTokens of [0, (batch - 1) * (inputTokens / outputTokens), 7.5]) {
            const d = { batch, inputTokens, outputTokens, prefillTokens };
            expect(Object.is(timer.step(d), decodeStepSeconds(s, d))).toBe(true);
          }
    }
  });
});
