import { describe, expect, it } from 'vitest';
import { DurationSamples } from '../../shared/domain/report/duration-samples.ts';
import { nearestRank } from '../../shared/domain/report/percentile.ts';

describe('nearestRank', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    { values: [42], percent: 50, expected: 42 },
    { values: [42], percent: 90, expected: 42 },
    { values: [1, 2], percent: 50, expected: 1 },
    { values: [1, 2], percent: 90, expected: 2 },
    { values: [1, 2, 3], percent: 50, expected: 2 },
    { values: [1, 2, 3, 4], percent: 50, expected: 2 },
    { values: [1, 2, 3, 4], percent: 90, expected: 4 },
    { values: oneToTen, percent: 50, expected: 5 },
    { values: oneToTen, percent: 90, expected: 9 },
    { values: oneToTen, percent: 91, expected: 10 },
    { values: oneToTen, percent: 100, expected: 10 },
    { values: oneToTen, percent: 1, expected: 1 },
    // 90% of 70 is rank 63 exactly (0.9 * 70 in floating point is 63.00000000000001).
    { values: Array.from({ length: 70 }, (_, i) => i + 1), percent: 90, expected: 63 },
  ])('the $percent th percentile of $values.length values is $expected', ({ values, percent, expected }) => {
    expect(nearestRank(values, percent)).toBe(expected);
  });

  it('has no percentile of nothing', () => {
    expect(nearestRank([], 50)).toBeNull();
  });

  it.each([0, 101, 50.5])('refuses percent %s, saying what it takes', (percent) => {
    expect(() => nearestRank([1], percent)).toThrow(new RangeError(`percent must be a whole number from 1 to 100, got ${percent}`));
  });
});

describe('DurationSamples', () => {
  it('summarizes durations pushed in any order, past its initial capacity', () => {
    const samples = new DurationSamples();
    // 1000 values 1..1000 pushed in descending order: median rank 500, p90 rank 900.
    for (let ms = 1000; ms >= 1; ms -= 1) samples.push(ms);
    expect(samples.summary()).toEqual({ count: 1000, medianMs: 500, p90Ms: 900 });
  });

  it('has no summary when nothing was answered', () => {
    expect(new DurationSamples().summary()).toBeNull();
  });
});
