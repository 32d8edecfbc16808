/**
 * The bill of materials of the recommended configuration when it is bought, and its cash flow by
 * year: one line per item (servers of the platform, fabric switches, fabric cabling) with quantity,
 * unit price and total, evaluated from the formulas of economics/tco.ts (bomFormulas) and
 * economics/cash-flow.ts, which the workbook holds as text. Pure. docs/methodology.md#fabric.
 */
import type { ResolvedScenario } from '../scenario/resolve.ts';
import type { Option } from './options.ts';
import { EVAL_NAMES, bomFormulas, bomRefs } from '../economics/tco.ts';
import { yearFormulas, yearsOf } from '../economics/cash-flow.ts';
import { inputEnv, inputValues } from '../economics/names.ts';
import { num, ref, when, type Expr } from '../economics/expr.ts';
import type { PlatformSpec } from '../catalog/platforms.ts';

export type BomItem =
  | 'servers'
  | 'switches'
  | 'cables'
  | 'racks'
  | 'pdus'
  | 'storage'
  | 'installation'
  | 'shipping'
  | 'tax'
  | 'support'
  | 'software'
  | 'softwareIncluded';

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

/** The lines of the bill of materials as formulas: quantity, unit price and total of each item, in order. */
export function bomLineFormulas(b: ReturnType<typeof bomFormulas>): { item: BomItem; quantity: Expr; unitPrice: Expr; total: Expr }[] {
  const one = num(1);
  return [
    { item: 'servers', quantity: b.nodes, unitPrice: b.nodePrice, total: b.servers },
    { item: 'switches', quantity: b.switches, unitPrice: ref('switchPrice'), total: b.switchCost },
    { item: 'cables', quantity: b.cables, unitPrice: ref('fabricCablingPerGpu'), total: b.cablingCost },
    { item: 'racks', quantity: b.racks, unitPrice: b.rackPrice, total: b.rackCost },
    { item: 'pdus', quantity: b.pdus, unitPrice: ref('pduPrice'), total: b.pduCost },
    { item: 'storage', quantity: ref('storageTb'), unitPrice: ref('storagePerTb'), total: b.storageCost },
    { item: 'installation', quantity: b.nodes, unitPrice: ref('installationPerNode'), total: b.installationCost },
    { item: 'shipping', quantity: when(b.shippingCost, '>', num(0), one, num(0)), unitPrice: b.shippingCost, total: b.shippingCost },
    { item: 'tax', quantity: when(b.taxCost, '>', num(0), one, num(0)), unitPrice: b.taxCost, total: b.taxCost },
    { item: 'support', quantity: when(b.supportCost, '>', num(0), one, num(0)), unitPrice: b.supportCost, total: b.supportCost },
    {
      item: 'software',
      quantity: when(b.softwareCost, '>', num(0), b.licences, num(0)),
      unitPrice: ref('softwarePerGpuYear'),
      total: b.softwareCost,
    },
    // The licence years included with the GPU: listed at no cost while the stack needs the licence.
    { item: 'softwareIncluded', quantity: b.includedLicences, unitPrice: num(0), total: num(0) },
  ];
}

/** The bill of materials of a bought option; null for a rented one or one without a price. */
export function calculateBom(s: ResolvedScenario, o: Option | undefined): Bom | null {
  // The servers bought: the whole fleet (buy) or the inference servers (mixed).
  const levels = o?.bought?.tco.levels;
  const price = o?.candidate.candidate.purchasePrice;
  if (!o?.bought || !levels || !price) return null;
  const { platform, node } = o.bought;
  const c = o.candidate.candidate;
  // The same names and values as the workbook's Inputs sheet, for the servers bought.
  const env = inputEnv(
    inputValues(s.economics, [
      {
        names: EVAL_NAMES,
        gpus: o.bought.gpus,
        ...node.inputs,
        tdpWatts: c.gpu.tdpWatts,
        purchasePrice: price,
        rentalPerGpuHour: null,
      },
    ]),
  );
  const b = bomFormulas(bomRefs(EVAL_NAMES, 'base'));
  const nodes = b.nodes.evaluate(env);
  const line = (item: BomItem, quantity: Expr, unitPrice: Expr, total: Expr): BomLine => ({
    item,
    quantity: quantity.evaluate(env),
    unitPrice: unitPrice.evaluate(env),
    total: total.evaluate(env),
  });
  const all: BomLine[] = bomLineFormulas(b).map((l) => line(l.item, l.quantity, l.unitPrice, l.total));
  // A line with nothing to buy is left out; one with a quantity but no published price stays (to be quoted).
  const lines = all.filter((l) => l.quantity > 0);
  const base = levels.base;
  let cumulative = 0;
  const cashFlow = Array.from({ length: yearsOf(s.economics.horizonMonths) }, (_, i) => {
    const f = yearFormulas(i + 1, num(base.capex), num(b.depreciable.evaluate(env)), num(base.opexPerMonth));
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
