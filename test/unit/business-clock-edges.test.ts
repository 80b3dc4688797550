/**
 * The business clock at its edges: calendars told apart by content (clocks are shared between
 * equal copies, as every alert carries its own, so an alert snapshotted before the business
 * hours changed keeps its hours and the next one gets the new), days years apart, a window at
 * local midnight, bad arguments, and calendars with business time a decade away or none.
 */
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import { DAY_MS, toIso } from '../../shared/domain/instant.ts';
import { at, calendar, hours, weekly } from './calendar-fixtures.ts';

// 2026-11-30 is a Monday.
const mondayMorning = at('2026-11-30T08:00:00Z');
const deadlineIso = (spec: Parameters<typeof businessClock>[0]) => toIso(businessClock(spec).deadline(mondayMorning, hours(1)));

describe('calendars of one name that differ', () => {
  it('keep their own hours when only the times changed', () => {
    expect(deadlineIso(calendar('support', 'UTC', weekly(['09:00-17:00'])))).toBe('2026-11-30T10:00:00.000Z');
    expect(deadlineIso(calendar('support', 'UTC', weekly(['10:00-18:00'])))).toBe('2026-11-30T11:00:00.000Z');
  });

  it('keep their own days when the same hours moved from Monday to Tuesday', () => {
    expect(deadlineIso(calendar('rota', 'UTC', { mon: [{ start: '09:00', end: '17:00' }] }))).toBe('2026-11-30T10:00:00.000Z');
    expect(deadlineIso(calendar('rota', 'UTC', { tue: [{ start: '09:00', end: '17:00' }] }))).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keep their own holidays', () => {
    expect(deadlineIso(calendar('office', 'UTC', weekly(['09:00-17:00'])))).toBe('2026-11-30T10:00:00.000Z');
    expect(deadlineIso(calendar('office', 'UTC', weekly(['09:00-17:00']), ['2026-11-30']))).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keep their own zone', () => {
    expect(deadlineIso(calendar('desk', 'UTC', weekly(['09:00-17:00'])))).toBe('2026-11-30T10:00:00.000Z');
    expect(deadlineIso(calendar('desk', 'Europe/Berlin', weekly(['09:00-17:00'])))).toBe('2026-11-30T09:00:00.000Z');
  });
});

describe('around the clock', () => {
  it('refuses a negative duration, naming it', () => {
    expect(() => businessClock(null).deadline(mondayMorning, -1)).toThrow('durationMs must be a finite number >= 0, got -1');
  });
});

describe('the days a calendar has worked out', () => {
  it('are told apart from the days 2,048 days later, which share their place in the day cache', () => {
    const clock = businessClock(calendar('five and a half years', 'UTC', weekly(['09:00-17:00'])));
    // Monday to Saturday in 2026, then Friday 2032-07-09 (2048 days after Monday) to Wednesday.
    expect(clock.elapsed(at('2026-11-30T00:00:00Z'), at('2026-12-05T00:00:00Z'))).toBe(hours(40));
    expect(clock.elapsed(at('2032-07-09T00:00:00Z'), at('2032-07-14T00:00:00Z'))).toBe(hours(24));
    expect(toIso(clock.deadline(at('2032-07-09T08:00:00Z'), hours(9)))).toBe('2032-07-12T10:00:00.000Z');
    expect(clock.isBusinessTime(at('2032-07-10T12:00:00Z'))).toBe(false);
  });
});

describe('a window opening at local midnight east of UTC', () => {
  // Tuesday 00:00 in Berlin is Monday 23:00 UTC: the instant is on the UTC date of Monday.
  const nightShift = businessClock(calendar('night shift', 'Europe/Berlin', { tue: [{ start: '00:00', end: '06:00' }] }));

  it('is open from its first instant', () => {
    expect(nightShift.isBusinessTime(at('2026-11-30T23:00:00Z'))).toBe(true);
    expect(nightShift.isBusinessTime(at('2026-11-30T22:59:59.999Z'))).toBe(false);
    expect(nightShift.elapsed(at('2026-11-30T23:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe(hours(1));
  });
});

describe('instants that are not numbers', () => {
  it('are refused, naming the argument', () => {
    const clock = businessClock(calendar('named arguments', 'UTC', weekly(['09:00-17:00'])));
    expect(() => clock.deadline(Number.NaN, 1)).toThrow('startAt must be a finite epoch-ms instant, got NaN');
    expect(() => clock.elapsed(0, Number.POSITIVE_INFINITY)).toThrow('toAt must be a finite epoch-ms instant, got Infinity');
    expect(() => clock.elapsed(Number.NaN, 0)).toThrow('fromAt must be a finite epoch-ms instant, got NaN');
    expect(() => clock.nextBusinessInstant(Number.NaN)).toThrow('at must be a finite epoch-ms instant, got NaN');
    expect(() => clock.isBusinessTime(Number.NaN)).toThrow('at must be a finite epoch-ms instant, got NaN');
    expect(() => clock.deadline(0, -5)).toThrow('durationMs must be a finite number >= 0, got -5');
  });
});

describe('a calendar whose business days are all holidays for ten years', () => {
  // Open on Mondays only, and every Monday from 2026-11-30 for 532 weeks is a holiday.
  const mondays = Array.from({ length: 532 }, (_, week) => toIso(at('2026-11-30T00:00:00Z') + week * 7 * DAY_MS).slice(0, 10));
  const closed = calendar('closed for a decade', 'UTC', { mon: [{ start: '09:00', end: '17:00' }] }, mondays);

  it('is reported as having no business time instead of searching forever', () => {
    const clock = businessClock(closed);
    expect(() => clock.deadline(at('2026-11-30T00:00:00Z'), hours(1))).toThrow('Calendar "closed for a decade" has no business time for 3700 days');
    expect(() => clock.nextBusinessInstant(at('2026-11-30T00:00:00Z'))).toThrow('Calendar "closed for a decade" has no business time for 3700 days');
  });
});

describe('a calendar with an hour of business a week', () => {
  it('reaches a deadline more than ten years out without taking itself for empty', () => {
    const sundays = businessClock(calendar('an hour on Sundays', 'UTC', { sun: [{ start: '00:00', end: '01:00' }] }));
    // 600 business hours from Monday 2026-11-30: the 600th Sunday from 2026-12-06, at 01:00.
    expect(sundays.deadline(at('2026-11-30T00:00:00Z'), hours(600))).toBe(at('2026-12-06T01:00:00Z') + 599 * 7 * DAY_MS);
  });
});

describe('a calendar whose next business day is ten years away', () => {
  it('still finds it: 3,700 days without business time are searched before giving up', () => {
    // Open on Saturdays only; every Saturday from 2026-12-05 to 2037-01-10 is a holiday, and the
    // next one, 2037-01-17 (3,701 days after Monday 2026-11-30), is not.
    const saturdays = Array.from({ length: 528 }, (_, week) => toIso(at('2026-12-05T00:00:00Z') + week * 7 * DAY_MS).slice(0, 10));
    const clock = businessClock(calendar('a decade of holidays', 'UTC', { sat: [{ start: '09:00', end: '17:00' }] }, saturdays));
    expect(toIso(clock.deadline(at('2026-11-30T00:00:00Z'), hours(1)))).toBe('2037-01-17T10:00:00.000Z');
  });

  it('starts the clock on a business day 3,700 days away', () => {
    // Open on Fridays only; every Friday from 2026-12-04 to 2037-01-09 is a holiday, and the
    // next one, 2037-01-16 (3,700 days after Monday 2026-11-30), is not.
    const fridays = Array.from({ length: 528 }, (_, week) => toIso(at('2026-12-04T00:00:00Z') + week * 7 * DAY_MS).slice(0, 10));
    const clock = businessClock(calendar('a decade of Friday holidays', 'UTC', { fri: [{ start: '09:00', end: '17:00' }] }, fridays));
    expect(toIso(clock.nextBusinessInstant(at('2026-11-30T00:00:00Z')))).toBe('2037-01-16T09:00:00.000Z');
  });
});

describe('holidays', () => {
  it.each(['2026-12-25 closed', 'xmas 2026-12-25', '2026-12-25T00:00'])('refuses %j, which is not just a date', (holiday) => {
    expect(() => businessClock(calendar(`holiday ${holiday}`, 'UTC', weekly(['09:00-17:00']), [holiday]))).toThrow(`Invalid date "${holiday}": expected YYYY-MM-DD`);
  });
});

describe('window times', () => {
  it.each(['09:000', 'at 09:00', '9:00 '])('refuses %j, which is not just HH:MM', (start) => {
    expect(() => businessClock(calendar(`window ${start}`, 'UTC', { mon: [{ start, end: '17:00' }] }))).toThrow(`Invalid time "${start}"`);
  });
});
