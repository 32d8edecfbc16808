/**
 * Budget tiers derived from the catalog and the scenario (nothing hard-coded): every catalog GPU
 * with a purchase price is sized by memory to hold all the scenario's workloads at once (each on
 * its own GPUs), priced as capex, ranked, and split at the terciles of those capex values.
 *
 * Memory-only sizing, for speed: inference = the smallest TP degree whose per-GPU memory fits
 * (the rule of fitInferenceTensorParallel, as the memory analysis); training = the fewest GPUs
 * (powers of two) on which some TP x PP x DP split fits with ZeRO-3, full recomputation and
 * micro-batch 1, the leanest layout the training planner considers, so the count equals its
 * smallest fit. Memory per GPU depends on the layout, not the GPU: each workload's need is
 * computed once and compared with every GPU's usable memory. Pure.
 */
import { platformFor, platformOf } from '../catalog/platforms.ts';
import { GPUS } from '../catalog/index.ts';
import type { GpuSpec } from '../catalog/types.ts';
import { GPUS_PER_NODE } from '../calc/comm.ts';
import { contextParallelCandidates } from '../calc/planner.ts';
import { calculateInferenceMemory, calculateTrainingMemory, TP_DEGREES, usableMemoryGiB } from '../calc/memory.ts';
import { capexOf } from '../economics/tco.ts';
import {
  DEFAULT_MAX_GPUS,
  type Money,
  type ResolvedInference,
  type ResolvedScenario,
  type ResolvedTraining,
  type ResolvedWorkload,
} from '../scenario/resolve.ts';
import { inferenceMemoryInput, trainingMemoryInput } from './estimator-inputs.ts';
import { firstPowerOfTwo } from './search.ts';
import { nodeTerms } from './on-candidate.ts';

const TIER_IDS = ['entry', 'mid', 'high'] as const;
export type TierId = (typeof TIER_IDS)[number];

interface GuideEntry {
  readonly gpu: GpuSpec;
  /** GPUs each workload needs (scenario order) and in all. */
  readonly perWorkload: readonly { readonly workload: ResolvedWorkload; readonly gpus: number }[];
  readonly gpus: number;
  /** Price per GPU (scenario currency, base) and where it comes from. */
  readonly price: number;
  readonly priceFrom: Money['from'];
  readonly capex: number;
}

interface Tier {
  readonly id: TierId;
  readonly entries: readonly GuideEntry[];
  readonly capexLow: number;
  readonly capexHigh: number;
}

export interface Guide {
  readonly tiers: readonly Tier[];
  /** Priced GPUs that cannot hold every workload within the limit. */
  readonly tooSmall: readonly GpuSpec[];
  /** Catalog GPUs without a purchase price (not ranked). */
  readonly unpriced: readonly GpuSpec[];
  /** Catalog GPUs without the tensor format a training workload computes in (not ranked). */
  readonly unsupported: readonly GpuSpec[];
  readonly maxGpusPerWorkload: number;
}

const POW2 = [1, 2, 4, 8, 16, 32, 64] as const;

/** A workload's memory need per GPU count (least over the layouts allowed), computed once. */
interface WorkloadNeed {
  /** Fewest GPUs (up to the limit) whose memory per GPU fits this GPU's usable memory, or null. */
  readonly gpusFor: (gpu: GpuSpec) => number | null;
}

/**
 * Training: ZeRO-3, full recomputation, micro-batch 1, every TP x PP split of each count (TP within
 * a node; at most 2 without a GPU-to-GPU link), and the context-parallel degrees the planner tries
 * (the workload's own, else only above 1 for long sequences: calc/planner.ts).
 */
function trainingNeed(w: ResolvedTraining, limit: number): WorkloadNeed {
  const pps = POW2.filter((p) => w.model.layers % p === 0);
  const cps = w.contextParallel ? [w.contextParallel] : contextParallelCandidates(w.seqLen);
  // Least memory per GPU at n GPUs over the allowed TP x PP splits; memoised, filled on demand.
  const leastAt = (linked: boolean) => {
    const tps = POW2.filter((t) => t <= GPUS_PER_NODE && w.model.attentionHeads % t === 0 && (linked || t <= 2));
    const memo = new Map<number, number>();
    return (n: number): number => {
      let best = memo.get(n);
      if (best !== undefined) return best;
      best = Number.POSITIVE_INFINITY;
      for (const cp of cps)
        for (const tp of tps) {
          for (const pp of pps) {
            if (n % (tp * pp * cp) !== 0) continue;
            const m = calculateTrainingMemory(
              trainingMemoryInput(w, {
                zeroStage: 3,
                recompute: 'full',
                microBatch: 1,
                dataParallel: n / (tp * pp * cp),
                tensorParallel: tp,
                pipelineParallel: pp,
                ...(cp > 1 ? { contextParallel: cp } : {}),
              }),
            );
            best = Math.min(best, m.perGpuGiB);
          }
        }
      memo.set(n, best);
      return best;
    };
  };
  const linked = leastAt(true);
  const pcie = leastAt(false);
  return {
    gpusFor: (gpu) => {
      const least = gpu.scaleUp !== null ? linked : pcie;
      const usable = usableMemoryGiB(gpu, 'training');
      return firstPowerOfTwo(limit, (n) => (least(n) <= usable ? n : null));
    },
  };
}

/** Inference: the smallest TP degree dividing the heads whose per-GPU memory fits (fitInferenceTensorParallel, computed once). */
function inferenceNeed(w: ResolvedInference, limit: number): WorkloadNeed {
  const curve = TP_DEGREES.filter((tp) => tp <= limit && w.model.attentionHeads % tp === 0).map((tp) => ({
    gpus: tp as number,
    perGpuGiB: calculateInferenceMemory(inferenceMemoryInput(w, tp)).perGpuGiB,
  }));
  return { gpusFor: (gpu) => curve.find((x) => x.perGpuGiB <= usableMemoryGiB(gpu, 'inference'))?.gpus ?? null };
}

const needOf = (w: ResolvedWorkload, limit: number): WorkloadNeed =>
  w.kind === 'training' ? trainingNeed(w, limit) : inferenceNeed(w, limit);

/** Capex as the TCO analysis counts it: whole servers of the GPU's platform, + the fabric past one server (docs/methodology.md#platforms). */
function guideCapex(s: ResolvedScenario, gpu: GpuSpec, gpus: number, price: { price: number; from: Money['from'] }): number {
  const candidate = s.candidates.find((c) => c.gpu.id === gpu.id);
  const own = platformFor(candidate?.platform ?? platformOf(gpu.id), gpus);
  const money: Money = { low: price.price, base: price.price, high: price.price, from: price.from };
  const node = nodeTerms(candidate ?? { gpu, purchasePrice: money, node: {} }, own, s.economics.usdExchangeRate);
  return capexOf(s.economics, gpus, node.inputs, price.price, gpu.tdpWatts ?? null);
}

/** The scenario's own price for a GPU it names, else the catalog midpoint in the scenario currency. */
function priceOf(s: ResolvedScenario, gpu: GpuSpec): { price: number; from: Money['from'] } | null {
  const own = s.candidates.find((c) => c.gpu.id === gpu.id)?.purchasePrice;
  if (own) return { price: own.base, from: own.from };
  const p = gpu.purchasePriceUsd;
  return p ? { price: ((p.low + p.high) / 2) * s.economics.usdExchangeRate, from: 'catalog' } : null;
}

export function buildGuide(s: ResolvedScenario, limit = DEFAULT_MAX_GPUS): Guide {
  const entries: GuideEntry[] = [];
  const tooSmall: GpuSpec[] = [];
  const unpriced: GpuSpec[] = [];
  const unsupported: GpuSpec[] = [];
  const needs = s.workloads.map((workload) => ({ workload, need: needOf(workload, limit) }));
  for (const gpu of GPUS) {
    // Training computes in its precision's tensor format; a GPU without it (no BF16 on T4/V100,
    // no FP8 before Hopper/Ada) cannot run that workload as specified.
    if (!s.workloads.every((w) => w.kind !== 'training' || gpu.denseTflops[w.precision === 'fp32' ? 'tf32' : w.precision] !== null)) {
      unsupported.push(gpu);
      continue;
    }
    const price = priceOf(s, gpu);
    if (!price) {
      unpriced.push(gpu);
      continue;
    }
    const perWorkload: { workload: ResolvedWorkload; gpus: number }[] = [];
    for (const { workload, need } of needs) {
      const n = need.gpusFor(gpu);
      if (n === null) break;
      perWorkload.push({ workload, gpus: n });
    }
    if (perWorkload.length < s.workloads.length) {
      tooSmall.push(gpu);
      continue;
    }
    const gpus = perWorkload.reduce((a, b) => a + b.gpus, 0);
    entries.push({ gpu, perWorkload, gpus, price: price.price, priceFrom: price.from, capex: guideCapex(s, gpu, gpus, price) });
  }
  entries.sort((a, b) => a.capex - b.capex || a.gpu.name.localeCompare(b.gpu.name));
  return { tiers: splitTiers(entries), tooSmall, unpriced, unsupported, maxGpusPerWorkload: limit };
}

/**
 * Terciles by rank of capex (entry = cheapest third); equal capex never straddles two tiers.
 * Fewer than three configurations: one → entry; two → entry and high-end.
 */
function splitTiers(sorted: readonly GuideEntry[]): Tier[] {
  const n = sorted.length;
  const tierOf = (rank: number): number => (n >= 3 ? Math.min(2, Math.floor((3 * rank) / n)) : rank * 2);
  const groups: GuideEntry[][] = [[], [], []];
  let previous: { capex: number; tier: number } | undefined;
  sorted.forEach((entry, rank) => {
    const tier = previous && previous.capex === entry.capex ? previous.tier : tierOf(rank);
    groups[tier]!.push(entry);
    previous = { capex: entry.capex, tier };
  });
  return groups.flatMap((entries, k) =>
    entries.length === 0
      ? []
      : [
          {
            id: TIER_IDS[k]!,
            entries,
            capexLow: entries[0]!.capex,
            capexHigh: entries[entries.length - 1]!.capex,
          },
        ],
  );
}
