/**
 * The calculation step on its own: small scenarios built in memory, calculateResults run once,
 * the shape of the results (one tree per workload, fleets adding up the trees) and the shared
 * searches checked directly.
 */
import { describe, expect, it } from 'vitest';
import { getModel } from '../../src/catalog/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import { allTargetsMet } from '../../src/plan/performance.ts';
import { fewestGpus, firstPowerOfTwo, powerOfTwoAtMost, powersOfTwo } from '../../src/plan/search.ts';

type WorkloadInput = ScenarioInput['workloads'][number];

const chat = (over: Partial<Extract<WorkloadInput, { kind: 'inference' }>> = {}): WorkloadInput => ({
  name: 'chat',
  kind: 'inference',
  model: 'llama-3.1-8b',
  precision: 'bf16',
  inputTokens: 1000,
  outputTokens: 200,
  concurrency: 8,
  ...over,
});
const tune = (over: Partial<Extract<WorkloadInput, { kind: 'training' }>> = {}): WorkloadInput => ({
  name: 'tune',
  kind: 'training',
  model: 'llama-3.1-8b',
  precision: 'bf16',
  method: 'lora',
  seqLen: 2048,
  tokens: 1e8,
  ...over,
});

function scenario(
  workloads: WorkloadInput[],
  candidates: ScenarioInput['candidates'] = [
    { gpu: 'h100-sxm5-80gb', maxGpus: 8 },
    { gpu: 'l40s', maxGpus: 8 },
  ],
): ResolvedScenario {
  return resolveScenario(scenarioSchema.parse({ version: 1, name: 'in memory', workloads, candidates }));
}

describe('calculateResults', () => {
  const s = scenario([chat({ targets: { outputTokensPerSecond: 1e9 } }), tune(), chat({ name: 'small', model: 'llama-2-7b' })]);
  const results = calculateResults(s);

  it('holds one tree per workload, scenario order, each with one entry per candidate', () => {
    expect(results.workloads.map((r) => [r.kind, r.workload])).toEqual(s.workloads.map((w) => [w.kind, w]));
    for (const r of results.workloads) {
      expect(r.perCandidate.map((p) => p.candidate)).toEqual(s.candidates);
      for (const p of r.perCandidate) expect(p.workload).toBe(r.workload);
    }
  });

  it('the fleet of a candidate adds up its entries of the trees (the same objects)', () => {
    results.candidates.forEach((c, k) => {
      expect(c.workloads).toEqual(results.workloads.map((r) => r.perCandidate[k]));
      c.workloads.forEach((x, i) => expect(x).toBe(results.workloads[i]!.perCandidate[k]));
      const counts = c.workloads.map((x) => (x.sizing.gpus === null || x.fit.gpus === null ? null : Math.max(x.sizing.gpus, x.fit.gpus)));
      const needed = counts.includes(null) ? null : counts.reduce((a, b) => a! + b!, 0);
      expect(c.gpusNeeded).toBe(needed);
      // Bought as whole servers of the platform: the sum rounded up to whole nodes.
      const perNode = c.platform.gpusPerNode;
      expect(c.fleetGpus).toBe(needed === null ? null : Math.ceil(needed / perNode) * perNode);
    });
  });

  it('the need is the GPU-independent memory: inference fits one GPU exactly when the need at TP 1 fits its usable memory', () => {
    for (const r of results.workloads) {
      if (r.kind !== 'inference') continue;
      for (const p of r.perCandidate) expect(p.fit.gpus === 1).toBe(r.need.perGpuGiB <= p.fit.usableGiB);
    }
  });

  it('searches what the targets would take only where the sized layout misses one', () => {
    let searched = 0;
    for (const r of results.workloads) {
      if (r.kind !== 'inference') continue;
      for (const p of r.perCandidate) {
        const met = p.served !== null && allTargetsMet(p.served.targets);
        expect(p.toMeetTargets === null).toBe(met);
        if (p.toMeetTargets) searched++;
      }
    }
    // 1e9 tokens/s is out of reach: searched on both candidates, found on neither.
    expect(searched).toBeGreaterThanOrEqual(2);
    const [first] = results.workloads;
    if (first?.kind !== 'inference') throw new Error('inference first');
    for (const p of first.perCandidate) expect(p.toMeetTargets).toEqual({ found: null });
  });

  it('scales the first training workload only; training trees carry every method and the sized rent', () => {
    expect(results.workloads.map((r) => r.perCandidate.every((p) => p.scaling !== null))).toEqual([false, true, false]);
    const tree = results.workloads[1]!;
    if (tree.kind !== 'training') throw new Error('training second');
    for (const p of tree.perCandidate) {
      expect(p.methods.map((m) => m.method)).toEqual(['full', 'lora', 'qlora']);
      expect(p.methods.find((m) => m.method === 'lora')?.fit?.gpus ?? null).toBe(p.sizing.minFit?.gpus ?? null);
      const rate = p.candidate.rentalPerGpuHour?.base;
      if (rate !== undefined && p.sizing.estimate?.fits) expect(p.rent).toBeCloseTo(p.sizing.estimate.gpuHours.value * rate, 6);
      expect(p.scaling!.limitGpus).toBe(8);
    }
  });

  it('an inference-only scenario scales its first workload', () => {
    const r = calculateResults(scenario([chat(), chat({ name: 'second' })], ['h100-sxm5-80gb']));
    expect(r.workloads.map((x) => x.perCandidate[0]!.scaling !== null)).toEqual([true, false]);
  });
});

describe('the shared searches', () => {
  it('counts in powers of two from a start up to a limit', () => {
    expect([...powersOfTwo(20)]).toEqual([1, 2, 4, 8, 16]);
    expect([...powersOfTwo(64, 8)]).toEqual([8, 16, 32, 64]);
    expect(firstPowerOfTwo(100, (n) => (n * n > 200 ? n : null))).toBe(16);
    expect(firstPowerOfTwo(8, (n) => (n > 8 ? n : null))).toBeNull();
    expect([1, 2, 3, 8, 9, 1000].map(powerOfTwoAtMost)).toEqual([1, 2, 2, 8, 8, 512]);
  });

  it('fewestGpus finds the fewest TP × replicas meeting a monotone test, the smaller TP on a tie', () => {
    const model = getModel('llama-3.1-70b')!;
    // Capacity grows with GPUs; a TP group of 2 or more is needed at all.
    const at = (tp: number, replicas: number) => ({ tp, gpus: tp * replicas, ok: tp >= 2 && tp * replicas >= 13 });
    const best = fewestGpus(model, 64, at, (v) => v.ok);
    expect(best?.gpus).toBe(14);
    expect(best?.value.tp).toBe(2);
    expect(fewestGpus(model, 8, at, (v) => v.ok)).toBeNull();
  });
});
