/**
 * Prompt and output lengths as distributions (docs/methodology.md#length-distributions).
 * A workload gives a length as a fixed count, as `{ mean, p90 }`, or as a named dataset profile.
 * Model: lengths are lognormal; (mean, p90) fix its two parameters (mu, sigma) through
 * mean = exp(mu + sigma^2 / 2) and p90 = exp(mu + z90 sigma), z90 = 1.2816 (standard normal 90th
 * percentile). Memory and throughput use the mean (paged engines hold the tokens requests actually
 * have, so the KV cache of many requests sums their expected lengths); TTFT percentiles take the
 * prefill of the prompt at that percentile (calc/inference.ts).
 */

export interface LengthDistribution {
  readonly mean: number;
  readonly p90: number;
}

/** Standard normal quantiles for the reported percentiles. */
const Z = { p50: 0, p90: 1.2816, p99: 2.3263 } as const;

/** Largest sigma the (mean, p90) pair can fix: p90 / mean <= exp(z90^2 / 2) ~ 2.27. */
const SIGMA_MAX = Z.p90;

/** Lognormal sigma from mean and p90 (the smaller root; capped where p90 / mean exceeds what a lognormal allows). */
export function lognormalSigma(d: LengthDistribution): number {
  const r = Math.log(Math.max(d.p90, d.mean) / d.mean);
  const disc = Z.p90 * Z.p90 - 2 * r;
  return disc <= 0 ? SIGMA_MAX : Z.p90 - Math.sqrt(disc);
}

/** p50 / p90 / p99 of a length distribution, tokens (at least 1). */
export function lengthPercentiles(d: LengthDistribution): { p50: number; p90: number; p99: number } {
  const sigma = lognormalSigma(d);
  const mu = Math.log(d.mean) - (sigma * sigma) / 2;
  const q = (z: number) => Math.max(1, Math.exp(mu + z * sigma));
  return { p50: q(Z.p50), p90: q(Z.p90), p99: q(Z.p99) };
}

/**
 * Named dataset profiles. ShareGPT: mean prompt 161.31 and mean output 337.99 tokens (Kwon et al.,
 * "Efficient Memory Management for Large Language Model Serving with PagedAttention", SOSP 2023,
 * arXiv:2309.06180, Fig. 11a, ShareGPT as used for vLLM's evaluation). The paper shows the
 * histograms but no percentiles: the p90 is an assumption, a lognormal of sigma = 1 (p90 = 2.18 x
 * mean), stated in the report's Assumptions.
 */
/** p90 / mean of a lognormal of sigma = 1: exp(z90 - 1/2) = 2.18 (the ShareGPT profile's assumption). */
export const SHAREGPT_P90_RATIO = Math.exp(Z.p90 - 0.5);

export const LENGTH_PROFILES = {
  sharegpt: {
    input: { mean: 161.31, p90: 161.31 * SHAREGPT_P90_RATIO },
    output: { mean: 337.99, p90: 337.99 * SHAREGPT_P90_RATIO },
  },
} as const satisfies Record<string, { input: LengthDistribution; output: LengthDistribution }>;

export type LengthProfileId = keyof typeof LENGTH_PROFILES;
export const LENGTH_PROFILE_IDS = Object.keys(LENGTH_PROFILES) as [LengthProfileId, ...LengthProfileId[]];
