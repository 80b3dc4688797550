/**
 * What someone configuring a calendar reads when it is wrong: the exact message, naming the
 * calendar, the weekday and the text to fix. And the edges of what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import type { CalendarSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { toIso } from '../../shared/domain/instant.ts';
import { at, calendar, hours, weekly } from './calendar-fixtures.ts';

function errorOf(spec: CalendarSpec): string {
  try {
    businessClock(spec);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the calendar to be refused');
}

describe('a wrong calendar is refused with a message saying what to fix', () => {
  it.each([
    ['a start without leading zero', weekly(['9:00-17:00'], ['mon']), [], 'Invalid time "9:00" in calendar "ops" mon: expected HH:MM'],
    ['24:00 as a start', weekly(['24:00-24:00'], ['tue']), [], 'Invalid time "24:00" in calendar "ops" tue: expected HH:MM'],
    ['an end past midnight', weekly(['22:00-24:30'], ['wed']), [], 'Invalid time "24:30" in calendar "ops" wed: expected HH:MM or 24:00'],
    ['minute 60', weekly(['08:60-17:00'], ['thu']), [], 'Invalid time "08:60" in calendar "ops" thu: expected HH:MM'],
    ['hour 25', weekly(['09:00-25:00'], ['fri']), [], 'Invalid time "25:00" in calendar "ops" fri: expected HH:MM or 24:00'],
    ['a start after the end', weekly(['17:00-09:00'], ['sat']), [], 'Empty window 17:00-09:00 in calendar "ops" sat: start must be before end'],
    ['an empty window', weekly(['09:00-09:00'], ['sun']), [], 'Empty window 09:00-09:00 in calendar "ops" sun: start must be before end'],
    ['no window on any day', {}, [], 'Calendar "ops" has no business time: give at least one weekday a window'],
    ['30 February as a holiday', weekly(['09:00-17:00']), ['2026-02-30'], 'Invalid date "2026-02-30": no such day'],
    ['month 13 as a holiday', weekly(['09:00-17:00']), ['2026-13-01'], 'Invalid date "2026-13-01": no such day'],
    ['a holiday written day first', weekly(['09:00-17:00']), ['25-12-2026'], 'Invalid date "25-12-2026": expected YYYY-MM-DD'],
  ] as const)('%s', (_, windows, holidays, message) => {
    expect(errorOf(calendar('ops', 'UTC', windows, holidays))).toBe(message);
  });

  it('an unknown zone', () => {
    expect(errorOf(calendar('ops', 'Mars/Olympus', weekly(['09:00-17:00'])))).toBe('Unknown time zone "Mars/Olympus": use an IANA name such as "America/New_York"');
  });
});

describe('the edges of what a calendar accepts', () => {
  it('windows at 00:00, 19:00, 20:00, 23:59 and 24:00 all count', () => {
    const clock = businessClock(calendar('edges', 'UTC', weekly(['00:00-00:30', '19:00-19:30', '20:00-20:30', '23:59-24:00'], ['mon'])));
    expect(clock.elapsed(at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'))).toBe(hours(1.5) + 60_000);
    expect(toIso(clock.nextBusinessInstant(at('2026-03-02T23:00:00Z')))).toBe('2026-03-02T23:59:00.000Z');
  });

  it('a holiday on 31 December closes that day only', () => {
    const clock = businessClock(calendar('year end', 'UTC', weekly(['09:00-17:00']), ['2026-12-31']));
    expect(clock.elapsed(at('2026-12-30T00:00:00Z'), at('2027-01-02T00:00:00Z'))).toBe(hours(16));
    expect(clock.isBusinessTime(at('2026-12-31T10:00:00Z'))).toBe(false);
    expect(clock.isBusinessTime(at('2027-01-01T10:00:00Z'))).toBe(true);
  });
});
