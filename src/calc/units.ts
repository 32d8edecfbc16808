/** Unit constants. Memory results are GiB (2^30 bytes); vendor capacities and bandwidths are GB (10^9). */
export const BYTES_PER_GIB = 2 ** 30;
export const BYTES_PER_GB = 1e9;
export const FLOPS_PER_TFLOP = 1e12;
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_HOUR = 3_600;

export const bytesToGiB = (bytes: number): number => bytes / BYTES_PER_GIB;
export const gibToBytes = (gib: number): number => gib * BYTES_PER_GIB;
