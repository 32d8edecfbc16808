/** Notes of the training-plan analysis: each computed suggestion as one sentence with its numbers. */
import type { MessageKey } from '../i18n/index.ts';
import { MAX_SEARCH_GPUS, type FitAt, type ParallelPlan, type Recompute, type TrainingMethod } from '../plan/training-plan.ts';
import type { Suggestion } from '../plan/training-suggestions.ts';
import type { TrainingPerCandidate } from '../plan/workloads.ts';
import type { NoteBlock } from '../report/model.ts';
import type { AnalysisContext } from './context.ts';
import { factorText, numberText, percentText, type NumberText } from './inference-capacity-format.ts';

export const METHOD_KEYS = {
  full: 'trainingPlan.method.full',
  lora: 'trainingPlan.method.lora',
  qlora: 'trainingPlan.method.qlora',
} as const satisfies Record<TrainingMethod, MessageKey>;

export const RECOMPUTE_KEYS = {
  none: 'trainingPlan.recompute.none',
  selective: 'trainingPlan.recompute.selective',
  full: 'trainingPlan.recompute.full',
} as const satisfies Record<Recompute, MessageKey>;

/** A plan in words; the context-parallel degree is named only where it is above 1. */
export function layoutText(ctx: AnalysisContext, p: ParallelPlan): string {
  const cp = p.contextParallel ?? 1;
  return ctx.t(cp > 1 ? 'trainingPlan.layoutCp' : 'trainingPlan.layout', {
    dp: p.dataParallel,
    tp: p.tensorParallel,
    pp: p.pipelineParallel,
    cp,
    zero: p.zeroStage,
    recompute: ctx.t(RECOMPUTE_KEYS[p.recompute]),
    microBatch: p.microBatch,
  });
}

export function suggestionNotes(ctx: AnalysisContext, p: TrainingPerCandidate): NoteBlock[] {
  const fmt = numberText(ctx.locale);
  return p.suggestions.map((s) => ({
    kind: 'note',
    tone: s.kind === 'deadline' || s.kind === 'noFit' ? 'warning' : 'info',
    text: suggestionText(ctx, fmt, p, s),
  }));
}

/** Days with two decimals below 10 (short runs stay distinguishable), one above. */
const daysOf = (fmt: NumberText, f: FitAt): string => fmt(f.estimate.days.value, f.estimate.days.value < 10 ? 2 : 1);

function suggestionText(ctx: AnalysisContext, fmt: NumberText, p: TrainingPerCandidate, s: Suggestion): string {
  const { t } = ctx;
  const w = p.workload;
  const gpu = p.candidate.gpu.name;
  const currency = ctx.scenario.economics.currency;
  switch (s.kind) {
    case 'deadline': {
      const head = t('trainingPlan.suggest.deadline', {
        gpu,
        days: daysOf(fmt, s.current),
        gpus: fmt(s.current.gpus),
        deadline: fmt(s.deadlineDays, 1),
      });
      if (!s.found) {
        const best = s.fastest;
        return `${head} ${t('trainingPlan.suggest.deadlineNone', { cap: fmt(MAX_SEARCH_GPUS), gpus: fmt(best?.gpus ?? s.current.gpus), days: daysOf(fmt, best ?? s.current) })}`;
      }
      const f = s.found;
      const rent = s.foundRent;
      const params = {
        gpus: fmt(f.gpus),
        days: daysOf(fmt, f),
        layout: layoutText(ctx, f.estimate.plan),
        gpuHours: fmt(f.estimate.gpuHours.value),
        rent: fmt(rent ?? 0),
        currency,
      };
      const fix = t(rent === null ? 'trainingPlan.suggest.deadlineFound' : 'trainingPlan.suggest.deadlineFoundRent', params);
      return f.gpus > s.maxGpus ? `${head} ${fix} ${t('trainingPlan.suggest.beyondLimit', { max: fmt(s.maxGpus) })}` : `${head} ${fix}`;
    }
    case 'noFit': {
      const head = t('trainingPlan.suggest.noFit', { gpu, workload: w.name, method: t(METHOD_KEYS[w.method]), max: fmt(s.maxGpus) });
      const options = [
        ...s.methods.map((m) =>
          t('trainingPlan.suggest.methodFits', { method: t(METHOD_KEYS[m.method]), gpus: fmt(m.fit.gpus), days: daysOf(fmt, m.fit) }),
        ),
        ...s.others.map((o) => t('trainingPlan.suggest.otherFits', { gpu: o.gpu.name, gpus: fmt(o.fit.gpus), days: daysOf(fmt, o.fit) })),
        ...(s.beyond ? [t('trainingPlan.suggest.beyondFits', { gpus: fmt(s.beyond.gpus), days: daysOf(fmt, s.beyond) })] : []),
      ];
      return options.length === 0
        ? `${head} ${t('trainingPlan.suggest.nothing', { cap: fmt(MAX_SEARCH_GPUS) })}`
        : `${head} ${t('trainingPlan.suggest.alternatives', { list: options.join(t('inferenceCapacity.separator')) })}`;
    }
    case 'recompute':
      return t('trainingPlan.suggest.recompute', {
        gpu,
        gpus: fmt(s.current.gpus),
        other: s.gpu.name,
        memory: fmt(s.gpu.memoryGB),
        recompute: t(RECOMPUTE_KEYS[s.alternative.estimate.plan.recompute]),
        speedup: factorText(fmt, s.speedUp),
        days: daysOf(fmt, s.alternative),
        baseDays: daysOf(fmt, s.current),
      });
    case 'fp8':
      return t('trainingPlan.suggest.fp8', {
        gpu,
        gpus: fmt(s.current.gpus),
        days: daysOf(fmt, s.alternative),
        baseDays: daysOf(fmt, s.current),
        speedup: factorText(fmt, s.speedUp),
        mfu: percentText(fmt, s.alternative.estimate.mfu.value),
      });
  }
}
