import { describe, expect, it } from 'vitest';
import { isReportDate, previousReportDate, reportDay } from '../../shared/domain/report/report-day.ts';

describe('reportDay', () => {
  it.each([
    { date: '2026-11-30', zone: 'UTC', from: '2026-11-30T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', hours: 24 },
    { date: '2026-11-30', zone: 'Europe/Paris', from: '2026-11-29T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', hours: 24 },
    // Clocks fall back at 02:00 EDT: the day has 25 hours.
    { date: '2026-11-01', zone: 'America/New_York', from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z', hours: 25 },
    // Clocks spring forward at 02:00 EST: 23 hours.
    { date: '2026-03-08', zone: 'America/New_York', from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z', hours: 23 },
    // Midnight itself is skipped in Santiago (00:00 -> 01:00): the day starts after the gap
    // and still ends at the next midnight, 23 hours later.
    { date: '2026-09-06', zone: 'America/Santiago', from: '2026-09-06T04:00:00.000Z', to: '2026-09-07T03:00:00.000Z', hours: 23 },
    { date: '2028-02-29', zone: 'Asia/Kolkata', from: '2028-02-28T18:30:00.000Z', to: '2028-02-29T18:30:00.000Z', hours: 24 },
  ])('$date in $zone runs from $from to $to ($hours h)', ({ date, zone, from, to, hours }) => {
    const day = reportDay(date, zone);
    expect(new Date(day.fromAt).toISOString()).toBe(from);
    expect(new Date(day.toAt).toISOString()).toBe(to);
    expect((day.toAt - day.fromAt) / 3_600_000).toBe(hours);
    expect(day).toMatchObject({ date, timezone: zone });
  });

  it('refuses a date that does not exist and a zone that does not either', () => {
    expect(() => reportDay('2026-02-30', 'UTC')).toThrow(/2026-02-30/);
    expect(() => reportDay('2026-11-30', 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});

describe('isReportDate', () => {
  it.each([
    ['2026-11-30', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-30', false],
    ['20261130', false],
    ['2026-11-30T00:00:00Z', false],
    // ISO's expanded years (+002026) parse as dates, but are no report date a user writes.
    ['+002026-11-30', false],
    ['', false],
  ])('%j is a report date: %s', (text, expected) => {
    expect(isReportDate(text)).toBe(expected);
  });
});

describe('previousReportDate', () => {
  it.each([
    { now: '2026-12-01T07:00:00Z', zone: 'UTC', expected: '2026-11-30' },
    // 23:30 on 30 November in New York: yesterday there is the 29th, though UTC is already 1 December.
    { now: '2026-12-01T04:30:00Z', zone: 'America/New_York', expected: '2026-11-29' },
    // 00:30 on 1 December in Paris while UTC is still 30 November.
    { now: '2026-11-30T23:30:00Z', zone: 'Europe/Paris', expected: '2026-11-30' },
    { now: '2026-03-01T12:00:00Z', zone: 'UTC', expected: '2026-02-28' },
  ])('at $now in $zone the report covers $expected', ({ now, zone, expected }) => {
    expect(previousReportDate(Date.parse(now), zone)).toBe(expected);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => previousReportDate(Date.parse('2026-12-01T07:00:00Z'), 'Mars/Olympus')).toThrow('Invalid time zone "Mars/Olympus"');
  });
});
