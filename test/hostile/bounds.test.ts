/**
 * Numbers out of all sense, by class: every count, size, token figure, target and money field has
 * an accepted range (src/scenario/bounds.ts, src/economics/parameters.ts), refused with the
 * field's position and the range; money ranges are USD converted at the scenario's rate. A
 * resource bomb (a 10^8-month horizon) beside good files is refused alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { EXIT, describeRun, diagnosticsFor, fixture, listFiles, makeTempDir, removeTempDirs, runCli, writeFile } from '../e2e/helpers.ts';

afterAll(removeTempDirs);

const BASE = {
  workload: 'name: chat, kind: inference, model: llama-3.1-8b, inputTokens: 512, outputTokens: 128',
  arch: 'name: m, paramsB: 7, layers: 32, hiddenSize: 4096, attentionHeads: 32, ffnSize: 11008, vocabSize: 32000',
  training: 'name: ft, kind: training, model: llama-3.1-8b, seqLen: 2048, tokens: 1.0e+9',
};

/** `base` with `field` set to `value` (replaced where base has it, else added). */
const set = (base: string, field: string, value: string) =>
  new RegExp(`\\b${field}: `).test(base)
    ? base.replace(new RegExp(`\\b${field}: [^,]+`), `${field}: ${value}`)
    : `${base}, ${field}: ${value}`;

/** A scenario with one field changed; `where` picks the block the field lives in. */
function scenario(where: 'inference' | 'arch' | 'training' | 'candidate' | 'economics', field: string, value: string, extra = ''): string {
  const w =
    where === 'inference'
      ? `{ ${set(BASE.workload, field, value)} }`
      : where === 'arch'
        ? `{ name: chat, kind: inference, architecture: { ${set(BASE.arch, field, value)} }, inputTokens: 512, outputTokens: 128 }`
        : where === 'training'
          ? `{ ${set(BASE.training, field, value)} }`
          : `{ ${BASE.workload} }`;
  const c = where === 'candidate' ? `{ gpu: l40s, ${field}: ${value} }` : 'l40s';
  const e =
    where === 'economics' ? `economics: { ${extra}${field}: ${value} }\n` : extra ? `economics: { ${extra.replace(/, $/, '')} }\n` : '';
  return `version: 1\nname: t\nworkloads:\n  - ${w}\ncandidates: [${c}]\n${e}`;
}

const problems = (text: string) => {
  const r = parseScenario(text, 't.yaml');
  return r.ok ? [] : r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path}: ${d.message}`);
};

describe('every number has an accepted range, stated when refused', () => {
  it.each([
    ['inference', 'inputTokens', '1.0e+12', 'workloads[0].inputTokens', /between 1 and 100000000 \(got 1000000000000\)/],
    ['inference', 'outputTokens', '1.0e+300', 'workloads[0].outputTokens', /between 1 and 100000000/],
    ['inference', 'concurrency', '1.0e+9', 'workloads[0].concurrency', /between 1 and 1000000/],
    ['arch', 'paramsB', '1.0e+308', 'workloads[0].architecture.paramsB', /> 0 and <= 100000/],
    ['arch', 'layers', '1.0e+7', 'workloads[0].architecture.layers', /between 1 and 10000/],
    ['arch', 'vocabSize', '1.0e+12', 'workloads[0].architecture.vocabSize', /between 1 and 100000000/],
    ['training', 'tokens', '1.0e+300', 'workloads[0].tokens', /> 0 and <= 10000000000000000/],
    ['training', 'deadlineDays', '1.0e+9', 'workloads[0].deadlineDays', /> 0 and <= 3650/],
    ['training', 'loraRank', '1.0e+9', 'workloads[0].loraRank', /between 1 and 65536/],
    ['candidate', 'maxGpus', '1.0e+12', 'candidates[0].maxGpus', /between 1 and 1000000/],
    ['economics', 'horizonMonths', '100000000', 'economics.horizonMonths', /between 1 and 240 \(got 100000000\)/],
    ['economics', 'depreciationYears', '1.0e-300', 'economics.depreciationYears', /between 0.5 and 20/],
    ['economics', 'usdExchangeRate', '1.0e+300', 'economics.usdExchangeRate', /between 0.001 and 1000000/],
  ] as const)('%s %s: %s is refused at its position with the range', (where, field, value, at, message) => {
    const found = problems(scenario(where, field, value));
    const line = found.find((p) => p.includes(` ${at}: `));
    expect(line, found.join('\n')).toMatch(message);
    expect(line).toMatch(/^\d+:\d+: /);
  });

  // Money: tiny, huge and denormal amounts in every money field, in USD and in a converted currency.
  it.each([
    ['candidate', 'rentalPerGpuHour', ['1.0e-300', '1.0e-308', '5.0e-324', '1.0e+300', '0.001'], 'between 0.01 and 1000 USD'],
    ['candidate', 'purchasePrice', ['1.0e-300', '1', '1.0e+300'], 'between 100 and 10000000 USD'],
    ['economics', 'electricityPricePerKwh', ['1.0e-300', '1.0e+308', '100'], 'between 0.001 and 10 USD'],
    ['economics', 'hostingPerKwMonth', ['1.0e+300', '1.0e+6'], 'between 0 and 10000 USD'],
    ['economics', 'budget', ['1.0e-300', '1.0e+300'], 'between 1 and 1000000000000 USD'],
  ] as const)('%s %s: absurd amounts are refused with the USD range', (where, field, values, range) => {
    for (const value of values) {
      const found = problems(scenario(where, field, value));
      expect(
        found.filter((p) => p.includes(`${field}: `)),
        `${field}: ${value}\n${found.join('\n')}`,
      ).toEqual([expect.stringContaining(`must be ${range}`)]);
    }
  });

  it('converts money ranges at the scenario rate and says so', () => {
    const cny = 'currency: CNY, usdExchangeRate: 7.2, ';
    expect(problems(scenario('candidate', 'rentalPerGpuHour', '0.5', cny))).toEqual([]);
    const found = problems(scenario('candidate', 'rentalPerGpuHour', '0.01', cny));
    expect(found.join('\n')).toMatch(/must be between 0\.072 and 7200 CNY \(0\.01–1000 USD at usdExchangeRate 7\.2\) \(got 0\.01\)/);
  });

  it('accepts the ends of each range', () => {
    expect(problems(scenario('economics', 'horizonMonths', '240'))).toEqual([]);
    expect(problems(scenario('candidate', 'rentalPerGpuHour', '0.01'))).toEqual([]);
    expect(problems(scenario('economics', 'electricityPricePerKwh', '10'))).toEqual([]);
    expect(problems(scenario('inference', 'concurrency', '1000000'))).toEqual([]);
  });
});

describe('a resource bomb beside good files', () => {
  it('writes the good ones and refuses the bomb with file:line:col and the range', async () => {
    const dir = makeTempDir('bomb');
    const good = fs.readFileSync(fixture('good', 'minimal.yaml'), 'utf8');
    writeFile(path.join(dir, 'in', 'a.yaml'), good);
    writeFile(path.join(dir, 'in', 'c.yaml'), good.replace('Minimal chat service', 'Second'));
    const bomb = writeFile(path.join(dir, 'in', 'b.yaml'), `${good}economics:\n  horizonMonths: 100000000\n`);
    const out = path.join(dir, 'out');
    const r = await runCli(['run', path.join(dir, 'in'), '--out', out, '--format', 'json', '--timeout', '20']);
    expect(r.code, describeRun(r)).toBe(EXIT.invalidInput);
    expect(listFiles(out).filter((f) => !f.startsWith('index'))).toEqual(['a.json', 'c.json']);
    expect(diagnosticsFor(r.stderr, bomb).map((d) => `${d.line}:${d.col}: ${d.text}`)).toEqual([
      '13:18: economics.horizonMonths: must be between 1 and 240 (got 100000000)',
    ]);
  });
});
