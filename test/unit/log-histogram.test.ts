import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../shared/domain/report/percentile.ts';
import { LogHistogram, RELATIVE_ACCURACY } from '../../shared/domain/report/log-histogram.ts';

describe('LogHistogram (percentiles of merged days)', () => {
  it('reads every percentile within 1% of the exact nearest-rank value, merged from parts or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 30 * 86_400_000 }), { minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 100 }), (days, percent) => {
        const merged = new LogHistogram();
        for (const day of days) {
          const part = new LogHistogram();
          for (const ms of day) part.add(ms);
          merged.mergeData(JSON.parse(JSON.stringify(part.toData())));
        }
        const exact = nearestRank(Float64Array.from(days.flat()).sort(), percent) as number;
        const approx = merged.percentile(percent) as number;
        expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
      }),
    );
  });

  it('reads a day fed value by value (1 to 100 ms) within 1%, a 1 ms duration as 1 ms', () => {
    const histogram = new LogHistogram();
    for (let ms = 1; ms <= 100; ms += 1) histogram.add(ms);
    expect(histogram.count).toBe(100);
    expect(Math.abs((histogram.percentile(90) as number) - 90) / 90).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    expect(Math.abs((histogram.percentile(1) as number) - 1)).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
  });

  it('has no percentile while empty and reads sub-millisecond durations as 0', () => {
    const histogram = new LogHistogram();
    expect(histogram.percentile(50)).toBeNull();
    histogram.add(0);
    expect(histogram.percentile(50)).toBe(0);
  });
});
