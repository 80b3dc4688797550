/**
 * A histogram of response times in seconds, filled as alerts stream past: a count per bucket
 * and a sum, so memory stays the same however many clocks were answered (keeping each value
 * would cost 8 bytes apiece), and the exposition writes buckets rather than replaying every
 * observation. Buckets run from a minute to a week, so a critical alert acknowledged in
 * minutes and a low one resolved over a weekend land in buckets that tell them apart. A value
 * equal to a bound counts in that bound's bucket (`le`, as Prometheus defines it).
 */
export const RESPONSE_TIME_BUCKETS_SECONDS: readonly number[] = [
  60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 345_600, 604_800,
];

export interface HistogramSnapshot {
  /** Cumulative counts: `le` is the bucket's upper bound, `Infinity` for the last. */
  readonly buckets: readonly { readonly le: number; readonly count: number }[];
  readonly count: number;
  readonly sum: number;
}

/** The slot of a value: the first bound at or above it; `RESPONSE_TIME_BUCKETS_SECONDS.length` above every bound. */
export function bucketIndex(seconds: number): number {
  let index = 0;
  while (index < RESPONSE_TIME_BUCKETS_SECONDS.length && seconds > (RESPONSE_TIME_BUCKETS_SECONDS[index] as number)) index += 1;
  return index;
}

/** A snapshot from per-slot (not cumulative) counts, one per bound and one above them all, and the sum. */
export function histogramSnapshot(counts: readonly number[], sum: number): HistogramSnapshot {
  let running = 0;
  const buckets = Array.from({ length: RESPONSE_TIME_BUCKETS_SECONDS.length + 1 }, (_, index) => {
    running += counts[index] ?? 0;
    return { le: RESPONSE_TIME_BUCKETS_SECONDS[index] ?? Number.POSITIVE_INFINITY, count: running };
  });
  return { buckets, count: running, sum };
}

export class ResponseTimeHistogram {
  /** Per bucket, not cumulative; the last slot is above every bound. */
  private readonly counts = new Array<number>(RESPONSE_TIME_BUCKETS_SECONDS.length + 1).fill(0);
  private sum = 0;

  observe(seconds: number): void {
    const index = bucketIndex(seconds);
    this.counts[index] = (this.counts[index] as number) + 1;
    this.sum += seconds;
  }

  snapshot(): HistogramSnapshot {
    return histogramSnapshot(this.counts, this.sum);
  }
}
