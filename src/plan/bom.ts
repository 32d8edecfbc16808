/**
 * The bill of materials of the recommended configuration when it is bought, and its cash flow by
 * year: one line per item (servers of the platform, fabric switches, fabric cabling) with quantity,
 * unit price and total, evaluated from the formulas of economics/tco.ts (bomFormulas) and
 * economics/cash-flow.ts, which the workbook holds as text. Pure. docs/methodology.md#fabric.
 */
import type { ResolvedScenario } from '../scenario/resolve.ts';
import type { Option } from './options.ts';
import { bomFormulas } from '../economics/tco.ts';
import { yearFormulas, yearsOf } from '../economics/cash-flow.ts';
import { CONSTANT_INPUTS } from '../economics/names.ts';
import { num, type Env } from '../economics/expr.ts';
import type { PlatformSpec } from '../catalog/platforms.ts';

export type BomItem = 'servers' | 'switches' | 'cables';

interface BomLine {
  readonly item: BomItem;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly total: number;
}

interface CashYear {
  readonly year: number;
  readonly capex: number;
  readonly opex: number;
  readonly cash: number;
  readonly cumulative: number;
  readonly bookValue: number;
}

export interface Bom {
  /** The bought option the lines are for. */
  readonly option: Option;
  readonly platform: PlatformSpec;
  readonly nodes: number;
  /** Lines with a quantity (no fabric for one server). */
  readonly lines: readonly BomLine[];
  /** Sum of the lines: the capex. */
  readonly total: number;
  readonly cashFlow: readonly CashYear[];
}

/** The economics and constants as a formula environment. */
const envOf =
  (s: ResolvedScenario): Env =>
  (name) => {
    const v = (s.economics as unknown as Record<string, number | undefined>)[name] ?? (CONSTANT_INPUTS as Record<string, number>)[name];
    if (v === undefined) throw new Error(`no economic value named ${name}`);
    return v;
  };

/** The bill of materials of a bought option; null for a rented one or one without a price. */
export function calculateBom(s: ResolvedScenario, o: Option | undefined): Bom | null {
  const levels = o?.candidate.tco?.levels;
  const price = o?.candidate.candidate.purchasePrice;
  if (!o || o.acquisition !== 'buy' || !levels || !price) return null;
  const platform = o.candidate.platform;
  const env = envOf(s);
  const b = bomFormulas(num(o.gpus), num(platform.gpusPerNode), num(platform.scaleOutFabric ? 1 : 0), num(price.base));
  const nodes = b.nodes.evaluate(env);
  const all: BomLine[] = [
    { item: 'servers', quantity: nodes, unitPrice: b.nodePrice.evaluate(env), total: b.servers.evaluate(env) },
    { item: 'switches', quantity: b.switches.evaluate(env), unitPrice: s.economics.switchPrice, total: b.switchCost.evaluate(env) },
    { item: 'cables', quantity: b.cables.evaluate(env), unitPrice: s.economics.fabricCablingPerGpu, total: b.cablingCost.evaluate(env) },
  ];
  const lines = all.filter((l) => l.quantity > 0);
  const base = levels.base;
  let cumulative = 0;
  const cashFlow = Array.from({ length: yearsOf(s.economics.horizonMonths) }, (_, i) => {
    const f = yearFormulas(i + 1, num(base.capex), num(base.opexPerMonth));
    const cash = f.cash.evaluate(env);
    cumulative += cash;
    return {
      year: i + 1,
      capex: f.capex.evaluate(env),
      opex: f.opex.evaluate(env),
      cash,
      cumulative,
      bookValue: f.bookValue.evaluate(env),
    };
  });
  return { option: o, platform, nodes, lines, total: base.capex, cashFlow };
}
