/**
 * Clocks are shared between equal copies of a calendar (every alert carries its own copy), so
 * two calendars that differ in anything must never be taken for one another: an alert
 * snapshotted before the business hours changed keeps its hours, the next one gets the new.
 */
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import { toIso } from '../../shared/domain/instant.ts';
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
