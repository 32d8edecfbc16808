import { describe, expect, it } from 'vitest';
import { estimateTraining } from '../../src/calc/training.ts';
import type { Results } from '../../src/plan/results.ts';
import { trainingInput } from '../../src/plan/estimator-inputs.ts';
import { fewestFitting, TRAINING_METHODS } from '../../src/plan/training-plan.ts';
import type { TrainingWorkloadResult } from '../../src/plan/workloads.ts';
import { analysis, build, en, notes, num, table } from './helpers.ts';

/** The first workload's tree, a training one. */
function trainingTree(results: Results): TrainingWorkloadResult {
  const tree = results.workloads[0]!;
  if (tree.kind !== 'training') throw new Error('a training workload');
  return tree;
}

describe('training-plan', () => {
  it('sized run per candidate: rent = GPU-hours × rate, GPU-hours = days × 24 × GPUs, MFU in (0, 1), days low ≤ base ≤ high', () => {
    const { report, scenario } = build('deadline-missed');
    const rows = table(analysis(report, 'training-plan'), 'training-plan-0').rows;
    expect(rows.map((r) => r.gpu)).toEqual(scenario.candidates.map((c) => c.gpu.name));
    rows.forEach((row, k) => {
      const rate = scenario.candidates[k]!.rentalPerGpuHour!.base;
      expect(Math.abs(num(row.rent) / (num(row.gpuHours) * rate) - 1)).toBeLessThan(1e-3);
      expect(Math.abs(num(row.gpuHours) / (num(row.days) * 24 * num(row.gpus)) - 1)).toBeLessThan(1e-3);
      expect(num(row.dp) * num(row.tp) * num(row.pp)).toBe(row.gpus);
      expect(num(row.mfu)).toBeGreaterThan(0);
      expect(num(row.mfu)).toBeLessThan(1);
      expect(num(row.daysLow)).toBeLessThan(num(row.days));
      expect(num(row.daysHigh)).toBeGreaterThan(num(row.days));
    });
  });

  it('long sequences: a context-parallel column and note where a run splits its sequences; none at 4,096 tokens', () => {
    const long = analysis(build('long-context').report, 'training-plan');
    const table0 = table(long, 'training-plan-0');
    expect(table0.columns.map((c) => c.key)).toContain('cp');
    for (const row of table0.rows) {
      expect(num(row.dp) * num(row.tp) * num(row.pp) * num(row.cp)).toBe(row.gpus);
      expect(65536 % (2 * num(row.cp))).toBe(0);
    }
    expect(table0.rows.some((row) => num(row.cp) > 1)).toBe(true);
    expect(notes(long).some((n) => n.text.includes('Context parallel (CP) splits each 65,536-token sequence'))).toBe(true);
    const zh = analysis(build('long-context', 'zh-CN').report, 'training-plan');
    expect(notes(zh).some((n) => n.text.includes('上下文并行（CP）把每条 65,536 个 token 的序列'))).toBe(true);
    const short = analysis(build('deadline-missed').report, 'training-plan');
    expect(table(short, 'training-plan-0').columns.map((c) => c.key)).not.toContain('cp');
    expect(notes(short).some((n) => n.text.includes('Context parallel'))).toBe(false);
  });

  it('a missed deadline suggests a GPU count that, fed back to estimateTraining, meets it', () => {
    const { report, results } = build('deadline-missed');
    const tree = trainingTree(results);
    const w = tree.workload;
    const rows = table(analysis(report, 'training-plan'), 'training-plan-0').rows;
    const warnings = notes(analysis(report, 'training-plan')).filter((n) => n.tone === 'warning');
    let checked = 0;
    tree.perCandidate.forEach((c, k) => {
      if (rows[k]!.deadlineMet !== false) return;
      const s = c.suggestions.find((x) => x.kind === 'deadline');
      expect(s, c.candidate.gpu.id).toBeDefined();
      if (s?.kind !== 'deadline' || !s.found) throw new Error(`${c.candidate.gpu.id}: no count found`);
      const again = estimateTraining(trainingInput(c.candidate.gpu, w, s.found.gpus));
      expect(again.fits).toBe(true);
      if (!again.fits) return;
      // The fixture sizes at the pessimistic end of the band (sizingConfidence default).
      expect(again.days.high).toBeLessThanOrEqual(10);
      // Fewest in whole servers: one server less misses the deadline (or does not fit).
      const less = estimateTraining(trainingInput(c.candidate.gpu, w, s.found.gpus - 8));
      expect(!less.fits || less.days.high > 10).toBe(true);
      const note = warnings.find((n) => n.text.includes(c.candidate.gpu.name) && n.text.includes('deadline'));
      expect(note?.text).toContain(`${en(s.found.gpus)} GPUs finish in ${en(again.days.value, 2)} days`);
      expect(note?.text).toContain(`limit of ${c.candidate.maxGpus} GPUs`);
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('full / LoRA / QLoRA per candidate: three rows each, fewer GPUs for lighter methods, counts that fit', () => {
    const { report, scenario, results } = build('deadline-missed');
    const w = trainingTree(results).workload;
    const rows = table(analysis(report, 'training-plan'), 'training-methods-0').rows;
    expect(rows).toHaveLength(3 * scenario.candidates.length);
    scenario.candidates.forEach((c, k) => {
      const [full, lora, qlora] = rows.slice(3 * k, 3 * k + 3);
      expect([full!.method, lora!.method, qlora!.method]).toEqual(['full', 'LoRA', 'QLoRA']);
      expect(num(qlora!.gpus)).toBeLessThanOrEqual(num(lora!.gpus));
      if (full!.gpus !== null) expect(num(lora!.gpus)).toBeLessThanOrEqual(num(full!.gpus));
      TRAINING_METHODS.forEach((method, m) => {
        const row = rows[3 * k + m]!;
        if (row.gpus === null) return;
        const e = estimateTraining(trainingInput(c.gpu, w, num(row.gpus), { method }));
        expect(e.fits, `${c.gpu.id} ${method}`).toBe(true);
      });
    });
  });

  it('a run that does not fit names the methods and GPUs that would, with counts that fit', () => {
    const { report, results } = build('training-no-fit');
    const tree = trainingTree(results);
    const w = tree.workload;
    const warnings = notes(analysis(report, 'training-plan')).filter((n) => n.tone === 'warning');
    const rtx = tree.perCandidate[0]!;
    expect(rtx.sizing.gpus).toBeNull();
    // The methods the suggestion draws on: the fewest GPUs that fit, up to the limit of 8.
    expect(rtx.methods.map((m) => m.fit?.gpus ?? null)).toEqual(
      TRAINING_METHODS.map((m) => fewestFitting(rtx.candidate.gpu, w, 8, { method: m })?.gpus ?? null),
    );
    const s = rtx.suggestions[0];
    if (s?.kind !== 'noFit') throw new Error('expected a no-fit suggestion');
    expect(s.methods.map((m) => m.method)).toEqual(['lora', 'qlora']);
    for (const m of s.methods)
      expect(estimateTraining(trainingInput(rtx.candidate.gpu, w, m.fit.gpus, { method: m.method })).fits).toBe(true);
    expect(s.others.map((o) => o.gpu.id)).toEqual(['h200-sxm-141gb']);
    expect(s.beyond).not.toBeNull();
    expect(estimateTraining(trainingInput(rtx.candidate.gpu, w, s.beyond!.gpus)).fits).toBe(true);
    const note = warnings.find((n) => n.text.startsWith(rtx.candidate.gpu.name))!;
    expect(note.text).toContain(`QLoRA on ${s.methods[1]!.fit.gpus} GPUs`);
    expect(note.text).toContain(`NVIDIA H200 SXM 141GB on ${s.others[0]!.fit.gpus} GPUs`);
  });

  it('suggests FP8 only on GPUs with FP8 tensor cores, and a larger GPU only when full recomputation is used', () => {
    const tree = trainingTree(build('deadline-missed').results);
    const kinds = tree.perCandidate.map((c) => c.suggestions.map((s) => s.kind));
    expect(kinds[0]).toContain('fp8'); // H100
    expect(kinds[1]).not.toContain('fp8'); // A100: no FP8
    tree.perCandidate.forEach((c, k) => {
      const z = c.sizing;
      const full = z.estimate?.fits === true && z.estimate.plan.recompute === 'full';
      if (!full) expect(kinds[k]).not.toContain('recompute');
    });
    for (const c of tree.perCandidate) {
      for (const s of c.suggestions) {
        if (s.kind !== 'recompute') continue;
        expect(s.gpu.memoryGB).toBeGreaterThan(c.candidate.gpu.memoryGB);
        expect(s.alternative.estimate.plan.recompute).not.toBe('full');
        expect(s.speedUp).toBeGreaterThan(1);
      }
    }
  });
});
