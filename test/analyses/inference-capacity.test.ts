import { describe, expect, it } from 'vitest';
import { ERROR_BANDS } from '../../src/calc/error-bands.ts';
import { estimateInference } from '../../src/calc/inference.ts';
import { getGpu, getModel } from '../../src/catalog/index.ts';
import type { ChartBlock } from '../../src/report/model.ts';
import type { ResolvedInference } from '../../src/scenario/resolve.ts';
import { inferenceInput } from '../../src/plan/estimator-inputs.ts';
import { estimateServed, gpusToMeetTargets } from '../../src/plan/inference-capacity.ts';
import { analysis, build, en, notes, num, tables } from './helpers.ts';

describe('inference-capacity', () => {
  it('has one table per inference workload with one row per candidate', () => {
    const { report, scenario } = build('chat-targets');
    const a = analysis(report, 'inference-capacity');
    expect(tables(a).map((t) => t.id)).toEqual(['inference-capacity-0', 'inference-capacity-1']);
    for (const t of tables(a)) expect(t.rows.map((r) => r.gpu)).toEqual(scenario.candidates.map((c) => c.gpu.name));
  });

  it('rent per 1M output tokens = rate × GPUs / (3600 × system tokens/s) × 1e6, from the same row and the candidate rate', () => {
    let checked = 0;
    for (const fixture of ['chat-targets', 'throughput-short'] as const) {
      const { report, scenario } = build(fixture);
      for (const t of tables(analysis(report, 'inference-capacity'))) {
        t.rows.forEach((row, k) => {
          const rate = scenario.candidates[k]!.rentalPerGpuHour!.base;
          expect(row.rate).toBeCloseTo(rate, 3);
          if (row.costPerMillion === null) return;
          const expected = ((rate * num(row.gpus)) / (3600 * num(row.system))) * 1e6;
          expect(Math.abs(num(row.costPerMillion) / expected - 1), `${fixture} ${String(row.gpu)}`).toBeLessThan(1e-3);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    // The scenario's rental override (L40S at 0.95/GPU-hour) is the one used.
    const l40s = tables(analysis(build('chat-targets').report, 'inference-capacity'))[0]!.rows[1]!;
    expect(l40s.rate).toBe(0.95);
  });

  it('a percentile target shows that percentile of TTFT and TPOT beside the base estimate', () => {
    const { report, results } = build('chat-percentile');
    const table = tables(analysis(report, 'inference-capacity'))[0]!;
    expect(table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['TTFT p90', 'TPOT p90']));
    const w = results.workloads[0]!;
    if (w.kind !== 'inference') throw new Error('expected inference');
    const served = w.perCandidate[0]!.served!;
    expect(num(table.rows[0]!.ttftPct)).toBeCloseTo(served.estimate.ttftMsPercentiles.p90, 0);
    expect(num(table.rows[0]!.ttftPct)).toBeGreaterThanOrEqual(num(table.rows[0]!.ttft));
    // Without a percentile target the table has no percentile columns.
    const plain = tables(analysis(build('chat-targets').report, 'inference-capacity'))[0]!;
    expect(plain.columns.some((c) => c.key === 'ttftPct')).toBe(false);
  });

  it('bands: low ≤ base ≤ high, per GPU = system ÷ GPUs', () => {
    for (const row of tables(analysis(build('chat-targets').report, 'inference-capacity')).flatMap((t) => t.rows)) {
      if (row.system === null) continue;
      expect(num(row.systemLow)).toBeLessThan(num(row.system));
      expect(num(row.systemHigh)).toBeGreaterThan(num(row.system));
      expect(Math.abs((num(row.perGpu) * num(row.gpus)) / num(row.system) - 1)).toBeLessThan(2e-3);
    }
  });

  it('sums throughput over replicas by the requests each holds (1 request on 8 replicas = one busy replica)', () => {
    const gpu = getGpu('h100-sxm5-80gb')!;
    const w: ResolvedInference = {
      kind: 'inference',
      name: 'x',
      model: getModel('llama-2-7b')!,
      precision: 'fp16',
      kvPrecision: 'fp16',
      sizingConfidence: 'base',
      engine: 'vllm',
      inputTokens: 1000,
      outputTokens: 500,
      concurrency: 1,
      targets: {},
    };
    const served = estimateServed(inferenceInput(gpu, w, 8, 1, 1), w)!;
    const one = estimateInference({ ...inferenceInput(gpu, w, 1, 1, 1) });
    expect(one.fits).toBe(true);
    if (!one.fits) return;
    expect(served.estimate.replicas).toBe(8);
    expect(served.system.value).toBeCloseTo(one.outputTokensPerSecond.value, 6);
    // 9 requests on 8 replicas: one replica holds 2, seven hold 1.
    const nine = estimateServed(inferenceInput(gpu, w, 8, 1, 9), w)!;
    const two = estimateInference(inferenceInput(gpu, w, 1, 1, 2));
    if (!two.fits) throw new Error('two requests fit one H100');
    expect(nine.system.value).toBeCloseTo(two.outputTokensPerSecond.value + 7 * one.outputTokensPerSecond.value, 6);
  });

  it('names the usage profile with its own bounds and the targets applied', () => {
    const text = notes(analysis(build('chat-targets').report, 'inference-capacity'))
      .map((n) => n.text)
      .join('\n');
    expect(text).toContain('real-time chat usage profile (MLPerf Inference LLM interactive scenario: TTFT ≤ 450 ms; TPOT ≤ 40 ms');
    expect(text).toContain('Targets applied: TTFT ≤ 450 ms; TPOT ≤ 40 ms; system output ≥ 1,200 tokens/s');
    expect(text).toContain('small has no latency or throughput target');
    // The covered bands the calibration generated (src/calc/calibration-coverage.ts), two decimals.
    const { latency: l, inferenceThroughput: t } = ERROR_BANDS;
    const x = (v: number) => `×${v.toFixed(2)}`;
    expect(text).toContain(`latency ${x(l.lowFactor)} to ${x(l.highFactor)} `);
    expect(text).toContain(`throughput ${x(t.lowFactor)} to ${x(t.highFactor)} `);
  });

  it('warns when a candidate misses a target at its limit, by how much and what it would take', () => {
    const { report, scenario, results } = build('throughput-short');
    const a = analysis(report, 'inference-capacity');
    const rows = tables(a)[0]!.rows;
    const warnings = notes(a).filter((n) => n.tone === 'warning');
    const tree = results.workloads[0]!;
    if (tree.kind !== 'inference') throw new Error('an inference workload');
    const w = tree.workload;
    rows.forEach((row, k) => {
      const c = scenario.candidates[k]!;
      expect(row.throughputMet).toBe(false);
      const note = warnings.find((n) => n.text.startsWith(c.gpu.name));
      expect(note, c.gpu.id).toBeDefined();
      const pct = (1 - num(row.system) / 20000) * 100;
      expect(note!.text).toContain(`${en(pct, 1)}% short of the 20,000 tokens/s target`);
      // The result the note lays out is the search itself, run again here.
      const need = gpusToMeetTargets(c.gpu, w);
      expect(tree.perCandidate[k]!.toMeetTargets?.found?.gpus ?? null).toBe(need?.gpus ?? null);
      if (need) {
        expect(need.gpus).toBeGreaterThan(c.maxGpus);
        // Checked again from scratch at the layout the note names.
        const again = estimateServed(inferenceInput(c.gpu, w, need.gpus, need.estimate.tensorParallel), w)!;
        expect(again.system.value).toBeGreaterThanOrEqual(20000);
        expect(note!.text).toContain(
          `Meeting every target takes ${en(need.gpus)} GPUs (${en(need.estimate.replicas)} × TP ${need.estimate.tensorParallel})`,
        );
      } else {
        expect(note!.text).toContain('No layout of up to 1,024 GPUs meets every target. With 256 requests in flight');
      }
    });
    // H100 reaches the target beyond its limit; 256 requests in flight cap the RTX 4090 below it.
    expect(gpusToMeetTargets(scenario.candidates[1]!.gpu, w)).not.toBeNull();
    expect(gpusToMeetTargets(scenario.candidates[0]!.gpu, w)).toBeNull();
  });

  it('charts output tokens/s vs concurrency up to the most requests that fit', () => {
    const a = analysis(build('chat-targets').report, 'inference-capacity');
    const charts = a.blocks.filter((b): b is ChartBlock => b.kind === 'chart');
    expect(charts).toHaveLength(2);
    const rows = tables(a)[0]!.rows;
    for (const s of charts[0]!.series) {
      const row = rows.find((r) => r.gpu === s.name)!;
      const last = s.values.findLastIndex((v) => Number.isFinite(v));
      expect(2 ** last).toBeLessThanOrEqual(num(row.maxConcurrency));
      expect(2 ** (last + 1)).toBeGreaterThan(num(row.maxConcurrency));
      // Never falls with more requests; flat once the prompts' prefill sets the pace (calc/inference.ts chunkedSteps).
      for (let k = 1; k <= last; k++) expect(s.values[k]!).toBeGreaterThanOrEqual(s.values[k - 1]!);
      expect(s.values[last]!).toBeGreaterThan(s.values[0]!);
    }
  });
});
