/** Notes of the inference-capacity analysis: the usage profile and targets, and target shortfalls. */
import type { MessageKey } from '../i18n/index.ts';
import { SEARCH_LIMIT_GPUS, type Served } from '../plan/inference-capacity.ts';
import { allTargetsMet } from '../plan/performance.ts';
import type { InferencePerCandidate, InferenceWorkloadResult } from '../plan/workloads.ts';
import type { NoteBlock } from '../report/model.ts';
import { PROFILES, type Profile, type ProfileId } from '../scenario/profiles.ts';
import type { ResolvedInference } from '../scenario/resolve.ts';
import type { AnalysisContext } from './context.ts';
import { numberText, percentText, type NumberText } from './inference-capacity-format.ts';

const PROFILE_KEYS = {
  'real-time-chat': ['inferenceCapacity.profile.realTimeChat', 'inferenceCapacity.basis.realTimeChat'],
  'api-service': ['inferenceCapacity.profile.apiService', 'inferenceCapacity.basis.apiService'],
  'batch-processing': ['inferenceCapacity.profile.batchProcessing', 'inferenceCapacity.basis.batchProcessing'],
  'edge-deployment': ['inferenceCapacity.profile.edgeDeployment', 'inferenceCapacity.basis.edgeDeployment'],
} as const satisfies Record<ProfileId, readonly [MessageKey, MessageKey]>;

type Targets = ResolvedInference['targets'];

function targetList(ctx: AnalysisContext, fmt: NumberText, targets: Targets): string {
  const { t } = ctx;
  const parts = [
    ...(targets.ttftMs === undefined ? [] : [t('inferenceCapacity.target.ttft', { value: fmt(targets.ttftMs, 1) })]),
    ...(targets.tpotMs === undefined ? [] : [t('inferenceCapacity.target.tpot', { value: fmt(targets.tpotMs, 1) })]),
    ...(targets.outputTokensPerSecond === undefined
      ? []
      : [t('inferenceCapacity.target.throughput', { value: fmt(targets.outputTokensPerSecond) })]),
  ];
  return parts.join(t('inferenceCapacity.separator'));
}

/** Names the usage profile (with its own bounds) and the targets applied to the workload. */
export function targetsNote(ctx: AnalysisContext, w: ResolvedInference): string {
  const { t, locale } = ctx;
  const fmt = numberText(locale);
  const applied = targetList(ctx, fmt, w.targets);
  const targets = applied === '' ? t('inferenceCapacity.noTargetsApplied') : applied;
  if (!w.profile) {
    return applied === ''
      ? t('inferenceCapacity.noTargets', { workload: w.name, concurrency: fmt(w.concurrency) })
      : t('inferenceCapacity.targetsNote', { workload: w.name, targets });
  }
  const p: Profile = PROFILES[w.profile];
  const [name, basis] = PROFILE_KEYS[w.profile];
  const own = targetList(ctx, fmt, { ttftMs: p.ttftMs, tpotMs: p.tpotMs });
  return t('inferenceCapacity.profileNote', {
    workload: w.name,
    profile: t(name),
    basis: t(basis),
    profileTargets: own === '' ? t('inferenceCapacity.noLatencyBound') : own,
    profileConcurrency: fmt(p.concurrency),
    targets,
  });
}

/** "8.9% short of …" fragments for each target a layout misses. */
function misses(ctx: AnalysisContext, fmt: NumberText, w: ResolvedInference, s: Served): string {
  const { t } = ctx;
  const x = w.targets;
  const parts: string[] = [];
  if (s.targets.ttft === false && x.ttftMs !== undefined) {
    const v = s.estimate.ttftMs.value;
    parts.push(t('inferenceCapacity.miss.ttft', { value: fmt(v), target: fmt(x.ttftMs), pct: percentText(fmt, v / x.ttftMs - 1) }));
  }
  if (s.targets.tpot === false && x.tpotMs !== undefined) {
    const v = s.estimate.tpotMs.value;
    parts.push(t('inferenceCapacity.miss.tpot', { value: fmt(v, 1), target: fmt(x.tpotMs, 1), pct: percentText(fmt, v / x.tpotMs - 1) }));
  }
  if (s.targets.throughput === false && x.outputTokensPerSecond !== undefined) {
    const v = s.system.value;
    const target = x.outputTokensPerSecond;
    parts.push(t('inferenceCapacity.miss.throughput', { value: fmt(v), target: fmt(target), pct: percentText(fmt, 1 - v / target) }));
  }
  return parts.join(t('inferenceCapacity.separator'));
}

/** What meeting every target would take on this GPU, searched up to SEARCH_LIMIT_GPUS. */
function remedy(ctx: AnalysisContext, fmt: NumberText, p: InferencePerCandidate, throughputMissed: boolean): string {
  const { t } = ctx;
  const w = p.workload;
  const max = p.candidate.maxGpus;
  const need = p.toMeetTargets?.found ?? null;
  if (!need) {
    const none = t('inferenceCapacity.unreachable', { cap: fmt(SEARCH_LIMIT_GPUS) });
    // Steady state: output = requests in flight ÷ time per step, so a fixed concurrency caps it.
    const target = w.targets.outputTokensPerSecond;
    return target === undefined || !throughputMissed
      ? none
      : `${none} ${t('inferenceCapacity.concurrencyBound', { concurrency: fmt(w.concurrency), target: fmt(target) })}`;
  }
  const layout = t('inferenceCapacity.layout', { tp: tpText(need.estimate), replicas: fmt(need.estimate.replicas) });
  const text = t('inferenceCapacity.needs', { gpus: fmt(need.gpus), layout });
  return need.gpus > max ? `${text} ${t('inferenceCapacity.beyondLimit', { max: fmt(max) })}` : text;
}

/** A warning per candidate that misses a target at its sized layout or does not fit, saying by how much. */
export function shortfallNotes(ctx: AnalysisContext, r: InferenceWorkloadResult): NoteBlock[] {
  const { t, locale } = ctx;
  const fmt = numberText(locale);
  const w = r.workload;
  return r.perCandidate.flatMap((p): NoteBlock[] => {
    const { candidate, served: s } = p;
    const gpu = candidate.gpu.name;
    if (!s) {
      const text = `${t('inferenceCapacity.noFit', { gpu, max: fmt(candidate.maxGpus) })} ${remedy(ctx, fmt, p, false)}`;
      return [{ kind: 'note', tone: 'warning', text }];
    }
    if (allTargetsMet(s.targets)) return [];
    const layout = t('inferenceCapacity.layout', { tp: tpText(s.estimate), replicas: fmt(s.estimate.replicas) });
    const head = t(p.sizing.targetsMet ? 'inferenceCapacity.shortfall' : 'inferenceCapacity.shortfallAtLimit', {
      gpu,
      gpus: fmt(s.gpus),
      layout,
      max: fmt(candidate.maxGpus),
      misses: misses(ctx, fmt, w, s),
    });
    return [{ kind: 'note', tone: 'warning', text: `${head} ${remedy(ctx, fmt, p, s.targets.throughput === false)}` }];
  });
}

/** "8" or "8 × PP 2": the tensor-parallel degree of a layout, with its pipeline stages when there are any. */
export const tpText = (e: { tensorParallel: number; pipelineParallel: number }): string =>
  e.pipelineParallel > 1 ? `${e.tensorParallel / e.pipelineParallel} × PP ${e.pipelineParallel}` : String(e.tensorParallel);

/** One warning naming the GPUs whose estimates lie outside calibration coverage (wider bands). */
export function extrapolatedNote(ctx: AnalysisContext, gpus: readonly string[]): NoteBlock[] {
  return gpus.length === 0
    ? []
    : [{ kind: 'note', tone: 'warning', text: ctx.t('estimates.extrapolated', { gpus: gpus.join(ctx.t('inferenceCapacity.separator')) }) }];
}
