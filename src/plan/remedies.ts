/**
 * When no option meets every constraint: the cheapest ways to make one fit, each with its
 * numbers, found by re-running the calculation on a changed scenario (pure):
 *   budget     the cheapest option that meets the targets, and the budget it needs
 *   more GPUs  the GPU limit raised (×4, up to 256)
 *   quantise   16-bit inference weights → fp8 (fp8 → int4), KV cache alike
 *   LoRA/QLoRA full training → LoRA, then QLoRA
 */
import type { ResolvedScenario, ResolvedWorkload } from '../scenario/resolve.ts';
import type { Precision } from '../catalog/types.ts';
import type { Option } from './options.ts';

type RemedyKind = 'budget' | 'moreGpus' | 'quantise' | 'lora' | 'qlora';

export interface Remedy {
  readonly kind: RemedyKind;
  /** The best option under the change: feasible if any, else the one meeting the targets for the least budget. */
  readonly option: Option;
  /** For 'budget': the budget needed; for 'moreGpus': the new GPU limit. */
  readonly value?: number;
}

/** Largest GPU count the "more GPUs" remedy considers for one GPU kind. */
export const REMEDY_MAX_GPUS = 256;

const QUANTISE_TO: Partial<Record<Precision, Precision>> = { fp32: 'fp8', bf16: 'fp8', fp16: 'fp8', fp8: 'int4', int8: 'int4' };

export function calculateRemedies(
  s: ResolvedScenario,
  options: readonly Option[],
  optionsFor: (scenario: ResolvedScenario) => readonly Option[],
): Remedy[] {
  if (options.some((o) => o.feasible)) return [];
  const remedies: Remedy[] = [];
  const meeting = options.filter((o) => o.targetsMet).sort((a, b) => a.budgetBasis.base - b.budgetBasis.base)[0];
  if (meeting && s.economics.budget !== undefined) remedies.push({ kind: 'budget', option: meeting, value: meeting.budgetBasis.base });

  // Under a change, the best option that meets the targets: feasible ones first (options are
  // ranked), else the one needing the least budget (the remedy then says which budget).
  const tryChange = (kind: RemedyKind, changed: ResolvedScenario | null, value?: number) => {
    if (!changed) return;
    const ranked = optionsFor(changed);
    const best =
      ranked.find((o) => o.feasible) ?? ranked.filter((o) => o.targetsMet).sort((a, b) => a.budgetBasis.base - b.budgetBasis.base)[0];
    if (best) remedies.push({ kind, option: best, ...(value !== undefined ? { value } : {}) });
  };
  const limit = Math.min(REMEDY_MAX_GPUS, Math.max(...s.candidates.map((c) => c.maxGpus)) * 4);
  tryChange('moreGpus', { ...s, candidates: s.candidates.map((c) => ({ ...c, maxGpus: Math.max(c.maxGpus, limit) })) }, limit);
  tryChange(
    'quantise',
    mapWorkloads(s, (w) => {
      if (w.kind !== 'inference' || !QUANTISE_TO[w.precision]) return null;
      const to = QUANTISE_TO[w.precision]!;
      return { ...w, precision: to, kvPrecision: to === 'int4' ? w.kvPrecision : to };
    }),
  );
  tryChange(
    'lora',
    mapWorkloads(s, (w) => (w.kind === 'training' && w.method === 'full' ? { ...w, method: 'lora' } : null)),
  );
  tryChange(
    'qlora',
    mapWorkloads(s, (w) => (w.kind === 'training' && w.method !== 'qlora' ? { ...w, method: 'qlora' } : null)),
  );
  return remedies.sort((a, b) => Number(b.option.feasible) - Number(a.option.feasible) || a.option.total.base - b.option.total.base);
}

/** The scenario with some workloads changed; null when the change applies to none. */
function mapWorkloads(s: ResolvedScenario, change: (w: ResolvedWorkload) => ResolvedWorkload | null): ResolvedScenario | null {
  let changed = false;
  const workloads = s.workloads.map((w) => {
    const next = change(w);
    if (next) changed = true;
    return next ?? w;
  });
  return changed ? { ...s, workloads } : null;
}
