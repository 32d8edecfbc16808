/**
 * Out-of-sample checks of the fitted efficiency models (`npm run calibrate`): leave-one-source-out
 * cross-validation (each publication's rows predicted by a fit, from PRIOR_PARAMS, on every other
 * publication's rows) and the held-back rows (notes `held_back=true`: never fitted, predicted by
 * the fit on all other rows). Each prediction records whether its coverage keys (hardware,
 * precision class, engine; calc/coverage.ts) were present in the rows it was fitted on.
 */
import type { EfficiencyParams } from '../calc/efficiency-params.ts';
import type { Expressed } from './express.ts';
import { fitParams, PRIOR_PARAMS } from './fit.ts';
import { evaluate, type RowResult } from './run.ts';

export interface OutOfSampleRow extends RowResult {
  readonly source: string;
  /** Every coverage key of the row was provided by a row of the fit. */
  readonly covered: boolean;
  /** What the fit lacked (empty when covered): calc/coverage.ts keys classified by gapClass. */
  readonly gaps?: readonly GapClass[];
}

/**
 * What a prediction outside its fold's coverage lacked: a vendor no fitted row ran on, a
 * generation or memory class of a covered vendor, a precision class, or a serving engine.
 */
export type GapClass = 'vendor' | 'hardware' | 'precision' | 'engine';

function gapClass(key: string, keys: ReadonlySet<string>): GapClass {
  const [phase, kind, value = ''] = key.split(':');
  if (kind === 'precision' || kind === 'engine') return kind;
  const vendor = `${phase}:hardware:${value.split('/')[0]}/`;
  return [...keys].some((k) => k.startsWith(vendor)) ? 'hardware' : 'vendor';
}

const keysOf = (rows: readonly Expressed[]): Set<string> => new Set(rows.flatMap((r) => r.coverage));

function predict(fitted: readonly Expressed[], targets: readonly Expressed[], p: EfficiencyParams): OutOfSampleRow[] {
  const keys = keysOf(fitted);
  const results = evaluate(targets, p);
  return results.map((r, i) => {
    const gaps = targets[i]!.coverage.filter((k) => !keys.has(k)).map((k) => gapClass(k, keys));
    return { ...r, source: targets[i]!.source, covered: gaps.length === 0, gaps: [...new Set(gaps)] };
  });
}

/** Leave-one-source-out over the fitting rows (held-back rows excluded). */
export function leaveOneSourceOut(expressed: readonly Expressed[], rounds = 6): OutOfSampleRow[] {
  const fitting = expressed.filter((e) => !e.heldBack);
  const sources = [...new Set(fitting.map((e) => e.source))];
  return sources.flatMap((source) => {
    const train = fitting.filter((e) => e.source !== source);
    const test = fitting.filter((e) => e.source === source);
    return predict(train, test, fitParams(train, PRIOR_PARAMS, rounds));
  });
}

/** The held-back rows, predicted with `params` (the parameters fitted on every non-held-back row). */
export function heldBackRows(expressed: readonly Expressed[], params: EfficiencyParams): OutOfSampleRow[] {
  return predict(
    expressed.filter((e) => !e.heldBack),
    expressed.filter((e) => e.heldBack),
    params,
  );
}
