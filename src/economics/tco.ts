/**
 * Total cost of ownership of a fleet of one GPU kind, bought or rented, over the horizon, written
 * once as formulas over the workbook's input names (economics/names.ts). The TCO sheet holds
 * their text; `calculateTco` evaluates the very same formulas, so the report's numbers are the
 * workbook's. All money in the scenario currency. GPUs are whole servers of the candidate's
 * platform (docs/methodology.md#platforms). Method (docs/methodology.md#economics):
 *   servers    = nodes × node price: a complete node's (catalog or scenario), else the host's +
 *                GPUs per node × price, else GPUs per node × price × server overhead
 *   fabric     = beyond one node of an HGX/OAM platform: switches × switch price + GPUs × cabling
 *                (one 64-port switch up to 64 GPUs, else leaves GPUs/32 + spines GPUs/64;
 *                docs/methodology.md#fabric); racks = ⌈IT kW ÷ rack power⌉ with two PDUs each
 *                (a rack-scale node is one rack with its own cabinet and power shelves);
 *                storage; installation per server; shipping and tax on the hardware; the support
 *                contract (maintenance share × years) and licences per GPU-year for the horizon
 *                beyond the years included with the GPU (none for GeForce cards);
 *                capex = the sum of the bill of materials (docs/methodology.md#capex)
 *   IT kW      = nodes × node load kW: published (measured, else rated) or set by the scenario, else
 *                GPUs per node × TDP × node power multiple / 1000 (docs/methodology.md#power)
 *   power      = nodes × (utilisation × load kW + (1 − utilisation) × idle kW) × hours × PUE × price
 *                per kWh; idle kW published or set, else load × idle share
 *   hosting    = IT kW × hosting per kW-month  (maintenance is the support contract in the capex)
 *   cash       = capex + opex × horizon (the money that leaves the company; the headline)
 *   NPV        = capex + opex × annuity factor at the monthly equivalent of the discount rate
 *   owned cost = depreciable capex − its book value at the horizon + support + licences + opex
 *                (the accounting view)
 *   rent       = GPUs × on-demand rate per GPU-hour × (1 − the term's discount) × hours (held all
 *                month; docs/methodology.md#rent)
 */
import { add, ceiling, compiler, div, min, mul, named, num, power, product, ref, sub, sum, when, type Expr } from './expr.ts';
import { BUDGET, CONSTANT_INPUTS, ECONOMIC_INPUTS, TCO_RESULTS, candidateNames, type CandidateNames } from './names.ts';
import { LEVELS, type Level, type NodeInputs, type OptionDrivers, type ResolvedEconomics, type Money } from './types.ts';

export { LEVELS, type Level };

/** Whole nodes (servers, racks) holding `gpus` GPUs. */
const nodesFormula = (gpus: Expr, gpusPerNode: Expr): Expr => ceiling(div(gpus, gpusPerNode));

/** Fabric switches for `gpus` endpoints: one up to the switch's ports, else leaves (half the ports down) and spines. */
export const switchesFormula = (gpus: Expr): Expr =>
  when(
    gpus,
    '<=',
    ref('switchPorts'),
    num(1),
    add(ceiling(div(gpus, div(ref('switchPorts'), num(2)))), ceiling(div(gpus, ref('switchPorts')))),
  );

/** Years the horizon spans, as a fraction (a support contract or licence is bought for the horizon). */
const horizonYears = (): Expr => div(ref('horizonMonths'), num(12));

/** The inputs of the bill of materials as formulas: a candidate's named cells, or numbers. */
export interface BomRefs {
  readonly gpus: Expr;
  readonly gpusPerNode: Expr;
  readonly fabric: Expr;
  readonly rackScale: Expr;
  /** Scale-out NICs per node: the fabric's endpoints. */
  readonly nicsPerNode: Expr;
  /** Price of one GPU, of a complete node, of a node without GPUs (0: not known). */
  readonly price: Expr;
  readonly nodePrice: Expr;
  readonly hostPrice: Expr;
  readonly tdpWatts: Expr;
  /** One node's power at load and idle, kW (0: not known). */
  readonly nodeLoadKw: Expr;
  readonly nodeIdleKw: Expr;
  readonly licensed: Expr;
  readonly licenceIncludedYears: Expr;
}

/** A candidate's named cells at one price level. */
export const bomRefs = (n: CandidateNames, level: Level): BomRefs => ({
  gpus: ref(n.gpus),
  gpusPerNode: ref(n.gpusPerNode),
  fabric: ref(n.fabric),
  rackScale: ref(n.rackScale),
  nicsPerNode: ref(n.nicsPerNode),
  price: ref(n.price[level]),
  nodePrice: ref(n.nodePrice[level]),
  hostPrice: ref(n.hostPrice),
  tdpWatts: ref(n.tdpWatts),
  nodeLoadKw: ref(n.nodeLoadKw),
  nodeIdleKw: ref(n.nodeIdleKw),
  licensed: ref(n.licensed),
  licenceIncludedYears: ref(n.licenceIncludedYears),
});

const known = (v: Expr, otherwise: Expr): Expr => when(v, '>', num(0), v, otherwise);

/**
 * One node's power at load and idle, kW (docs/methodology.md#power): the platform's published
 * figure (measured, else rated or reported) or the scenario's, else GPUs × TDP × the node power
 * multiple; idle the published or scenario figure, else load × the idle share.
 */
function nodePowerFormulas(r: Pick<BomRefs, 'gpusPerNode' | 'tdpWatts' | 'nodeLoadKw' | 'nodeIdleKw'>): { load: Expr; idle: Expr } {
  const load = known(r.nodeLoadKw, div(product(r.gpusPerNode, r.tdpWatts, ref('nodePowerMultiplier')), num(1000)));
  return { load, idle: known(r.nodeIdleKw, mul(load, ref('idlePowerShare'))) };
}

/**
 * The bill of materials' money lines (docs/methodology.md#capex, #fabric): servers (a complete
 * node's price where known, else the host's + its GPUs, else GPUs × price × server overhead),
 * fabric switches and cabling, racks and PDUs sized from power (a rack-scale node is its own rack,
 * cabinet and power shelves included), storage, installation, shipping and tax on the hardware,
 * the support contract and software licences for the horizon (none for the years included with
 * the GPU). Their sum is the capex; `depreciable` is the part that depreciates.
 */
export function bomFormulas(r: BomRefs) {
  const { gpus, gpusPerNode } = r;
  const nodes = nodesFormula(gpus, gpusPerNode);
  const estimate = product(gpusPerNode, r.price, ref('serverOverheadMultiplier'));
  const nodePrice = known(r.nodePrice, when(r.hostPrice, '>', num(0), add(r.hostPrice, mul(gpusPerNode, r.price)), estimate));
  const scaleOut = (e: Expr) => when(nodes, '>', num(1), mul(r.fabric, e), num(0));
  // The fabric's endpoints are the nodes' scale-out NICs (one per GPU in NVIDIA's reference designs).
  const endpoints = mul(nodes, r.nicsPerNode);
  const switches = scaleOut(switchesFormula(endpoints));
  const cables = scaleOut(endpoints);
  const servers = mul(nodes, nodePrice);
  const switchCost = mul(switches, ref('switchPrice'));
  const cablingCost = mul(cables, ref('fabricCablingPerGpu'));
  // Racks from the IT power of the whole servers at load (the same node power as the opex);
  // a rack-scale node is one rack that brings its own cabinet and power shelves.
  const itKw = mul(nodes, nodePowerFormulas(r).load);
  const rackScale = (then: Expr, otherwise: Expr) => when(r.rackScale, '>', num(0), then, otherwise);
  const racks = rackScale(nodes, ceiling(div(itKw, ref('rackPowerKw'))));
  const rackPrice = rackScale(num(0), ref('rackPrice'));
  // Two PDUs per rack on A/B feeds (aiinfrasource.com, 2026-06).
  const pdus = rackScale(num(0), mul(racks, num(2)));
  const rackCost = mul(racks, rackPrice);
  const pduCost = mul(pdus, ref('pduPrice'));
  const storageCost = mul(ref('storageTb'), ref('storagePerTb'));
  const hardware = sum(servers, switchCost, cablingCost, rackCost, pduCost, storageCost);
  const installationCost = mul(nodes, ref('installationPerNode'));
  const shippingCost = mul(hardware, ref('shippingShare'));
  const taxCost = mul(hardware, ref('taxShare'));
  const supportCost = product(hardware, ref('maintenanceSharePerYear'), horizonYears());
  // GPU-years of the licence over the horizon: paid beyond the years included with the GPU.
  const licensedGpus = mul(gpus, r.licensed);
  const paidYears = sub(horizonYears(), r.licenceIncludedYears);
  const licences = mul(licensedGpus, when(paidYears, '>', num(0), paidYears, num(0)));
  const includedLicences = when(
    ref('softwarePerGpuYear'),
    '>',
    num(0),
    mul(licensedGpus, min(horizonYears(), r.licenceIncludedYears)),
    num(0),
  );
  const softwareCost = mul(licences, ref('softwarePerGpuYear'));
  const depreciable = sum(hardware, installationCost, shippingCost, taxCost);
  return {
    nodes,
    nodePrice,
    servers,
    switches,
    switchCost,
    cables,
    cablingCost,
    itKw,
    racks,
    rackPrice,
    rackCost,
    pdus,
    pduCost,
    storageCost,
    installationCost,
    hardware,
    shippingCost,
    taxCost,
    supportCost,
    licences,
    includedLicences,
    softwareCost,
    depreciable,
    capex: sum(depreciable, supportCost, softwareCost),
  };
}

/** Months of cash outflow discounted at the monthly equivalent of the yearly rate: the horizon itself at 0%. */
export function annuityFormula(): Expr {
  const horizon = ref('horizonMonths');
  const monthly = sub(power(add(num(1), ref('discountRatePerYear')), div(num(1), num(12))), num(1));
  return when(
    ref('discountRatePerYear'),
    '<=',
    num(0),
    horizon,
    div(sub(num(1), power(add(num(1), monthly), mul(num(-1), horizon))), monthly),
  );
}

/** Months until buying (capex + opex·m) costs no more than renting (rent·m); blank beyond 120 months or never. */
function breakEvenFormula(capex: Expr, opexPerMonth: Expr, rentPerMonth: Expr): Expr {
  const months = ceiling(div(capex, sub(rentPerMonth, opexPerMonth)));
  return when(rentPerMonth, '<=', opexPerMonth, 'blank', when(months, '<=', num(120), months, 'blank'));
}

/** TFLOPS (BF16 dense) per 1,000 of owned cost over the horizon. */
export const tflopsPerMoneyFormula = (bf16Tflops: number, gpus: Expr, ownedTotal: Expr): Expr =>
  div(mul(num(bf16Tflops), gpus), div(ownedTotal, num(1000)));

export interface TcoFormulas {
  readonly itPowerKw: Expr;
  readonly energyKwhPerMonth: Expr;
  readonly capex: Expr;
  readonly powerPerMonth: Expr;
  readonly opexPerMonth: Expr;
  readonly ownedTotal: Expr;
  readonly cashTotal: Expr;
  readonly npv: Expr;
  readonly rentPerMonth: Expr;
  readonly rentTotal: Expr;
  readonly breakEvenMonth: Expr;
}

/** Results that can sit in named cells of the workbook. */
export type NamedResult = 'itPowerKw' | 'powerPerMonth' | 'capex' | 'opexPerMonth';
export const NAMED_RESULTS: readonly NamedResult[] = ['itPowerKw', 'powerPerMonth', 'capex', 'opexPerMonth'];

/**
 * Another fleet of the candidate's GPU than the Inputs sheet's (the mixed option's inference
 * servers): its GPU count and, where its platform differs from the candidate's, that platform's
 * node inputs, written as numbers; everything else is read from the candidate's names.
 */
export type FleetExprs = Partial<BomRefs> & Pick<BomRefs, 'gpus'>;

/**
 * The TCO of one candidate at one price level. `cells` lists the results that sit in named
 * cells of the workbook: formulas then refer to those cells by name instead of repeating them.
 * Each entry is the formula of that result's own cell.
 */
export function tcoFormulas(n: CandidateNames, level: Level, cells: readonly NamedResult[] = [], fleet?: FleetExprs): TcoFormulas {
  // Another fleet than the Inputs sheet's (the mixed option's servers) has no named result cells.
  const cell = (result: NamedResult, e: Expr) => (cells.includes(result) && !fleet ? named(n[result], e) : e);
  const r: BomRefs = { ...bomRefs(n, level), ...fleet };
  const gpus = r.gpus;
  const nodes = nodesFormula(gpus, r.gpusPerNode);
  const node = nodePowerFormulas(r);
  const itPowerKw = mul(nodes, node.load);
  // Energy at the utilisation: load power the share of hours at load, idle power the rest.
  const averageKw = mul(nodes, add(mul(ref('utilization'), node.load), mul(sub(num(1), ref('utilization')), node.idle)));
  const energyKwhPerMonth = product(averageKw, ref('hoursPerMonth'), ref('pue'));
  const bom = bomFormulas(r);
  const capex = bom.capex;
  const powerPerMonth = mul(energyKwhPerMonth, ref('electricityPricePerKwh'));
  const hostingPerMonth = mul(cell('itPowerKw', itPowerKw), ref('hostingPerKwMonth'));
  const opexPerMonth = add(cell('powerPerMonth', powerPerMonth), hostingPerMonth);
  const horizon = ref('horizonMonths');
  const depreciatedShare = mul(min(num(1), div(horizon, mul(ref('depreciationYears'), num(12)))), sub(num(1), ref('residualValueShare')));
  // The support contract and licences are expensed over the horizon; the rest depreciates.
  const expensed = add(bom.supportCost, bom.softwareCost);
  const ownedTotal = sum(
    mul(sub(cell('capex', capex), expensed), depreciatedShare),
    expensed,
    mul(cell('opexPerMonth', opexPerMonth), horizon),
  );
  const cashTotal = add(cell('capex', capex), mul(cell('opexPerMonth', opexPerMonth), horizon));
  const npv = add(cell('capex', capex), mul(cell('opexPerMonth', opexPerMonth), annuityFormula()));
  const rentPerMonth = product(gpus, ref(n.rent[level]), sub(num(1), ref(n.rentDiscount)), ref('hoursPerMonth'));
  return {
    itPowerKw,
    energyKwhPerMonth,
    capex,
    powerPerMonth,
    opexPerMonth,
    ownedTotal,
    cashTotal,
    npv,
    rentPerMonth,
    rentTotal: mul(rentPerMonth, horizon),
    breakEvenMonth: breakEvenFormula(cell('capex', capex), cell('opexPerMonth', opexPerMonth), rentPerMonth),
  };
}

// ---- TypeScript evaluation ------------------------------------------------------------------

export interface TcoInput extends NodeInputs {
  readonly gpus: number;
  readonly tdpWatts: number | null;
  readonly purchasePrice: Money | null;
  readonly rentalPerGpuHour: Money | null;
  /** Discount of the steady rental's term below on demand (0 or absent: on demand). */
  readonly rentDiscount?: number;
  readonly economics: ResolvedEconomics;
}

/**
 * What the money formulas read of a fleet of `gpus` on nodes `n`, in one place. Written out field by
 * field rather than spread: the sensitivity builds it hundreds of times per scenario and a spread
 * inside a literal is slow; every field of NodeInputs is required, so one added fails to compile here.
 */
export function fleetInput(
  gpus: number,
  n: NodeInputs,
  tdpWatts: number | null,
  purchasePrice: Money | null,
  rentalPerGpuHour: Money | null,
  rentDiscount: number,
  economics: ResolvedEconomics,
): TcoInput {
  return {
    gpus,
    gpusPerNode: n.gpusPerNode,
    fabric: n.fabric,
    rackScale: n.rackScale,
    nicsPerNode: n.nicsPerNode,
    nodePrice: n.nodePrice,
    hostPrice: n.hostPrice,
    nodeLoadKw: n.nodeLoadKw,
    nodeIdleKw: n.nodeIdleKw,
    licensed: n.licensed,
    licenceIncludedYears: n.licenceIncludedYears,
    tdpWatts,
    purchasePrice,
    rentalPerGpuHour,
    rentDiscount,
    economics,
  };
}

export interface TcoPoint {
  readonly capex: number;
  readonly powerPerMonth: number;
  readonly opexPerMonth: number;
  /** Owned cost over the horizon: depreciation + opex (the accounting view). */
  readonly ownedTotal: number;
  /** Cash over the horizon: capex + opex (the headline). */
  readonly cashTotal: number;
  /** Net present value of that cash at the scenario's discount rate. */
  readonly npv: number;
  readonly rentPerMonth: number | null;
  readonly rentTotal: number | null;
  /** First month whose cumulative cash cost of buying is at or below renting; null if never within 10 years. */
  readonly breakEvenMonth: number | null;
}

export interface TcoResult {
  /** IT power of the GPUs at full load, kW. */
  readonly itPowerKw: number;
  /** Energy drawn from the grid per month (incl. PUE), kWh. */
  readonly energyKwhPerMonth: number;
  /** Low/high from the price ranges (purchase and rental prices move together). */
  readonly levels: Readonly<Record<Level, TcoPoint>> | null;
}

/** The formulas over one fixed set of names, built once. */
export const EVAL_NAMES = candidateNames('c');
const EVAL = {
  low: tcoFormulas(EVAL_NAMES, 'low', NAMED_RESULTS),
  base: tcoFormulas(EVAL_NAMES, 'base', NAMED_RESULTS),
  high: tcoFormulas(EVAL_NAMES, 'high', NAMED_RESULTS),
};

/**
 * Where a compiled formula reads each name: the economics (`e`, a ResolvedEconomics), the
 * candidate (`c`, a TcoInput), its evaluated TCO levels (`t`), or a constant. An empty input
 * reads as 0, as in a spreadsheet.
 */
const SLOTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(ECONOMIC_INPUTS.map((k) => [k, `e.${k}`])),
  hoursPerMonth: String(CONSTANT_INPUTS.hoursPerMonth),
  switchPorts: String(CONSTANT_INPUTS.switchPorts),
  [BUDGET]: '(e.budget ?? 0)',
  [EVAL_NAMES.gpus]: 'c.gpus',
  [EVAL_NAMES.gpusPerNode]: 'c.gpusPerNode',
  [EVAL_NAMES.fabric]: 'c.fabric',
  [EVAL_NAMES.tdpWatts]: '(c.tdpWatts ?? 0)',
  [EVAL_NAMES.rentDiscount]: '(c.rentDiscount ?? 0)',
  [EVAL_NAMES.rackScale]: 'c.rackScale',
  [EVAL_NAMES.nicsPerNode]: 'c.nicsPerNode',
  [EVAL_NAMES.hostPrice]: '(c.hostPrice ?? 0)',
  [EVAL_NAMES.nodeLoadKw]: '(c.nodeLoadKw ?? 0)',
  [EVAL_NAMES.nodeIdleKw]: '(c.nodeIdleKw ?? 0)',
  [EVAL_NAMES.licensed]: 'c.licensed',
  [EVAL_NAMES.licenceIncludedYears]: 'c.licenceIncludedYears',
  ...Object.fromEntries(
    LEVELS.flatMap((l) => [
      [EVAL_NAMES.price[l], `(c.purchasePrice?.${l} ?? 0)`],
      [EVAL_NAMES.nodePrice[l], `(c.nodePrice?.${l} ?? 0)`],
      [EVAL_NAMES.rent[l], `(c.rentalPerGpuHour?.${l} ?? 0)`],
      [TCO_RESULTS.ownedTotal[l], `t.${l}.ownedTotal`],
      [TCO_RESULTS.capex[l], `t.${l}.capex`],
      [TCO_RESULTS.cashTotal[l], `t.${l}.cashTotal`],
      [TCO_RESULTS.npv[l], `t.${l}.npv`],
    ]),
  ),
};
/** The arguments of a compiled formula: the economics, the candidate, its evaluated TCO levels, the option's drivers. */
export type EvalArgs = [
  e: ResolvedEconomics,
  c: Omit<TcoInput, 'economics'>,
  t: Readonly<Record<Level, TcoPoint>> | null,
  d?: OptionDrivers,
];
/** Formulas over EVAL names (and `driver_…` names, read from the drivers `d`) as one fast function. */
export const compileEval = compiler<EvalArgs>(
  (name) => {
    const runs = /^driver_trainingRuns_(\d+)$/.exec(name);
    if (runs) return `d.trainingRuns[${runs[1]}]`;
    const driver = /^driver_(inferenceGpus|tokensPerSecond_(low|base|high)|trainingGpuHours_(\d+)_(low|base|high))$/.exec(name);
    if (driver)
      return driver[2] ? `d.tokensPerSecond.${driver[2]}` : driver[3] ? `d.trainingGpuHours[${driver[3]}].${driver[4]}` : 'd.inferenceGpus';
    const slot = SLOTS[name];
    if (slot === undefined) throw new Error(`no value for ${name} in a compiled formula`);
    return slot;
  },
  ['e', 'c', 't', 'd'],
);

/** A level's results, computed together (economics/expr.ts `compiledSource`: the bill of materials once, not once per result). */
const pointShape = (f: TcoFormulas) => ({
  capex: f.capex,
  powerPerMonth: f.powerPerMonth,
  opexPerMonth: f.opexPerMonth,
  ownedTotal: f.ownedTotal,
  cashTotal: f.cashTotal,
  npv: f.npv,
  rentPerMonth: f.rentPerMonth,
  rentTotal: f.rentTotal,
  breakEvenMonth: f.breakEvenMonth,
});
const powerShape = { itPowerKw: EVAL.base.itPowerKw, energyKwhPerMonth: EVAL.base.energyKwhPerMonth };
/** Compiled once: the power alone (no price), with the base level, with all three levels. */
const POWER = compileEval(powerShape);
const BASE = compileEval({ ...powerShape, base: pointShape(EVAL.base) });
const ALL = compileEval({ ...powerShape, low: pointShape(EVAL.low), base: pointShape(EVAL.base), high: pointShape(EVAL.high) });
const CAPEX = compileEval(EVAL.base.capex);

type PointValues = ReturnType<typeof BASE>['base'];
/** The level's values as a TcoPoint: no rent without a rental price, no break-even beyond 120 months or never. */
function tcoPoint(v: PointValues, rented: boolean): TcoPoint {
  return {
    capex: v.capex,
    powerPerMonth: v.powerPerMonth,
    opexPerMonth: v.opexPerMonth,
    ownedTotal: v.ownedTotal,
    cashTotal: v.cashTotal,
    npv: v.npv,
    rentPerMonth: rented ? v.rentPerMonth : null,
    rentTotal: rented ? v.rentTotal : null,
    breakEvenMonth: !rented || Number.isNaN(v.breakEvenMonth) ? null : v.breakEvenMonth,
  };
}

export function calculateTco(input: TcoInput): TcoResult {
  const e = input.economics;
  if (!input.purchasePrice) return { ...POWER(e, input, null), levels: null };
  const v = ALL(e, input, null);
  const rented = input.rentalPerGpuHour !== null;
  return {
    itPowerKw: v.itPowerKw,
    energyKwhPerMonth: v.energyKwhPerMonth,
    levels: { low: tcoPoint(v.low, rented), base: tcoPoint(v.base, rented), high: tcoPoint(v.high, rented) },
  };
}

/**
 * The base level alone, standing in for low and high too: for calculations that read only base
 * figures (the sensitivity's rows and flip-point scans), a third of calculateTco's work.
 */
export function calculateTcoBase(input: TcoInput): TcoResult {
  const e = input.economics;
  if (!input.purchasePrice) return { ...POWER(e, input, null), levels: null };
  const v = BASE(e, input, null);
  const base = tcoPoint(v.base, input.rentalPerGpuHour !== null);
  return { itPowerKw: v.itPowerKw, energyKwhPerMonth: v.energyKwhPerMonth, levels: { low: base, base, high: base } };
}

/** Capex of `gpus` GPUs (whole nodes of the node's size) at `price` each under the scenario's economics (the selection guide's tiers). */
export function capexOf(economics: ResolvedEconomics, gpus: number, node: NodeInputs, price: number, tdpWatts: number | null): number {
  const money: Money = { low: price, base: price, high: price, from: 'scenario' };
  return CAPEX(economics, fleetInput(gpus, node, tdpWatts, money, null, 0, economics), null);
}

/** Months until buying costs no more than renting; null beyond 120 months or never. */
export function breakEven(capex: number, opexPerMonth: number, rentPerMonth: number): number | null {
  const m = breakEvenFormula(num(capex), num(opexPerMonth), num(rentPerMonth)).evaluate(() => 0);
  return Number.isNaN(m) ? null : m;
}

/** Cumulative cash cost at the given months, buying and renting (for the break-even chart). */
export function cumulativeCost(p: TcoPoint, months: readonly number[]): { buy: number[]; rent: number[] | null } {
  return {
    buy: months.map((m) => p.capex + p.opexPerMonth * m),
    rent: p.rentPerMonth === null ? null : months.map((m) => p.rentPerMonth! * m),
  };
}
