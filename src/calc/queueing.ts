/**
 * Traffic and queueing (docs/methodology.md#queueing). Stated model:
 * - Concurrency from traffic by Little's law: requests in service N = lambda x S, with S the time a
 *   request spends in service (TTFT + output x TPOT, which themselves depend on N: a fixed point);
 *   active users U with think time Z form a closed loop: lambda = U / (Z + S).
 * - Waiting for a KV slot: each replica is a c-server queue (c = the sequences that fit) with
 *   Poisson arrivals and near-deterministic service S: the Erlang C probability of waiting (M/M/c),
 *   with the Allen-Cunneen correction (Ca^2 + Cs^2) / 2 = 1/2 for deterministic service on the
 *   mean wait, and an exponential conditional wait.
 * - TTFT = prefill + the wait for the next engine step (uniform over one step) + the slot wait;
 *   its percentiles come from that sum's distribution.
 * - TPOT: the batch a request decodes in is itself plus the others in service; their time average
 *   over its service is approximately normal with mean lambda x S and variance 2/3 lambda x S
 *   (M/D/infinity occupancy averaged over one service time); TPOT percentiles are the step time at
 *   that batch's percentiles.
 * Tested against a seeded discrete-event simulation (test/calc/queueing.test.ts).
 */

export type Percentiles = { readonly p50: number; readonly p90: number; readonly p99: number };

/** Erlang C: probability an arrival waits, c servers, offered load a = lambda x S (a < c). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by recursion (stable for large c), then C = B / (1 - rho (1 - B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface WaitModel {
  /** Probability of waiting for a slot. */
  readonly pWait: number;
  /** Mean of the conditional (exponential) wait, seconds. */
  readonly meanWaitIfWaitingS: number;
}

/** Slot wait of an M/D/c queue (Erlang C with the Allen-Cunneen 1/2 for deterministic service). */
export function slotWait(arrivalPerS: number, serviceS: number, slots: number): WaitModel {
  const c = Math.max(1, Math.floor(slots));
  const a = arrivalPerS * serviceS;
  if (a >= c) return { pWait: 1, meanWaitIfWaitingS: Infinity };
  return { pWait: erlangC(c, a), meanWaitIfWaitingS: (0.5 * serviceS) / (c - a) };
}

/** P(wait <= x): the wait is 0 with probability 1 - pWait, else exponential. */
function waitCdf(w: WaitModel, x: number): number {
  return x < 0 ? 0 : 1 - w.pWait * Math.exp(-x / w.meanWaitIfWaitingS);
}

/** P(wait + U(0, step) <= t). */
function cdfWaitPlusUniform(w: WaitModel, stepS: number, t: number): number {
  if (stepS <= 0) return waitCdf(w, t);
  // (1/step) * integral_0^step of waitCdf(t - u) du, closed form for the exponential part.
  const lo = Math.max(0, t - stepS);
  const hi = Math.max(0, t);
  const m = w.meanWaitIfWaitingS;
  // With no chance of waiting the exponential part is multiplied by 0 (it is always finite), so it is not computed.
  if (w.pWait === 0) return (hi - lo) / stepS;
  const expPart = Number.isFinite(m) ? m * (Math.exp(-lo / m) - Math.exp(-hi / m)) : 0;
  return (hi - lo - w.pWait * expPart) / stepS;
}

/**
 * The p quantile of wait + U(0, step), by bisection. An iteration that leaves the bracket as it
 * was leaves it so for every later one (each depends only on the bracket), so stopping there gives
 * the same number as running all 100 (the bracket is down to adjacent doubles by then).
 */
function waitQuantile(w: WaitModel, stepS: number, p: number): number {
  let lo = 0;
  let hi = stepS + w.meanWaitIfWaitingS * 50 + 1e-9;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdfWaitPlusUniform(w, stepS, mid) < p) {
      if (lo === mid) break;
      lo = mid;
    } else {
      if (hi === mid) break;
      hi = mid;
    }
  }
  return hi;
}

/**
 * Percentiles of TTFT = prefill + U(0, step) + slot wait. The prefill may differ per percentile
 * (each percentile's prompt); the wait's quantiles are solved once for all three.
 */
export function ttftPercentiles(prefillS: number | Percentiles, stepS: number, w: WaitModel): Percentiles {
  if (!Number.isFinite(w.meanWaitIfWaitingS)) return { p50: Infinity, p90: Infinity, p99: Infinity };
  const prefill = typeof prefillS === 'number' ? { p50: prefillS, p90: prefillS, p99: prefillS } : prefillS;
  return {
    p50: prefill.p50 + waitQuantile(w, stepS, 0.5),
    p90: prefill.p90 + waitQuantile(w, stepS, 0.9),
    p99: prefill.p99 + waitQuantile(w, stepS, 0.99),
  };
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Percentiles of the batch a request decodes in: 1 + the others in service, capped at `slots`. */
export function batchPercentiles(othersInService: number, slots: number): Percentiles {
  const q = (p: number) => Math.min(slots, Math.max(1, 1 + othersInService + normalQuantile(p) * Math.sqrt((2 * othersInService) / 3)));
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99) };
}
