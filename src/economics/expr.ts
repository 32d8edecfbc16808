/**
 * Spreadsheet formulas as values: one definition gives both readings. `text` is what a workbook
 * cell holds (Excel syntax over the workbook's defined names), `evaluate` computes the same
 * number in TypeScript. The economics (economics/tco.ts, economics/options.ts) are written
 * once with these, so the report's numbers and the workbook's formulas cannot disagree.
 */

/** Looks a workbook name up; the number an input cell holds (an empty cell reads as 0). */
export type Env = (name: string) => number;

/** A formula: Excel text (no leading "=") and its value. NaN stands for the empty text result "". */
export interface Expr {
  readonly text: string;
  /** The same formula as JavaScript source, each name read as `slot` spells it (see `compiler`). */
  js(slot: (name: string) => string): string;
  /** 0 comparison, 1 additive, 2 multiplicative, 3 atom (parenthesised below its parent's level). */
  readonly prec: number;
  evaluate(env: Env): number;
}

const wrap = (e: Expr, min: number): string => (e.prec < min ? `(${e.text})` : e.text);

/**
 * A number written into the formula (an estimator result, a constant), in the shortest form that
 * reads back as the same double. A non-finite number makes a non-finite result, which no sheet
 * shows as a formula.
 */
export const num = (v: number): Expr => ({ text: String(v).replace('e', 'E'), js: () => `(${v})`, prec: v < 0 ? 1 : 3, evaluate: () => v });
/** A workbook defined name (an input cell). */
export const ref = (name: string): Expr => ({ text: name, js: (slot) => `(${slot(name)})`, prec: 3, evaluate: (env) => env(name) });
/**
 * A named result cell: shown by its name, evaluated through the formula it holds, once per
 * environment (an environment is a fixed lookup, so later formulas reuse the last result).
 */
export const named = (name: string, inner: Expr): Expr => {
  let lastEnv: Env | undefined;
  let lastValue = 0;
  return {
    text: name,
    js: (slot) => inner.js(slot),
    prec: 3,
    evaluate: (env) => {
      if (env !== lastEnv) {
        lastValue = inner.evaluate(env);
        lastEnv = env;
      }
      return lastValue;
    },
  };
};

const binary =
  (op: '+' | '-' | '*' | '/', prec: number, f: (a: number, b: number) => number) =>
  (a: Expr, b: Expr): Expr => ({
    // Left-associative: the right operand of - and / needs parentheses at equal precedence.
    text: `${wrap(a, prec)}${op}${wrap(b, op === '-' || op === '/' ? prec + 1 : prec)}`,
    js: (slot) => `(${a.js(slot)}${op}${b.js(slot)})`,
    prec,
    evaluate: (env) => f(a.evaluate(env), b.evaluate(env)),
  });
export const add = binary('+', 1, (a, b) => a + b);
export const sub = binary('-', 1, (a, b) => a - b);
export const mul = binary('*', 2, (a, b) => a * b);
export const div = binary('/', 2, (a, b) => a / b);
export const product = (...factors: Expr[]): Expr => factors.reduce((a, b) => mul(a, b));
export const sum = (...terms: Expr[]): Expr => terms.reduce((a, b) => add(a, b));

export const min = (a: Expr, b: Expr): Expr => ({
  text: `MIN(${a.text},${b.text})`,
  js: (slot) => `Math.min(${a.js(slot)},${b.js(slot)})`,
  prec: 3,
  evaluate: (env) => Math.min(a.evaluate(env), b.evaluate(env)),
});
/** POWER(a,b): a to the power b. */
export const power = (a: Expr, b: Expr): Expr => ({
  text: `POWER(${a.text},${b.text})`,
  js: (slot) => `Math.pow(${a.js(slot)},${b.js(slot)})`,
  prec: 3,
  evaluate: (env) => Math.pow(a.evaluate(env), b.evaluate(env)),
});
/** CEILING(x,1): the next whole number. */
export const ceiling = (a: Expr): Expr => ({
  text: `CEILING(${a.text},1)`,
  js: (slot) => `Math.ceil(${a.js(slot)})`,
  prec: 3,
  evaluate: (env) => Math.ceil(a.evaluate(env)),
});

type Comparison = '>' | '<=';
const compares = (a: number, op: Comparison, b: number): boolean => (op === '>' ? a > b : a <= b);

/** a <= b as a workbook truth value (TRUE/FALSE); evaluates to 1 or 0. */
export const atMost = (a: Expr, b: Expr): Expr => ({
  text: `${wrap(a, 1)}<=${wrap(b, 1)}`,
  js: (slot) => `(${a.js(slot)}<=${b.js(slot)}?1:0)`,
  prec: 0,
  evaluate: (env) => (compares(a.evaluate(env), '<=', b.evaluate(env)) ? 1 : 0),
});
/** A branch of IF: a formula, or 'blank' for the empty text "" (NaN when evaluated). */
type Branch = Expr | 'blank';
const branchText = (b: Branch) => (b === 'blank' ? '""' : b.text);
const branchJs = (b: Branch, slot: (name: string) => string) => (b === 'blank' ? 'NaN' : b.js(slot));
const branchValue = (b: Branch, env: Env) => (b === 'blank' ? Number.NaN : b.evaluate(env));

/** IF(a op b, then, otherwise). */
export function when(a: Expr, op: Comparison, b: Expr, then: Branch, otherwise: Branch): Expr {
  const test = (env: Env) => compares(a.evaluate(env), op, b.evaluate(env));
  return {
    text: `IF(${wrap(a, 1)}${op}${wrap(b, 1)},${branchText(then)},${branchText(otherwise)})`,
    js: (slot) => `(${a.js(slot)}${op}${b.js(slot)}?${branchJs(then, slot)}:${branchJs(otherwise, slot)})`,
    prec: 3,
    evaluate: (env) => branchValue(test(env) ? then : otherwise, env),
  };
}

/**
 * Compiles formulas into functions of `params` for the calculation's hot paths: each name is
 * read where `slot` says (a property of a parameter, or a constant), with the same operations in
 * the same order as `evaluate`, so the same doubles at the speed of plain arithmetic and without
 * building an environment per call. Each formula is compiled once. The source holds only numbers,
 * operators, Math.min/ceil/pow and what `slot` returns; a name `slot` does not know throws here.
 */
export function compiler<F extends (...args: never[]) => number>(
  slot: (name: string) => string,
  params: readonly string[],
): (e: Expr) => F {
  const compiled = new WeakMap<Expr, F>();
  return (e) => {
    let f = compiled.get(e);
    if (!f) compiled.set(e, (f = new Function(...params, `return ${e.js(slot)};`) as F));
    return f;
  };
}
