import { describe, expect, it } from 'vitest';
import { getGpu } from '../../src/catalog/index.ts';
import {
  allReduceSeconds,
  collectiveBytesPerS,
  intraNodeBytesPerS,
  SCALE_OUT_BYTES_PER_S_PER_GPU,
  scaleUpGroup,
} from '../../src/calc/comm.ts';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';

describe('scale-up domains', () => {
  const h100Pcie = getGpu('h100-pcie-80gb')!;
  const h100Sxm = getGpu('h100-sxm5-80gb')!;

  it('reads bridge sizes from the catalog link names', () => {
    expect(scaleUpGroup(h100Pcie)).toBe(2); // "NVLink bridge (pairs of GPUs)"
    expect(scaleUpGroup(getGpu('h200-nvl-141gb')!)).toBe(4); // "2- or 4-way NVLink bridge"
    expect(scaleUpGroup(h100Sxm)).toBe(8);
    expect(scaleUpGroup(getGpu('l40s')!)).toBe(1); // PCIe only
  });

  it('uses the bridge inside its pair and PCIe beyond it; HGX NVLink across the node', () => {
    // H100 PCIe: 600 GB/s bridge (300 one way) for 2 GPUs, PCIe Gen5 128 GB/s (64 one way) for 4.
    expect(intraNodeBytesPerS(h100Pcie, 2)).toBe(300e9);
    expect(intraNodeBytesPerS(h100Pcie, 4)).toBe(64e9);
    expect(intraNodeBytesPerS(h100Sxm, 8)).toBe(450e9);
    const bytes = 1e9;
    const perStep = (gpu = h100Pcie, n = 4) => allReduceSeconds(gpu, bytes, n, EFFICIENCY);
    expect(perStep(h100Pcie, 4)).toBeGreaterThan(4 * perStep(h100Sxm, 4));
  });
});

describe('collectives across nodes', () => {
  it('an NVL72 rack keeps a 64-GPU collective on NVLink; HGX nodes cross the 400 Gb/s NICs beyond 8', () => {
    const gb200 = getGpu('gb200-per-gpu')!;
    const h100 = getGpu('h100-sxm5-80gb')!;
    expect(scaleUpGroup(gb200)).toBe(72);
    // GB200: NVLink 5, 1800 GB/s bidirectional = 900 GB/s one way, for 64 GPUs as for 8.
    expect(collectiveBytesPerS(gb200, 64)).toBe(900e9);
    expect(collectiveBytesPerS(gb200, 8)).toBe(900e9);
    // Beyond the rack the NIC limits it, as on HGX H100 beyond one node.
    expect(collectiveBytesPerS(gb200, 144)).toBe(SCALE_OUT_BYTES_PER_S_PER_GPU);
    expect(collectiveBytesPerS(h100, 64)).toBe(SCALE_OUT_BYTES_PER_S_PER_GPU);
    expect(collectiveBytesPerS(h100, 8)).toBe(450e9);
  });
});
