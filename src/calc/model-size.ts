/**
 * Parameter and byte counts derived from a model's published architecture.
 * Embedding + LM head = 2 * vocab * hidden (untied; most modern LLMs, e.g. Llama 3 config.json
 * tie_word_embeddings=false). Quantised checkpoints keep them at 16-bit (GPTQ, AWQ,
 * bitsandbytes and TensorRT Model Optimizer all skip embeddings and lm_head).
 */
import type { ModelArch, Precision } from '../catalog/types.ts';
import { bytesPerParam, keepsEmbeddingsAt16Bit } from './precision.ts';

export const PARAMS_PER_B = 1e9;

/** Embedding + LM-head parameters, capped at the model's total. */
function embeddingParams(model: ModelArch): number {
  return Math.min(2 * model.vocabSize * model.hiddenSize, model.paramsB * PARAMS_PER_B);
}

/** Bytes of all resident weights (MoE: every expert is resident). */
export function weightBytes(model: ModelArch, p: Precision): number {
  const total = model.paramsB * PARAMS_PER_B;
  if (!keepsEmbeddingsAt16Bit(p)) return total * bytesPerParam(p);
  const emb = embeddingParams(model);
  return (total - emb) * bytesPerParam(p) + emb * bytesPerParam('bf16');
}

/**
 * Bytes of weights read per decode step at a given batch: dense weights always; MoE experts
 * touched grow with batch as 1 - (1 - k/E)^batch of the experts (uniform routing).
 * The input embedding is a row lookup, so only the LM head of the embedding pair is read.
 */
export function weightBytesReadPerStep(model: ModelArch, p: Precision, batch: number): number {
  const all = weightBytes(model, p);
  const embBytes = (weightBytes(model, p) - weightBytes({ ...model, vocabSize: 0 }, p)) / 2;
  if (model.experts <= 1) return all - embBytes;
  const total = model.paramsB * PARAMS_PER_B;
  const active = model.activeParamsB * PARAMS_PER_B;
  // expert params = (total - active) / (1 - k/E), from total = shared + E*e and active = shared + k*e.
  const frac = model.activeExperts / model.experts;
  const expertParams = (total - active) / (1 - frac);
  const touched = 1 - (1 - frac) ** Math.max(1, batch);
  const readParams = total - expertParams + expertParams * touched;
  return (all - embBytes) * (readParams / total);
}

/** Parameters one token uses, excluding the input embedding lookup (for FLOP counts: 2 * P_active per token). */
export function activeComputeParams(model: ModelArch): number {
  return Math.max(model.activeParamsB * PARAMS_PER_B - model.vocabSize * model.hiddenSize, model.activeParamsB * PARAMS_PER_B * 0.5);
}
