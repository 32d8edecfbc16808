import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COVERED_KEYS } from '../../src/calc/calibration-coverage.ts';
import { ERROR_BANDS, bandFor, errorBand } from '../../src/calc/error-bands.ts';
import { fitParams, PRIOR_PARAMS } from '../../src/calibration/fit.ts';
import { parseCsv } from '../../src/calibration/csv.ts';
import { mapGpu, mapModel } from '../../src/calibration/mapping.ts';
import { loadExpressions, runCalibration } from '../../src/calibration/run.ts';

const run = runCalibration();
const summary = Object.fromEntries(run.summary.map((s) => [s.kind, s]));

describe('calibration against published measurements (same code as npm run calibrate)', () => {
  it.each([
    ['trainingThroughput', 0.15],
    ['memory', 0.15],
    ['inferenceThroughput', 0.25],
    ['latency', 0.25],
  ] as const)('%s median absolute error <= %d', (kind, target) => {
    const s = summary[kind]!;
    expect(s.rows).toBeGreaterThanOrEqual(5);
    expect(s.medianAbsError).toBeLessThanOrEqual(target);
  });
  it('every row of the CSV is either expressed or skipped with a reason', () => {
    // Data lines of the file, counted without the CSV parser (a row id starts each one).
    const lines = readFileSync(new URL('../../src/calibration/calibration.csv', import.meta.url), 'utf8').match(/^[A-Z]{2}-\d+,/gm)!;
    expect(lines.length).toBeGreaterThan(200);
    expect(run.results.length + run.skipped.length).toBe(lines.length);
    for (const s of run.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
  it('no expressed row produces a zero or non-finite estimate', () => {
    for (const r of run.results) {
      expect(Number.isFinite(r.estimated), r.id).toBe(true);
      expect(r.estimated, r.id).toBeGreaterThan(0);
    }
  });
  it('the coverage keys the estimators read are those of the fitted rows (npm run calibrate -- --write)', () => {
    const { expressed } = loadExpressions();
    const keys = [...new Set(expressed.filter((e) => !e.heldBack).flatMap((e) => e.coverage))].sort();
    expect([...COVERED_KEYS]).toEqual(keys);
  });
  it('held-back rows never reach the fit', () => {
    const { expressed } = loadExpressions();
    expect(expressed.filter((e) => e.heldBack).length).toBeGreaterThanOrEqual(10);
    expect(() => fitParams(expressed, PRIOR_PARAMS, 1)).toThrow(/held-back/);
  });
  it('an estimate outside coverage gets the wider band', () => {
    for (const kind of ['trainingThroughput', 'inferenceThroughput', 'latency'] as const) {
      const inside = errorBand(kind);
      const outside = bandFor(kind, true);
      expect(outside.lowFactor).toBeLessThanOrEqual(inside.lowFactor);
      expect(outside.highFactor).toBeGreaterThanOrEqual(inside.highFactor);
    }
  });
  it('bands bracket 1', () => {
    for (const b of Object.values(ERROR_BANDS)) {
      expect(b.lowFactor).toBeLessThanOrEqual(1);
      expect(b.highFactor).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('row mapping', () => {
  it.each([
    ['H100-SXM-80GB', 'h100-sxm5-80gb'],
    ['H100 (doc: H100-HBM3-80GB)', 'h100-sxm5-80gb'],
    ['A100 (variant not stated)', 'a100-sxm4-80gb'],
    ['A100-40GB', 'a100-sxm4-40gb'],
    ["H200 (doc: '131GB HBM3')", 'h200-sxm-141gb'],
    ['L40S', 'l40s'],
    ['B200-180GB', 'b200-sxm'],
    ['GB200', 'gb200-per-gpu'],
  ])('gpu %s -> %s', (name, id) => expect(mapGpu(name)).toBe(id));
  it.each([
    ['MPT-70b', 'mpt-70b'],
    ['LLaMA 7B (Llama 2 arch)', 'llama-2-7b'],
    ['Meta-Llama-3.1-70B-Instruct-FP8', 'llama-3.1-70b'],
    ['Hermes-3-Llama-3.1-405B-FP8', 'llama-3.1-405b'],
    ['Llama 3.3 70B', 'llama-3.3-70b'],
    ['LLAMA3_8B', 'llama-3.1-8b'],
    ['LLAMA3_70B', 'llama-3.1-70b'],
    ['Llama 3 70B', 'llama-3.1-70b'],
    ['LLAMA2-13B', 'llama-2-13b'],
    ['Llama 2 70B', 'llama-2-70b'],
    ['Llama 3 8B', 'llama-3.1-8b'],
    ['LLAMA3.1_405B', 'llama-3.1-405b'],
  ])('model %s -> %s', (name, id) => expect(mapModel(name)).toBe(id));
  it('parses quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });
});
