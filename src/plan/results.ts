/**
 * The one pure calculation step: a resolved scenario in, every number the analyses show out.
 * Analyses only arrange these results; nothing below here reads files, clocks or the environment.
 */
import type { ResolvedCandidate, ResolvedScenario } from '../scenario/resolve.ts';
import { calculateTco, type TcoResult } from '../economics/tco.ts';
import { fitWorkload, type FitResult } from './memory-fit.ts';
import { sizeInference, sizeTraining, type Sizing } from './performance.ts';
import { calculateOptions, type Option } from './options.ts';
import { calculateRemedies, type Remedy } from './remedies.ts';
import { calculateSensitivity, type Sensitivity } from './sensitivity.ts';

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
  /** Every candidate bought and rented, ranked: feasible first, then by cost over the horizon. */
  readonly options: readonly Option[];
  /** When no option is feasible: the cheapest changes that make one feasible. */
  readonly remedies: readonly Remedy[];
  /** How the recommended option's cost moves with each assumption; null without any option. */
  readonly sensitivity: Sensitivity | null;
}

export function calculateResults(s: ResolvedScenario): Results {
  const candidates = calculateCandidates(s);
  const options = calculateOptions(s, candidates);
  const remedies = calculateRemedies(s, options, (changed) => calculateOptions(changed, calculateCandidates(changed)));
  return { candidates, options, remedies, sensitivity: calculateSensitivity(s, options) };
}

function calculateCandidates(s: ResolvedScenario): CandidateResult[] {
  return s.candidates.map((candidate) => {
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
  });
}

/**
 * The configuration a report leads with: the top-ranked option when it meets every constraint,
 * otherwise the option of the cheapest remedy (what it would take), else the top-ranked one.
 */
export function headlineOption(results: Results): { option: Option | undefined; remedy: Remedy | undefined } {
  const best = results.options[0];
  const remedy = best && !best.feasible ? results.remedies[0] : undefined;
  return { option: remedy?.option ?? best, remedy };
}
