/**
 * The GPU-count searches every plan module uses (pure): counts in powers of two, and the fewest
 * GPUs as tensor-parallel degree × replicas. One place, so the sizing, the training plan, the
 * memory fit and the selection guide count alike.
 */
import type { ModelArch } from '../catalog/types.ts';
import { TP_DEGREES } from '../calc/memory.ts';

/** `from`, 2 × `from`, 4 × `from`, … up to `limit` (`from` ≥ 1). */
export function* powersOfTwo(limit: number, from = 1): Generator<number> {
  for (let n = from; n <= limit; n *= 2) yield n;
}

/** The value at the first power of two (from `from` up to `limit`) where `at` gives one; null if none. */
export function firstPowerOfTwo<T>(limit: number, at: (n: number) => T | null, from = 1): T | null {
  for (const n of powersOfTwo(limit, from)) {
    const v = at(n);
    if (v !== null) return v;
  }
  return null;
}

/** Largest power of two not above n (n >= 1). */
export const powerOfTwoAtMost = (n: number): number => 2 ** Math.floor(Math.log2(Math.max(1, n)));

/**
 * Fewest GPUs (tensor-parallel degree × replicas, up to `maxGpus`) whose value `meets`: for
 * each TP degree dividing the heads, the replicas double until it meets (or the limit), then
 * bisection on the last interval (more replicas never lower throughput or raise latency at a
 * fixed total concurrency). `visit` sees every point tried.
 */
export function fewestGpus<T>(
  model: ModelArch,
  maxGpus: number,
  at: (tp: number, replicas: number) => T,
  meets: (value: T) => boolean,
  visit?: (value: T, gpus: number) => void,
): { gpus: number; value: T } | null {
  let best: { gpus: number; value: T } | null = null;
  for (const tp of TP_DEGREES) {
    if (tp > maxGpus || model.attentionHeads % tp !== 0) continue;
    // Once a layout meets the targets, only strictly fewer GPUs can improve on it (ties keep the
    // smaller TP degree, found first). The visits that skips cannot change the answer; `visit`
    // only matters when nothing meets the targets, and then nothing is skipped.
    const maxReplicas = Math.floor((best ? Math.min(maxGpus, best.gpus - 1) : maxGpus) / tp);
    if (maxReplicas < 1) continue;
    let lo = 0;
    let hi = 1;
    let found: T | undefined;
    while (hi <= maxReplicas) {
      const v = at(tp, hi);
      visit?.(v, tp * hi);
      if (meets(v)) {
        found = v;
        break;
      }
      lo = hi;
      hi = hi === maxReplicas ? maxReplicas + 1 : Math.min(hi * 2, maxReplicas);
    }
    if (found === undefined) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const v = at(tp, mid);
      if (meets(v)) {
        hi = mid;
        found = v;
      } else lo = mid;
    }
    if (!best || tp * hi < best.gpus) best = { gpus: tp * hi, value: found };
  }
  return best;
}
