/**
 * The scenario format, version 1: the single source of truth for what a scenario file may
 * say. Types come from here (`z.infer`), the JSON Schema in `schema/scenario.schema.json` is
 * generated from here (`npm run schema`), and docs/scenario.md documents the same fields.
 * Objects are strict: a misspelt key is an error, never silently ignored.
 */
import { REGIONS } from '../catalog/export-controls.ts';
import { z } from 'zod';
import { PRECISIONS } from '../catalog/types.ts';
import { SERVING_ENGINES } from '../calc/coverage.ts';
import { LENGTH_PROFILE_IDS } from '../calc/lengths.ts';
import { SETTABLE_KEYS, parameter, type SettableKey } from '../economics/parameters.ts';
import { MAX, MONEY_USD, USD_EXCHANGE_RATE, moneyCeiling } from './bounds.ts';

/** A number > 0 and at most `max` (scenario/bounds.ts: every number has a sensible range). */
const positive = (what: string, max: number) => z.number().positive().max(max).describe(what);
const positiveInt = (what: string, max: number) => z.number().int().gte(1).max(max).describe(what);

/** A length: fixed tokens, a distribution { mean, p90 }, or a named dataset profile (calc/lengths.ts). */
const lengthSchema = (what: string) =>
  z
    .union([
      positiveInt(what, MAX.contextTokens),
      z
        .strictObject({
          mean: z.number().gte(1).max(MAX.contextTokens).describe('Mean length, tokens.'),
          p90: z.number().gte(1).max(MAX.contextTokens).describe('90th-percentile length, tokens (at least the mean).'),
        })
        .refine((d) => d.p90 >= d.mean, { message: 'p90 must be at least the mean', path: ['p90'] }),
      z.enum(LENGTH_PROFILE_IDS).describe('Named dataset profile with published length statistics (sharegpt).'),
    ])
    .describe(`${what} A number, { mean, p90 }, or a dataset profile name (sharegpt).`);
/** Money in the scenario currency: > 0 here, its USD range checked with the rate in scenario/rules.ts. */
const money = (what: string, usd: { readonly max: number }) => positive(what, moneyCeiling(usd.max));

const precisionSchema = z.enum(PRECISIONS);

/** Named usage profiles from the original design: latency targets and concurrency. */
export const PROFILE_IDS = ['real-time-chat', 'batch-processing', 'api-service', 'edge-deployment'] as const;

/** An inline model architecture, for models that are not in the catalog. */
const architectureSchema = z.strictObject({
  /** Display name. */
  name: z.string().min(1).describe('Display name of the model.'),
  /** Total parameters, billions (all experts for MoE). */
  paramsB: positive('Total parameters in billions (all experts for MoE).', MAX.paramsB),
  /** Parameters used per token, billions (MoE). Default: paramsB. */
  activeParamsB: positive('Parameters used per token in billions (MoE). Default: paramsB.', MAX.paramsB).optional(),
  /** Transformer layers. */
  layers: positiveInt('Number of transformer layers.', MAX.layers),
  /** Hidden (model) dimension. */
  hiddenSize: positiveInt('Hidden (model) dimension.', MAX.hiddenSize),
  /** Attention (query) heads. */
  attentionHeads: positiveInt('Attention (query) heads.', MAX.attentionHeads),
  /** Key/value heads (GQA/MQA). Default: attentionHeads (MHA). */
  kvHeads: positiveInt('Key/value heads for GQA/MQA. Default: attentionHeads (MHA).', MAX.attentionHeads).optional(),
  /** Head dimension. Default: hiddenSize / attentionHeads. */
  headDim: positiveInt('Head dimension. Default: hiddenSize / attentionHeads.', MAX.headDim).optional(),
  /** FFN intermediate size (per expert for MoE). */
  ffnSize: positiveInt('FFN intermediate size (per expert for MoE).', MAX.ffnSize),
  /** Vocabulary size, tokens. */
  vocabSize: positiveInt('Vocabulary size in tokens.', MAX.vocabSize),
  /** MoE experts per layer. Default: 1 (dense). */
  experts: positiveInt('MoE experts per layer. Default: 1 (dense).', MAX.experts).optional(),
  /** MoE experts routed per token. Default: 1. */
  activeExperts: positiveInt('MoE experts routed per token. Default: 1.', MAX.experts).optional(),
  /** Longest context the model supports, tokens. Default: 4096. */
  maxContextTokens: positiveInt('Longest context the model supports, in tokens. Default: 4096.', MAX.contextTokens).optional(),
  /** MLA (DeepSeek, Kimi K2): elements cached per token per layer (kv_lora_rank + qk_rope_head_dim). */
  kvLatentDim: positiveInt(
    'Multi-head latent attention: elements cached per token per layer (kv_lora_rank + qk_rope_head_dim).',
    MAX.hiddenSize,
  ).optional(),
  /** Sliding-window (local) attention: window in tokens and how many layers use it. */
  slidingWindow: z
    .strictObject({ tokens: positiveInt('Window, tokens.', MAX.contextTokens), layers: positiveInt('Layers with the window.', MAX.layers) })
    .optional()
    .describe('Sliding-window attention: window (tokens) and the number of layers that use it.'),
  /** MoE: experts every token uses besides the routed ones. */
  sharedExperts: z.number().int().nonnegative().max(MAX.experts).describe('MoE: shared experts every token uses. Default: 0.').optional(),
  /** MoE: dense (non-MoE) layers. */
  denseLayers: z.number().int().nonnegative().max(MAX.layers).describe('MoE: dense (non-MoE) layers. Default: 0.').optional(),
});

const modelFields = {
  /** A catalog model id (`gpu-report catalog models`). Give this or `architecture`. */
  model: z.string().min(1).describe('Catalog model id (see `gpu-report catalog models`). Give this or `architecture`.').optional(),
  /** An inline architecture for a model not in the catalog. */
  architecture: architectureSchema.optional().describe('Inline architecture for a model not in the catalog.'),
};

/** One workload (exported for `estimate`, which validates its flags as a workload). */
export const inferenceWorkloadSchema = z.strictObject({
  /** Short name shown in the report. */
  name: z.string().min(1).describe('Short name shown in the report.'),
  kind: z.literal('inference').describe('An LLM serving workload.'),
  ...modelFields,
  /** Weight precision. Default: bf16. int4/int8 are weight-only (16-bit compute). */
  precision: precisionSchema.default('bf16').describe('Weight precision. Default: bf16. int4/int8 are weight-only quantisation.'),
  /** KV-cache precision. Default: the weight precision, or bf16 for int4/int8/fp4 weights. */
  kvPrecision: precisionSchema.optional().describe('KV-cache precision. Default: the weight precision (bf16 for int4/int8/fp4 weights).'),
  /** Usage profile preset: fills latency targets and concurrency when not given. */
  profile: z.enum(PROFILE_IDS).optional().describe('Usage profile preset; fills latency targets and concurrency when not given.'),
  /** Prompt length per request, tokens. */
  inputTokens: lengthSchema('Prompt length per request, tokens.'),
  /** Generated tokens per request: a number, { mean, p90 }, or a dataset profile name. */
  outputTokens: lengthSchema('Generated tokens per request.'),
  /** Requests in flight at once (decode batch). Default: from the profile, else 32. */
  concurrency: positiveInt('Requests in flight at once. Default: from the profile, else 32.', MAX.concurrency).optional(),
  /** Serving engine: memory policy and step overheads (docs/methodology.md#usable-memory). Default: vllm. */
  engine: z.enum(SERVING_ENGINES).optional().describe('Serving engine: vllm, sglang, tensorrt-llm or transformers. Default: vllm.'),
  /** Tensor-parallel degree per replica. Default: chosen by the planner (the fewest GPUs that meet the targets). */
  tensorParallel: positiveInt('Tensor-parallel degree per replica. Default: chosen by the planner.', MAX.gpus).optional(),
  /** Traffic instead of concurrency: requests per second; concurrency follows by Little's law. */
  arrivalRatePerSecond: positive("Requests per second across the system (instead of concurrency; Little's law).", 1e6).optional(),
  /** Traffic instead of concurrency: active users, each waiting thinkTimeSeconds between requests. */
  activeUsers: positiveInt('Active users (instead of concurrency), each waiting thinkTimeSeconds between requests.', 1e9).optional(),
  thinkTimeSeconds: z
    .number()
    .nonnegative()
    .max(86400)
    .describe('Seconds a user waits between a response and the next request. Default: 0.')
    .optional(),
  /** Service-level targets. */
  targets: z
    .strictObject({
      /** Time to first token, milliseconds (upper bound). */
      ttftMs: positive('Time to first token, milliseconds (upper bound).', MAX.latencyMs).optional(),
      /** Time per output token after the first, milliseconds (upper bound). */
      tpotMs: positive('Time per output token after the first, milliseconds (upper bound).', MAX.latencyMs).optional(),
      /** Required output tokens per second across the whole system (lower bound). */
      outputTokensPerSecond: positive('Required output tokens/s across the whole system (lower bound).', MAX.tokensPerSecond).optional(),
      /** Which percentile the TTFT / TPOT targets bound (queueing model). Default: the base estimate. */
      percentile: z
        .enum(['p50', 'p90', 'p99'])
        .describe('Percentile the TTFT and TPOT targets bound. Default: the base estimate.')
        .optional(),
    })
    .optional()
    .describe('Service-level targets.'),
});

export const trainingWorkloadSchema = z.strictObject({
  /** Short name shown in the report. */
  name: z.string().min(1).describe('Short name shown in the report.'),
  kind: z.literal('training').describe('A pre-training or fine-tuning run.'),
  ...modelFields,
  /** Training precision (mixed precision with fp32 master weights). Default: bf16. */
  precision: z.enum(['fp32', 'bf16', 'fp16', 'fp8']).default('bf16').describe('Training compute precision. Default: bf16.'),
  /** full fine-tune / pre-train, LoRA, or QLoRA (4-bit base). Default: full. */
  method: z.enum(['full', 'lora', 'qlora']).default('full').describe('full, lora or qlora. Default: full.'),
  /** Optimizer. Default: adamw (mixed precision). */
  optimizer: z.enum(['adamw', 'adamw-8bit', 'sgd', 'adafactor', 'lion']).default('adamw').describe('Optimizer. Default: adamw.'),
  /** Layout: tensor- and pipeline-parallel degrees, micro-batch. Default: chosen by the planner. */
  tensorParallel: positiveInt('Tensor-parallel degree. Default: chosen by the planner.', MAX.gpus).optional(),
  pipelineParallel: positiveInt('Pipeline-parallel degree. Default: chosen by the planner.', MAX.layers).optional(),
  /** Context-parallel degree: each sequence split over this many GPUs (ring attention); seqLen must divide by 2 × it. */
  contextParallel: positiveInt(
    'Context-parallel degree: each sequence is split over this many GPUs (seqLen divisible by 2 × it). Default: chosen by the planner (only from 8,192 tokens).',
    MAX.gpus,
  ).optional(),
  microBatch: positiveInt('Micro-batch, sequences per GPU per step. Default: chosen by the planner.', MAX.concurrency).optional(),
  /** Tokens per optimizer step. Default: 64 sequences for fine-tunes (LoRA/QLoRA or under 1B tokens), ~4M tokens otherwise. */
  globalBatchTokens: positiveInt(
    'Tokens per optimizer step. Default: 64 sequences for fine-tunes, ~4M tokens for pre-training.',
    MAX.trainingTokens,
  ).optional(),
  /** LoRA rank. Default: 16. */
  loraRank: positiveInt('LoRA rank. Default: 16.', MAX.loraRank).default(16),
  /** Sequence length, tokens. */
  seqLen: positiveInt('Sequence length, tokens.', MAX.contextTokens),
  /** Total training tokens (dataset tokens × epochs). */
  tokens: positive('Total training tokens (dataset tokens × epochs).', MAX.trainingTokens),
  /** Finish within this many days (optional). */
  deadlineDays: positive('Finish within this many days.', MAX.deadlineDays).optional(),
  /** The run recurs: each week, month, quarter or year (its runs are priced over the horizon). */
  every: z
    .enum(['week', 'month', 'quarter', 'year'])
    .optional()
    .describe(
      'The run recurs every week, month, quarter or year; its runs over the horizon are priced, and it may share the inference fleet.',
    ),
});

const workloadSchema = z.discriminatedUnion('kind', [inferenceWorkloadSchema, trainingWorkloadSchema]);

const candidateSchema = z.union([
  z.string().min(1).describe('A catalog GPU id (see `gpu-report catalog gpus`).'),
  z.strictObject({
    /** A catalog GPU id. */
    gpu: z.string().min(1).describe('Catalog GPU id (see `gpu-report catalog gpus`).'),
    /** Purchase price per GPU in the scenario currency: one number, or a low/high quote range. Default: catalog range. */
    purchasePrice: z
      .union([
        money('Purchase price per GPU in the scenario currency.', MONEY_USD.purchasePrice),
        z.strictObject({
          low: money('Low quote per GPU.', MONEY_USD.purchasePrice),
          high: money('High quote per GPU.', MONEY_USD.purchasePrice),
        }),
      ])
      .optional()
      .describe('Purchase price per GPU (scenario currency). Default: the catalog range converted.'),
    /** On-demand rental price per GPU-hour in the scenario currency. Default: catalog range. */
    rentalPerGpuHour: money(
      'On-demand rental per GPU-hour (scenario currency). Default: the catalog range converted.',
      MONEY_USD.rentalPerGpuHour,
    ).optional(),
    /** Largest number of this GPU to consider. Default: 64. */
    maxGpus: positiveInt('Largest number of this GPU to consider. Default: 64.', MAX.gpus).optional(),
    /** GPUs per server (or rack) as bought. Default: the catalog platform's (data/platforms.yaml). */
    gpusPerNode: positiveInt(
      'GPUs per server as bought. Default: the platform of the catalog (8 for HGX/OAM, 4 or 8 for PCIe).',
      MAX.gpus,
    ).optional(),
    /** Price of one whole node with its GPUs (server or rack), scenario currency: one number or a low/high range. */
    nodePrice: z
      .union([
        money('Price of one node (server or rack) with its GPUs, scenario currency.', MONEY_USD.nodePrice),
        z.strictObject({
          low: money('Low price of one node with its GPUs.', MONEY_USD.nodePrice),
          high: money('High price of one node with its GPUs.', MONEY_USD.nodePrice),
        }),
      ])
      .optional()
      .describe(
        "Price of one node (server or rack) with its GPUs, scenario currency; replaces the catalog's node price and the GPU price × server overhead.",
      ),
    /** Power of one node at load, kW at the wall. Default: the catalog's (measured, else rated), else GPUs × TDP × node power multiple. */
    nodePowerKw: positive(
      "Power of one node at load, kW at the wall. Default: the catalog platform's (measured, else rated), else GPUs per node × TDP × the node power multiple.",
      MAX.nodePowerKw,
    ).optional(),
    /** Power of one node when idle, kW at the wall. Default: its power at load × the idle share. */
    nodeIdlePowerKw: positive(
      'Power of one node when idle, kW at the wall. Default: its power at load × idlePowerShare.',
      MAX.nodePowerKw,
    ).optional(),
    /** Scale-out NICs per node (fabric ports and cables). Default: the catalog platform's, else one per GPU. */
    scaleOutNicsPerNode: positiveInt(
      "Scale-out NICs per node: the fabric's switch ports and cables are sized by them. Default: the catalog platform's, else one per GPU (NVIDIA's reference designs).",
      MAX.gpus,
    ).optional(),
  }),
]);

/** One economic parameter's field, from its declaration (range, default, plausible range). */
function economicField(key: SettableKey) {
  const p = parameter(key);
  const r = p.range;
  let n = r.integer ? z.number().int() : z.number();
  // A USD range is checked with the rate (scenario/rules.ts); here only its sign and a finite ceiling.
  const min = r.usd && r.min !== undefined ? (r.min > 0 ? 0 : r.min) : r.min;
  const minExclusive = r.usd ? r.min !== undefined && r.min > 0 : r.minExclusive;
  const max = r.usd && r.max !== undefined ? moneyCeiling(r.max) : r.max;
  if (min !== undefined) n = minExclusive ? n.gt(min) : n.gte(min);
  if (max !== undefined) n = r.maxExclusive ? n.lt(max) : n.lte(max);
  const usd = p.perUsd ? ' USD' : '';
  const plausible = p.plausible ? `; plausible ${p.plausible.low}–${p.plausible.high}${usd}` : '';
  return n.describe(`${p.help} Default: ${p.default}${usd}${plausible}.`).optional();
}

/** The economic parameters' fields (economics/parameters.ts), in declaration order. */
const economicFields = Object.fromEntries(SETTABLE_KEYS.map((k) => [k, economicField(k)])) as Record<
  SettableKey,
  ReturnType<typeof economicField>
>;

export const economicsSchema = z.strictObject({
  /** ISO 4217 currency of every amount in the scenario. Default: USD. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as USD, EUR or CNY')
    .default('USD')
    .describe('ISO 4217 currency of all amounts. Default: USD.'),
  /** Units of `currency` per 1 USD; converts catalog USD prices. Required when currency is not USD. */
  usdExchangeRate: z
    .number()
    .gte(USD_EXCHANGE_RATE.min)
    .lte(USD_EXCHANGE_RATE.max)
    .describe('Units of the scenario currency per 1 USD (converts catalog prices). Required unless currency is USD.')
    .optional(),
  /** Total budget, scenario currency (optional). */
  budget: money('Total budget in the scenario currency.', MONEY_USD.budget).optional(),
  /** What the budget is compared with: capex (the purchase request) or cash over the horizon. Default: capex. */
  budgetBasis: z
    .enum(['capex', 'cash'])
    .default('capex')
    .describe(
      'What the budget is compared with when buying: capex (what a purchase request asks for) or cash over the horizon (capex + opex). Renting is compared with its rent. Default: capex.',
    ),
  /** The term of the steady (inference) rental: reserved by default (docs/methodology.md#rent). */
  rentalTerm: z
    .enum(['on-demand', 'reserved', 'spot'])
    .optional()
    .describe(
      'Term of the steady (inference) rental: on-demand, reserved (a 1–3-year commitment, what a fleet held for the whole horizon is sold as) or spot (interruptible: unfit for a serving SLA). Training runs rent on demand. Default: reserved.',
    ),
  /** Electricity price, PUE, utilisation, horizon, server overhead, depreciation, residual value, hosting, maintenance, reserved discount: declared in economics/parameters.ts. */
  ...economicFields,
});

export const scenarioSchema = z.strictObject({
  /** Scenario format version. */
  version: z.literal(1).describe('Scenario format version: 1.'),
  /** Report title. */
  name: z.string().min(1).describe('Scenario name, used as the report title.'),
  /** What is being decided, in a sentence or two. */
  description: z.string().default('').describe('What is being decided, in a sentence or two.'),
  /** Report language. Default: en (the --lang flag wins). */
  locale: z.enum(['en', 'zh-CN']).optional().describe('Report language: en or zh-CN. The --lang flag wins.'),
  /** The workloads the GPUs must serve. */
  workloads: z.array(workloadSchema).min(1).max(MAX.workloads).describe('The workloads the GPUs must serve.'),
  /** Candidate GPUs: catalog ids, or objects with price overrides. */
  candidates: z.array(candidateSchema).min(1).describe('Candidate GPUs: catalog ids, or objects with price overrides.'),
  region: z
    .enum(REGIONS)
    .optional()
    .describe(
      'Destination for US export controls: china (with Hong Kong and Macau), country-group-d (another US Country Group D:1/D:4/D:5 destination outside A:5/A:6) or unrestricted. Default: no export-control flags.',
    ),
  /** The purchase request this report supports: fills the cover's document control and the sign-off page. */
  request: z
    .strictObject({
      number: z.string().min(1).describe('Purchase request number.'),
      costCentre: z.string().min(1).optional().describe('Cost centre charged.'),
      requester: z.string().min(1).optional().describe('Who requests the purchase.'),
      neededBy: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
        .optional()
        .describe('Date the hardware is needed by, YYYY-MM-DD.'),
      approvers: z.array(z.string().min(1)).default([]).describe('Who signs the request off, in order (name and role).'),
    })
    .optional()
    .describe('Purchase request: number, cost centre, requester, needed-by date, approvers.'),
  /** Vendor quotes: each replaces the catalog price of one GPU (per GPU, in the scenario currency). */
  quotes: z
    .array(
      z.strictObject({
        vendor: z.string().min(1).describe('Vendor name.'),
        reference: z.string().min(1).describe("The vendor's quote reference."),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
          .describe('Quote date, YYYY-MM-DD.'),
        validUntil: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
          .describe('Quote valid until, YYYY-MM-DD.'),
        gpu: z.string().min(1).describe('Catalog GPU id the quote prices.'),
        pricePerGpu: money(
          'Quoted price per GPU, installed in its server, scenario currency (server price / GPUs per server).',
          MONEY_USD.purchasePrice,
        ),
      }),
    )
    .default([])
    .describe('Vendor quotes: each replaces the catalog purchase price of one candidate GPU.'),
  /** Which end of the estimate's band must meet the targets and deadlines. Default: pessimistic. */
  sizingConfidence: z
    .enum(['base', 'pessimistic'])
    .default('pessimistic')
    .describe(
      "Which end of the estimate's calibrated band must meet latency and throughput targets and deadlines: pessimistic (the slow end, a margin; default) or base (the central estimate).",
    ),
  /** Costs and planning parameters. */
  economics: economicsSchema.default({ currency: 'USD', budgetBasis: 'capex' }).describe('Costs and planning parameters.'),
});

/** A scenario as written (optional fields may be absent). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after zod defaults (not yet resolved against the catalog). */
export type Scenario = z.output<typeof scenarioSchema>;
