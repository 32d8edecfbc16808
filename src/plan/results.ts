/**
 * The one pure calculation step: a resolved scenario in, every number the analyses show out.
 * Analyses only arrange these results; nothing below here reads files, clocks or the environment.
 */
import type { ResolvedCandidate, ResolvedScenario } from '../scenario/resolve.ts';
import { calculateTco, type TcoResult } from '../calc/tco.ts';
import { fitWorkload, type FitResult } from './memory-fit.ts';
import { sizeInference, sizeTraining, type Sizing } from './performance.ts';

export interface CandidateResult {
  readonly candidate: ResolvedCandidate;
  /** One entry per scenario workload, same order. */
  readonly fits: readonly FitResult[];
  /** Per workload: the fewest GPUs meeting memory, throughput, latency and deadline, with the estimate. */
  readonly sizing: readonly Sizing[];
  /** Whether every workload's targets (latency, throughput, deadline) are met at fleetGpus. */
  readonly targetsMet: boolean;
  /** GPUs of this kind to run every workload at once on dedicated GPUs; null if one cannot fit. */
  readonly fleetGpus: number | null;
  readonly tco: TcoResult | null;
}

export interface Results {
  readonly candidates: readonly CandidateResult[];
}

export function calculateResults(s: ResolvedScenario): Results {
  return {
    candidates: s.candidates.map((candidate) => {
      const sizing = s.workloads.map((w): Sizing => (w.kind === 'inference' ? sizeInference(candidate.gpu, w, candidate.maxGpus) : sizeTraining(candidate.gpu, w, candidate.maxGpus)));
      const fits = s.workloads.map((w, i) => fitWorkload(candidate.gpu, w, candidate.maxGpus, sizing[i]!));
      const targetsMet = sizing.every((z) => (z.kind === 'inference' ? z.targetsMet : z.deadlineMet !== false));
      // The estimator's layout search and the memory sizing agree on fit; the larger count wins.
      const counts = sizing.map((z, i) => (z.gpus === null || fits[i]!.gpus === null ? null : Math.max(z.gpus, fits[i]!.gpus!)));
      const fleetGpus = counts.every((c): c is number => c !== null) ? counts.reduce((a, b) => a + b, 0) : null;
      const tco = fleetGpus === null ? null : calculateTco({
        gpus: fleetGpus, tdpWatts: candidate.gpu.tdpWatts, purchasePrice: candidate.purchasePrice,
        rentalPerGpuHour: candidate.rentalPerGpuHour, economics: s.economics,
      });
      return { candidate, fits, sizing, targetsMet, fleetGpus, tco };
    }),
  };
}
