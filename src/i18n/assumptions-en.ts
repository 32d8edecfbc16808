/**
 * English names of the estimator's constants (keys `assume.est.<id>`), taken from each
 * constant's own label in src/calc, so the catalogue and the code cannot drift apart.
 */
import { estimatorAssumptions } from '../calc/assumptions.ts';

const entries = estimatorAssumptions().map((a) => [`assume.est.${a.id}`, a.label] as const);

type Ids =
  | 'cudaContext' | 'ncclBuffers' | 'servingUtilization' | 'trainingUtilization' | 'visibleHbm' | 'visibleEcc'
  | 'prefillChunk' | 'logitsBytes' | 'actLinear' | 'actScores' | 'actFull' | 'adamState' | 'adam8bitState'
  | 'sgdState' | 'masterWeights' | 'quantScale' | 'fp4Scale' | 'loraRank' | 'prefillMfu16' | 'prefillMfuLow'
  | 'decodeMbuHbm' | 'decodeMbuGddr' | 'layerOverhead' | 'decodeComputeFactor' | 'weightOnlyFactor'
  | 'trainHfuRef' | 'trainRidgeExp' | 'trainHiddenHalf' | 'dpOverlap' | 'busEfficiency' | 'scaleUpLatency'
  | 'pcieLatency' | 'scaleOut' | 'trtKvFraction' | 'globalBatch'
  | `band.${'trainingThroughput' | 'inferenceThroughput' | 'latency' | 'memory'}.${'median' | 'p90'}`;

export const assumptionsEn = Object.fromEntries(entries) as Record<`assume.est.${Ids}`, string>;
