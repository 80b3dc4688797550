import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationSeconds, parseDurationSeconds } from '../../shared/domain/duration.ts';

describe('parseDurationSeconds', () => {
  it.each([
    [0, 0],
    [90, 90],
    ['90', 90],
    ['0', 0],
    ['30s', 30],
    ['5m', 300],
    ['4h', 14_400],
    ['1d', 86_400],
    ['1h30m', 5400],
    ['2d4h', 187_200],
    ['1d2h3m4s', 93_784],
    ['1h 30m', 5400],
    [' 15m ', 900],
    ['0s', 0],
  ] as const)('reads %j as %i seconds', (value, seconds) => {
    expect(parseDurationSeconds(value)).toBe(seconds);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', '-5', '1.5h', '5x', '5 minutes', 'h', '30m5h', '1h1h', '5M', '1e3'])(
    'rejects %j with a message naming it',
    (value) => {
      expect(() => parseDurationSeconds(value)).toThrow(/Invalid duration .*expected a whole number of seconds or text like "90", "30s"/);
    },
  );
});

describe('formatDurationSeconds', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [60, '1m'],
    [5400, '1h 30m'],
    [187_200, '2d 4h'],
    [93_784, '1d 2h 3m 4s'],
    [86_401, '1d 1s'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(formatDurationSeconds(seconds)).toBe(text);
  });

  it('rejects negative and fractional seconds', () => {
    expect(() => formatDurationSeconds(-1)).toThrow(/Cannot format duration -1/);
    expect(() => formatDurationSeconds(0.5)).toThrow(/Cannot format duration 0.5/);
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 400 * 86_400 }), (seconds) => {
        expect(parseDurationSeconds(formatDurationSeconds(seconds))).toBe(seconds);
      }),
    );
  });
});
