/**
 * Turns one calibration row into an estimator call (or a reason it cannot be expressed).
 * Units follow the row's `unit` column: "/GPU" rows compare per-GPU throughput, "total" rows the
 * TP group's; max_memory_allocated excludes the CUDA context (PyTorch allocator), NVML "used"
 * includes it. Engine memory policy follows the row's framework (TensorRT-LLM vs vLLM).
 */
import { getGpu, getModel } from '../catalog/index.ts';
import type { GpuSpec, ModelArch, Precision } from '../catalog/types.ts';
import type { EfficiencyParams } from '../calc/efficiency-params.ts';
import { estimateInference, maxContextTokens, type InferenceInput } from '../calc/inference.ts';
import { calculateInferenceMemory, calculateTrainingMemory } from '../calc/memory.ts';
import { estimateTraining } from '../calc/training.ts';
import type { Recompute } from '../calc/training-memory.ts';
import type { EstimateKind } from '../calc/error-bands.ts';
import { coverageKeys, type ServingEngine } from '../calc/coverage.ts';
import { schedulerBudget } from '../calc/engines.ts';
import { cpOf, mapGpu, mapModel, mapPrecision, num, ppOf, tpOf } from './mapping.ts';

export type Row = Record<string, string>;
export interface Expressed {
  readonly id: string;
  /** The publication the row comes from (leave-one-source-out folds group by it). */
  readonly source: string;
  /** Kept out of every fit (notes say held_back=true): judged only out of sample. */
  readonly heldBack: boolean;
  /** Coverage keys the row provides (calc/coverage.ts). */
  readonly coverage: readonly string[];
  readonly kind: EstimateKind;
  readonly metric: string;
  readonly unit: string;
  readonly measured: number;
  readonly estimate: (p: EfficiencyParams) => number;
}
export type Expression = Expressed | { readonly id: string; readonly skip: string };

/** Rows that cannot be expressed, with the reason. */
const SKIP: Readonly<Record<string, string>> = {
  'IT-009': 'unit ambiguous (per GPU or per TP group not stated)',
  'IT-049': 'attention data parallel + expert parallel (DEP4) layout is not modelled (TP only)',
  'ME-004': 'prompt length not stated',
  'ME-005': 'prompt length not stated',
  'LT-061': 'prompt length not stated',
  'ME-006': 'source of the CUDA-context constant itself (would be circular)',
  'TR-226':
    "the memory model rejects the published layout (torchtitan's per-op selective checkpointing keeps fewer activations than the selective-recompute estimate)",
};
const SKIP_PREFIX: readonly (readonly [RegExp, string])[] = [
  [/^(IT-06[89]|IT-07\d|LT-00\d)$/, 'vLLM benchmark_serving dataset and input/output lengths not stated'],
  [/^ME-0(09|1\d)$/, 'batch and sequence length not stated; T5 encoder-decoder / CPU-offload runs'],
];

/** Requests in the TensorRT-LLM online-serving benchmark (row source: 500 requests). */
const SERVING_REQUESTS = 500;

/** A row's publication: its source text up to the commit (" @") or the first parenthesis (repository + file, or URL). */
const sourceOf = (text: string): string => text.split(/ @| \(/)[0]!.trim();

interface Ctx {
  gpu: GpuSpec;
  model: ModelArch;
  precision: Precision;
  row: Row;
}

export function express(row: Row): Expression {
  const id = row.id ?? '';
  const skip = SKIP[id] ?? SKIP_PREFIX.find(([re]) => re.test(id))?.[1];
  if (skip) return { id, skip };
  const gpuId = mapGpu(row.gpu ?? '');
  const modelId = mapModel(row.model ?? '');
  const precision = mapPrecision(row.precision ?? '') ?? (modelId === 'bert-large-uncased' ? 'fp32' : undefined);
  const gpu = gpuId ? getGpu(gpuId) : undefined;
  const model = modelId ? getModel(modelId) : undefined;
  if (!gpu || !model || !precision) return { id, skip: `cannot map gpu/model/precision (${row.gpu} / ${row.model} / ${row.precision})` };
  const ctx: Ctx = { gpu, model, precision, row };
  const phase = row.category === 'training_throughput' ? ('training' as const) : ('serving' as const);
  const engine = row.category === 'memory' ? undefined : servingInput(ctx).engine;
  const base = {
    id,
    metric: row.metric ?? '',
    unit: row.unit ?? '',
    measured: Number(row.value),
    source: sourceOf(row.source ?? ''),
    heldBack: /held_back=true/.test(row.notes ?? ''),
    coverage: row.category === 'memory' ? [] : coverageKeys({ phase, gpu, precision, engine }),
  };
  switch (row.category) {
    case 'training_throughput':
      return { ...base, kind: 'trainingThroughput', estimate: training(ctx) };
    case 'inference_throughput':
      return { ...base, kind: 'inferenceThroughput', estimate: inferenceThroughput(ctx) };
    case 'latency':
      return { ...base, kind: 'latency', estimate: latency(ctx) };
    case 'memory':
      return { ...base, kind: 'memory', estimate: memory(ctx) };
    default:
      return { id, skip: `unknown category ${row.category}` };
  }
}

/**
 * Activation recompute as the row states it; rows that do not state it (NeMo / Megatron-Bridge
 * tables) let the planner choose, as `estimate` does: it keeps the fastest setting that fits.
 */
function recomputeOf(layout: string): Recompute | undefined {
  const m = /activation_checkpointing=(\w+)/i.exec(layout);
  if (!m) return undefined;
  const v = m[1]!.toLowerCase();
  return v === 'true' ? 'full' : v === 'selective' ? 'selective' : 'none';
}

function training({ gpu, model, precision, row }: Ctx) {
  const batch = row.batch_or_concurrency ?? '';
  const layout = row.parallelism ?? '';
  // Megatron "FSDP=0" runs keep full weights per TP x PP shard with a distributed optimizer (ZeRO-1);
  // llm-foundry FULL_SHARD and "FSDP=1" shard weights too (ZeRO-3).
  const zeroStage = /FSDP=0/.test(layout) ? (1 as const) : (3 as const);
  const input = {
    gpu,
    model,
    precision,
    gpuCount: Number(row.gpu_count),
    seqLen: num(row.seq_or_io ?? '', 'seq') ?? 2048,
    // llm-foundry pre-training benchmarks: pre-training batch unless the row states one.
    tokens: 1e12,
    zeroStage,
    recompute: recomputeOf(layout),
    // Fine-tuning rows name their method (LoRA trains adapters only); pre-training rows are full.
    method: /method=lora/i.test(layout) ? ('lora' as const) : ('full' as const),
    microBatch: num(batch, 'micro_bs') ?? 1,
    globalBatchTokens: num(batch, 'global_batch_tokens'),
    tensorParallel: tpOf(layout) ?? 1,
    pipelineParallel: ppOf(layout) ?? 1,
    // Megatron "CP2": context parallelism (each sequence split over 2 GPUs).
    contextParallel: cpOf(layout) ?? 1,
    // Megatron "VP5": interleaved pipeline chunks per stage.
    virtualPipeline: Number(/\bVP(\d+)\b/.exec(layout)?.[1] ?? 1),
  };
  return (p: EfficiencyParams) => {
    const e = estimateTraining(input, p);
    return e.fits ? e.tokensPerSecondPerGpu.value : 0;
  };
}

/**
 * The serving engine a row ran: TensorRT-LLM (and NVIDIA NIM, which serves through it), SGLang,
 * else vLLM (vLLM itself; Intel's optimum-habana rows, paged and graph-compiled, take vLLM's
 * memory policy and open-engine efficiency, and the Intel software factor absorbs the rest).
 */
function rowEngine(framework: string): ServingEngine {
  if (/TensorRT|NIM/i.test(framework)) return 'tensorrt-llm';
  return /SGLang/i.test(framework) ? 'sglang' : 'vllm';
}

function servingInput({ gpu, model, precision, row }: Ctx): Omit<InferenceInput, 'concurrency'> {
  const io = row.seq_or_io ?? '';
  const tp = tpOf(row.parallelism ?? '') ?? Number(row.gpu_count);
  const engine = rowEngine(row.framework ?? '');
  // TensorRT-LLM's FP8 and FP4 builds quantise the KV cache too (its perf-overview recipes), and so do
  // Intel's optimum-habana FP8 runs (Intel Neural Compressor quantises the KV-cache module; e.g. IT-108's
  // batch of 768 x 2176 tokens of Llama 3.1 8B needs 214 GB of 16-bit KV on a 128 GB Gaudi 3). vLLM's and
  // SGLang's default kv_cache_dtype "auto" keeps the activations' 16 bits unless the row says FP8 KV.
  const fp8Kv =
    engine === 'tensorrt-llm' ||
    /optimum-habana/i.test(row.framework ?? '') ||
    /fp8[ _-]?kv|kv[_ -]cache[_ -]dtype[ =:]*fp8/i.test(row.notes ?? '');
  const kvPrecision: Precision = (precision === 'fp8' || precision === 'fp4') && fp8Kv ? 'fp8' : 'fp16';
  return {
    gpu,
    model,
    precision,
    kvPrecision,
    gpuCount: tp,
    tensorParallel: tp,
    engine,
    inputTokens: num(io, 'in') ?? 128,
    outputTokens: /1 output token/.test(io) ? 1 : (num(io, 'out') ?? 128),
  };
}

/** Concurrency a row ran at: static batch, or as many as memory and the engine allow ("max load"). */
function concurrencyFor(input: Omit<InferenceInput, 'concurrency'>, batchField: string, p: EfficiencyParams): number {
  const fixed = num(batchField, 'batch') ?? num(batchField, 'concurrency');
  if (fixed) return fixed;
  const probe = estimateInference({ ...input, concurrency: 1 }, p);
  const cap = num(batchField, 'max_num_seqs') ?? schedulerBudget(input.engine, input.gpu).maxSequences;
  return Math.max(1, Math.min(probe.maxConcurrency, cap));
}

function inferenceThroughput(ctx: Ctx) {
  const input = servingInput(ctx);
  const perGpu = /\/GPU/i.test(ctx.row.unit ?? '');
  return (p: EfficiencyParams) => {
    const e = estimateInference({ ...input, concurrency: concurrencyFor(input, ctx.row.batch_or_concurrency ?? '', p) }, p);
    if (!e.fits) return 0;
    // "input+output" rows count prompt tokens too: output x (I + O) / O.
    const total = /input\+output/i.test(ctx.row.unit ?? '') ? (input.inputTokens + input.outputTokens) / input.outputTokens : 1;
    return (perGpu ? e.outputTokensPerSecondPerGpu.value : e.outputTokensPerSecond.value) * total;
  };
}

function latency(ctx: Ctx) {
  const input = servingInput(ctx);
  const field = ctx.row.batch_or_concurrency ?? '';
  const qps = /QPS=INF/i.test(field) ? Infinity : Number(/QPS=([\d.]+)/i.exec(field)?.[1] ?? NaN);
  const ttft = ctx.row.metric === 'ttft';
  return (p: EfficiencyParams) => {
    let conc = num(field, 'batch') ?? num(field, 'concurrency') ?? 1;
    if (!Number.isNaN(qps)) {
      const cap = Math.min(SERVING_REQUESTS, estimateInference({ ...input, concurrency: 1 }, p).maxConcurrency);
      conc = qps === Infinity ? cap : 1;
      // Little's law: concurrency = arrival rate x time in system (TTFT + output x TPOT); fixed point.
      for (let i = 0; i < 30 && qps !== Infinity; i++) {
        const e = estimateInference({ ...input, concurrency: conc }, p);
        if (!e.fits) break;
        conc = Math.max(1, Math.min(cap, (qps * (e.ttftMs.value + input.outputTokens * e.tpotMs.value)) / 1000));
      }
    }
    const e = estimateInference({ ...input, concurrency: Math.max(1, Math.round(conc)) }, p);
    if (!e.fits) return 0;
    // request_latency: one static batch end to end, seconds = TTFT + (output - 1) x TPOT.
    if (ctx.row.metric === 'request_latency') return (e.ttftMs.value + (input.outputTokens - 1) * e.tpotMs.value) / 1000;
    return ttft ? e.ttftMs.value : e.tpotMs.value;
  };
}

function memory({ gpu, model, precision, row }: Ctx) {
  const unit = row.unit ?? '';
  const toUnit = (gib: number) => (/^MiB/.test(unit) ? gib * 1024 : /^GB/.test(unit) ? (gib * 2 ** 30) / 1e9 : gib);
  const metric = row.metric ?? '';
  if (metric === 'max_context_servable') {
    // vLLM's default KV dtype follows the model's activations (bf16) for FP8 checkpoints.
    const tokens = maxContextTokens({ gpu, model, precision, kvPrecision: 'bf16', gpuCount: 1, tensorParallel: 1, engine: 'vllm' });
    return () => tokens / 1000;
  }
  if (/fp32 \(AdamW\)/.test(row.precision ?? '')) {
    const m = calculateTrainingMemory({
      model,
      precision: 'fp32',
      method: 'full',
      optimizer: 'adamw',
      zeroStage: 0,
      recompute: 'none',
      attention: 'eager',
      seqLen: num(row.seq_or_io ?? '', 'seq') ?? 512,
      microBatch: num(row.batch_or_concurrency ?? '', 'batch') ?? 1,
      dataParallel: 1,
      tensorParallel: 1,
      pipelineParallel: 1,
    });
    return () => toUnit(m.perGpuGiB);
  }
  // Inference: "short prompt / 60 new tokens" ~ 100 + 60 tokens (KV is negligible here); weights-only rows hold none.
  const loadedOnly = /weights loaded/.test(row.seq_or_io ?? '');
  const m = calculateInferenceMemory({
    model,
    weightPrecision: precision,
    kvPrecision: 'bf16',
    contextTokens: loadedOnly ? 0 : 160,
    concurrency: loadedOnly ? 0 : 1,
    tensorParallel: 1,
  });
  const allocatorOnly = /max_memory_allocated/.test(metric) || /max_memory_allocated/.test(unit) || /allocated/.test(metric);
  return () => toUnit(allocatorOnly ? m.totalGiB - m.overheadGiB : m.totalGiB);
}
