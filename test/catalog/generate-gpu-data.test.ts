import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GPU_DATA_MODULE, GPU_DATA_SOURCE, renderGpuData } from '../../src/catalog/generate-gpu-data.ts';
import { GPUS } from '../../src/catalog/index.ts';

const source = readFileSync(GPU_DATA_SOURCE, 'utf8');

interface Observation {
  date?: string | number;
  source?: string;
}
interface Price {
  low: number | null;
  high: number | null;
  observations?: Observation[];
}
interface RawGpu {
  id: string;
  sources: string[];
  purchase_price_usd?: Price;
  cloud_price_usd_per_gpu_hour?: Price;
}

describe('the GPU catalog and its source data/gpus.yaml', () => {
  it('src/catalog/gpu-data.ts is what npm run catalog generates from data/gpus.yaml, byte for byte', () => {
    expect(readFileSync(GPU_DATA_MODULE, 'utf8')).toBe(renderGpuData(source));
  });

  it('the generated module follows the YAML: an edited bandwidth shows up in the output', () => {
    const edited = source.replace('memory_bandwidth_gbps: 3350', 'memory_bandwidth_gbps: 3351');
    expect(edited).not.toBe(source);
    const out = renderGpuData(edited);
    expect(out).not.toBe(renderGpuData(source));
    expect(out).toContain('"memoryBandwidthGBps": 3351');
  });

  it('keeps the YAML order and ids (bench scenarios pick GPUs by position and id)', () => {
    const gpus = (parse(source) as { gpus: RawGpu[] }).gpus;
    expect(GPUS.map((g) => g.id)).toEqual(gpus.map((g) => g.id));
  });

  it('every GPU has a unique kebab-case id and sources; every price range has a dated, sourced observation', () => {
    const gpus = (parse(source) as { gpus: RawGpu[] }).gpus;
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const g of gpus) {
      if (!/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(g.id)) problems.push(`${g.id}: id is not kebab-case`);
      if (ids.has(g.id)) problems.push(`${g.id}: duplicate id`);
      ids.add(g.id);
      if (!g.sources?.length || !g.sources.every((s) => /^https?:\/\//.test(s))) problems.push(`${g.id}: sources must be URLs`);
      for (const [field, price] of [
        ['purchase_price_usd', g.purchase_price_usd],
        ['cloud_price_usd_per_gpu_hour', g.cloud_price_usd_per_gpu_hour],
      ] as const) {
        if (price?.low == null || price.high == null) continue;
        if (price.low > price.high) problems.push(`${g.id}: ${field} low > high`);
        const dated = (price.observations ?? []).filter((o) => /^\d{4}/.test(String(o.date ?? '')) && o.source);
        if (dated.length === 0) problems.push(`${g.id}: ${field} has no dated observation with a source`);
      }
    }
    expect(problems).toEqual([]);
    expect(gpus.length).toBeGreaterThan(0);
  });
});
