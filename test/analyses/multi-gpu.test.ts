import { getGpu, getModel } from '../../src/catalog/index.ts';
import { describe, expect, it } from 'vitest';
import { scalingCurve } from '../../src/calc/scaling.ts';
import type { ChartBlock } from '../../src/report/model.ts';
import type { ResolvedTraining } from '../../src/scenario/resolve.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, analysis, build, buildText, notes, num, table } from './helpers.ts';

const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('multi-gpu', () => {
  it('efficiency ≤ 100% (within rounding); inference: 100% at the smallest count that fits; system = per GPU × GPUs', () => {
    for (const fixture of FIXTURES) {
      const { report, results, scenario } = build(fixture);
      const training = scenario.workloads.some((w) => w.kind === 'training');
      const rows = table(analysis(report, 'multi-gpu'), 'multi-gpu').rows;
      for (const c of results.candidates) {
        const mine = rows.filter((r) => r.gpu === c.candidate.gpu.name);
        if (mine.length === 0) continue;
        // Training rows show the layout's parallel efficiency (compute share of a step) instead.
        if (!training) expect(mine[0]!.efficiency, `${fixture} ${c.candidate.gpu.id}`).toBe(1);
        const counts = mine.map((r) => num(r.gpus));
        expect(counts.every((n) => Number.isInteger(Math.log2(n)) && n <= Math.min(64, c.candidate.maxGpus))).toBe(true);
        for (const r of mine) {
          expect(num(r.efficiency)).toBeLessThanOrEqual(1.0005);
          expect(num(r.efficiency)).toBeGreaterThan(0);
          expect(Math.abs((num(r.perGpu) * num(r.gpus)) / num(r.system) - 1)).toBeLessThan(2e-3);
        }
      }
    }
  });

  it('training efficiency depends on the interconnect: PCIe-only RTX 4090 scales worse than NVLink H100 SXM across 16 GPUs', () => {
    const model = getModel('llama-3.1-8b')!;
    const at16 = (id: string) =>
      scalingCurve({ gpu: getGpu(id)!, model, precision: 'bf16', seqLen: 4096, maxGpus: 16 }).find((p) => p.gpus === 16)!;
    expect(at16('h100-sxm5-80gb').efficiency).toBeGreaterThan(at16('rtx-4090').efficiency);
    expect(at16('rtx-4090').efficiency).toBeLessThan(0.95);
  });

  it('a training scenario scales its first training workload with scalingCurve', () => {
    const { report, scenario, results } = build('mixed-budget-eur');
    const w = scenario.workloads.find((x): x is ResolvedTraining => x.kind === 'training')!;
    const rows = table(analysis(report, 'multi-gpu'), 'multi-gpu').rows;
    for (const c of results.candidates) {
      const curve = scalingCurve({
        gpu: c.candidate.gpu,
        model: w.model,
        precision: w.precision,
        seqLen: w.seqLen,
        maxGpus: 64,
        method: w.method,
        optimizer: w.optimizer,
        loraRank: w.loraRank,
      }).filter((p) => p.fits);
      const mine = rows.filter((r) => r.gpu === c.candidate.gpu.name);
      expect(mine.map((r) => r.gpus)).toEqual(curve.map((p) => p.gpus));
      mine.forEach((r, k) => expect(Math.abs(num(r.system) / curve[k]!.tokensPerSecond - 1)).toBeLessThan(1e-3));
    }
    expect(analysis(report, 'multi-gpu').intro).toContain('tune (Llama 3.1 8B)');
  });

  it("scales with the workload's optimizer: the curve starts where the training plan first fits", () => {
    const yaml = fs.readFileSync(path.join(FIXTURE_DIR, 'deadline-missed.yaml'), 'utf8');
    const firstCounts = (optimizer: string) => {
      const text = yaml.replace(
        'model: llama-3.1-70b, precision: bf16, method: full,',
        `model: llama-3.1-8b, precision: bf16, method: full, optimizer: ${optimizer},`,
      );
      expect(text).toContain(`optimizer: ${optimizer}`);
      const { results, report } = buildText(text, 'optimizer.yaml');
      const rows = table(analysis(report, 'multi-gpu'), 'multi-gpu').rows;
      const tree = results.workloads[0]!;
      if (tree.kind !== 'training') throw new Error('a training workload');
      return tree.perCandidate.map(({ candidate, sizing }) => {
        const planFirst = sizing.minFit?.gpus;
        const curveFirst = rows.find((r) => r.gpu === candidate.gpu.name)?.gpus;
        expect(curveFirst, `${optimizer} ${candidate.gpu.id}`).toBe(planFirst);
        return planFirst;
      });
    };
    const eightBit = firstCounts('adamw-8bit');
    const adamw = firstCounts('adamw');
    // 8-bit AdamW keeps its two moments in a quarter of the bytes: on 48 GB L40S the 8B model
    // fits on fewer GPUs than with fp32 moments.
    expect(eightBit.some((n, i) => n !== undefined && adamw[i] !== undefined && n < adamw[i]!)).toBe(true);
  });

  it('an inference-only scenario scales the first inference workload with its load per GPU', () => {
    const a = analysis(build('chat-targets').report, 'multi-gpu');
    const rows = table(a, 'multi-gpu').rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(String(r.layout)).toMatch(/^\d+ × TP \d+$/);
    expect(a.intro).toContain('chat (Llama 3.1 70B)');
  });

  it('charts efficiency (and per-GPU throughput) per candidate, with gaps where a count does not fit', () => {
    const { report, results } = build('deadline-missed');
    const a = analysis(report, 'multi-gpu');
    const [eff] = a.blocks.filter((b): b is ChartBlock => b.kind === 'chart');
    expect(eff!.categories).toEqual(['1', '2', '4', '8', '16', '32', '64']);
    expect(eff!.series.map((s) => s.name)).toEqual(results.candidates.map((c) => c.candidate.gpu.name));
    // Llama 3.1 70B full training does not fit on one 80 GB GPU.
    for (const s of eff!.series) expect(Number.isNaN(s.values[0]!)).toBe(true);
  });

  it("names each candidate's GPU-to-GPU link from the catalog (NVLink vs PCIe only)", () => {
    const text = notes(analysis(build('mixed-budget-eur').report, 'multi-gpu'))
      .map((n) => n.text)
      .join('\n');
    expect(text).toContain('NVIDIA H100 SXM5 80GB: NVLink 4 (18 links), 900 GB/s bidirectional');
    expect(text).toContain('NVIDIA L40S: no GPU-to-GPU link, PCIe only (PCIe Gen4 x16)');
    expect(text).toContain('AMD Instinct MI300X: AMD Infinity Fabric');
  });
});
