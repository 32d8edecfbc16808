/**
 * Optimisation suggestions of the training plan, each computed from the estimators and returned
 * only when it applies: a missed deadline (how many GPUs finish in time), a run that does not fit
 * (the method, GPU or count that would), full recomputation (a GPU with more memory that avoids
 * it, and the speed-up), and bf16/fp16 on a GPU with FP8 (the FP8 estimate). Pure.
 */
import { GPUS } from '../catalog/index.ts';
import type { GpuSpec } from '../catalog/types.ts';
import {
  estimateAt,
  fewestFitting,
  fewestMeetingDeadline,
  MAX_SEARCH_GPUS,
  rentForRun,
  type FitAt,
  type MethodFit,
  type TrainingMethod,
} from './training-plan.ts';
import { powerOfTwoAtMost } from './search.ts';
import type { TrainingOnCandidate } from './on-candidate.ts';

export type Suggestion =
  | {
      readonly kind: 'deadline';
      readonly current: FitAt;
      readonly deadlineDays: number;
      readonly found: FitAt | null;
      /** Rent of the found run at the candidate's base rate; null without a rate or a found run. */
      readonly foundRent: number | null;
      readonly fastest: FitAt | null;
      readonly maxGpus: number;
    }
  | {
      readonly kind: 'noFit';
      readonly maxGpus: number;
      readonly methods: readonly { readonly method: TrainingMethod; readonly fit: FitAt }[];
      readonly others: readonly { readonly gpu: GpuSpec; readonly fit: FitAt }[];
      readonly beyond: FitAt | null;
    }
  | { readonly kind: 'recompute'; readonly current: FitAt; readonly gpu: GpuSpec; readonly alternative: FitAt; readonly speedUp: number }
  | { readonly kind: 'fp8'; readonly current: FitAt; readonly alternative: FitAt; readonly speedUp: number };

/** GPUs with more memory tried for "avoid full recomputation" (scenario candidates first). */
const RECOMPUTE_TRIES = 6;

/** The suggestions for the workload on `own`; `all` is the same workload on every candidate (scenario order). */
export function trainingSuggestions(
  own: TrainingOnCandidate,
  all: readonly TrainingOnCandidate[],
  methods: readonly MethodFit[],
): Suggestion[] {
  const { sizing: z, workload: w } = own;
  const gpu = own.candidate.gpu;
  const maxGpus = own.candidate.maxGpus;
  if (z.gpus === null || !z.estimate?.fits) {
    const other = methods.flatMap(({ method, fit }) => (method !== w.method && fit ? [{ method, fit }] : []));
    const others = all.flatMap((o) => {
      const s = o.sizing;
      return o !== own && s.gpus !== null && s.estimate?.fits
        ? [{ gpu: o.candidate.gpu, fit: { gpus: s.gpus, estimate: s.estimate } }]
        : [];
    });
    const beyond = fewestFitting(gpu, w, MAX_SEARCH_GPUS, {}, powerOfTwoAtMost(maxGpus) * 2);
    return [{ kind: 'noFit', maxGpus, methods: other, others, beyond }];
  }
  const current: FitAt = { gpus: z.gpus, estimate: z.estimate };
  const out: Suggestion[] = [];
  if (z.deadlineMet === false && w.deadlineDays !== undefined) {
    const { found, fastest } = fewestMeetingDeadline(gpu, w, w.deadlineDays, maxGpus);
    const foundRent = found ? rentForRun(found.estimate.gpuHours.value, own.candidate.rentalPerGpuHour?.base ?? null) : null;
    out.push({ kind: 'deadline', current, deadlineDays: w.deadlineDays, found, foundRent, fastest, maxGpus });
  }
  if (current.estimate.plan.recompute === 'full') {
    const alt = avoidFullRecompute(
      all.map((o) => o.candidate.gpu),
      own,
      current,
    );
    if (alt) out.push({ kind: 'recompute', current, ...alt });
  }
  // FP8 mixed precision (Transformer Engine style) applies to full and LoRA training of 16-bit
  // models; QLoRA's 4-bit base is dequantised to 16 bits for its matmuls.
  if ((w.precision === 'bf16' || w.precision === 'fp16') && w.method !== 'qlora' && gpu.denseTflops.fp8 !== null) {
    const fp8 = estimateAt(gpu, w, current.gpus, { precision: 'fp8' });
    const speedUp = fp8 ? speedUpOf(current, fp8) : 0;
    if (fp8 && speedUp > 1) out.push({ kind: 'fp8', current, alternative: fp8, speedUp });
  }
  return out;
}

/** System throughput ratio at the same GPU count = ratio of per-GPU tokens/s. */
const speedUpOf = (base: FitAt, other: FitAt): number =>
  (other.estimate.tokensPerSecondPerGpu.value * other.gpus) / (base.estimate.tokensPerSecondPerGpu.value * base.gpus);

/**
 * The first GPU with more memory (the scenario's candidates first, then the catalog, same vendor
 * first, smallest memory first) that runs the same workload on the same count without full
 * recomputation, faster.
 */
function avoidFullRecompute(
  candidateGpus: readonly GpuSpec[],
  own: TrainingOnCandidate,
  current: FitAt,
): { gpu: GpuSpec; alternative: FitAt; speedUp: number } | null {
  const gpu = own.candidate.gpu;
  const bigger = (g: GpuSpec) => g.memoryGB > gpu.memoryGB;
  const byMemory = (a: GpuSpec, b: GpuSpec) => a.memoryGB - b.memoryGB;
  const mine = candidateGpus.filter(bigger).sort(byMemory);
  const rest = GPUS.filter((g) => bigger(g) && !mine.includes(g)).sort(byMemory);
  // Same vendor first: the same software stack is the likelier upgrade.
  const catalog = [...rest.filter((g) => g.vendor === gpu.vendor), ...rest.filter((g) => g.vendor !== gpu.vendor)];
  for (const g of [...mine, ...catalog].slice(0, RECOMPUTE_TRIES)) {
    const alternative = estimateAt(g, own.workload, current.gpus);
    if (!alternative || alternative.estimate.plan.recompute === 'full') continue;
    const speedUp = speedUpOf(current, alternative);
    if (speedUp > 1) return { gpu: g, alternative, speedUp };
  }
  return null;
}
