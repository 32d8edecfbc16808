/**
 * Economic defaults a scenario may override, each with its source (from the project's
 * research file gpu-specs.yaml `economics`, compiled 2026-11-25).
 */
export interface EconomicConstant {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  readonly source: string;
  readonly url?: string;
}

export const ECONOMICS = {
  /** US average industrial retail price, 2022–2025: 0.077–0.083 USD/kWh (EIA EPM Table 5.6.A via Epoch AI). */
  electricityUsdPerKwh: {
    value: 0.08, low: 0.06, high: 0.19, unit: 'USD/kWh',
    source: 'EIA Electric Power Monthly Table 5.6.A (US industrial average 2022–2025), via Epoch AI training-cost-trends',
    url: 'https://www.eia.gov/electricity/monthly/epm_table_grapher.php?t=epmt_5_6_a',
  },
  /** Uptime Institute survey industry average 1.54–1.58 (2023–2025); hyperscale ~1.1. */
  pue: {
    value: 1.55, low: 1.1, high: 1.6, unit: 'ratio',
    source: 'Uptime Institute global data center survey (industry average 1.58 in 2023, 1.54 in 2025); hyperscale ~1.1 (Epoch AI)',
    url: 'https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms',
  },
  /** An 8-GPU HGX/DGX server costs 1.3–1.6× its bare GPUs (SemiAnalysis, Thinkmate quote, Epoch AI). */
  serverOverheadMultiplier: {
    value: 1.4, low: 1.3, high: 1.6, unit: '× GPU cost',
    source: 'SemiAnalysis AI server cost analysis (2023); Thinkmate 8×H100 quote (2024); Epoch AI overhead factors',
    url: 'https://www.semianalysis.com/p/ai-server-cost-analysis-memory-is',
  },
  /** Cluster-level networking is ~19% of total cluster cost (Epoch AI), i.e. ×1/(1−0.19) on servers. */
  networkingShareOfTotal: {
    value: 0.19, unit: 'share of cluster cost',
    source: 'Epoch AI training-cost-trends (cluster networking 19% of total cost)',
    url: 'https://github.com/epoch-research/training-cost-trends',
  },
  /** Accounting life 5–6 years at hyperscalers; economic life of frontier GPUs argued at 3–4. */
  depreciationYears: {
    value: 4, low: 3, high: 6, unit: 'years',
    source: 'Hyperscaler useful lives 5–6 years (Microsoft, Alphabet, Meta, Amazon filings); Epoch AI; suggested default 4',
    url: 'https://shaulkoral.com/useful-life-of-servers-and-network-assets-at-tech-companies/',
  },
  /** Reserved/committed capacity is typically 30–70% below on-demand (dstack, state of cloud GPU 2025). */
  reservedDiscount: {
    value: 0.3, low: 0.3, high: 0.7, unit: 'share of on-demand price',
    source: 'dstack, State of cloud GPU 2025 (reserved 1–3 yr: 30–70% below on-demand)',
    url: 'https://github.com/dstackai/dstack/blob/master/docs/blog/posts/state-of-cloud-gpu-2025.md',
  },
} as const satisfies Record<string, EconomicConstant>;

/** Hours in an average month (365.25 × 24 / 12). */
export const HOURS_PER_MONTH = 730.5;
