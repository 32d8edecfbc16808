/**
 * Accepted ranges of the scenario's numbers outside economics/parameters.ts: what a real
 * procurement question can ask, with room to spare. A value beyond them is a typo or an attack,
 * never a plan, and would make the work or the report's numbers meaningless (a 10^8-month
 * horizon, a price of 10^-300): validation refuses it with its position and the range
 * (docs/scenario.md#accepted-ranges).
 */

/** Largest accepted value of each count, size or target (the smallest is "> 0"). */
export const MAX = {
  /** Parameters, billions: 100 trillion (today's largest models are ~2 trillion). */
  paramsB: 100_000,
  layers: 10_000,
  hiddenSize: 1_000_000,
  attentionHeads: 10_000,
  headDim: 100_000,
  ffnSize: 10_000_000,
  vocabSize: 100_000_000,
  experts: 100_000,
  /** Tokens of one sequence: 100 million (the longest published contexts are ~10 million). */
  contextTokens: 100_000_000,
  /** Requests in flight at once. */
  concurrency: 1_000_000,
  /** Latency targets, milliseconds: one hour. */
  latencyMs: 3_600_000,
  /** System throughput target, tokens/s. */
  tokensPerSecond: 1_000_000_000,
  loraRank: 65_536,
  /** Training tokens: 10^16 (frontier runs are ~10^13–10^14). */
  trainingTokens: 1e16,
  /** Training deadline, days: ten years. */
  deadlineDays: 3_650,
  /** GPUs of one kind. */
  gpus: 1_000_000,
  /** Power of one node (server or rack), kW: ten times the largest rack. */
  nodePowerKw: 10_000,
  /** Workloads in one scenario. */
  workloads: 100,
} as const;

/** Units of a currency per 1 USD: from ~0.3 (KWD) to ~10^5 (the weakest currencies), with margin. */
export const USD_EXCHANGE_RATE = { min: 0.001, max: 1_000_000 } as const;

/**
 * Money the scenario states, in USD per unit; the scenario's amounts convert at its
 * usdExchangeRate (checked in scenario/rules.ts, which knows the rate).
 */
export const MONEY_USD = {
  /** One GPU's purchase price. */
  purchasePrice: { min: 100, max: 10_000_000 },
  /** One node (server or rack) with its GPUs. */
  nodePrice: { min: 100, max: 100_000_000 },
  /** One GPU-hour on demand. */
  rentalPerGpuHour: { min: 0.01, max: 1_000 },
  /** The whole budget: up to a trillion USD. */
  budget: { min: 1, max: 1e12 },
} as const;

/** The static ceiling of a money field in any currency (its USD maximum at the largest rate). */
export const moneyCeiling = (maxUsd: number): number => maxUsd * USD_EXCHANGE_RATE.max;
