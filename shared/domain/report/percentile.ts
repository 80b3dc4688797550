/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank ceil(p/100 * n) (1-based), so it is always one of the observed values and needs no
 * interpolation. The median is the 50th percentile: of an even count it is the lower middle
 * value (of [1, 2, 3, 4] it is 2). Ranks are computed in integers (p * n / 100 with p a
 * whole percent), so 90% of 70 values is rank 63 exactly, free of floating-point drift.
 */

/** The `percent`-th percentile (1..100, whole) of ascending `sorted`; null when it is empty. */
export function nearestRank(sorted: ArrayLike<number>, percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`percent must be a whole number from 1 to 100, got ${percent}`);
  }
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((percent * n) / 100));
  return sorted[rank - 1] as number;
}
