/**
 * A mergeable histogram of durations with a bounded relative error, for percentiles over
 * weeks and months built from per-day summaries (rollups) instead of every alert.
 *
 * Durations fall into logarithmic buckets: bucket i holds (γ^(i-1), γ^i] ms with
 * γ = (1 + α) / (1 - α), and reads back as 2γ^i / (γ + 1), which is within α of every value in
 * the bucket (the DDSketch construction). With α = 1%, any percentile read from the histogram
 * is within 1% of the exact nearest-rank percentile, and merging two histograms (adding their
 * counts) loses nothing more, so a month of days merges to the same answer as one histogram of
 * the month. Durations under 1 ms share bucket 0 (read as 0). Memory: one count per bucket in
 * use; 1 ms to 30 days spans about 1,100 buckets, and a day's durations use far fewer.
 */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** Bucket index -> count, as stored in a rollup (JSON object keys are bucket indexes). */
export type HistogramData = Readonly<Record<string, number>>;

export class LogHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;

  static from(data: HistogramData): LogHistogram {
    const histogram = new LogHistogram();
    histogram.mergeData(data);
    return histogram;
  }

  get count(): number {
    return this.total;
  }

  add(ms: number): void {
    const index = ms < 1 ? 0 : Math.max(1, Math.ceil(Math.log(ms) / LOG_GAMMA));
    this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
    this.total += 1;
  }

  mergeData(data: HistogramData): void {
    for (const [key, count] of Object.entries(data)) {
      const index = Number(key);
      this.counts.set(index, (this.counts.get(index) ?? 0) + count);
      this.total += count;
    }
  }

  /** The nearest-rank `percent`-th percentile (1..100) within RELATIVE_ACCURACY; null when empty. */
  percentile(percent: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((percent * this.total) / 100));
    let seen = 0;
    for (const index of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(index) as number;
      if (seen >= rank) return index === 0 ? 0 : (2 * GAMMA ** index) / (GAMMA + 1);
    }
    return null;
  }

  toData(): HistogramData {
    return Object.fromEntries(this.counts);
  }
}
