/** Numeric formats a tensor core runs; `int8` rates are TOPS, the rest TFLOPS. */
export type TensorFormat = 'bf16' | 'fp16' | 'tf32' | 'fp8' | 'int8' | 'fp4';

/** Storage / compute precisions a scenario or `estimate` may name. */
export const PRECISIONS = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4', 'mxfp4'] as const;
export type Precision = (typeof PRECISIONS)[number];

type RateTable = { readonly [K in TensorFormat]: number | null };

interface PriceRange {
  readonly low: number;
  readonly high: number;
  /** Date of the newest observation behind the range (YYYY or YYYY-MM[-DD]). */
  readonly asOf: string | null;
}

/** One GPU of the catalog. Units are in the field names; every value is sourced in `sources`. */
export interface GpuSpec {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly architecture: string;
  readonly releaseYear: number;
  readonly segment: string;
  /** Memory capacity in GB (10^9 bytes), as vendors quote it. */
  readonly memoryGB: number;
  readonly memoryType: string;
  /** Peak memory bandwidth, GB/s (10^9 bytes/s). */
  readonly memoryBandwidthGBps: number;
  /** Dense tensor throughput per format (TFLOPS; int8 in TOPS); null = unsupported / unpublished. */
  readonly denseTflops: RateTable;
  /** Vendor-quoted 2:4-sparse rates; shown for comparison, never used in estimates. */
  readonly sparseTflopsVendorQuoted: RateTable;
  readonly fp32NonTensorTflops: number | null;
  readonly precisionNotes: string;
  /** GPU-to-GPU fabric (NVLink, Infinity Fabric…); null = PCIe only. Bidirectional GB/s per GPU. */
  readonly scaleUp: { readonly name: string; readonly bidirectionalGBps: number } | null;
  readonly host: { readonly name: string; readonly bidirectionalGBps: number | null };
  readonly formFactor: string;
  /** Board power, watts; null where unpublished. */
  readonly tdpWatts: number | null;
  readonly mig: { /** null = not verified */ readonly supported: boolean | null; readonly maxInstances: number | null };
  /** Purchase price per GPU, USD; null where no citable price was found. */
  readonly purchasePriceUsd: (PriceRange & { readonly basis: string }) | null;
  /** On-demand cloud price, USD per GPU-hour; null where none was found. */
  readonly cloudUsdPerGpuHour: (PriceRange & { readonly typical: string }) | null;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}

/** A transformer's published architecture. */
export interface ModelArch {
  readonly id: string;
  readonly name: string;
  /** Total parameters (all experts), billions. */
  readonly paramsB: number;
  /** Parameters used per token, billions (MoE); equals paramsB for dense models. */
  readonly activeParamsB: number;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly attentionHeads: number;
  /** Key/value heads: = attentionHeads for MHA, fewer for GQA, 1 for MQA. */
  readonly kvHeads: number;
  /** Head dimension; hiddenSize / attentionHeads unless the model says otherwise. */
  readonly headDim: number;
  /** FFN intermediate size (per expert for MoE). */
  readonly ffnSize: number;
  readonly vocabSize: number;
  /** MoE experts per layer and experts routed per token; 1 / 1 for dense models. */
  readonly experts: number;
  readonly activeExperts: number;
  readonly maxContextTokens: number;
  /**
   * Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): elements cached per token per layer
   * (kv_lora_rank + qk_rope_head_dim) instead of 2 x kvHeads x headDim; replicated across TP ranks.
   */
  readonly kvLatentDim?: number;
  /** Sliding-window attention: `layers` of the layers cache at most `tokens` tokens (Gemma 3, gpt-oss, Llama 4 chunked). */
  readonly slidingWindow?: { readonly tokens: number; readonly layers: number };
  /** MoE: experts every token uses besides the routed ones (DeepSeek, Llama 4, Kimi K2). */
  readonly sharedExperts?: number;
  /** MoE: leading dense (non-MoE) layers (DeepSeek first_k_dense_replace; Llama 4 Maverick's interleaved dense layers). */
  readonly denseLayers?: number;
  readonly source: string;
}
