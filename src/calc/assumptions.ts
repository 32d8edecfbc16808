/**
 * Every constant the estimators use, for the report's assumptions section: memory constants,
 * the fitted efficiency parameters and the calibrated error bands.
 */
import { ERROR_BANDS, ESTIMATE_KINDS } from './error-bands.ts';
import type { Assumption } from './assumption.ts';
import { SCALE_OUT_BYTES_PER_S_PER_GPU } from './comm.ts';
import { EFFICIENCY } from './efficiency-params.ts';
import { EAGER_OVERHEAD_FACTOR, ENGINES } from './engines.ts';
import { memoryAssumptions } from './memory-constants.ts';
import { DEFAULT_GLOBAL_BATCH_TOKENS } from './training.ts';
import { LENGTH_PROFILES, SHAREGPT_P90_RATIO } from './lengths.ts';

const SHAREGPT = 'vLLM paper (Kwon et al., SOSP 2023, arXiv:2309.06180), Fig. 11a';

const FITTED = 'fitted on src/calibration/calibration.csv (npm run calibrate -- --fit; docs/accuracy.md)';

export type { Assumption };

export function estimatorAssumptions(): Assumption[] {
  const e = EFFICIENCY;
  const fitted: Assumption[] = [
    { id: 'prefillMfu16', value: e.prefill.mfu16, unit: 'fraction', source: FITTED },
    { id: 'prefillMfuLow', value: e.prefill.mfuLowPrecision, unit: 'fraction', source: FITTED },
    { id: 'moeFactor', value: e.prefill.moeFactor, unit: 'fraction', source: FITTED },
    { id: 'decodeMbuHbm', value: e.decode.mbuHbm, unit: 'fraction', source: FITTED },
    { id: 'decodeMbuGddr', value: e.decode.mbuGddr, unit: 'fraction', source: FITTED },
    { id: 'layerOverhead', value: e.decode.layerOverheadUs, unit: 'µs', source: FITTED },
    { id: 'openEngineEfficiency', value: e.decode.openEngineEfficiency, unit: 'fraction', source: FITTED },
    {
      id: 'eagerOverhead',
      value: EAGER_OVERHEAD_FACTOR,
      unit: '×',
      source: 'prior, not fitted (no row): vLLM paper arXiv:2309.06180 fig. 12',
    },
    { id: 'decodeComputeFactor', value: e.decode.computeFactor, unit: 'fraction', source: FITTED },
    { id: 'weightOnlyFactor', value: e.weightOnlyFactor, unit: 'fraction', source: 'prior (not identified by the calibration set)' },
    { id: 'trainHfuRef', value: e.training.hfuRef, unit: 'fraction', source: FITTED },
    { id: 'trainRidgeExp', value: e.training.ridgeExp, unit: '', source: FITTED },
    { id: 'trainHiddenHalf', value: e.training.hiddenHalf, unit: '', source: FITTED },
    { id: 'trainLowPrecision', value: e.training.lowPrecisionFactor, unit: 'fraction', source: FITTED },
    { id: 'softwareAmd', value: e.software.amd, unit: 'fraction', source: FITTED },
    { id: 'softwareIntel', value: e.software.intel, unit: 'fraction', source: FITTED },
    { id: 'dpOverlap', value: e.training.dpOverlap, unit: 'fraction', source: 'PyTorch FSDP prefetch overlap (project assumption)' },
    { id: 'busEfficiency', value: e.comm.busEfficiency, unit: 'fraction', source: 'NCCL bus bandwidth vs link peak (project assumption)' },
    { id: 'scaleUpLatency', value: e.comm.scaleUpLatencyUs, unit: 'µs', source: 'NCCL small-message latency order (project assumption)' },
    { id: 'pcieLatency', value: e.comm.pcieLatencyUs, unit: 'µs', source: 'NCCL small-message latency order (project assumption)' },
    { id: 'scaleOut', value: SCALE_OUT_BYTES_PER_S_PER_GPU / 1e9, unit: 'GB/s', source: 'NVIDIA DGX H100: one 400 Gb/s NIC per GPU' },
    {
      id: 'trtKvFraction',
      value: ENGINES['tensorrt-llm'].memoryFraction,
      unit: 'fraction',
      source: 'trtllm-bench kv_cache_free_gpu_mem_fraction (calibration notes)',
    },
    { id: 'globalBatch', value: DEFAULT_GLOBAL_BATCH_TOKENS, unit: 'tokens', source: 'Llama 2 pre-training, arXiv:2307.09288' },
    { id: 'sharegptInputMean', value: LENGTH_PROFILES.sharegpt.input.mean, unit: 'tokens', source: SHAREGPT },
    { id: 'sharegptOutputMean', value: LENGTH_PROFILES.sharegpt.output.mean, unit: 'tokens', source: SHAREGPT },
    {
      id: 'sharegptP90Ratio',
      value: SHAREGPT_P90_RATIO,
      unit: '×',
      source: 'assumption: lognormal of sigma 1 (percentiles not published)',
    },
  ];
  const bands: Assumption[] = ESTIMATE_KINDS.flatMap((k) => [
    { id: `band.${k}.median`, value: ERROR_BANDS[k].medianAbsError, unit: 'fraction', source: 'docs/accuracy.md' },
    { id: `band.${k}.p90`, value: ERROR_BANDS[k].p90AbsError, unit: 'fraction', source: 'docs/accuracy.md' },
  ]);
  return [...memoryAssumptions(), ...fitted, ...bands];
}
