/**
 * Fitted efficiency-model parameters. These are the few numbers `npm run calibrate -- --fit`
 * searches (src/calibration/fit.ts: coordinate descent on the mean absolute log error over the
 * expressible rows of src/calibration/calibration.csv in the categories each parameter affects);
 * the values below were pasted from its output and rounded. Nothing is fitted at runtime, and no
 * row has its own factor. Starting points: docs/methodology.md#efficiency (prefill efficiency
 * 0.5-0.7, MBU 0.6-0.9, MFU 0.35-0.55).
 */
export interface EfficiencyParams {
  readonly prefill: {
    /** Share of dense 16-bit peak reached by prefill GEMMs. */
    readonly mfu16: number;
    /** Share of the FP8/INT8/FP4 peak (lower: attention and norms stay 16-bit). */
    readonly mfuLowPrecision: number;
    /**
     * Serving compute efficiency of mixture-of-experts models relative to dense ones: grouped expert
     * GEMMs with few tokens per expert, routing and token permutation. Fitted across every MoE row
     * (Mixtral, Qwen3 MoE, Llama 4, gpt-oss), never per row.
     */
    readonly moeFactor: number;
  };
  readonly decode: {
    /** Memory-bandwidth utilisation of the decode step, HBM parts. */
    readonly mbuHbm: number;
    /** Memory-bandwidth utilisation of the decode step, GDDR parts. */
    readonly mbuGddr: number;
    /** Fixed per-layer time per engine step (kernel launches, scheduling), microseconds: TensorRT-LLM's C++ runtime. */
    readonly layerOverheadUs: number;
    /**
     * Kernel efficiency of the open engines (vLLM, SGLang: Triton/FlashAttention/CUTLASS kernels
     * chosen at run time) relative to TensorRT-LLM's engine-built kernels (= 1): multiplies the
     * compute and bandwidth efficiencies of serving. Fitted across every vLLM row
     * (src/calc/engines.ts), never per row.
     */
    readonly openEngineEfficiency: number;
    /** Large-batch decode compute efficiency relative to prefill's. */
    readonly computeFactor: number;
  };
  /** Compute-efficiency multiplier for weight-only kernels (W8A16 / W4A16 dequantisation). */
  readonly weightOnlyFactor: number;
  readonly comm: {
    readonly scaleUpLatencyUs: number;
    readonly pcieLatencyUs: number;
    /** Achieved share of the link's one-way bandwidth (NCCL bus bandwidth / link). */
    readonly busEfficiency: number;
  };
  /**
   * Software-stack efficiency by GPU vendor, relative to NVIDIA's CUDA stack (= 1): multiplies the
   * compute and bandwidth efficiencies of serving and the training HFU. Fitted across every row of
   * that vendor (ROCm vLLM on AMD, Gaudi software on Intel), never per row; training has no AMD or
   * Intel rows, so training on those parts uses the serving factor and is marked extrapolated
   * (docs/methodology.md#efficiency).
   */
  readonly software: { readonly amd: number; readonly intel: number };
  readonly training: {
    /** Hardware FLOP utilisation at the reference ridge point and a very wide model. */
    readonly hfuRef: number;
    /** Ridge point (FLOP/byte) the reference refers to (A100 BF16: 312e12 / 2.039e12 = 153). */
    readonly refRidge: number;
    /** HFU falls as (ridge / refRidge)^-exp: faster tensor cores per byte are harder to feed. */
    readonly ridgeExp: number;
    /** Hidden size at which GEMM efficiency is half its asymptote, at the reference ridge. */
    readonly hiddenHalf: number;
    /** Share of data-parallel / FSDP communication hidden under compute (PyTorch FSDP prefetch). */
    readonly dpOverlap: number;
    /**
     * GEMM efficiency of 8-bit (FP8) training relative to what the HFU curve gives at the FP8 peak:
     * per-tensor scaling, amax tracking and casts run outside the tensor cores (NVIDIA Transformer
     * Engine FP8 recipe). Applies to FP8/INT8/FP4 training only, fitted across the FP8 rows of
     * every training publication (never per row); attention runs at the 16-bit rate regardless.
     */
    readonly lowPrecisionFactor: number;
  };
}

export const EFFICIENCY: EfficiencyParams = {
  prefill: { mfu16: 0.768, mfuLowPrecision: 0.507, moeFactor: 0.333 },
  decode: { mbuHbm: 0.8, mbuGddr: 0.725, layerOverheadUs: 57.6, openEngineEfficiency: 0.793, computeFactor: 0.806 },
  // Not identified by the calibration set (no expressible weight-only rows): kept at the prior.
  weightOnlyFactor: 0.8,
  // Not fitted: NCCL small-message latency order of magnitude and achieved bus bandwidth share.
  comm: { scaleUpLatencyUs: 10, pcieLatencyUs: 25, busEfficiency: 0.7 },
  software: { amd: 0.583, intel: 1.1 },
  // Full refit (`npm run calibrate -- --fit`) on every non-held-back row; training fitted on four
  // publications: llm-foundry, NeMo 24.07, Megatron-Bridge (H100/B200/GB200) and torchtitan.
  training: { hfuRef: 0.761, refRidge: 153, ridgeExp: 0.13, hiddenHalf: 946, dpOverlap: 0.8, lowPrecisionFactor: 0.918 },
};
