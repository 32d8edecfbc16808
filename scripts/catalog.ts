/**
 * Regenerates src/catalog/gpu-data.ts from data/gpus.yaml, the catalog's source (every GPU with
 * its specs and dated sources). Add or fix a GPU in the YAML, then:
 *   npm run catalog
 * A test (test/catalog/generate-gpu-data.test.ts) fails when the committed module is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GPU_DATA_MODULE, GPU_DATA_SOURCE, renderGpuData } from '../src/catalog/generate-gpu-data.ts';

const root = new URL('../', import.meta.url);
const text = renderGpuData(readFileSync(new URL(GPU_DATA_SOURCE, root), 'utf8'));
writeFileSync(new URL(GPU_DATA_MODULE, root), text);
console.log(`wrote ${GPU_DATA_MODULE} (${(text.match(/^ {4}"id": /gm) ?? []).length} GPUs) from ${GPU_DATA_SOURCE}`);
