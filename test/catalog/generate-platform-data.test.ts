import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PLATFORM_DATA_MODULE, PLATFORM_DATA_SOURCE, renderPlatformData } from '../../src/catalog/generate-platform-data.ts';
import { GPU_IDS } from '../../src/catalog/index.ts';
import { flagsOf, platformFor, platformOf, rentalMedian } from '../../src/catalog/platforms.ts';
import { PLATFORM_DATA } from '../../src/catalog/platform-data.ts';

const source = readFileSync(PLATFORM_DATA_SOURCE, 'utf8');

describe('the platform catalog and its source data/platforms.yaml', () => {
  it('src/catalog/platform-data.ts is what npm run catalog generates, byte for byte', () => {
    expect(readFileSync(PLATFORM_DATA_MODULE, 'utf8')).toBe(renderPlatformData(source));
  });

  it('follows the YAML: an edited GPU count per node shows up, an unknown platform is refused', () => {
    const edited = source.replace('gpus_per_node: 72', 'gpus_per_node: 36');
    expect(renderPlatformData(edited)).toContain('"gpusPerNode": 36');
    expect(() => renderPlatformData(source.replace('l40s: pcie-8gpu', 'l40s: pcie-9gpu'))).toThrow(/unknown platform pcie-9gpu/);
  });

  it('maps every catalog GPU to a platform with a dated source', () => {
    const unmapped = GPU_IDS.filter((id) => platformOf(id).id === 'single');
    expect(unmapped).toEqual([]);
    for (const p of PLATFORM_DATA) {
      expect(p.url).toMatch(/^https:\/\//);
      expect(p.date).not.toBe('');
    }
  });

  it('SXM and OAM parts are sold 8 per server, GB200 by the 72-GPU rack, GeForce in workstations of 4', () => {
    expect(platformOf('h100-sxm5-80gb').gpusPerNode).toBe(8);
    expect(platformOf('amd-mi300x').gpusPerNode).toBe(8);
    expect(platformOf('gb200-per-gpu')).toMatchObject({ kind: 'rack', gpusPerNode: 72 });
    expect(platformOf('rtx-4090')).toMatchObject({ kind: 'workstation', gpusPerNode: 4 });
  });

  it('a small PCIe fleet is bought as 4-GPU servers where that leaves fewer GPUs idle; SXM stays on 8-GPU baseboards', () => {
    const l40s = platformOf('l40s');
    expect(platformFor(l40s, 2).gpusPerNode).toBe(4);
    expect(platformFor(l40s, 8).gpusPerNode).toBe(8);
    // 9 GPUs: three 4-GPU servers (12) rather than two 8-GPU servers (16).
    expect(platformFor(l40s, 9).gpusPerNode).toBe(4);
    expect(platformFor(l40s, 16).gpusPerNode).toBe(8);
    expect(platformFor(platformOf('h100-sxm5-80gb'), 2).gpusPerNode).toBe(8);
  });

  it('the H100 rental base is the tracker median, not the midpoint of the observed range', () => {
    expect(rentalMedian('h100-sxm5-80gb')?.usdPerGpuHour).toBe(2.95);
  });

  it('flags the GeForce licence and end of life', () => {
    expect(flagsOf('rtx-4090').map((f) => f.kind)).toEqual(['geforceLicence', 'endOfLife']);
    expect(flagsOf('h100-sxm5-80gb')).toEqual([]);
  });
});
