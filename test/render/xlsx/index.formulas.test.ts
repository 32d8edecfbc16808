/**
 * The TCO formulas of calc/tco-formulas.ts, evaluated in TypeScript over the Inputs sheet's
 * values, give what calc/tco.ts computes: for every example scenario and the live-workbook
 * fixture, every candidate and every price level. (LibreOffice checks the same text in
 * live-workbook.test.ts; this one runs in milliseconds and covers every scenario.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parse.ts';
import { resolveScenario, type ResolvedScenario } from '../../../src/scenario/resolve.ts';
import { calculateResults } from '../../../src/plan/results.ts';
import { buildReport } from '../../../src/analyses/build-report.ts';
import { LEVELS, NAMED_RESULTS, tcoFormulas } from '../../../src/economics/tco.ts';
import { add, atMost, div, mul, num, ref, sub, when } from '../../../src/economics/expr.ts';
import { candidateKeys, candidateNames, inputEnv, inputValues } from '../../../src/economics/names.ts';
import { isValidName } from '../../../src/render/xlsx/cells.ts';
import type { KeyValueBlock, Report, TableBlock } from '../../../src/report/model.ts';
import { optionFormulas, workbookTco, writtenDrivers } from '../../../src/economics/options.ts';
import { mixedServers } from '../../../src/analyses/live-cells.ts';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const SCENARIOS = [
  ...fs
    .readdirSync(path.join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(ROOT, 'scenarios', f)),
  path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml'),
];

function load(file: string): ResolvedScenario {
  const parsed = parseScenario(fs.readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.diagnostics)}`);
  return resolveScenario(parsed.scenario);
}

const close = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));

describe('expression text', () => {
  it('parenthesises by precedence and keeps left-associative - and /', () => {
    expect(mul(add(ref('a'), ref('b')), ref('c')).text).toBe('(a+b)*c');
    expect(sub(ref('a'), sub(ref('b'), ref('c'))).text).toBe('a-(b-c)');
    expect(div(ref('a'), mul(ref('b'), num(12))).text).toBe('a/(b*12)');
    expect(add(mul(ref('a'), ref('b')), ref('c')).text).toBe('a*b+c');
    expect(when(ref('g'), '>', num(8), num(1), 'blank').text).toBe('IF(g>8,1,"")');
    expect(atMost(add(ref('a'), ref('b')), ref('c')).text).toBe('a+b<=c');
    expect(atMost(ref('a'), ref('b')).evaluate((n) => ({ a: 2, b: 2 })[n]!)).toBe(1);
    expect(num(1.5e-7).text).toBe('1.5E-7');
    expect(sub(ref('a'), sub(ref('b'), ref('c'))).evaluate((n) => ({ a: 10, b: 4, c: 1 })[n]!)).toBe(7);
  });

  it('candidate keys are valid, distinct workbook names even for a GPU listed twice', () => {
    const keys = candidateKeys([{ gpu: { id: 'h100-sxm5-80gb' } }, { gpu: { id: 'h100-sxm5-80gb' } }, { gpu: { id: 'l40s' } }] as never);
    expect(keys).toEqual(['h100_sxm5_80gb', 'h100_sxm5_80gb_2', 'l40s']);
    for (const k of keys)
      for (const name of (Object.values(candidateNames(k)) as (string | Record<string, string>)[]).flatMap((v) =>
        typeof v === 'string' ? [v] : Object.values(v),
      )) {
        expect(isValidName(name), name).toBe(true);
      }
  });
});

describe.each(SCENARIOS.map((f) => [path.basename(f), f]))('%s', (_name, file) => {
  const scenario = load(file);
  const results = calculateResults(scenario);
  const keys = candidateKeys(scenario.candidates);
  const entries = results.candidates.map((c) => ({
    names: candidateNames(keys[scenario.candidates.indexOf(c.candidate)]!),
    gpus: c.fleetGpus,
    ...c.node.inputs,
    tco: c.tco,
    tdpWatts: c.candidate.gpu.tdpWatts,
    purchasePrice: c.candidate.purchasePrice,
    rentalPerGpuHour: c.candidate.rentalPerGpuHour,
    rentDiscount: c.rentTerm.discount,
  }));
  // An empty input cell reads as 0, as in a spreadsheet; an unknown name throws.
  const env = inputEnv(inputValues(scenario.economics, entries));

  it('every TCO formula evaluates to the calculator result at every price level', () => {
    let checked = 0;
    for (const { names, tco } of entries) {
      if (!tco?.levels) continue;
      for (const level of LEVELS) {
        const p = tco.levels[level];
        // Named-cell references evaluate through the same formula, so both spellings must agree.
        for (const f of [tcoFormulas(names, level), tcoFormulas(names, level, NAMED_RESULTS)]) {
          expect(close(f.itPowerKw.evaluate(env), tco.itPowerKw)).toBe(true);
          const pairs: [string, number, number | null][] = [
            ['capex', f.capex.evaluate(env), p.capex],
            ['powerPerMonth', f.powerPerMonth.evaluate(env), p.powerPerMonth],
            ['opexPerMonth', f.opexPerMonth.evaluate(env), p.opexPerMonth],
            ['ownedTotal', f.ownedTotal.evaluate(env), p.ownedTotal],
            ['rentPerMonth', f.rentPerMonth.evaluate(env), p.rentPerMonth],
            ['rentTotal', f.rentTotal.evaluate(env), p.rentTotal],
            ['breakEvenMonth', f.breakEvenMonth.evaluate(env), p.breakEvenMonth],
          ];
          for (const [what, got, want] of pairs) {
            if (want === null) {
              expect(Number.isNaN(got), `${names.gpus} ${level} ${what}: ${got} should be blank`).toBe(true);
            } else {
              expect(close(got, want), `${names.gpus} ${level} ${what}: ${got} vs ${want}`).toBe(true);
              checked++;
            }
          }
        }
      }
    }
    if (entries.some((e) => e.tco?.levels)) expect(checked).toBeGreaterThan(0);
  });

  it('the tco table has a formula for every number it shows, over names only', () => {
    const report = buildReport(scenario, results, {
      file,
      sha256: '0'.repeat(64),
      generatedAt: new Date(0),
      toolVersion: 'test',
      locale: 'en',
    });
    const table = report.analyses.find((a) => a.id === 'tco')!.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    const inputs = report.analyses.find((a) => a.id === 'inputs')!.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const defined = new Set([
      ...inputs.flatMap((t) => (t.rowCells ?? []).flatMap((c) => Object.values(c?.names ?? {}))),
      ...(table.rowCells ?? []).flatMap((c) => Object.values(c?.names ?? {})),
    ]);
    table.rows.forEach((row, i) => {
      for (const col of table.columns) {
        const v = row[col.key];
        const formula = table.rowCells?.[i]?.formulas?.[col.key];
        if (typeof v === 'number') expect(formula, `${String(row.gpu)} ${col.key}`).toBeTypeOf('string');
        if (formula === undefined) continue;
        const identifiers =
          formula
            .replace(/"[^"]*"/g, '')
            .replace(/\b(IF|MIN|CEILING|POWER)\(/g, '(')
            .match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
        expect(identifiers.length, formula).toBeGreaterThan(0);
        for (const id of identifiers) {
          expect(defined.has(id), `${col.key}: ${id} is a defined name`).toBe(true);
        }
      }
    });
  });

  it("every option's formulas over the workbook names evaluate to the option's money and budget flag", () => {
    for (const o of results.options) {
      const names = candidateNames(keys[scenario.candidates.indexOf(o.candidate.candidate)]!);
      const f = optionFormulas(
        o.acquisition,
        names,
        o.gpus,
        writtenDrivers(o.drivers),
        // The mixed option's inference servers are not the Inputs sheet's fleet: written as numbers.
        workbookTco(names, mixedServers(o)),
        scenario.economics.budget !== undefined,
        scenario.economics.budgetBasis === 'cash',
      );
      for (const level of LEVELS) {
        expect(close(f.total[level].evaluate(env), o.total[level]), `${names.gpus} ${o.acquisition} total ${level}`).toBe(true);
        expect(close(f.budgetBasis[level].evaluate(env), o.budgetBasis[level])).toBe(true);
        if (o.costPerMillionTokens) expect(close(f.costPerMillionTokens![level].evaluate(env), o.costPerMillionTokens[level])).toBe(true);
        o.trainingRunCost.forEach((run, i) => {
          if (Number.isFinite(run[level])) expect(close(f.trainingRunCost[i]![level].evaluate(env), run[level])).toBe(true);
        });
      }
      expect(f.withinBudget === null ? null : f.withinBudget.evaluate(env) === 1).toBe(o.withinBudget);
    }
  });

  it('the recommendation and summary sheets have a formula for every money figure and budget flag, over defined names', () => {
    const report = buildReport(scenario, results, {
      file,
      sha256: '0'.repeat(64),
      generatedAt: new Date(0),
      toolVersion: 'test',
      locale: 'en',
    });
    const defined = definedNames(report);
    const table = report.analyses.find((a) => a.id === 'recommendation')!.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    const money = ['totalLow', 'total', 'totalHigh', 'budgetBasis', 'cpm', 'run', 'budget'];
    table.rows.forEach((row, i) => {
      for (const key of money) {
        const v = row[key];
        const formula = table.rowCells?.[i]?.formulas?.[key];
        if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')
          expect(formula, `${String(row.configuration)} ${key}`).toBeTypeOf('string');
        if (formula !== undefined) expectDefined(formula, defined);
      }
    });
    const summary = report.analyses.find((a) => a.id === 'summary')!.blocks.filter((b): b is KeyValueBlock => b.kind === 'keyValue');
    const headline = summary.find((b) => b.id === 'headline');
    // A feasible top option is the headline: its cost band is live.
    if (headline && results.options[0]?.feasible) {
      expect(headline.itemCells?.filter((c) => c?.formulas?.value).length).toBe(3);
    }
    for (const b of summary) b.itemCells?.forEach((c) => c?.formulas?.value && expectDefined(c.formulas.value, defined));
  });

  it("each candidate's rental term discount: the market's (or the scenario's) input by name, a sourced rate's as a number", () => {
    const report = buildReport(scenario, results, {
      file,
      sha256: '0'.repeat(64),
      generatedAt: new Date(0),
      toolVersion: 'test',
      locale: 'en',
    });
    const t = report.analyses
      .find((a) => a.id === 'inputs')!
      .blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'inputs-candidates')!;
    scenario.candidates.forEach((c, i) => {
      const term = results.candidates.find((r) => r.candidate === c)!.rentTerm;
      const formula = t.rowCells?.[i]?.formulas?.rentDiscount;
      expect(t.rowCells?.[i]?.names?.rentDiscount).toBe(candidateNames(keys[i]!).rentDiscount);
      if (term.from === 'derived' || term.from === 'scenario') {
        expect(formula).toBe(term.term === 'spot' ? 'spotDiscount' : 'reservedDiscount');
        expect(ref(formula!).evaluate(env)).toBe(t.rows[i]!.rentDiscount);
      } else expect(formula).toBeUndefined();
    });
  });
});

/** The workbook's defined names: the Inputs sheet's and the TCO sheet's named cells. */
function definedNames(report: Report): Set<string> {
  return new Set(
    report.analyses
      .filter((a) => a.id === 'inputs' || a.id === 'tco')
      .flatMap((a) => a.blocks.filter((b): b is TableBlock => b.kind === 'table'))
      .flatMap((t) => (t.rowCells ?? []).flatMap((c) => Object.values(c?.names ?? {}))),
  );
}

function expectDefined(formula: string, defined: ReadonlySet<string>): void {
  const identifiers =
    formula
      .replace(/"[^"]*"/g, '')
      .replace(/\b(IF|MIN|CEILING|POWER)\(/g, '(')
      .replace(/[0-9.]+E[-+]?[0-9]+/g, '')
      .match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const id of identifiers) expect(defined.has(id), `${formula}: ${id} is a defined name`).toBe(true);
}
