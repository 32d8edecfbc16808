/**
 * Model presets: published architectures, each from the model's own config.json or paper.
 * Parameter counts are the published totals (billions); `activeParamsB` is what one token
 * uses (MoE routes `activeExperts` of `experts` FFNs per layer).
 */
import type { ModelArch } from './types.ts';

type Spec = Omit<ModelArch, 'headDim' | 'activeParamsB' | 'experts' | 'activeExperts'> &
  Partial<Pick<ModelArch, 'headDim' | 'activeParamsB' | 'experts' | 'activeExperts'>>;

function preset(s: Spec): ModelArch {
  return {
    ...s,
    headDim: s.headDim ?? s.hiddenSize / s.attentionHeads,
    activeParamsB: s.activeParamsB ?? s.paramsB,
    experts: s.experts ?? 1,
    activeExperts: s.activeExperts ?? 1,
  };
}

const HF = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;

export const MODELS: readonly ModelArch[] = [
  preset({ id: 'llama-2-7b', name: 'Llama 2 7B', paramsB: 6.74, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 32, ffnSize: 11008, vocabSize: 32000, maxContextTokens: 4096, source: `${HF('meta-llama/Llama-2-7b-hf')}; arXiv:2307.09288` }),
  preset({ id: 'llama-2-13b', name: 'Llama 2 13B', paramsB: 13.02, layers: 40, hiddenSize: 5120, attentionHeads: 40, kvHeads: 40, ffnSize: 13824, vocabSize: 32000, maxContextTokens: 4096, source: `${HF('meta-llama/Llama-2-13b-hf')}; arXiv:2307.09288` }),
  preset({ id: 'llama-2-70b', name: 'Llama 2 70B', paramsB: 68.98, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, ffnSize: 28672, vocabSize: 32000, maxContextTokens: 4096, source: `${HF('meta-llama/Llama-2-70b-hf')}; arXiv:2307.09288` }),
  preset({ id: 'llama-3.1-8b', name: 'Llama 3.1 8B', paramsB: 8.03, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, ffnSize: 14336, vocabSize: 128256, maxContextTokens: 131072, source: `${HF('meta-llama/Llama-3.1-8B')}; arXiv:2407.21783` }),
  preset({ id: 'llama-3.1-70b', name: 'Llama 3.1 70B', paramsB: 70.55, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, ffnSize: 28672, vocabSize: 128256, maxContextTokens: 131072, source: `${HF('meta-llama/Llama-3.1-70B')}; arXiv:2407.21783` }),
  preset({ id: 'llama-3.1-405b', name: 'Llama 3.1 405B', paramsB: 405.85, layers: 126, hiddenSize: 16384, attentionHeads: 128, kvHeads: 8, ffnSize: 53248, vocabSize: 128256, maxContextTokens: 131072, source: `${HF('meta-llama/Llama-3.1-405B')}; arXiv:2407.21783 Table 3` }),
  preset({ id: 'llama-3.3-70b', name: 'Llama 3.3 70B', paramsB: 70.55, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, ffnSize: 28672, vocabSize: 128256, maxContextTokens: 131072, source: HF('meta-llama/Llama-3.3-70B-Instruct') }),
  preset({ id: 'mistral-7b', name: 'Mistral 7B (v0.1)', paramsB: 7.24, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, ffnSize: 14336, vocabSize: 32000, maxContextTokens: 32768, source: `${HF('mistralai/Mistral-7B-v0.1')}; arXiv:2310.06825 Table 1` }),
  preset({ id: 'mixtral-8x7b', name: 'Mixtral 8x7B', paramsB: 46.7, activeParamsB: 12.9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, ffnSize: 14336, vocabSize: 32000, experts: 8, activeExperts: 2, maxContextTokens: 32768, source: `${HF('mistralai/Mixtral-8x7B-v0.1')}; arXiv:2401.04088` }),
  preset({ id: 'qwen2.5-7b', name: 'Qwen2.5 7B', paramsB: 7.62, layers: 28, hiddenSize: 3584, attentionHeads: 28, kvHeads: 4, ffnSize: 18944, vocabSize: 152064, maxContextTokens: 131072, source: `${HF('Qwen/Qwen2.5-7B')}; arXiv:2412.15115 Table 1` }),
  preset({ id: 'qwen2.5-72b', name: 'Qwen2.5 72B', paramsB: 72.71, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, ffnSize: 29568, vocabSize: 152064, maxContextTokens: 131072, source: `${HF('Qwen/Qwen2.5-72B')}; arXiv:2412.15115 Table 1` }),
  preset({ id: 'gpt-3-175b', name: 'GPT-3 175B', paramsB: 175, layers: 96, hiddenSize: 12288, attentionHeads: 96, kvHeads: 96, ffnSize: 49152, vocabSize: 50257, maxContextTokens: 2048, source: 'Brown et al. 2020, arXiv:2005.14165 Table 2.1' }),
  // Models behind the calibration measurements (src/calibration/calibration.csv).
  preset({ id: 'mpt-7b', name: 'MPT-7B', paramsB: 6.65, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 32, ffnSize: 16384, vocabSize: 50432, maxContextTokens: 2048, source: HF('mosaicml/mpt-7b') }),
  preset({ id: 'mpt-30b', name: 'MPT-30B', paramsB: 29.96, layers: 48, hiddenSize: 7168, attentionHeads: 64, kvHeads: 64, ffnSize: 28672, vocabSize: 50432, maxContextTokens: 8192, source: HF('mosaicml/mpt-30b') }),
  preset({ id: 'starcoder-15b', name: 'StarCoder 15.5B', paramsB: 15.5, layers: 40, hiddenSize: 6144, attentionHeads: 48, kvHeads: 1, ffnSize: 24576, vocabSize: 49152, maxContextTokens: 8192, source: `${HF('bigcode/starcoder')}; arXiv:2305.06161` }),
  preset({ id: 'gpt-oss-120b', name: 'gpt-oss-120b', paramsB: 116.83, activeParamsB: 5.13, layers: 36, hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDim: 64, ffnSize: 2880, vocabSize: 201088, experts: 128, activeExperts: 4, maxContextTokens: 131072, source: `${HF('openai/gpt-oss-120b')}; arXiv:2508.10925` }),
  // Appended for the calibration rows (src/calibration/calibration.csv): MPT sizes from llm-foundry's
  // pretrain YAMLs (d_model, n_heads, n_layers, expansion_ratio 4, vocab 50368); params as the
  // llm-foundry benchmarking README reports them.
  preset({ id: 'mpt-125m', name: 'MPT-125M', paramsB: 0.125, layers: 12, hiddenSize: 768, attentionHeads: 12, kvHeads: 12, ffnSize: 3072, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-125m.yaml' }),
  preset({ id: 'mpt-760m', name: 'MPT-760M', paramsB: 0.76, layers: 24, hiddenSize: 1536, attentionHeads: 12, kvHeads: 12, ffnSize: 6144, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-760m.yaml' }),
  preset({ id: 'mpt-1b', name: 'MPT-1B', paramsB: 1.32, layers: 24, hiddenSize: 2048, attentionHeads: 16, kvHeads: 16, ffnSize: 8192, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-1b.yaml' }),
  preset({ id: 'mpt-3b', name: 'MPT-3B', paramsB: 2.65, layers: 32, hiddenSize: 2560, attentionHeads: 20, kvHeads: 20, ffnSize: 10240, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-3b.yaml' }),
  preset({ id: 'mpt-13b', name: 'MPT-13B', paramsB: 12.85, layers: 40, hiddenSize: 5120, attentionHeads: 40, kvHeads: 40, ffnSize: 20480, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-13b.yaml' }),
  preset({ id: 'mpt-70b', name: 'MPT-70B', paramsB: 64.86, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 64, ffnSize: 32768, vocabSize: 50368, maxContextTokens: 2048, source: 'https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/yamls/pretrain/mpt-70b.yaml' }),
  preset({ id: 'llama-65b', name: 'LLaMA 65B (v1)', paramsB: 65.2, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 64, ffnSize: 22016, vocabSize: 32000, maxContextTokens: 2048, source: `${HF('huggyllama/llama-65b')}; arXiv:2302.13971 Table 2` }),
  preset({ id: 'bert-large-uncased', name: 'BERT-large (uncased)', paramsB: 0.336, layers: 24, hiddenSize: 1024, attentionHeads: 16, kvHeads: 16, ffnSize: 4096, vocabSize: 30522, maxContextTokens: 512, source: `${HF('google-bert/bert-large-uncased')}; arXiv:1810.04805` }),
];
