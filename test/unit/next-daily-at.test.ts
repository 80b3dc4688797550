import { describe, expect, it } from 'vitest';
import { nextDailyAt } from '../../shared/domain/schedule/next-daily-at.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextDailyAt', () => {
  it.each([
    ['later the same day', '08:00', 'UTC', '2026-11-27T07:00:00.000Z', '2026-11-27T08:00:00.000Z'],
    ['exactly at the time moves to the next day', '08:00', 'UTC', '2026-11-27T08:00:00.000Z', '2026-11-28T08:00:00.000Z'],
    ['after the time', '08:00', 'UTC', '2026-11-27T09:00:00.000Z', '2026-11-28T08:00:00.000Z'],
    ['in New York winter (UTC-5)', '08:00', 'America/New_York', '2026-11-27T12:00:00.000Z', '2026-11-27T13:00:00.000Z'],
    ['in New York summer (UTC-4)', '08:00', 'America/New_York', '2026-07-01T11:00:00.000Z', '2026-07-01T12:00:00.000Z'],
    ['on the spring-forward day, the day after', '08:00', 'America/New_York', '2026-03-07T14:00:00.000Z', '2026-03-08T12:00:00.000Z'],
    ['a time in the DST gap moves forward by the gap', '02:30', 'America/New_York', '2026-03-07T12:00:00.000Z', '2026-03-08T07:30:00.000Z'],
    ['an ambiguous time takes its first occurrence', '01:30', 'America/New_York', '2026-10-31T12:00:00.000Z', '2026-11-01T05:30:00.000Z'],
    ['Lord Howe half-hour shift', '08:00', 'Australia/Lord_Howe', '2026-10-03T22:00:00.000Z', '2026-10-04T21:00:00.000Z'],
  ])('%s', (_name, time, zone, after, expected) => {
    expect(iso(nextDailyAt(time, zone, at(after)))).toBe(expected);
  });

  it('refuses a malformed time', () => {
    expect(() => nextDailyAt('8am', 'UTC', 0)).toThrow(/HH:MM/);
  });
});
