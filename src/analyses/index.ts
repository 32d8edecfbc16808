/**
 * The analyses in report order. Each is one sheet, one PDF section and one JSON entry; later
 * analyses (inference capacity, training plan, …) are added here and nowhere else.
 */
import type { AnalysisBuilder } from './context.ts';
import { buildSummary } from './summary.ts';
import { buildGpuSpecs } from './gpu-specs.ts';
import { buildMemory } from './memory.ts';
import { buildInferenceCapacity } from './inference-capacity.ts';
import { buildTrainingPlan } from './training-plan.ts';
import { buildMultiGpu } from './multi-gpu.ts';
import { buildSelectionGuide } from './selection-guide.ts';
import { buildTco } from './tco.ts';
import { buildBillOfMaterials } from './bill-of-materials.ts';
import { buildPurchaseRequest } from './purchase-request.ts';
import { buildRecommendation } from './recommendation.ts';
import { buildSensitivity } from './sensitivity.ts';
import { buildInputs } from './inputs.ts';
import { buildAssumptions } from './assumptions.ts';

export const ANALYSES: readonly { readonly id: string; readonly build: AnalysisBuilder }[] = [
  { id: 'summary', build: buildSummary },
  { id: 'gpu-specs', build: buildGpuSpecs },
  { id: 'memory', build: buildMemory },
  { id: 'inference-capacity', build: buildInferenceCapacity },
  { id: 'training-plan', build: buildTrainingPlan },
  { id: 'multi-gpu', build: buildMultiGpu },
  { id: 'tco', build: buildTco },
  { id: 'bill-of-materials', build: buildBillOfMaterials },
  { id: 'recommendation', build: buildRecommendation },
  { id: 'selection-guide', build: buildSelectionGuide },
  { id: 'sensitivity', build: buildSensitivity },
  { id: 'inputs', build: buildInputs },
  { id: 'assumptions', build: buildAssumptions },
  { id: 'purchase-request', build: buildPurchaseRequest },
];
