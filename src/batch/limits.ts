/**
 * The batch's defaults, apart from src/batch.ts so that the command table can describe them
 * without loading the pipeline.
 */
import { availableParallelism } from 'node:os';

/** Scenarios in flight at once when not given: one per CPU (printing runs in Chromium's processes meanwhile). */
export const defaultConcurrency = (): number => Math.max(1, availableParallelism());

/** Seconds a scenario may take before it fails as hung (`--timeout`). */
export const DEFAULT_TIMEOUT_SECONDS = 120;
