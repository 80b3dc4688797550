import { describe, expect, it } from 'vitest';
import { metricsDay } from '../../shared/domain/metrics/metrics-day.ts';

describe("the metrics' today", () => {
  it.each<[string, string, string, string, string, number]>([
    ['a UTC day', '2026-11-30T23:59:59.999Z', 'UTC', '2026-11-30', '2026-11-30T00:00:00.000Z', 24],
    ['the local date, not the UTC one', '2026-12-01T03:00:00Z', 'America/New_York', '2026-11-30', '2026-11-30T05:00:00.000Z', 24],
    ['the spring-forward day, 23 hours', '2026-03-08T12:00:00Z', 'America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', 23],
    ['the fall-back day, 25 hours', '2026-11-01T12:00:00Z', 'America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z', 25],
    ['local midnight itself', '2026-11-30T05:00:00Z', 'America/New_York', '2026-11-30', '2026-11-30T05:00:00.000Z', 24],
  ])('is %s', (_what, now, zone, date, fromIso, hours) => {
    const day = metricsDay(Date.parse(now), zone);
    expect(day.date).toBe(date);
    expect(new Date(day.fromAt).toISOString()).toBe(fromIso);
    expect((day.toAt - day.fromAt) / 3_600_000).toBe(hours);
  });
});
