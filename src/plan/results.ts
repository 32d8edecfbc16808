/**
 * The one pure calculation step: a resolved scenario in, every number the analyses show out.
 * Analyses only arrange these results; nothing below here reads files, clocks or the environment.
 *
 *   workloads    one tree per workload (workloads.ts): its need, and per candidate its fit,
 *                sizing, served throughput, training plan, suggestions, scaling curve …
 *   candidates   per candidate the whole fleet: GPUs for every workload at once, targets, TCO
 *   options, remedies, sensitivity   buying or renting each fleet, ranked (options.ts …)
 *   selectionGuide  budget tiers over the whole catalog; basis  the constants the report states
 */
import { forgetEstimates } from '../calc/memo.ts';
import { steadyTerm } from './rental-terms.ts';
import type { ResolvedCandidate, ResolvedScenario } from '../scenario/resolve.ts';
import { calculateTco, fleetInput } from '../economics/tco.ts';
import { platformFor } from '../catalog/platforms.ts';
import { calculateBasis, type Basis } from './basis.ts';
import { calculateBom, type Bom } from './bom.ts';
import { calculateOptions, type Option } from './options.ts';
import { calculateRemedies, type Remedy } from './remedies.ts';
import { buildGuide, type Guide } from './selection-guide.ts';
import { calculateSensitivity, type Sensitivity } from './sensitivity.ts';
import { calculateWorkloads, type WorkloadResult } from './workloads.ts';
import {
  onCandidate,
  nodeTerms,
  runsOverHorizon,
  sharesInferenceFleet,
  wholeNodes,
  type CandidateResult,
  type WorkloadOnCandidate,
} from './on-candidate.ts';
import { daysAtConfidence } from './performance.ts';

export interface Results {
  /** One tree per workload, scenario order. */
  readonly workloads: readonly WorkloadResult[];
  /** One per candidate, scenario order. */
  readonly candidates: readonly CandidateResult[];
  /** Every candidate bought and rented, ranked: feasible first, then by cost over the horizon. */
  readonly options: readonly Option[];
  /** When no option is feasible: the cheapest changes that make one feasible. */
  readonly remedies: readonly Remedy[];
  /** How the recommended option's cost moves with each assumption; null without any option. */
  readonly sensitivity: Sensitivity | null;
  /** What the recommended configuration buys, line by line, and its cash by year; null when it is rented or none. */
  readonly billOfMaterials: Bom | null;
  /** Budget tiers of every priced catalog GPU that holds the workloads. */
  readonly selectionGuide: Guide;
  readonly basis: Basis;
}

export function calculateResults(s: ResolvedScenario): Results {
  // Estimates are memoised within one calculation only (calc/memo.ts).
  forgetEstimates();
  const workloads = calculateWorkloads(s);
  // The fleet of each candidate adds up that candidate's entries of the workload trees.
  const candidates = s.candidates.map((candidate, k) =>
    fleet(
      s,
      candidate,
      workloads.map((w) => w.perCandidate[k]!),
    ),
  );
  const options = calculateOptions(s, candidates);
  const remedies = calculateRemedies(s, options, (changed) => calculateOptions(changed, calculateCandidates(changed)));
  const { option: lead } = leadOption(options, remedies);
  return {
    workloads,
    candidates,
    options,
    remedies,
    billOfMaterials: calculateBom(s, lead),
    sensitivity: calculateSensitivity(s, options, lead),
    selectionGuide: buildGuide(s),
    basis: calculateBasis(),
  };
}

/** The fleets alone (fit and sizing, no analysis detail): what the remedies re-run on a changed scenario. */
function calculateCandidates(s: ResolvedScenario): CandidateResult[] {
  return s.candidates.map((candidate) =>
    fleet(
      s,
      candidate,
      s.workloads.map((w) => onCandidate(candidate, w)),
    ),
  );
}

function fleet(s: ResolvedScenario, candidate: ResolvedCandidate, workloads: readonly WorkloadOnCandidate[]): CandidateResult {
  const targetsMet = workloads.every((x) => (x.kind === 'inference' ? x.sizing.targetsMet : x.sizing.deadlineMet !== false));
  // The estimator's layout search and the memory sizing agree on fit; the larger count wins.
  const counts = workloads.map(({ sizing, fit }) => (sizing.gpus === null || fit.gpus === null ? null : Math.max(sizing.gpus, fit.gpus)));
  // A recurring training job with room on the inference fleet runs there (docs/methodology.md#recurring-jobs).
  const inferenceGpus = workloads.reduce((a, x, i) => a + (x.kind === 'inference' ? (counts[i] ?? 0) : 0), 0);
  const shared = workloads.flatMap((x, i) =>
    x.kind === 'training' &&
    counts[i] != null &&
    x.sizing.estimate?.fits &&
    sharesInferenceFleet(x.workload, counts[i]!, daysAtConfidence(x.workload, x.sizing.estimate), inferenceGpus, s.economics.utilization)
      ? [x.workload.name]
      : [],
  );
  const own = counts.map((c, i) => (workloads[i]!.kind === 'training' && shared.includes(workloads[i]!.workload.name) ? 0 : c));
  const gpusNeeded = own.every((c): c is number => c !== null) ? own.reduce((a, b) => a + b, 0) : null;
  const trainingRuns = workloads.flatMap((x) => (x.kind === 'training' ? [runsOverHorizon(x.workload, s.economics.horizonMonths)] : []));
  // Servers are bought whole: the spare GPUs of the last one are part of the fleet (docs/methodology.md#platforms).
  const platform = gpusNeeded === null ? candidate.platform : platformFor(candidate.platform, gpusNeeded);
  const whole = gpusNeeded === null ? null : wholeNodes(gpusNeeded, platform.gpusPerNode);
  const fleetGpus = whole?.gpus ?? null;
  const rentTerm = steadyTerm(s.economics, candidate.gpu);
  const node = nodeTerms(candidate, platform, s.economics.usdExchangeRate);
  const tco =
    fleetGpus === null
      ? null
      : calculateTco(
          fleetInput(
            fleetGpus,
            node.inputs,
            candidate.gpu.tdpWatts,
            candidate.purchasePrice,
            candidate.rentalPerGpuHour,
            rentTerm.discount,
            s.economics,
          ),
        );
  return {
    candidate,
    workloads,
    targetsMet,
    fleetGpus,
    gpusNeeded,
    nodes: whole?.nodes ?? null,
    platform,
    trainingRuns,
    shared,
    rentTerm,
    node,
    tco,
  };
}

/**
 * The configuration a report leads with: the top-ranked option when it meets every constraint,
 * otherwise the option of the cheapest remedy (what it would take), else the top-ranked one.
 */
export function headlineOption(results: Results): { option: Option | undefined; remedy: Remedy | undefined } {
  return leadOption(results.options, results.remedies);
}

/** The best-ranked option, or, when it misses a constraint, the cheapest fix's option (and that fix). */
function leadOption(options: readonly Option[], remedies: readonly Remedy[]): { option: Option | undefined; remedy: Remedy | undefined } {
  const best = options[0];
  const remedy = best && !best.feasible ? remedies[0] : undefined;
  return { option: remedy?.option ?? best, remedy };
}
