/**
 * Collective-communication time. Ring all-reduce moves 2(n-1)/n of the message per GPU
 * (Patarasuk & Yuan 2009; NCCL docs "bus bandwidth"). Scale-up fabric (NVLink / Infinity
 * Fabric) is bidirectional in the catalog, so one direction is half; PCIe-only parts
 * communicate over the host link (catalog `host`).
 */
import type { GpuSpec } from '../catalog/types.ts';
import type { EfficiencyParams } from './efficiency-params.ts';

/**
 * GPUs one scale-up link joins. NVLink bridges on PCIe cards join pairs (H100 PCIe / NVL,
 * A100 PCIe, RTX 3090) or up to four (H200 NVL "2- or 4-way"), per the catalog's link names;
 * switched fabrics (HGX NVLink, Infinity Fabric mesh) join the whole 8-GPU node, and an NVL72
 * rack's NVLink Switch joins 72 GPUs (catalog "72-GPU domain"), so its collectives up to 72 GPUs
 * stay on NVLink.
 */
export function scaleUpGroup(gpu: GpuSpec): number {
  if (!gpu.scaleUp) return 1;
  if (isNvl72(gpu)) return NVL72_GPUS;
  if (!/bridge/i.test(gpu.scaleUp.name)) return GPUS_PER_NODE;
  return /4-way/i.test(gpu.scaleUp.name) ? 4 : 2;
}

/** Whether a collective over `n` GPUs of a node stays on the scale-up link (else it crosses PCIe). */
const onScaleUp = (gpu: GpuSpec, n: number): boolean => gpu.scaleUp !== null && n <= scaleUpGroup(gpu);

/** One-direction link bandwidth a GPU uses for a collective over `n` GPUs inside a node, bytes/s. */
export function intraNodeBytesPerS(gpu: GpuSpec, n: number = 2): number {
  const bidir = onScaleUp(gpu, n) ? gpu.scaleUp!.bidirectionalGBps : (gpu.host.bidirectionalGBps ?? 32);
  return (bidir / 2) * 1e9;
}

/** Seconds for one all-reduce of `bytes` over `n` GPUs within a node. */
export function allReduceSeconds(gpu: GpuSpec, bytes: number, n: number, p: EfficiencyParams): number {
  return n <= 1 ? 0 : allReduceOn(allReduceLink(gpu, n, p), bytes, n);
}

/** An all-reduce's fixed latency and bus bandwidth over `n` GPUs (n ≥ 2) within a node. */
interface AllReduceLink {
  readonly latencyS: number;
  readonly bytesPerS: number;
}

/** The link an all-reduce over `n` GPUs (n ≥ 2) within a node uses: what callers timing many all-reduces keep. */
export function allReduceLink(gpu: GpuSpec, n: number, p: EfficiencyParams): AllReduceLink {
  const latencyUs = onScaleUp(gpu, n) ? p.comm.scaleUpLatencyUs : p.comm.pcieLatencyUs;
  return { latencyS: latencyUs * 1e-6, bytesPerS: intraNodeBytesPerS(gpu, n) * p.comm.busEfficiency };
}

/** Seconds for one ring all-reduce of `bytes` over `n` ≥ 2 GPUs on `link`. */
export const allReduceOn = (link: AllReduceLink, bytes: number, n: number): number =>
  link.latencyS + ((2 * (n - 1)) / n) * (bytes / link.bytesPerS);

/**
 * Largest tensor-parallel group a layout may use: one NVLink/Infinity Fabric domain (8 GPUs on an
 * HGX/OAM baseboard, 72 in an NVL72 rack), else one PCIe server (8 cards). Beyond it, model
 * parallelism continues as pipeline stages (docs/methodology.md#parallel-layout).
 */
export function maxTensorParallel(gpu: GpuSpec): number {
  return isNvl72(gpu) ? NVL72_GPUS : GPUS_PER_NODE;
}

/** GPUs in one NVL72 NVLink domain (NVIDIA GB200 NVL72 datasheet: 72 Blackwell GPUs, one NVLink Switch fabric). */
const NVL72_GPUS = 72;
const isNvl72 = (gpu: GpuSpec): boolean => gpu.scaleUp !== null && /72-GPU|NVL72/i.test(gpu.scaleUp.name);

/** GPUs per node sharing one scale-up domain (HGX/DGX 8-GPU baseboard). */
export const GPUS_PER_NODE = 8;
/**
 * Scale-out bandwidth per GPU between nodes, bytes/s one way: one 400 Gb/s NIC per GPU
 * (NVIDIA DGX H100 reference architecture: 8x ConnectX-7 400 Gb/s) = 50 GB/s.
 */
export const SCALE_OUT_BYTES_PER_S_PER_GPU = 50e9;

/**
 * The link of point-to-point sends between neighbours of a group of `n` GPUs laid out together
 * (the K/V ring of context parallelism inside a TP x CP block): the scale-up fabric's latency and
 * one-way bandwidth while the group fits one scale-up domain, else the PCIe latency and the
 * scale-out NIC (collectiveBytesPerS), at the fitted bus efficiency.
 */
export function pointToPointLink(gpu: GpuSpec, n: number, p: EfficiencyParams): AllReduceLink {
  const latencyUs = onScaleUp(gpu, n) ? p.comm.scaleUpLatencyUs : p.comm.pcieLatencyUs;
  return { latencyS: latencyUs * 1e-6, bytesPerS: collectiveBytesPerS(gpu, n) * p.comm.busEfficiency };
}

/** One-way bandwidth per GPU for a collective spanning `n` GPUs, bytes/s (beyond one scale-up domain: the NIC). */
export function collectiveBytesPerS(gpu: GpuSpec, n: number): number {
  const domain = Math.max(GPUS_PER_NODE, scaleUpGroup(gpu));
  return n <= domain ? intraNodeBytesPerS(gpu, n) : Math.min(intraNodeBytesPerS(gpu, domain), SCALE_OUT_BYTES_PER_S_PER_GPU);
}
