/**
 * Step time under context parallelism (docs/methodology.md#context-parallelism): a replica of
 * TP x CP GPUs (DP 1, PP 1, no other traffic) spends compute plus the part of its K/V ring that
 * the attention does not hide. The ring is recomputed here from the catalogue's links.
 */
import { describe, expect, it } from 'vitest';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { simulateStep, type ParallelPlan, type StepSetup } from '../../src/calc/training-time.ts';

const setup = (gpuId: string, seqLen: number): StepSetup => {
  const model = getModel('llama-3.1-8b')!;
  return {
    gpu: getGpu(gpuId)!,
    model,
    precision: 'bf16',
    method: 'full',
    seqLen,
    globalBatchTokens: 16 * seqLen,
    trainableParams: model.paramsB * 1e9,
    params: EFFICIENCY,
  };
};
const plan = (tp: number, cp: number): ParallelPlan => ({
  dataParallel: 1,
  tensorParallel: tp,
  pipelineParallel: 1,
  ...(cp > 1 ? { contextParallel: cp } : {}),
  zeroStage: 0,
  recompute: 'none',
  microBatch: 1,
});

describe('context parallelism: step time', () => {
  it('the ring is hidden when the attention outlasts it (131,072 tokens, CP 8 inside one NVLink node)', () => {
    const r = simulateStep(setup('h100-sxm5-80gb', 131072), plan(1, 8));
    expect(r.computeShare).toBe(1);
  });

  it('compute per GPU divides by CP: CP 8 takes 1/8 of CP 1 per step at the same HFU', () => {
    const s = setup('h100-sxm5-80gb', 131072);
    const one = simulateStep(s, plan(1, 1));
    const eight = simulateStep(s, plan(1, 8));
    expect(eight.hfu).toBe(one.hfu);
    expect(eight.stepSeconds * eight.computeShare).toBeCloseTo((one.stepSeconds * one.computeShare) / 8, 12);
  });

  it('on PCIe (L40S) at a short sequence (1,024 tokens, CP given) the exposed ring grows with CP', () => {
    const s = setup('l40s', 1024);
    expect(simulateStep(s, plan(1, 1)).computeShare).toBe(1);
    const exposed = [2, 4, 8].map((cp) => {
      const r = simulateStep(s, plan(1, cp));
      return r.stepSeconds * (1 - r.computeShare);
    });
    expect(exposed[0]).toBeGreaterThan(0);
    expect(exposed[1]).toBeGreaterThan(exposed[0]!);
    expect(exposed[2]).toBeGreaterThan(exposed[1]!);
  });

  it('exposed ring = micro-batches x layers x max(0, 3 (CP-1) x (latency + K/V chunk / link) - attention) across nodes', () => {
    // TP 2 x CP 8 = 16 GPUs: more than one 8-GPU node, so the ring crosses the 50 GB/s NIC (DGX H100 reference).
    const s = setup('h100-sxm5-80gb', 8192);
    const r = simulateStep(s, plan(2, 8));
    const m = s.model;
    const compute = r.stepSeconds * r.computeShare;
    // 16 micro-batches of 1 sequence per step (global batch 16 sequences, DP 1).
    const micro = 16;
    // 16-bit training: attention seconds are the attention share of the hardware FLOPs of the compute.
    const attentionPerLayer = ((compute / micro) * (r.flops.attention / r.flops.hardware)) / m.layers;
    const chunkBytes = (8192 / 8) * (m.kvHeads / 2) * m.headDim * 2 * 2;
    const link = Math.min(900e9 / 2, 50e9) * 0.7;
    const ring = 3 * (8 - 1) * (25e-6 + chunkBytes / link);
    expect(ring).toBeGreaterThan(attentionPerLayer);
    // TP all-reduces (4 per layer, ring all-reduce inside the NVLink pair) are the other term of this step.
    const tpBytes = (8192 / 8) * m.hiddenSize * 2;
    const tpComm = micro * m.layers * 4 * (10e-6 + ((2 * (2 - 1)) / 2) * (tpBytes / ((900e9 / 2) * 0.7)));
    const expectedRing = micro * m.layers * (ring - attentionPerLayer);
    expect(r.stepSeconds - compute - tpComm).toBeCloseTo(expectedRing, 9);
  });
});
