/**
 * The original design's four usage profiles as named presets. Latency bounds follow MLPerf
 * Inference's LLM scenarios (Llama 2 70B, v4.1+): "interactive" TTFT ≤ 450 ms / TPOT ≤ 40 ms,
 * "server" TTFT ≤ 2 s / TPOT ≤ 200 ms, "offline" no latency bound.
 * Source: https://docs.mlcommons.org/inference/benchmarks/language/llama2-70b/ and
 * MLCommons "Llama 2 70B interactive" announcement (2024-08).
 */
import type { PROFILE_IDS } from './schema.ts';

export type ProfileId = (typeof PROFILE_IDS)[number];

export interface Profile {
  readonly concurrency: number;
  readonly ttftMs?: number;
  readonly tpotMs?: number;
  readonly source: string;
}

export const PROFILES = {
  'real-time-chat': {
    concurrency: 32,
    ttftMs: 450,
    tpotMs: 40,
    source: 'MLPerf Inference LLM interactive scenario (TTFT 450 ms, TPOT 40 ms)',
  },
  'api-service': { concurrency: 64, ttftMs: 2000, tpotMs: 200, source: 'MLPerf Inference LLM server scenario (TTFT 2 s, TPOT 200 ms)' },
  'batch-processing': { concurrency: 256, source: 'MLPerf Inference offline scenario (throughput only, no latency bound)' },
  // One user on one device: a single stream; 100 ms/token ≈ 10 tokens/s, above reading speed.
  'edge-deployment': {
    concurrency: 1,
    ttftMs: 1000,
    tpotMs: 100,
    source: 'MLPerf Inference edge single-stream scenario (one request at a time); bounds are planning defaults',
  },
} as const satisfies Record<ProfileId, Profile>;

/** Concurrency when neither the workload nor a profile sets one. */
export const DEFAULT_CONCURRENCY = 32;
