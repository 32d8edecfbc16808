/**
 * The one pure calculation step: a resolved scenario in, every number the analyses show out.
 * Analyses only arrange these results; nothing below here reads files, clocks or the environment.
 */
import type { ResolvedCandidate, ResolvedScenario } from '../scenario/resolve.ts';
import { calculateTco, type TcoResult } from '../calc/tco.ts';
import { fitWorkload, type FitResult } from './memory-fit.ts';

export interface CandidateResult {
  readonly candidate: ResolvedCandidate;
  /** One entry per scenario workload, same order. */
  readonly fits: readonly FitResult[];
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
      const fits = s.workloads.map((w) => fitWorkload(candidate.gpu, w, candidate.maxGpus));
      const counts = fits.map((f) => f.gpus);
      const fleetGpus = counts.every((c): c is number => c !== null) ? counts.reduce((a, b) => a + b, 0) : null;
      const tco = fleetGpus === null ? null : calculateTco({
        gpus: fleetGpus, tdpWatts: candidate.gpu.tdpWatts, purchasePrice: candidate.purchasePrice,
        rentalPerGpuHour: candidate.rentalPerGpuHour, economics: s.economics,
      });
      return { candidate, fits, fleetGpus, tco };
    }),
  };
}
