/**
 * Training FLOPs per token (docs/methodology.md#training-flops): model FLOPs = 6 * P_active + attention
 * 12 * layers * s * h (the llm-foundry / PaLM-appendix-B MFU convention); full recompute adds a
 * second forward (2 * P + 4 * layers * s * h); selective recompute re-runs only attention
 * (4 * layers * s * h; Korthikanti et al. 2022). LoRA/QLoRA skip weight gradients of the frozen
 * base: forward 2P + input-gradient backward 2P = 4P (Hu et al. 2021, arXiv:2106.09685).
 */
import type { ModelArch } from '../catalog/types.ts';
import { activeComputeParams } from './model-size.ts';
import type { Recompute, TrainingMethod } from './training-memory.ts';

export interface FlopsPerToken {
  /** FLOPs MFU counts (no recompute). */
  readonly model: number;
  /** FLOPs the hardware executes (recompute included). */
  readonly hardware: number;
  /** The attention-score part of `hardware` (QK^T and AV, recompute included): 16-bit even in FP8 training. */
  readonly attention: number;
}

export function trainingFlopsPerToken(model: ModelArch, seqLen: number, method: TrainingMethod, recompute: Recompute): FlopsPerToken {
  const p = activeComputeParams(model);
  const attnFwd = 4 * model.layers * seqLen * model.hiddenSize;
  const passes = method === 'full' ? 3 : 2; // forward + backward (weights + inputs, or inputs only)
  const modelFlops = passes * 2 * p + 3 * attnFwd;
  const extra = recompute === 'full' ? 2 * p + attnFwd : recompute === 'selective' ? attnFwd : 0;
  const attention = (recompute === 'none' ? 3 : 4) * attnFwd;
  return { model: modelFlops, hardware: modelFlops + extra, attention };
}
