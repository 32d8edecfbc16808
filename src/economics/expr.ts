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
  /** An operation's operands (absent on a leaf: a number or a name), for `compiler`'s shared subexpressions. */
  readonly args?: readonly Expr[];
  /** The operation as JavaScript source from its operands' source (`js` applies it to theirs). */
  jsOf?(args: readonly string[]): string;
}

/** An operation over `args`: its JavaScript source is `jsOf` of theirs. */
const operation = (
  args: readonly Expr[],
  text: string,
  prec: number,
  jsOf: (a: readonly string[]) => string,
  evaluate: (env: Env) => number,
): Expr => ({ text, prec, evaluate, args, jsOf, js: (slot) => jsOf(args.map((a) => a.js(slot))) });

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
  return operation(
    [inner],
    name,
    3,
    ([x]) => x!,
    (env) => {
      if (env !== lastEnv) {
        lastValue = inner.evaluate(env);
        lastEnv = env;
      }
      return lastValue;
    },
  );
};

const binary =
  (op: '+' | '-' | '*' | '/', prec: number, f: (a: number, b: number) => number) =>
  (a: Expr, b: Expr): Expr =>
    operation(
      [a, b],
      // Left-associative: the right operand of - and / needs parentheses at equal precedence.
      `${wrap(a, prec)}${op}${wrap(b, op === '-' || op === '/' ? prec + 1 : prec)}`,
      prec,
      ([x, y]) => `(${x}${op}${y})`,
      (env) => f(a.evaluate(env), b.evaluate(env)),
    );
export const add = binary('+', 1, (a, b) => a + b);
export const sub = binary('-', 1, (a, b) => a - b);
export const mul = binary('*', 2, (a, b) => a * b);
export const div = binary('/', 2, (a, b) => a / b);
export const product = (...factors: Expr[]): Expr => factors.reduce((a, b) => mul(a, b));
export const sum = (...terms: Expr[]): Expr => terms.reduce((a, b) => add(a, b));

export const min = (a: Expr, b: Expr): Expr =>
  operation(
    [a, b],
    `MIN(${a.text},${b.text})`,
    3,
    ([x, y]) => `Math.min(${x},${y})`,
    (env) => Math.min(a.evaluate(env), b.evaluate(env)),
  );
/** POWER(a,b): a to the power b. */
export const power = (a: Expr, b: Expr): Expr =>
  operation(
    [a, b],
    `POWER(${a.text},${b.text})`,
    3,
    ([x, y]) => `Math.pow(${x},${y})`,
    (env) => Math.pow(a.evaluate(env), b.evaluate(env)),
  );
/** CEILING(x,1): the next whole number. */
export const ceiling = (a: Expr): Expr =>
  operation(
    [a],
    `CEILING(${a.text},1)`,
    3,
    ([x]) => `Math.ceil(${x})`,
    (env) => Math.ceil(a.evaluate(env)),
  );

type Comparison = '>' | '<=';
const compares = (a: number, op: Comparison, b: number): boolean => (op === '>' ? a > b : a <= b);

/** a <= b as a workbook truth value (TRUE/FALSE); evaluates to 1 or 0. */
export const atMost = (a: Expr, b: Expr): Expr =>
  operation(
    [a, b],
    `${wrap(a, 1)}<=${wrap(b, 1)}`,
    0,
    ([x, y]) => `(${x}<=${y}?1:0)`,
    (env) => (compares(a.evaluate(env), '<=', b.evaluate(env)) ? 1 : 0),
  );
/** A branch of IF: a formula, or 'blank' for the empty text "" (NaN when evaluated). */
type Branch = Expr | 'blank';
const branchText = (b: Branch) => (b === 'blank' ? '""' : b.text);
const branchValue = (b: Branch, env: Env) => (b === 'blank' ? Number.NaN : b.evaluate(env));

/** IF(a op b, then, otherwise). */
export function when(a: Expr, op: Comparison, b: Expr, then: Branch, otherwise: Branch): Expr {
  const test = (env: Env) => compares(a.evaluate(env), op, b.evaluate(env));
  // The operands: the comparison's two, then the branches that are formulas (a blank is NaN).
  const branches = [then, otherwise].filter((x): x is Expr => x !== 'blank');
  return operation(
    [a, b, ...branches],
    `IF(${wrap(a, 1)}${op}${wrap(b, 1)},${branchText(then)},${branchText(otherwise)})`,
    3,
    ([x, y, ...rest]) => {
      const thenJs = then === 'blank' ? 'NaN' : rest.shift()!;
      const otherwiseJs = otherwise === 'blank' ? 'NaN' : rest.shift()!;
      return `(${x}${op}${y}?${thenJs}:${otherwiseJs})`;
    },
    (env) => branchValue(test(env) ? then : otherwise, env),
  );
}

/** Formulas to compute together: one formula, or arrays and records of them (null stands for itself). */
export type Shape = Expr | null | readonly Shape[] | { readonly [key: string]: Shape };
/** The values of a Shape's formulas, in the same arrangement. */
export type Values<S> = S extends Expr
  ? number
  : S extends null
    ? null
    : S extends readonly (infer U)[]
      ? Values<U>[]
      : { readonly [K in keyof S]: Values<S[K]> };

const isExpr = (s: Shape): s is Expr => s !== null && typeof (s as Expr).evaluate === 'function';

/**
 * The body of a function that computes every formula of `shape` and returns their values in its
 * arrangement. Each subexpression is computed once: operations that compute the same thing (the
 * same Expr object reached from several formulas, or another one with the same operation over the
 * same operands, such as the node count inside capex, cash, NPV and break-even) become one
 * `const`, declared before its first use. Inside each operation the operations are the same and in
 * the same order as `evaluate`, so the values are the same doubles. A shared part of an IF's
 * branch is computed whichever branch is taken: the formulas are pure arithmetic over reads, so
 * that changes no result (a NaN or an infinity there is simply not used).
 */
export function compiledSource(shape: Shape, slot: (name: string) => string): string {
  // Structural ids: an operation's key is its source over its operands' ids.
  const idOf = new Map<Expr, number>();
  const ids = new Map<string, number>();
  const nodes: { expr: Expr; args: number[] }[] = [];
  const uses: number[] = [];
  const intern = (e: Expr): number => {
    const seen = idOf.get(e);
    if (seen !== undefined) return seen;
    const args = e.args?.map(intern) ?? [];
    const key = e.jsOf ? e.jsOf(args.map((a) => `#${a}#`)) : e.js(slot);
    // An operation that is its operand (a named cell) is that operand.
    const alias = args.length === 1 && key === `#${args[0]}#`;
    let id = alias ? args[0]! : ids.get(key);
    if (id === undefined) {
      id = nodes.length;
      ids.set(key, id);
      nodes.push({ expr: e, args });
      uses.push(0);
      for (const a of args) uses[a]! += 1;
    }
    idOf.set(e, id);
    return id;
  };
  const roots = (s: Shape): void => {
    if (s === null) return;
    if (isExpr(s)) uses[intern(s)]! += 1;
    else for (const v of Array.isArray(s) ? s : Object.values(s)) roots(v as Shape);
  };
  roots(shape);
  const lines: string[] = [];
  const names = new Map<number, string>();
  const code = (id: number): string => {
    const named = names.get(id);
    if (named !== undefined) return named;
    const { expr, args } = nodes[id]!;
    const src = expr.jsOf ? expr.jsOf(args.map(code)) : expr.js(slot);
    if (!expr.jsOf || uses[id]! < 2) return src;
    const name = `t${lines.length}`;
    lines.push(`const ${name}=${src};`);
    names.set(id, name);
    return name;
  };
  const emit = (s: Shape): string => {
    if (s === null) return 'null';
    if (isExpr(s)) return code(idOf.get(s)!);
    if (Array.isArray(s)) return `[${(s as readonly Shape[]).map(emit).join(',')}]`;
    return `{${Object.entries(s)
      .map(([k, v]) => `${JSON.stringify(k)}:${emit(v as Shape)}`)
      .join(',')}}`;
  };
  const result = emit(shape);
  return `${lines.join('\n')}\nreturn ${result};`;
}

/**
 * Compiles formulas into functions of `params` for the calculation's hot paths: each name is
 * read where `slot` says (a property of a parameter, or a constant), with the same operations in
 * the same order as `evaluate`, so the same doubles at the speed of plain arithmetic and without
 * building an environment per call. A shape of several formulas becomes one function that
 * returns all their values and computes their shared subexpressions once (`compiledSource`).
 * Each shape is compiled once. The source holds only numbers, operators, Math.min/ceil/pow and
 * what `slot` returns; a name `slot` does not know throws here.
 */
export function compiler<P extends unknown[]>(
  slot: (name: string) => string,
  params: readonly string[],
): <S extends Shape>(shape: S) => (...args: P) => Values<S> {
  const compiled = new WeakMap<object, (...args: P) => unknown>();
  return <S extends Shape>(shape: S) => {
    if (shape === null) return () => null as Values<S>;
    let f = compiled.get(shape);
    if (!f) compiled.set(shape, (f = new Function(...params, compiledSource(shape, slot)) as (...args: P) => unknown));
    return f as (...args: P) => Values<S>;
  };
}
