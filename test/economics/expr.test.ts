import { describe, expect, it } from 'vitest';
import { add, ceiling, compiledSource, compiler, div, mul, named, num, ref, sub, when, type Expr } from '../../src/economics/expr.ts';
import { EVAL_NAMES, LEVELS, NAMED_RESULTS, tcoFormulas } from '../../src/economics/tco.ts';

type Values = Record<string, number>;
let hits = 0;
const hit = (x: number) => {
  hits += 1;
  return x;
};
/** Compiled formulas read names from `v`; `hit` counts the evaluations of a spy node. */
const compile = compiler<[v: Values, hit: (x: number) => number]>((name) => `v[${JSON.stringify(name)}]`, ['v', 'hit']);
/** An operation that passes its operand through, counting each time the compiled code computes it. */
const spy = (a: Expr): Expr => ({
  text: `SPY(${a.text})`,
  prec: 3,
  args: [a],
  jsOf: ([x]) => `hit(${x})`,
  js: (slot) => `hit(${a.js(slot)})`,
  evaluate: (env) => a.evaluate(env),
});
const envOf = (v: Values) => (name: string) => v[name] ?? 0;

describe('compiler: several formulas in one function', () => {
  it('computes a subexpression shared by several formulas once, with the values evaluate gives', () => {
    const shared = spy(add(ref('a'), ref('b')));
    const shape = { sum: mul(shared, ref('c')), square: mul(shared, shared), rest: [sub(shared, num(1)), div(num(1), shared)] };
    const v = { a: 0.1, b: 0.2, c: 3 };
    hits = 0;
    const got = compile(shape)(v, hit);
    expect(hits).toBe(1);
    const env = envOf(v);
    expect(got).toEqual({
      sum: shape.sum.evaluate(env),
      square: shape.square.evaluate(env),
      rest: shape.rest.map((e) => e.evaluate(env)),
    });
  });

  it('computes once operations built separately that compute the same thing', () => {
    const twice = [spy(ceiling(div(ref('gpus'), ref('perNode')))), spy(ceiling(div(ref('gpus'), ref('perNode'))))] as const;
    hits = 0;
    expect(compile({ a: twice[0], b: mul(twice[1], num(2)) })({ gpus: 9, perNode: 8 }, hit)).toEqual({ a: 2, b: 4 });
    expect(hits).toBe(1);
    // A different operand is a different computation.
    hits = 0;
    compile({ a: twice[0], b: spy(ceiling(div(ref('gpus'), ref('other')))) })({ gpus: 9, perNode: 8, other: 4 }, hit);
    expect(hits).toBe(2);
  });

  it('reads a named cell as the formula it holds, computed once with that formula', () => {
    const inner = spy(mul(ref('x'), num(3)));
    hits = 0;
    expect(compile([named('X', inner), add(named('X', inner), inner)])({ x: 2 }, hit)).toEqual([6, 12]);
    expect(hits).toBe(1);
  });

  it('keeps IF: a blank branch is NaN, a shared operand inside a branch is computed once', () => {
    const shared = spy(sub(ref('rent'), ref('opex')));
    const months = when(ref('rent'), '<=', ref('opex'), 'blank', ceiling(div(ref('capex'), shared)));
    const f = compile({ months, margin: shared });
    hits = 0;
    expect(f({ rent: 5, opex: 2, capex: 10 }, hit)).toEqual({ months: 4, margin: 3 });
    expect(hits).toBe(1);
    expect(f({ rent: 1, opex: 2, capex: 10 }, hit).months).toBeNaN();
  });

  it('holds each shared operation in one const, declared before it is used', () => {
    const nodes = ceiling(div(ref('gpus'), ref('perNode')));
    const src = compiledSource({ a: mul(nodes, ref('p')), b: add(nodes, num(1)) }, (name) => name);
    expect(src.match(/Math\.ceil/g)).toHaveLength(1);
    expect(src.indexOf('const t0=Math.ceil')).toBeLessThan(src.indexOf('return'));
  });

  it('gives every TCO level the same doubles as evaluate, over varied inputs', () => {
    // A small deterministic generator; values mix zeros (the "not known" branches), whole numbers and fractions.
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = () => [0, 0, 1, 2, 8, 72, 0.3, 0.07, random() * 1e5, random()][Math.floor(random() * 10)]!;
    for (const level of LEVELS) {
      const f = tcoFormulas(EVAL_NAMES, level, NAMED_RESULTS);
      const shape = {
        capex: f.capex,
        opexPerMonth: f.opexPerMonth,
        ownedTotal: f.ownedTotal,
        cashTotal: f.cashTotal,
        npv: f.npv,
        rentTotal: f.rentTotal,
        breakEvenMonth: f.breakEvenMonth,
        itPowerKw: f.itPowerKw,
        energyKwhPerMonth: f.energyKwhPerMonth,
      };
      const names = new Set<string>();
      compiledSource(shape, (name) => (names.add(name), name));
      const run = compile(shape);
      for (let i = 0; i < 300; i++) {
        const v: Values = Object.fromEntries([...names].map((n) => [n, pick()]));
        const got = run(v, hit);
        for (const [k, e] of Object.entries(shape))
          expect(Object.is(got[k as keyof typeof got], e.evaluate(envOf(v))), `${level} ${k}`).toBe(true);
      }
    }
  });
});
