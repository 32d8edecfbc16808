/**
 * Collective-communication time. Ring all-reduce moves 2(n-1)/n of the message per GPU
 * (Patarasuk & Yuan 2009; NCCL docs "bus bandwidth"). Scale-up fabric (NVLink / Infinity
 * Fabric) is bidirectional in the catalog, so one direction is half; PCIe-only parts
 * communicate over the host link (catalog `host`).
 */
import type { GpuSpec } from '../catalog/types.ts';
import type { EfficiencyParams } from './efficiency-params.ts';

/** One-direction link bandwidth a GPU uses for collectives inside a node, bytes/s. */
export function intraNodeBytesPerS(gpu: GpuSpec): number {
  const bidir = gpu.scaleUp?.bidirectionalGBps ?? gpu.host.bidirectionalGBps ?? 32;
  return (bidir / 2) * 1e9;
}

/** Seconds for one all-reduce of `bytes` over `n` GPUs within a node. */
export function allReduceSeconds(gpu: GpuSpec, bytes: number, n: number, p: EfficiencyParams): number {
  if (n <= 1) return 0;
  const latencyUs = gpu.scaleUp ? p.comm.scaleUpLatencyUs : p.comm.pcieLatencyUs;
  const bw = intraNodeBytesPerS(gpu) * p.comm.busEfficiency;
  return latencyUs * 1e-6 + ((2 * (n - 1)) / n) * (bytes / bw);
}

/** GPUs per node sharing one scale-up domain (HGX/DGX 8-GPU baseboard). */
export const GPUS_PER_NODE = 8;
/**
 * Scale-out bandwidth per GPU between nodes, bytes/s one way: one 400 Gb/s NIC per GPU
 * (NVIDIA DGX H100 reference architecture: 8x ConnectX-7 400 Gb/s) = 50 GB/s.
 */
export const SCALE_OUT_BYTES_PER_S_PER_GPU = 50e9;

/** One-way bandwidth per GPU for a collective spanning `n` GPUs, bytes/s. */
export function collectiveBytesPerS(gpu: GpuSpec, n: number): number {
  return n <= GPUS_PER_NODE ? intraNodeBytesPerS(gpu) : Math.min(intraNodeBytesPerS(gpu), SCALE_OUT_BYTES_PER_S_PER_GPU);
}
