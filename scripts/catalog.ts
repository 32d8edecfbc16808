/**
 * Regenerates src/catalog/gpu-data.ts from data/gpus.yaml (every GPU with its specs and dated
 * sources) and src/catalog/platform-data.ts from data/platforms.yaml (how each GPU is sold).
 * Fix the YAML, then:
 *   npm run catalog
 * Tests (test/catalog/generate-gpu-data.test.ts, test/catalog/generate-platform-data.test.ts)
 * fail when a committed module is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GPU_DATA_MODULE, GPU_DATA_SOURCE, renderGpuData } from '../src/catalog/generate-gpu-data.ts';
import { PLATFORM_DATA_MODULE, PLATFORM_DATA_SOURCE, renderPlatformData } from '../src/catalog/generate-platform-data.ts';

const root = new URL('../', import.meta.url);
const text = renderGpuData(readFileSync(new URL(GPU_DATA_SOURCE, root), 'utf8'));
writeFileSync(new URL(GPU_DATA_MODULE, root), text);
console.log(`wrote ${GPU_DATA_MODULE} (${(text.match(/^ {4}"id": /gm) ?? []).length} GPUs) from ${GPU_DATA_SOURCE}`);
const platforms = renderPlatformData(readFileSync(new URL(PLATFORM_DATA_SOURCE, root), 'utf8'));
writeFileSync(new URL(PLATFORM_DATA_MODULE, root), platforms);
console.log(`wrote ${PLATFORM_DATA_MODULE} from ${PLATFORM_DATA_SOURCE}`);
