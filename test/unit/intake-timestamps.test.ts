import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp, parseUtcWallTime } from '../../shared/intake/timestamps.ts';

describe('sender timestamps', () => {
  it.each([
    ['2026-03-02T09:00:00Z', Date.UTC(2026, 2, 2, 9)],
    ['2026-03-02T10:00:00+01:00', Date.UTC(2026, 2, 2, 9)],
    ['2026-03-02T04:30:00.250-0430', Date.UTC(2026, 2, 2, 9, 0, 0, 250)],
    ['2021-10-12T09:51:03.157076+02:00', Date.UTC(2021, 9, 12, 7, 51, 3, 157)],
    ['2026-11-27T06:01:24.123456789Z', Date.UTC(2026, 10, 27, 6, 1, 24, 123)],
    ['0001-01-01T00:00:00Z', -62135596800000],
  ])('reads %s', (text, at) => {
    expect(parseIsoTimestamp(text)).toBe(at);
  });

  it.each(['2026-03-02 09:00:00', '2026-02-31T09:00:00Z', '2026-03-02T25:00:00Z', 'yesterday', '1772442000', 'at 2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z or so'])('refuses %s', (text) => {
    expect(parseIsoTimestamp(text)).toBeNull();
  });

  it("reads Uptime Kuma's zone-less time as UTC, whatever the machine's zone", () => {
    expect(parseUtcWallTime('2024-09-24 23:51:35.527')).toBe(Date.UTC(2024, 8, 24, 23, 51, 35, 527));
    expect(parseUtcWallTime('2024-09-24 23:51:35')).toBe(Date.UTC(2024, 8, 24, 23, 51, 35));
    expect(parseUtcWallTime('2024-09-24 23:51:35Z')).toBeNull();
    expect(parseUtcWallTime('at 2024-09-24 23:51:35')).toBeNull();
  });
});
