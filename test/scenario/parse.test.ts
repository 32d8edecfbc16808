import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/parse.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { resolveScenario } from '../../src/scenario/resolve.ts';
import { estimateTraining } from '../../src/calc/training.ts';
import { trainingInput } from '../../src/plan/estimator-inputs.ts';

const lines = (text: string) => {
  const r = parseScenario(text, 's.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.diagnostics.map(formatDiagnostic);
};

const valid = `version: 1
name: ok
workloads:
  - { name: chat, kind: inference, model: llama-3.1-8b, inputTokens: 100, outputTokens: 50 }
candidates: [h100-sxm5-80gb]
`;

describe('parseScenario', () => {
  it('accepts the example scenario and every scenario in scenarios/', () => {
    for (const file of ['templates/example-scenario.yaml', 'scenarios/gpu-comparison.yaml', 'scenarios/qlora-finetune-cny.yaml']) {
      const r = parseScenario(readFileSync(file, 'utf8'), file);
      expect(r.ok, file).toBe(true);
    }
  });

  it('points each problem at its line and column with the field path', () => {
    const text = valid.replace('outputTokens: 50', 'outputTokens: -5').replace('[h100-sxm5-80gb]', '[h100]');
    expect(lines(text)).toEqual([
      's.yaml:4:89: workloads[0].outputTokens: must be between 1 and 100000000 (got -5)',
      's.yaml:5:14: candidates[0]: unknown GPU "h100": did you mean "h100-sxm5-80gb"? (list: gpu-report catalog gpus)',
    ]);
  });

  it('reports a misspelt key at the key with the nearest valid one', () => {
    const text = `${valid}economics:\n  pue: 1.2\n  utilisation: 0.5\n`;
    const [line] = lines(text);
    expect(line).toMatch(/^s\.yaml:8:3: economics\.utilisation: unknown field; did you mean "utilization"\?/);
  });

  it('suggests the nearest model id', () => {
    expect(lines(valid.replace('llama-3.1-8b', 'llama-3-8b'))[0]).toContain('did you mean "llama-3.1-8b"?');
  });

  it('rejects NaN and infinity and a missing required field', () => {
    const text = valid.replace('inputTokens: 100', 'inputTokens: .nan').replace('outputTokens: 50', 'concurrency: .inf');
    const out = lines(text);
    expect(out.some((l) => l.includes('workloads[0].inputTokens: must be a finite number (got NaN)'))).toBe(true);
    expect(out.some((l) => l.includes('workloads[0].concurrency: must be a finite number (got Infinity)'))).toBe(true);
    expect(out.some((l) => l.includes('workloads[0].outputTokens: required'))).toBe(true);
  });

  it('needs an exchange rate for a non-USD currency', () => {
    expect(lines(`${valid}economics: { currency: EUR }\n`)[0]).toContain('economics.currency: "EUR" needs economics.usdExchangeRate');
  });

  it('checks a candidate node: idle power no more than load, node price in range and low ≤ high', () => {
    const node = (fields: string) => valid.replace('[h100-sxm5-80gb]', `[{ gpu: h100-sxm5-80gb, ${fields} }]`);
    expect(lines(node('nodePowerKw: 8, nodeIdlePowerKw: 9'))).toEqual([
      's.yaml:5:70: candidates[0].nodeIdlePowerKw: must not exceed nodePowerKw (8 kW): a node draws less idle than at load',
    ]);
    expect(lines(node('nodePrice: 10'))[0]).toContain('candidates[0].nodePrice: ');
    expect(lines(node('nodePrice: { low: 400000, high: 300000 }'))[0]).toContain(
      'candidates[0].nodePrice.low: must not exceed high (300000)',
    );
    expect(parseScenario(node('nodePrice: 310000, nodePowerKw: 8.5, nodeIdlePowerKw: 2'), 's.yaml').ok).toBe(true);
  });

  it('points a context-parallel degree whose 2 x CP chunks do not divide seqLen at its line and column', () => {
    const training = (cp: number) =>
      valid.replace(
        '{ name: chat, kind: inference, model: llama-3.1-8b, inputTokens: 100, outputTokens: 50 }',
        `{ name: long, kind: training, model: llama-3.1-8b, seqLen: 12008, tokens: 1.0e9, contextParallel: ${cp} }`,
      );
    expect(lines(training(16))).toEqual([
      's.yaml:4:103: workloads[0].contextParallel: context parallelism 16 splits each sequence into 32 equal chunks: seqLen (12008) must be divisible by 32',
    ]);
    expect(lines(training(0))[0]).toMatch(/^s\.yaml:4:103: workloads\[0\]\.contextParallel: /);
    expect(parseScenario(training(4), 's.yaml').ok).toBe(true);
  });

  it('points a YAML syntax error at its line and column', () => {
    expect(lines('version: 1\nname: x\ncandidates: [l40s]]\n')[0]).toMatch(/^s\.yaml:3:19: invalid YAML: /);
  });

  it('refuses an alias bomb quickly', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const started = performance.now();
    expect(lines(bomb)[0]).toMatch(/^s\.yaml:1:1: refused: .*alias/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('resolveScenario', () => {
  it('takes lengths as { mean, p90 } or a dataset profile, and refuses a p90 below the mean', () => {
    const text = valid.replace('inputTokens: 100, outputTokens: 50', 'inputTokens: { mean: 400, p90: 900 }, outputTokens: sharegpt');
    const r = parseScenario(text, 's.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const w = resolveScenario(r.scenario).workloads[0]!;
    if (w.kind !== 'inference') throw new Error('expected inference');
    expect([w.inputTokens, w.inputTokensP90, w.outputTokens, w.outputTokensP90]).toEqual([400, 900, 338, 738]);
    const bad = lines(valid.replace('inputTokens: 100', 'inputTokens: { mean: 400, p90: 300 }'));
    expect(bad.some((l) => l.includes('workloads[0].inputTokens.p90'))).toBe(true);
  });

  it("a training workload's contextParallel reaches the estimate's plan", () => {
    const text = valid.replace(
      '{ name: chat, kind: inference, model: llama-3.1-8b, inputTokens: 100, outputTokens: 50 }',
      '{ name: long, kind: training, model: llama-3.1-8b, seqLen: 32768, tokens: 1.0e9, contextParallel: 4 }',
    );
    const r = parseScenario(text, 's.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const s = resolveScenario(r.scenario);
    const w = s.workloads[0]!;
    if (w.kind !== 'training') throw new Error('expected training');
    expect(w.contextParallel).toBe(4);
    const e = estimateTraining(trainingInput(s.candidates[0]!.gpu, w, 16));
    expect(e.plan?.contextParallel).toBe(4);
  });

  it('fills profile targets and converts catalog prices to the scenario currency', () => {
    const text =
      valid.replace('outputTokens: 50 }', 'outputTokens: 50, profile: real-time-chat }') +
      'economics: { currency: EUR, usdExchangeRate: 0.5 }\n';
    const r = parseScenario(text, 's.yaml');
    if (!r.ok) throw new Error('invalid');
    const s = resolveScenario(r.scenario);
    const w = s.workloads[0]!;
    expect(w.kind === 'inference' && w.targets).toEqual({ ttftMs: 450, tpotMs: 40 });
    expect(w.kind === 'inference' && w.concurrency).toBe(32);
    // H100 SXM catalog range 25,000–40,000 USD at 0.5 EUR/USD.
    expect(s.candidates[0]!.purchasePrice).toEqual({ low: 12500, base: 16250, high: 20000, from: 'catalog' });
    expect(s.economics.fromScenario.has('pue')).toBe(false);
  });
});
