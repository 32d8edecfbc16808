/**
 * Sensitivity of the recommended option: each assumption moved to its low and high value (the
 * spans declared in economics/parameters.ts, the candidate's price range, the estimator's
 * throughput band), the option's cost over the horizon and cost per 1M output tokens
 * recomputed, rows ranked by swing (the data of a tornado chart). Also, per assumption, the value
 * at which the top two options swap places, found by scanning its plausible span.
 */
import type { Money, ResolvedEconomics, ResolvedScenario } from '../scenario/resolve.ts';
import { calculateTcoBase, fleetInput } from '../economics/tco.ts';
import { SENSITIVITY_KEYS, flipSpan, parameter, sensitivityRange, type EconomicKey } from '../economics/parameters.ts';
import { optionFor, type Option } from './options.ts';
import { steadyTerm } from './rental-terms.ts';

/** An economic parameter with a declared sensitivity span, or a per-candidate one. */
/** 'nodePrice': a server priced as a complete node (catalog or scenario) moves by its own range, not the GPU's. */
export type SensitivityParam = EconomicKey | 'gpuPrice' | 'nodePrice' | 'rentalRate' | 'throughput';

interface SensitivityRow {
  readonly param: SensitivityParam;
  readonly lowValue: number;
  readonly highValue: number;
  /** Option cost over the horizon with the assumption at its low / high value. */
  readonly totalAtLow: number;
  readonly totalAtHigh: number;
  readonly cpmAtLow: number | null;
  readonly cpmAtHigh: number | null;
  /** |totalAtHigh − totalAtLow|, the ranking key. */
  readonly swing: number;
  /** Set when the price has no range (one catalog price or one quote): the ± share it was moved by instead. */
  readonly spread?: number;
}

interface FlipPoint {
  readonly param: SensitivityParam;
  /** The value where the second option becomes cheaper; null when it does not within the span. */
  readonly value: number | null;
  readonly span: readonly [number, number];
}

export interface Sensitivity {
  readonly option: Option;
  readonly rows: readonly SensitivityRow[];
  readonly runnerUp: Option | null;
  readonly flips: readonly FlipPoint[];
}

type Change = { param: SensitivityParam; value: number };

/** Cost and cost per 1M tokens of the same fleet (same GPUs) with one assumption changed. */
function evaluate(
  s: ResolvedScenario,
  o: Option,
  change: Change,
  changed: ResolvedScenario = changedScenario(s, change),
): { total: number; cpm: number | null } {
  if (change.param === 'throughput') {
    // Throughput moves cost per token only: scale by base / changed throughput.
    const cpm = o.costPerMillionTokens ? o.costPerMillionTokens.base / change.value : null;
    return { total: o.total.base, cpm };
  }
  const economics = changed.economics;
  const candidate = o.candidate.candidate;
  const fixed = (v: number): Money => ({ low: v, base: v, high: v, from: 'scenario' });
  const purchasePrice = change.param === 'gpuPrice' ? fixed(change.value) : candidate.purchasePrice;
  const rentalPerGpuHour = change.param === 'rentalRate' ? fixed(change.value) : candidate.rentalPerGpuHour;
  // A node price enters as the scenario's (the mixed option's servers read it from there too).
  const nodePrice = change.param === 'nodePrice' ? fixed(change.value) : undefined;
  const node = nodePrice ? { ...o.candidate.node, inputs: { ...o.candidate.node.inputs, nodePrice } } : o.candidate.node;
  // An economic assumption leaves the candidate as it is (the flip-point scans re-price it hundreds of times).
  const c =
    change.param === 'gpuPrice' || change.param === 'rentalRate' || nodePrice
      ? {
          ...o.candidate,
          node,
          candidate: {
            ...candidate,
            purchasePrice,
            rentalPerGpuHour,
            ...(nodePrice ? { node: { ...candidate.node, price: nodePrice } } : {}),
          },
        }
      : o.candidate;
  // Only base figures are read below (total.base, costPerMillionTokens.base).
  const tco = calculateTcoBase(
    fleetInput(
      o.candidate.fleetGpus ?? o.gpus,
      node.inputs,
      candidate.gpu.tdpWatts,
      purchasePrice,
      rentalPerGpuHour,
      steadyTerm(economics, candidate.gpu).discount,
      economics,
    ),
  );
  const again = optionFor(changed, { ...c, tco }, o.acquisition);
  return { total: again?.total.base ?? NaN, cpm: again?.costPerMillionTokens?.base ?? null };
}

/** The scenario with an economic assumption changed (its economics as they are for a price or the throughput). */
function changedScenario(s: ResolvedScenario, change: Change): ResolvedScenario {
  const economics: ResolvedEconomics = change.param in s.economics ? { ...s.economics, [change.param]: change.value } : s.economics;
  return { ...s, economics };
}

/** Low and high value of each assumption that applies to the option (declaration order, the price after the shared ones). */
/** How far a price with no range (one catalog price, one quote) is moved either way. */
const PRICE_SPREAD = 0.2;

function ranges(s: ResolvedScenario, o: Option): { param: SensitivityParam; low: number; high: number; spread?: number }[] {
  const e = s.economics;
  const around = (v: number, f: number) => ({ low: v * (1 - f), high: v * (1 + f) });
  const economic = (applies: 'any' | 'buy' | 'rent') =>
    SENSITIVITY_KEYS.filter((k) => parameter(k).sensitivity!.applies === applies).map((param) => ({
      param,
      ...sensitivityRange(param, e[param], e.fromScenario.has(param), e.usdExchangeRate),
    }));
  const priceRow = (param: 'gpuPrice' | 'nodePrice' | 'rentalRate', price: Money) => ({
    param,
    ...(price.low < price.high ? { low: price.low, high: price.high } : { ...around(price.base, PRICE_SPREAD), spread: PRICE_SPREAD }),
  });
  const { purchasePrice, rentalPerGpuHour } = o.candidate.candidate;
  const serverNodePrice = o.bought?.node.inputs.nodePrice ?? null;
  // A mixed option buys servers and rents the training bursts: both prices and both sets of assumptions move it.
  const out: { param: SensitivityParam; low: number; high: number }[] = [
    ...economic('any'),
    // Servers priced as complete nodes move by the node price's range; otherwise by the GPU's.
    ...(o.acquisition !== 'rent' ? [serverNodePrice ? priceRow('nodePrice', serverNodePrice) : priceRow('gpuPrice', purchasePrice!)] : []),
    ...(o.acquisition !== 'buy' ? [priceRow('rentalRate', rentalPerGpuHour!)] : []),
    ...(o.acquisition !== 'rent' ? economic('buy') : []),
    ...(o.acquisition === 'rent' ? economic('rent') : []),
  ];
  if (o.costPerMillionTokens) {
    const b = o.costPerMillionTokens;
    // Throughput factor relative to base: high cost ↔ low throughput.
    out.push({ param: 'throughput', low: b.base / b.high, high: b.base / b.low });
  }
  return out;
}

/**
 * The sensitivity of `lead`, the recommended option (the best-ranked one, or the cheapest fix's
 * when the best misses a constraint: plan/results.ts headlineOption), against its runner-up: the
 * next option in rank that costs at least as much at base, so that "becomes cheaper when…" holds.
 */
export function calculateSensitivity(
  s: ResolvedScenario,
  options: readonly Option[],
  lead: Option | undefined = options[0],
): Sensitivity | null {
  const option = lead;
  if (!option) return null;
  const rows = ranges(s, option)
    .map(({ param, low, high, spread }) => {
      const a = evaluate(s, option, { param, value: low });
      const b = evaluate(s, option, { param, value: high });
      return {
        param,
        lowValue: low,
        highValue: high,
        totalAtLow: a.total,
        totalAtHigh: b.total,
        cpmAtLow: a.cpm,
        cpmAtHigh: b.cpm,
        swing: Math.abs(b.total - a.total) || Math.abs((b.cpm ?? 0) - (a.cpm ?? 0)),
        ...(spread !== undefined ? { spread } : {}),
      };
    })
    .sort((x, y) => y.swing - x.swing);
  const runnerUp = options.find((o) => o !== option && o.feasible === option.feasible && o.total.base >= option.total.base) ?? null;
  return { option, rows, runnerUp, flips: runnerUp ? flipPoints(s, option, runnerUp) : [] };
}

/** Where along each assumption's span the runner-up becomes cheaper than the recommendation. */
function flipPoints(s: ResolvedScenario, a: Option, b: Option): FlipPoint[] {
  // Both options re-priced in one changed scenario.
  const gap = (param: SensitivityParam, value: number) => {
    const change = { param, value };
    const changed = changedScenario(s, change);
    return evaluate(s, b, change, changed).total - evaluate(s, a, change, changed).total;
  };
  return SENSITIVITY_KEYS.map((param) => {
    const span = flipSpan(param, s.economics[param]);
    return { param, span, value: crossing((v) => gap(param, v), span) };
  });
}

/**
 * First root of f in the span: a 16-step scan for the first sign change, then the Illinois
 * method (regula falsi that halves the stale end's value) inside that step, to a millionth of
 * the span. Cost gaps are straight lines in most assumptions, which it solves in two or three
 * evaluations where bisection needs twenty. null if f keeps its sign.
 */
function crossing(f: (x: number) => number, [lo, hi]: readonly [number, number]): number | null {
  const steps = 16;
  const tol = (hi - lo) * 1e-6;
  let x0 = lo;
  let f0 = f(x0);
  for (let i = 1; i <= steps; i++) {
    const x1 = lo + ((hi - lo) * i) / steps;
    const f1 = f(x1);
    if (Number.isFinite(f0) && Number.isFinite(f1) && Math.sign(f0) !== Math.sign(f1) && f0 !== 0) {
      if (f1 === 0) return x1;
      let [a, fa, b, fb] = [x0, f0, x1, f1];
      let previous = Number.NaN;
      let stale = 0;
      for (let k = 0; k < 100; k++) {
        const c = (a * fb - b * fa) / (fb - fa);
        const fc = f(c);
        if (fc === 0 || !Number.isFinite(fc) || Math.abs(c - previous) <= tol || b - a <= tol) return c;
        previous = c;
        if (Math.sign(fc) === Math.sign(fb)) {
          [b, fb] = [c, fc];
          if (stale === -1) fa /= 2;
          stale = -1;
        } else {
          [a, fa] = [c, fc];
          if (stale === 1) fb /= 2;
          stale = 1;
        }
      }
      return (a + b) / 2;
    }
    x0 = x1;
    f0 = f1;
  }
  return null;
}
