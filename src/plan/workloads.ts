/**
 * One result tree per workload: what it needs (independent of the GPU) and, per candidate GPU,
 * its memory fit, its sizing and everything the analyses show for it on that GPU (served
 * throughput, concurrency sweep, GPUs to meet the targets, training methods and suggestions,
 * scaling curve). A union on `kind`, so inference and training results need no casts. Pure.
 */
import type { ResolvedInference, ResolvedScenario, ResolvedTraining } from '../scenario/resolve.ts';
import { inferenceCapacity, type InferenceCapacity } from './inference-capacity.ts';
import { inferenceNeed, trainingNeed, type InferenceMemory, type TrainingMemory } from './memory-fit.ts';
import { inferenceCurve, scaledWorkload, trainingCurve, type Scaling } from './multi-gpu.ts';
import { methodFits, rentForRun, type MethodFit } from './training-plan.ts';
import { trainingSuggestions, type Suggestion } from './training-suggestions.ts';
import { inferenceOnCandidate, trainingOnCandidate, type InferenceOnCandidate, type TrainingOnCandidate } from './on-candidate.ts';

export interface InferencePerCandidate extends InferenceOnCandidate, InferenceCapacity {
  /** Throughput from 1 GPU up, on the workload the multi-gpu analysis scales (scaledWorkload); null on the others. */
  readonly scaling: Scaling | null;
}

export interface TrainingPerCandidate extends TrainingOnCandidate {
  /** Rent of the sized run at the candidate's base rental rate; null without a rate or a run that fits. */
  readonly rent: number | null;
  /** Fewest GPUs that fit per method (full, LoRA, QLoRA) up to the candidate's limit. */
  readonly methods: readonly MethodFit[];
  readonly suggestions: readonly Suggestion[];
  readonly scaling: Scaling | null;
}

export interface InferenceWorkloadResult {
  readonly kind: 'inference';
  readonly workload: ResolvedInference;
  /** Whole-model memory at TP 1. */
  readonly need: InferenceMemory;
  /** One entry per candidate, scenario order. */
  readonly perCandidate: readonly InferencePerCandidate[];
}

export interface TrainingWorkloadResult {
  readonly kind: 'training';
  readonly workload: ResolvedTraining;
  /** Per-GPU memory on one GPU without sharding (UNSHARDED). */
  readonly need: TrainingMemory;
  readonly perCandidate: readonly TrainingPerCandidate[];
}

export type WorkloadResult = InferenceWorkloadResult | TrainingWorkloadResult;

/** Every workload's tree, scenario order. */
export function calculateWorkloads(s: ResolvedScenario): WorkloadResult[] {
  const scaled = scaledWorkload(s.workloads);
  return s.workloads.map((w) => (w.kind === 'inference' ? inferenceWorkload(s, w, w === scaled) : trainingWorkload(s, w, w === scaled)));
}

function inferenceWorkload(s: ResolvedScenario, workload: ResolvedInference, scaled: boolean): InferenceWorkloadResult {
  return {
    kind: 'inference',
    workload,
    need: inferenceNeed(workload),
    perCandidate: s.candidates.map((candidate) => {
      const core = inferenceOnCandidate(candidate, workload);
      return {
        ...core,
        ...inferenceCapacity(candidate, workload, core.sizing),
        scaling: scaled ? inferenceCurve(candidate.gpu, workload, candidate.maxGpus) : null,
      };
    }),
  };
}

function trainingWorkload(s: ResolvedScenario, workload: ResolvedTraining, scaled: boolean): TrainingWorkloadResult {
  const cores = s.candidates.map((candidate) => trainingOnCandidate(candidate, workload));
  return {
    kind: 'training',
    workload,
    need: trainingNeed(workload),
    perCandidate: cores.map((core) => {
      const { candidate, sizing } = core;
      const methods = methodFits(candidate, workload, sizing);
      return {
        ...core,
        rent:
          sizing.gpus !== null && sizing.estimate?.fits
            ? rentForRun(sizing.estimate.gpuHours.value, candidate.rentalPerGpuHour?.base ?? null)
            : null,
        methods,
        suggestions: trainingSuggestions(core, cores, methods),
        scaling: scaled ? trainingCurve(candidate.gpu, workload, candidate.maxGpus) : null,
      };
    }),
  };
}
