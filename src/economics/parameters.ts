/**
 * Every economic parameter declared once: what the scenario may set (range → the zod schema and
 * its description), its default and where the default comes from, its unit, its number format and
 * label in the workbook and the Assumptions, and how far the sensitivity analysis moves it.
 * The schema (scenario/schema.ts), resolve, the Inputs sheet, the Assumptions rows, the
 * sensitivity analysis and the table in docs/scenario.md (checked by a test) all read this table.
 * Sources: the project's research file gpu-specs.yaml `economics`, compiled 2026-11-25; the
 * method is described in docs/methodology.md#economics.
 */
import type { MessageKey } from '../i18n/index.ts';
import type { NumberFormat } from '../report/model.ts';

/** Where a default comes from: a published source, a planning convention, or a neutral tool default (0). */
type DefaultSource = { readonly text: string; readonly url: string } | 'planning' | 'tool';

/** How the sensitivity analysis moves a parameter (applies to buying, renting or both). */
interface SensitivitySpan {
  readonly applies: 'any' | 'buy' | 'rent';
  /** Low/high when the scenario leaves the default (default: the plausible range). */
  readonly low?: number;
  readonly high?: number;
  /** When the scenario sets the value (or always, when no low/high applies): value × (1 ± relative) or value ± absolute, clamped. */
  readonly around?: { readonly relative?: number; readonly absolute?: number; readonly min?: number; readonly max?: number };
  /** Where the ranking flip is searched: [low, high], high at least `highTimesValue` × the value. */
  readonly flip: { readonly low: number; readonly high: number; readonly highTimesValue?: number };
}

export interface EconomicParameter {
  /** What the field means (the schema description starts with it). */
  readonly help: string;
  readonly default: number;
  /** The default and plausible range are in USD and convert at the scenario's usdExchangeRate. */
  readonly perUsd?: boolean;
  /** Sourced range of the value in practice. */
  readonly plausible?: { readonly low: number; readonly high: number };
  /** Accepted values: bounds (exclusive where marked) and whole numbers. */
  readonly range: {
    readonly min?: number;
    readonly minExclusive?: boolean;
    readonly max?: number;
    readonly maxExclusive?: boolean;
    readonly integer?: boolean;
    /** min and max are USD and convert at the scenario's usdExchangeRate (checked in scenario/rules.ts). */
    readonly usd?: boolean;
  };
  /** false: fixed by the tool (not a scenario field). */
  readonly settable?: false;
  /** Unit with {currency}, {month}, {year} placeholders; absent for ratios and shares. */
  readonly unit?: string;
  readonly format: NumberFormat;
  /** Label in the Inputs sheet and the Assumptions; `shortLabel` in the sensitivity table and chart. */
  readonly label: MessageKey;
  readonly shortLabel?: MessageKey;
  readonly source: DefaultSource;
  readonly sensitivity?: SensitivitySpan;
}

export const ECONOMIC_PARAMETERS = {
  electricityPricePerKwh: {
    help: 'Electricity price per kWh.',
    default: 0.08,
    perUsd: true,
    plausible: { low: 0.06, high: 0.19 },
    // 0.001–10 USD/kWh: a hundredth of the cheapest industrial tariff to fifty times the dearest.
    range: { min: 0.001, max: 10, usd: true },
    unit: '{currency}/kWh',
    format: 'decimal3',
    label: 'assume.electricity',
    // US average industrial retail price 2022–2025: 0.077–0.083 USD/kWh.
    source: {
      text: 'EIA Electric Power Monthly Table 5.6.A (US industrial average 2022–2025), via Epoch AI training-cost-trends',
      url: 'https://www.eia.gov/electricity/monthly/epm_table_grapher.php?t=epmt_5_6_a',
    },
    sensitivity: { applies: 'any', around: { relative: 0.3 }, flip: { low: 0, high: 1, highTimesValue: 10 } },
  },
  pue: {
    help: 'Facility power usage effectiveness (PUE), 1–3.',
    default: 1.55,
    plausible: { low: 1.1, high: 1.6 },
    range: { min: 1, max: 3 },
    format: 'decimal2',
    label: 'assume.pue',
    shortLabel: 'param.pue',
    // Industry average 1.58 (2023), 1.54 (2025); hyperscale ~1.1.
    source: {
      text: 'Uptime Institute global data center survey (industry average 1.58 in 2023, 1.54 in 2025); hyperscale ~1.1 (Epoch AI)',
      url: 'https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms',
    },
    sensitivity: { applies: 'any', around: { absolute: 0.2, min: 1 }, flip: { low: 1, high: 3 } },
  },
  utilization: {
    // No universal published value: the fleet's own average (set it from monitoring).
    help: 'Average share of hours the GPUs run at load, (0, 1].',
    default: 0.7,
    range: { min: 0, minExclusive: true, max: 1 },
    format: 'percent',
    label: 'assume.utilization',
    shortLabel: 'param.utilization',
    source: 'planning',
    sensitivity: { applies: 'any', around: { absolute: 0.2, min: 0.1, max: 1 }, flip: { low: 0.05, high: 1 } },
  },
  horizonMonths: {
    // 36 months matches a 3-year reserved-capacity term.
    help: 'Planning horizon in months.',
    default: 36,
    // One month to 20 years: a horizon beyond any GPU's useful life is not a plan.
    range: { min: 1, max: 240, integer: true },
    unit: '{month}',
    format: 'integer',
    label: 'assume.horizon',
    source: 'planning',
  },
  serverOverheadMultiplier: {
    // An 8-GPU HGX/DGX server costs 1.3–1.6× its bare GPUs; servers are bought whole
    // (docs/methodology.md#platforms), so this prices each node of the platform.
    help: 'Server cost as a multiple of its GPUs (each whole server of the platform).',
    default: 1.4,
    plausible: { low: 1.3, high: 1.6 },
    range: { min: 1, max: 3 },
    unit: '×',
    format: 'decimal2',
    label: 'assume.serverOverhead',
    shortLabel: 'param.serverOverheadMultiplier',
    source: {
      text: 'SemiAnalysis AI server cost analysis (2023); Thinkmate 8×H100 quote (2024); Epoch AI overhead factors',
      url: 'https://www.semianalysis.com/p/ai-server-cost-analysis-memory-is',
    },
    sensitivity: { applies: 'buy', flip: { low: 1, high: 3 } },
  },
  switchPrice: {
    // One 64-port 400G fabric switch (NVIDIA Quantum-2 QM9700 class); more than one server needs a
    // scale-out fabric sized from the GPU count (docs/methodology.md#fabric).
    help: 'Price of one 64-port 400G scale-out fabric switch, scenario currency.',
    default: 36000,
    perUsd: true,
    plausible: { low: 36000, high: 50000 },
    // Up to 1,000,000 USD for one switch: some twenty times a 64-port NDR switch.
    range: { min: 0, max: 1_000_000, usd: true },
    unit: '{currency}',
    format: 'currency',
    label: 'assume.switchPrice',
    shortLabel: 'param.switchPrice',
    source: {
      text: 'FS.com QM9700-class 64-port NDR switch ~36,000 USD; NVIDIA-branded ~50,000 USD (2024-08, via E. Cheah H100 cost sheet)',
      url: 'https://web.archive.org/web/20240822234224/https://www.fs.com/products/206473.html',
    },
    sensitivity: { applies: 'buy', flip: { low: 0, high: 200000 } },
  },
  rackPowerKw: {
    // Air-cooled 8-GPU nodes 6–12 kW; a 4-node rack 25–45 kW; NVIDIA SuperPOD H100: 4 DGX per rack = 40.8 kW;
    // air cooling practical to ~40 kW; average site ~12 kW (AFCOM 2024). Racks = ⌈IT kW ÷ this⌉.
    help: 'IT power one rack of the site can feed and cool, kW (racks and PDUs are sized from it).',
    default: 40,
    plausible: { low: 12, high: 132 },
    range: { min: 1, max: 1000 },
    unit: 'kW',
    format: 'decimal1',
    label: 'assume.rackPower',
    source: {
      text: 'NVIDIA DGX SuperPOD H100 design: 4 DGX H100 per rack = 40.8 kW; air-cooled 8-GPU racks 25–45 kW (aiinfrasource.com, 2026-06); site average ~12 kW (AFCOM 2024)',
      url: 'https://aiinfrasource.com/resources/how-to-choose-rack-pdu-for-gpu-servers',
    },
  },
  rackPrice: {
    // No citable price for a 42U/48U rack cabinet was found: 0 until a quote is entered.
    help: 'Price of one rack cabinet, scenario currency (0: none found published; enter a quote).',
    default: 0,
    perUsd: true,
    range: { min: 0, max: 1_000_000, usd: true },
    unit: '{currency}',
    format: 'currency',
    label: 'assume.rackPrice',
    source: 'tool',
  },
  pduPrice: {
    // Two PDUs per rack on A/B feeds; switched 700–1,800 USD, switched + outlet-metered 1,200–3,000;
    // high-amperage 3-phase AI PDUs at the top of the range.
    help: 'Price of one rack PDU (two per rack on A/B feeds), scenario currency.',
    default: 1800,
    perUsd: true,
    plausible: { low: 700, high: 3000 },
    range: { min: 0, max: 100_000, usd: true },
    unit: '{currency}',
    format: 'currency',
    label: 'assume.pduPrice',
    source: {
      text: 'Rack PDU buyer guide: switched 700–1,800 USD, switched + outlet-metered 1,200–3,000 USD; two PDUs per rack on A/B feeds (aiinfrasource.com, 2026-06)',
      url: 'https://www.ipsecuritydepot.com/guides/rack-pdu-buyer-guide/',
    },
  },
  installationPerNode: {
    // No citable price list for rack-and-stack, cabling, burn-in or rack integration was found
    // (an OEM markup of ~40,000 USD per HGX node bundles integration with warranty; low reliability).
    help: 'Installation and integration per server, scenario currency (0: no published price found; enter a quote).',
    default: 0,
    perUsd: true,
    plausible: { low: 0, high: 40000 },
    range: { min: 0, max: 10_000_000, usd: true },
    unit: '{currency}',
    format: 'currency',
    label: 'assume.installation',
    source: 'tool',
  },
  storageTb: {
    help: 'Usable shared storage to buy with the fleet, TB (0: none).',
    default: 0,
    range: { min: 0, max: 1_000_000 },
    unit: 'TB',
    format: 'decimal1',
    label: 'assume.storageTb',
    source: 'tool',
  },
  storagePerTb: {
    // Parallel file system usable ~250 USD/TB (low reliability); raw QLC flash ~220 USD/TB (2026).
    help: 'Price of one usable TB of shared storage, scenario currency.',
    default: 250,
    perUsd: true,
    plausible: { low: 80, high: 250 },
    range: { min: 0, max: 1_000_000, usd: true },
    unit: '{currency}/TB',
    format: 'currency',
    label: 'assume.storagePerTb',
    source: {
      text: 'Parallel file system (Lustre/GPFS) ~250 USD per usable TB (infra-economics.com, low reliability); raw QLC flash ~220 USD/TB (2026)',
      url: 'https://www.infra-economics.com/',
    },
  },
  softwarePerGpuYear: {
    // NVIDIA AI Enterprise: 4,500 USD per GPU-year (Huang, 2023-11-21); bundled with H100 PCIe and H200 NVL.
    // Open-source serving stacks need none, so the default is 0; set 4500 where the stack needs NVAIE.
    help: 'Software licences per GPU-year (e.g. NVIDIA AI Enterprise 4,500 USD), scenario currency; 0 for open-source stacks.',
    default: 0,
    perUsd: true,
    plausible: { low: 0, high: 4500 },
    range: { min: 0, max: 1_000_000, usd: true },
    unit: '{currency}/GPU-year',
    format: 'currency',
    label: 'assume.software',
    source: {
      text: 'NVIDIA AI Enterprise 4,500 USD per GPU-year (J. Huang, NVIDIA Q3 FY2024 earnings call, 2023-11-21); bundled 5 years with H100 PCIe and H200 NVL; default 0 (open-source serving)',
      url: 'https://insidermonkey.com/blog/nvidia-corporation-nasdaqnvda-q3-2024-earnings-call-transcript-1227317/5',
    },
  },
  shippingShare: {
    // Freight and insurance as a share of hardware value: no citable figure was found.
    help: 'Shipping and insurance, share of the hardware price (0: no published rate found).',
    default: 0,
    range: { min: 0, max: 1 },
    format: 'percent',
    label: 'assume.shipping',
    source: 'tool',
  },
  taxShare: {
    // US: servers (HTS 8471) excluded from the 2025 reciprocal tariffs; EU: 0% duty (WTO ITA), import VAT recoverable.
    help: 'Import duty and non-recoverable tax, share of the hardware price (depends on the jurisdiction).',
    default: 0,
    range: { min: 0, max: 1 },
    format: 'percent',
    label: 'assume.tax',
    source: {
      text: 'US: computers/servers (HTS 8471) excluded from the 2025 reciprocal tariffs (2025-04-05); EU: 0% customs duty on HS 8471 (WTO ITA), import VAT at the national rate; depends on the jurisdiction',
      url: 'https://internationaltradetoday.com/article/2025/04/12/us-excludes-more-items-from-reciprocal-duties-including-phones-computers-chips-2504120001',
    },
  },
  fabricCablingPerGpu: {
    // Cables, connectors and optics of a one-tier fabric per GPU endpoint; 2,560 with two tiers.
    help: 'Fabric cables, connectors and optics per GPU beyond one server, scenario currency.',
    default: 1320,
    perUsd: true,
    plausible: { low: 1320, high: 3800 },
    // Up to 100,000 USD per GPU: some twenty-five times a three-tier cabling bill.
    range: { min: 0, max: 100_000, usd: true },
    unit: '{currency}',
    format: 'currency',
    label: 'assume.fabricCabling',
    source: {
      text: 'E. Cheah H100 cluster cost sheet (2024-08): cables and connectors 1,320 USD per GPU (one tier), 2,560 (two tiers), 3,800 (three)',
      url: 'https://docs.google.com/spreadsheets/d/1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc/edit?usp=sharing',
    },
  },
  nodePowerMultiplier: {
    // A server draws more than its GPUs: measured 8.48 kW peak on an 8× H100 (8 × 700 W) node = 1.51×;
    // its 10.2 kW rating = 1.82×; 8× 350 W PCIe servers 4.3–5 kW = 1.54–1.79×.
    help: "Server power at load as a multiple of its GPUs' board power (CPUs, memory, NICs, fans).",
    default: 1.51,
    plausible: { low: 1.5, high: 1.82 },
    range: { min: 1, max: 3 },
    unit: '×',
    format: 'decimal2',
    label: 'assume.nodePower',
    shortLabel: 'param.nodePowerMultiplier',
    source: {
      text: 'Measured 8.48 kW peak on an 8× H100 HGX node (arXiv 2412.08602, 2024-12) = 1.51× GPU TDP; DGX H100 rating 10.2 kW = 1.82×',
      url: 'https://nyuscholars.nyu.edu/en/publications/single-node-power-demand-during-ai-training-measurements-on-an-8--2',
    },
    sensitivity: { applies: 'buy', flip: { low: 1, high: 3 } },
  },
  idlePowerShare: {
    // No published idle draw of a GPU server was found: an assumption, stated in the Assumptions.
    help: 'Server power when idle, share of its power at load, [0, 1].',
    default: 0.3,
    plausible: { low: 0.2, high: 0.4 },
    range: { min: 0, max: 1 },
    format: 'percent',
    label: 'assume.idlePower',
    source: 'planning',
  },
  depreciationYears: {
    // Accounting life 5–6 years at hyperscalers; economic life of frontier GPUs argued at 3–4.
    help: 'Straight-line depreciation period in years.',
    default: 4,
    plausible: { low: 3, high: 6 },
    range: { min: 0.5, max: 20 },
    unit: '{year}',
    format: 'decimal1',
    label: 'assume.depreciation',
    source: {
      text: 'Hyperscaler useful lives 5–6 years (Microsoft, Alphabet, Meta, Amazon filings); Epoch AI; suggested default 4',
      url: 'https://shaulkoral.com/useful-life-of-servers-and-network-assets-at-tech-companies/',
    },
    sensitivity: { applies: 'buy', flip: { low: 1, high: 10 } },
  },
  residualValueShare: {
    help: 'Resale value at the end of depreciation, share of capex.',
    default: 0,
    range: { min: 0, max: 1, maxExclusive: true },
    format: 'percent',
    label: 'assume.residual',
    source: 'tool',
  },
  hostingPerKwMonth: {
    // Colocation: US 184.06 (CBRE H2 2024), 194.95 (H2 2025); global average 217.3; Singapore 300–450.
    help: 'Hosting or colocation per kW of IT load per month, scenario currency (0 when the site is already paid for).',
    default: 184.06,
    perUsd: true,
    plausible: { low: 115, high: 450 },
    // Up to 10,000 USD per kW per month: some fifty times the dearest colocation.
    range: { min: 0, max: 10_000, usd: true },
    unit: '{currency}/kW/{month}',
    format: 'currency2',
    label: 'assume.hosting',
    shortLabel: 'param.hostingPerKwMonth',
    source: {
      text: 'CBRE North America Data Center Trends H2 2024: average asking rate 184.06 USD/kW-month (250–500 kW); global average 217.3 (Q1 2025)',
      url: 'https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024',
    },
    sensitivity: { applies: 'buy', flip: { low: 0, high: 1000, highTimesValue: 5 } },
  },
  maintenanceSharePerYear: {
    // No vendor-published support percentage was found: DGX H100 support ~20% of base price per
    // year (secondary), DGX-1 ~23% incl. software (2017). Default 10%: hardware support only (assumption).
    help: 'Yearly maintenance and support contract, share of the hardware price, bought with it for the horizon (0 when included in the purchase).',
    default: 0.1,
    plausible: { low: 0.05, high: 0.23 },
    range: { min: 0, max: 1, maxExclusive: true },
    format: 'percent',
    label: 'assume.maintenance',
    shortLabel: 'param.maintenanceSharePerYear',
    source: {
      text: 'Assumption 10%/year: DGX H100 support ~20% of base price per year (supercluster.blog, secondary); DGX-1 list incl. ~23% software and support (2017)',
      url: 'https://www.supercluster.blog/p/4-nvidia-dgx-h100-hardware',
    },
    sensitivity: { applies: 'buy', flip: { low: 0, high: 0.9 } },
  },
  discountRatePerYear: {
    // Damodaran US industry WACCs Jan 2026: 4.98–9.38%; US corporate WACC 7–9%.
    help: 'Discount rate per year for the net present value of cash flows, [0, 1).',
    default: 0.08,
    plausible: { low: 0.05, high: 0.094 },
    range: { min: 0, max: 1, maxExclusive: true },
    format: 'percent',
    label: 'assume.discountRate',
    source: {
      text: 'Damodaran, US cost of capital by industry (Jan 2026): WACC 4.98–9.38% in the rows retrieved; US corporate WACC 7–9%',
      url: 'https://pages.stern.nyu.edu/adamodar/New_Home_Page/datafile/wacc.html',
    },
  },
  reservedDiscount: {
    // Reserved vs on-demand: 30–50% off (mercatus 2026-05); 12-month 40–50% (promptcost 2026-04).
    // A GPU with a sourced reserved rate (data/platforms.yaml) uses that rate's own discount unless
    // the scenario sets this (docs/methodology.md#rent).
    help: 'Discount of reserved (1–3-year) rental below on-demand, [0, 1): used for GPUs without a sourced reserved rate; set, it applies to every GPU.',
    default: 0.4,
    plausible: { low: 0.3, high: 0.5 },
    range: { min: 0, max: 1, maxExclusive: true },
    format: 'percent',
    label: 'assume.reserved',
    shortLabel: 'param.reservedDiscount',
    source: {
      text: 'Reserved vs on-demand 30–50% off (mercatus-ai.com, 2026-05); reserved 12-month 40–50% off (promptcost.org, 2026-04)',
      url: 'https://www.mercatus-ai.com/blog/cloud-gpu-pricing',
    },
    sensitivity: { applies: 'rent', low: 0.3, high: 0.5, around: { absolute: 0.1, min: 0, max: 0.9 }, flip: { low: 0, high: 0.9 } },
  },
  spotDiscount: {
    // Spot vs on-demand: 30–50% off (promptcost 2026-04), 50–90% (compux 2026); a GPU with a
    // sourced spot rate (data/platforms.yaml) uses that rate's own discount unless the scenario sets this.
    help: 'Discount of spot (interruptible) rental below on-demand, [0, 1): used for GPUs without a sourced spot rate; set, it applies to every GPU.',
    default: 0.5,
    plausible: { low: 0.3, high: 0.9 },
    range: { min: 0, max: 1, maxExclusive: true },
    format: 'percent',
    label: 'assume.spot',
    source: {
      text: 'Spot vs on-demand 30–50% off (promptcost.org, 2026-04), 50–90% off (compux.net, 2026); default 50% where the two meet',
      url: 'https://compux.net/docs/guides/gpu-pricing-trends-2026',
    },
  },
} as const satisfies Record<string, EconomicParameter>;

export type EconomicKey = keyof typeof ECONOMIC_PARAMETERS;
/** Declaration order: the Inputs sheet's rows, the Assumptions' order, the sensitivity's order. */
export const ECONOMIC_KEYS = Object.keys(ECONOMIC_PARAMETERS) as EconomicKey[];
export const parameter = (key: EconomicKey): EconomicParameter => ECONOMIC_PARAMETERS[key];
/** Parameters a scenario may set (all but the tool's fixed ones). */
export const SETTABLE_KEYS = ECONOMIC_KEYS.filter((k) => parameter(k).settable !== false) as EconomicKey[];
export type SettableKey = (typeof SETTABLE_KEYS)[number];
/** Parameters the sensitivity analysis moves. */
export const SENSITIVITY_KEYS = ECONOMIC_KEYS.filter((k) => parameter(k).sensitivity !== undefined);

/** Hours in an average month (365.25 × 24 / 12). */
export const HOURS_PER_MONTH = 730.5;
/** Ports of one scale-out fabric switch (64-port 400G, QM9700 class): one switch serves up to this many GPUs; above, a two-tier leaf/spine (docs/methodology.md#fabric). */
export const SWITCH_PORTS = 64;

/** The default in the scenario currency (`rate` units per USD). */
export function defaultValue(key: EconomicKey, rate: number): number {
  const p = parameter(key);
  return p.perUsd ? p.default * rate : p.default;
}

/** The unit with its placeholders filled in; '' for ratios and shares. */
export function unitText(key: EconomicKey, words: { readonly currency: string; readonly month: string; readonly year: string }): string {
  return (parameter(key).unit ?? '').replace('{currency}', words.currency).replace('{month}', words.month).replace('{year}', words.year);
}

/** Low and high value the sensitivity analysis tries for a parameter at `value` (set: the scenario set it). */
export function sensitivityRange(key: EconomicKey, value: number, set: boolean, rate: number): { low: number; high: number } {
  const p = parameter(key);
  const s = p.sensitivity!;
  const low = s.low ?? p.plausible?.low;
  const high = s.high ?? p.plausible?.high;
  const around = s.around;
  if (around && (set || low === undefined || high === undefined)) {
    if (around.relative !== undefined) return { low: value * (1 - around.relative), high: value * (1 + around.relative) };
    const a = around.absolute ?? 0;
    return { low: Math.max(around.min ?? -Infinity, value - a), high: Math.min(around.max ?? Infinity, value + a) };
  }
  const scale = p.perUsd ? rate : 1;
  return { low: low! * scale, high: high! * scale };
}

/** The span searched for a flip of the ranking. */
export function flipSpan(key: EconomicKey, value: number): [number, number] {
  const f = parameter(key).sensitivity!.flip;
  return [f.low, f.highTimesValue === undefined ? f.high : Math.max(f.high, value * f.highTimesValue)];
}
