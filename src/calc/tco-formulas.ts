/**
 * The TCO maths of calc/tco.ts written as spreadsheet formulas over the workbook's named input
 * cells (the Inputs sheet). One definition gives both readings: `text` is what the workbook
 * cell holds, `evaluate` computes the same number in TypeScript, so a test can hold every
 * formula against `calculateTco` without a spreadsheet. A new TCO term (cost per 1M tokens,
 * …) gets its formula here, next to the others, and every sheet that shows it uses this one.
 */
import { HOURS_PER_MONTH } from '../catalog/economics.ts';
import { GPUS_PER_SERVER, type Level } from './tco.ts';
import type { ResolvedCandidate, ResolvedEconomics } from '../scenario/resolve.ts';

/** Looks a workbook name up; the number an input cell holds (an empty cell reads as 0). */
export type Env = (name: string) => number;

/** A formula: Excel text (no leading "=") and its value. NaN stands for the empty text result "". */
export interface Expr {
  readonly text: string;
  /** 0 comparison, 1 additive, 2 multiplicative, 3 atom (parenthesised below its parent's level). */
  readonly prec: number;
  evaluate(env: Env): number;
}

const wrap = (e: Expr, min: number): string => (e.prec < min ? `(${e.text})` : e.text);

export const num = (v: number): Expr => ({ text: String(v), prec: v < 0 ? 1 : 3, evaluate: () => v });
/** A workbook defined name (an input cell). */
export const ref = (name: string): Expr => ({ text: name, prec: 3, evaluate: (env) => env(name) });
/** A named result cell: shown by its name, evaluated through the formula it holds. */
export const named = (name: string, inner: Expr): Expr => ({ text: name, prec: 3, evaluate: inner.evaluate });

const binary = (op: '+' | '-' | '*' | '/', prec: number, f: (a: number, b: number) => number) =>
  (a: Expr, b: Expr): Expr => ({
    // Left-associative: the right operand of - and / needs parentheses at equal precedence.
    text: `${wrap(a, prec)}${op}${wrap(b, op === '-' || op === '/' ? prec + 1 : prec)}`,
    prec,
    evaluate: (env) => f(a.evaluate(env), b.evaluate(env)),
  });
export const add = binary('+', 1, (a, b) => a + b);
export const sub = binary('-', 1, (a, b) => a - b);
export const mul = binary('*', 2, (a, b) => a * b);
export const div = binary('/', 2, (a, b) => a / b);
export const product = (...factors: Expr[]): Expr => factors.reduce((a, b) => mul(a, b));
export const sum = (...terms: Expr[]): Expr => terms.reduce((a, b) => add(a, b));

export const min = (a: Expr, b: Expr): Expr => ({ text: `MIN(${a.text},${b.text})`, prec: 3, evaluate: (env) => Math.min(a.evaluate(env), b.evaluate(env)) });
/** CEILING(x,1): the next whole number. */
export const ceiling = (a: Expr): Expr => ({ text: `CEILING(${a.text},1)`, prec: 3, evaluate: (env) => Math.ceil(a.evaluate(env)) });

type Comparison = '>' | '<=';
/** A branch of IF: a formula, or 'blank' for the empty text "" (NaN when evaluated). */
type Branch = Expr | 'blank';
const branchText = (b: Branch) => (b === 'blank' ? '""' : b.text);
const branchValue = (b: Branch, env: Env) => (b === 'blank' ? Number.NaN : b.evaluate(env));

/** IF(a op b, then, otherwise). */
export function when(a: Expr, op: Comparison, b: Expr, then: Branch, otherwise: Branch): Expr {
  const test = (env: Env) => (op === '>' ? a.evaluate(env) > b.evaluate(env) : a.evaluate(env) <= b.evaluate(env));
  return {
    text: `IF(${wrap(a, 1)}${op}${wrap(b, 1)},${branchText(then)},${branchText(otherwise)})`,
    prec: 3,
    evaluate: (env) => branchValue(test(env) ? then : otherwise, env),
  };
}

// ---- the workbook's names -----------------------------------------------------------------

/** Economic inputs, named after their ResolvedEconomics field, plus the two constants the maths uses. */
export const ECONOMIC_INPUTS = [
  'electricityPricePerKwh', 'pue', 'utilization', 'horizonMonths', 'serverOverheadMultiplier', 'networkingShare',
  'depreciationYears', 'residualValueShare', 'hostingPerKwMonth', 'maintenanceSharePerYear', 'reservedDiscount',
] as const satisfies readonly (keyof ResolvedEconomics)[];
export type EconomicInput = (typeof ECONOMIC_INPUTS)[number];
export const CONSTANT_INPUTS = { hoursPerMonth: HOURS_PER_MONTH, gpusPerServer: GPUS_PER_SERVER } as const;

/** The named cells of one candidate (Inputs sheet) and of its TCO results (tco sheet). */
export interface CandidateNames {
  readonly gpus: string;
  readonly tdpWatts: string;
  readonly price: Readonly<Record<Level, string>>;
  readonly rent: Readonly<Record<Level, string>>;
  /** Base-level results that the tco sheet shows in named cells. */
  readonly itPowerKw: string;
  readonly powerPerMonth: string;
  readonly capex: string;
  readonly opexPerMonth: string;
  readonly ownedTotal: string;
}

/**
 * One key per candidate for its names: the GPU id with "_" for anything but letters and
 * digits (`h100-sxm5-80gb` → `h100_sxm5_80gb`), numbered when a GPU is listed twice. Names get a
 * prefix (`price_…`), so none looks like a cell reference (Excel's rule for defined names).
 */
export function candidateKeys(candidates: readonly Pick<ResolvedCandidate, 'gpu'>[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map(({ gpu }) => {
    const base = gpu.id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'gpu';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

export function candidateNames(key: string): CandidateNames {
  return {
    gpus: `gpus_${key}`,
    tdpWatts: `tdp_${key}`,
    price: { low: `priceLow_${key}`, base: `price_${key}`, high: `priceHigh_${key}` },
    rent: { low: `rentLow_${key}`, base: `rent_${key}`, high: `rentHigh_${key}` },
    itPowerKw: `itPowerKw_${key}`,
    powerPerMonth: `powerPerMonth_${key}`,
    capex: `capex_${key}`,
    opexPerMonth: `opexPerMonth_${key}`,
    ownedTotal: `owned_${key}`,
  };
}

/** The number behind each input name, from the resolved scenario (what the Inputs sheet holds). */
export function inputValues(economics: ResolvedEconomics, candidates: readonly { readonly names: CandidateNames; readonly candidate: ResolvedCandidate; readonly gpus: number | null }[]): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const field of ECONOMIC_INPUTS) values.set(field, economics[field]);
  for (const [k, v] of Object.entries(CONSTANT_INPUTS)) values.set(k, v);
  for (const { names, candidate, gpus } of candidates) {
    values.set(names.gpus, gpus);
    values.set(names.tdpWatts, candidate.gpu.tdpWatts);
    for (const level of ['low', 'base', 'high'] as const) {
      values.set(names.price[level], candidate.purchasePrice?.[level] ?? null);
      values.set(names.rent[level], candidate.rentalPerGpuHour?.[level] ?? null);
    }
  }
  return values;
}

// ---- the TCO formulas (mirror calculateTco in calc/tco.ts term by term) --------------------

export interface TcoFormulas {
  readonly itPowerKw: Expr;
  readonly capex: Expr;
  readonly powerPerMonth: Expr;
  readonly opexPerMonth: Expr;
  readonly ownedTotal: Expr;
  readonly rentPerMonth: Expr;
  readonly rentTotal: Expr;
  readonly breakEvenMonth: Expr;
}

/** Results that can sit in named cells of the workbook. */
export type NamedResult = 'itPowerKw' | 'powerPerMonth' | 'capex' | 'opexPerMonth';

/**
 * The TCO of one candidate at one price level. `cells` lists the results that sit in named
 * cells of the workbook: formulas then refer to those cells by name instead of repeating them.
 */
export function tcoFormulas(n: CandidateNames, level: Level, cells: readonly NamedResult[] = []): TcoFormulas {
  const cell = (result: NamedResult, e: Expr) => (cells.includes(result) ? named(n[result], e) : e);
  const gpus = ref(n.gpus);
  const itPowerKwExpr = div(product(ref(n.tdpWatts), gpus), num(1000));
  const itPowerKw = cell('itPowerKw', itPowerKwExpr);
  const energyKwhPerMonth = product(itPowerKw, ref('utilization'), ref('hoursPerMonth'), ref('pue'));
  const serverCost = product(gpus, ref(n.price[level]), ref('serverOverheadMultiplier'));
  // Networking is share/(1 − share) on top of the servers beyond one 8-GPU server (Epoch AI).
  const networking = when(gpus, '>', ref('gpusPerServer'), add(num(1), div(ref('networkingShare'), sub(num(1), ref('networkingShare')))), num(1));
  const capexExpr = mul(serverCost, networking);
  const capex = cell('capex', capexExpr);
  const powerPerMonthExpr = mul(energyKwhPerMonth, ref('electricityPricePerKwh'));
  const hostingPerMonth = mul(itPowerKw, ref('hostingPerKwMonth'));
  const maintenancePerMonth = div(mul(capex, ref('maintenanceSharePerYear')), num(12));
  const opexExpr = sum(cell('powerPerMonth', powerPerMonthExpr), hostingPerMonth, maintenancePerMonth);
  const opexPerMonth = cell('opexPerMonth', opexExpr);
  const horizon = ref('horizonMonths');
  const depreciatedShare = mul(min(num(1), div(horizon, mul(ref('depreciationYears'), num(12)))), sub(num(1), ref('residualValueShare')));
  const ownedTotal = add(mul(capex, depreciatedShare), mul(opexPerMonth, horizon));
  const rentPerMonth = product(gpus, ref(n.rent[level]), sub(num(1), ref('reservedDiscount')), ref('hoursPerMonth'));
  const months = ceiling(div(capex, sub(rentPerMonth, opexPerMonth)));
  // Blank where renting costs no more than running owned GPUs, or beyond 10 years (calc/tco.ts breakEven: null).
  const breakEvenMonth = when(rentPerMonth, '<=', opexPerMonth, 'blank', when(months, '<=', num(120), months, 'blank'));
  return {
    itPowerKw: itPowerKwExpr, capex: capexExpr, powerPerMonth: powerPerMonthExpr, opexPerMonth: opexExpr, ownedTotal,
    rentPerMonth, rentTotal: mul(rentPerMonth, horizon), breakEvenMonth,
  };
}
