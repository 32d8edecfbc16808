/**
 * The economic parameters are declared once (src/economics/parameters.ts). These check that
 * what is derived from the declarations says the same: the table in docs/scenario.md (unit,
 * accepted range, default, plausible range), the zod schema (its bounds), resolve (the defaults,
 * converted where in USD), and the Inputs and Assumptions rows (one per parameter, in order).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ECONOMIC_KEYS, SETTABLE_KEYS, defaultValue, parameter, type EconomicKey } from '../../src/economics/parameters.ts';
import { economicsSchema } from '../../src/scenario/schema.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { resolveScenario } from '../../src/scenario/resolve.ts';
import { calculateResults } from '../../src/plan/results.ts';
import { buildReport } from '../../src/analyses/build-report.ts';
import type { TableBlock } from '../../src/report/model.ts';

/** The unit as docs/scenario.md writes it: placeholders in words, ratio/share when unitless. */
const docUnit = (k: EconomicKey) => {
  const p = parameter(k);
  return (p.unit ?? (p.format === 'percent' ? 'share' : 'ratio'))
    .replace('{currency}', 'currency')
    .replace('{month}', 'month')
    .replace('{year}', 'years');
};
const docRange = (k: EconomicKey) => {
  const r = parameter(k).range;
  const bounds = [
    r.min === undefined ? '' : `${r.minExclusive ? '>' : '≥'} ${r.min}`,
    r.max === undefined ? '' : `${r.maxExclusive ? '<' : '≤'} ${r.max}`,
  ];
  return [...bounds.filter(Boolean), ...(r.integer ? ['whole'] : [])].join(', ') + (r.usd ? ' USD' : '');
};

describe('docs/scenario.md economics table', () => {
  const doc = readFileSync('docs/scenario.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Economics'), doc.indexOf('## Errors'));
  const rows = new Map(
    section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((line) => {
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        return [cells[0]!.replace(/`/g, ''), cells] as const;
      }),
  );

  it.each(SETTABLE_KEYS)('%s: unit, accepted range, default and plausible range as declared', (key) => {
    const p = parameter(key);
    const cells = rows.get(key);
    expect(cells, `a row for ${key}`).toBeTruthy();
    const [, unit, accepted, dflt, plausible] = cells!;
    expect(unit).toBe(docUnit(key));
    expect(accepted).toBe(docRange(key));
    expect(dflt).toBe(`${p.default}${p.perUsd ? ' USD' : ''}`);
    expect(plausible).toBe(p.plausible ? `${p.plausible.low}–${p.plausible.high}` : '');
  });

  it('documents no economic field that is not declared', () => {
    const undeclared = [...rows.keys()].filter(
      (k) =>
        !['currency', 'usdExchangeRate', 'budget', 'budgetBasis', 'rentalTerm'].includes(k) && !(SETTABLE_KEYS as string[]).includes(k),
    );
    expect(undeclared).toEqual([]);
  });
});

describe('derived from the declarations', () => {
  it('validation accepts each default and rejects values past each bound (USD bounds with the rate)', () => {
    for (const key of SETTABLE_KEYS) {
      const r = parameter(key).range;
      const parse = (v: number) =>
        r.usd ? parseScenario(yaml(`economics: { ${key}: ${v} }\n`), 't.yaml').ok : economicsSchema.safeParse({ [key]: v }).success;
      expect(parse(parameter(key).default === 0 && r.minExclusive ? 1 : parameter(key).default), `${key} default`).toBe(true);
      if (r.min !== undefined) expect(parse(r.minExclusive ? r.min : r.min - 0.01), `${key} below min`).toBe(false);
      if (r.max !== undefined) expect(parse(r.maxExclusive ? r.max : r.max + 0.01), `${key} above max`).toBe(false);
      if (r.integer) expect(parse(1.5), `${key} whole`).toBe(false);
    }
  });

  const yaml = (economics: string) =>
    `version: 1\nname: t\nworkloads: [{ name: w, kind: inference, model: llama-3.1-8b, inputTokens: 512, outputTokens: 128 }]\ncandidates: [l40s]\n${economics}`;
  const resolve = (text: string) => {
    const parsed = parseScenario(text, 't.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    return resolveScenario(parsed.scenario);
  };

  it('resolve applies every default, USD ones converted at the exchange rate', () => {
    const usd = resolve(yaml(''));
    const eur = resolve(yaml('economics: { currency: EUR, usdExchangeRate: 0.9 }\n'));
    for (const key of ECONOMIC_KEYS) {
      expect(usd.economics[key], key).toBe(parameter(key).default);
      expect(eur.economics[key], key).toBe(defaultValue(key, 0.9));
    }
    expect(eur.economics.electricityPricePerKwh).toBeCloseTo(0.072, 12);
    expect(resolve(yaml('economics: { pue: 1.2 }\n')).economics.pue).toBe(1.2);
  });

  it('the Inputs sheet and the Assumptions have one row per parameter, in declaration order', () => {
    const s = resolve(yaml('economics: { budget: 100000, pue: 1.2 }\n'));
    const report = buildReport(s, calculateResults(s), {
      file: 't.yaml',
      sha256: '0'.repeat(64),
      generatedAt: new Date(0),
      toolVersion: 'test',
      locale: 'en',
    });
    const table = (id: string) => report.analyses.find((a) => a.id === id)!.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(
      table('inputs')
        .rows.slice(0, ECONOMIC_KEYS.length)
        .map((r) => r.name),
    ).toEqual(ECONOMIC_KEYS);
    const assumptions = table('assumptions').rows.map((r) => r.label);
    const labels = ECONOMIC_KEYS.map((k) => table('inputs').rows.find((r) => r.name === k)!.label);
    expect(assumptions.filter((l) => labels.includes(l as string))).toEqual(labels);
    // Set by the scenario: the source says so; left at the default: the declared source and link.
    const row = (label: string) => table('assumptions').rows.find((r) => r.label === label)!;
    expect(row('Power usage effectiveness (PUE)')).toMatchObject({ value: 1.2, source: 'scenario file', url: '' });
    const electricity = parameter('electricityPricePerKwh').source as { text: string; url: string };
    expect(row('Electricity price')).toMatchObject({ value: 0.08, unit: 'USD/kWh', source: electricity.text, url: electricity.url });
  });
});
