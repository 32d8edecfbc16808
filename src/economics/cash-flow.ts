/**
 * The yearly cash flow of a bought fleet and its book value, written once as formulas over the
 * workbook's names (docs/methodology.md#cash-flow): capex is paid in year 1, opex month by month;
 * the book value follows straight-line depreciation to the residual (the accounting view).
 *   opex in year y   = opex per month × MIN(12, horizon − 12 (y − 1))
 *   book value (y)   = depreciable × (1 − (1 − residual) × MIN(1, 12 y / (12 × depreciation years)))
 * where the depreciable part is the capex less the support contract and licences (expensed).
 */
import { add, min, mul, num, product, ref, sub, div, type Expr } from './expr.ts';

export interface YearFormulas {
  readonly capex: Expr;
  readonly opex: Expr;
  readonly cash: Expr;
  readonly bookValue: Expr;
}

/** Year `year` (1-based) of a fleet whose capex, its depreciable part and opex per month are given. */
export function yearFormulas(year: number, capex: Expr, depreciable: Expr, opexPerMonth: Expr): YearFormulas {
  const months = min(num(12), sub(ref('horizonMonths'), num(12 * (year - 1))));
  const paid = year === 1 ? capex : num(0);
  const opex = mul(opexPerMonth, months);
  const depreciated = product(
    sub(num(1), ref('residualValueShare')),
    min(num(1), div(num(12 * year), mul(num(12), ref('depreciationYears')))),
  );
  return { capex: paid, opex, cash: add(paid, opex), bookValue: mul(depreciable, sub(num(1), depreciated)) };
}

/** Years the horizon spans (a last partial year counts). */
export const yearsOf = (horizonMonths: number): number => Math.ceil(horizonMonths / 12);
