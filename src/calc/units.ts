/** Unit constants. Memory results are GiB (2^30 bytes); vendor capacities and bandwidths are GB (10^9). */
const BYTES_PER_GIB = 2 ** 30;
export const SECONDS_PER_DAY = 86_400;

export const bytesToGiB = (bytes: number): number => bytes / BYTES_PER_GIB;
