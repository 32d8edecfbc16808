/**
 * Every constant the estimators use, for the report's assumptions section: memory constants,
 * the fitted efficiency parameters and the calibrated error bands.
 */
import { ERROR_BANDS, ESTIMATE_KINDS } from '../calibration/bands.ts';
import type { Assumption } from './assumption.ts';
import { SCALE_OUT_BYTES_PER_S_PER_GPU } from './comm.ts';
import { EFFICIENCY } from './efficiency-params.ts';
import { TRTLLM_KV_FREE_FRACTION } from './inference.ts';
import { memoryAssumptions } from './memory-constants.ts';
import { DEFAULT_GLOBAL_BATCH_TOKENS } from './training.ts';

const FITTED = 'fitted on src/calibration/calibration.csv (npm run calibrate -- --fit; docs/accuracy.md)';

export type { Assumption };

export function estimatorAssumptions(): Assumption[] {
  const e = EFFICIENCY;
  const fitted: Assumption[] = [
    { id: 'prefillMfu16', label: 'Prefill efficiency, 16-bit (share of dense peak)', value: e.prefill.mfu16, unit: 'fraction', source: FITTED },
    { id: 'prefillMfuLow', label: 'Prefill efficiency, FP8/INT8/FP4 (share of that peak)', value: e.prefill.mfuLowPrecision, unit: 'fraction', source: FITTED },
    { id: 'decodeMbuHbm', label: 'Decode memory-bandwidth utilisation, HBM', value: e.decode.mbuHbm, unit: 'fraction', source: FITTED },
    { id: 'decodeMbuGddr', label: 'Decode memory-bandwidth utilisation, GDDR', value: e.decode.mbuGddr, unit: 'fraction', source: FITTED },
    { id: 'layerOverhead', label: 'Per-layer engine-step overhead', value: e.decode.layerOverheadUs, unit: 'µs', source: FITTED },
    { id: 'decodeComputeFactor', label: 'Decode compute efficiency relative to prefill', value: e.decode.computeFactor, unit: 'fraction', source: FITTED },
    { id: 'weightOnlyFactor', label: 'Weight-only (W8A16/W4A16, QLoRA) compute factor', value: e.weightOnlyFactor, unit: 'fraction', source: 'prior (not identified by the calibration set)' },
    { id: 'trainHfuRef', label: 'Training HFU at ridge 153 FLOP/B (A100 BF16), wide model', value: e.training.hfuRef, unit: 'fraction', source: FITTED },
    { id: 'trainRidgeExp', label: 'Training HFU exponent on GPU ridge point', value: e.training.ridgeExp, unit: '', source: FITTED },
    { id: 'trainHiddenHalf', label: 'Hidden size at half GEMM efficiency', value: e.training.hiddenHalf, unit: '', source: FITTED },
    { id: 'dpOverlap', label: 'Data-parallel communication hidden under compute', value: e.training.dpOverlap, unit: 'fraction', source: 'PyTorch FSDP prefetch overlap (project assumption)' },
    { id: 'busEfficiency', label: 'Achieved share of link bandwidth in collectives', value: e.comm.busEfficiency, unit: 'fraction', source: 'NCCL bus bandwidth vs link peak (project assumption)' },
    { id: 'scaleUpLatency', label: 'All-reduce latency over NVLink / Infinity Fabric', value: e.comm.scaleUpLatencyUs, unit: 'µs', source: 'NCCL small-message latency order (project assumption)' },
    { id: 'pcieLatency', label: 'All-reduce latency over PCIe', value: e.comm.pcieLatencyUs, unit: 'µs', source: 'NCCL small-message latency order (project assumption)' },
    { id: 'scaleOut', label: 'Inter-node bandwidth per GPU (one way)', value: SCALE_OUT_BYTES_PER_S_PER_GPU / 1e9, unit: 'GB/s', source: 'NVIDIA DGX H100: one 400 Gb/s NIC per GPU' },
    { id: 'trtKvFraction', label: 'TensorRT-LLM KV share of free memory', value: TRTLLM_KV_FREE_FRACTION, unit: 'fraction', source: 'trtllm-bench kv_cache_free_gpu_mem_fraction (calibration notes)' },
    { id: 'globalBatch', label: 'Default global batch', value: DEFAULT_GLOBAL_BATCH_TOKENS, unit: 'tokens', source: 'Llama 2 pre-training, arXiv:2307.09288' },
  ];
  const bands: Assumption[] = ESTIMATE_KINDS.flatMap((k) => [
    { id: `band.${k}.median`, label: `Median absolute error, ${k}`, value: ERROR_BANDS[k].medianAbsError, unit: 'fraction', source: 'docs/accuracy.md' },
    { id: `band.${k}.p90`, label: `90th-percentile absolute error, ${k}`, value: ERROR_BANDS[k].p90AbsError, unit: 'fraction', source: 'docs/accuracy.md' },
  ]);
  return [...memoryAssumptions(), ...fitted, ...bands];
}
