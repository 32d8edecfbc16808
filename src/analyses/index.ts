/**
 * The analyses in report order. Each is one sheet, one PDF section and one JSON entry; later
 * analyses (inference capacity, training plan, …) are added here and nowhere else.
 */
import type { AnalysisBuilder } from './context.ts';
import { buildSummary } from './summary.ts';
import { buildGpuSpecs } from './gpu-specs.ts';
import { buildMemory } from './memory.ts';
import { buildTco } from './tco.ts';
import { buildInputs } from './inputs.ts';
import { buildAssumptions } from './assumptions.ts';

export const ANALYSES: readonly { readonly id: string; readonly build: AnalysisBuilder }[] = [
  { id: 'summary', build: buildSummary },
  { id: 'gpu-specs', build: buildGpuSpecs },
  { id: 'memory', build: buildMemory },
  { id: 'tco', build: buildTco },
  { id: 'inputs', build: buildInputs },
  { id: 'assumptions', build: buildAssumptions },
];
