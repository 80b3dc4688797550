import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import type { CalendarSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { toIso } from '../../shared/domain/instant.ts';
import { at, calendar, defaultCalendar, everyDay, hours, minutes, weekly } from './calendar-fixtures.ts';

interface DeadlineCase {
  readonly name: string;
  readonly spec: CalendarSpec;
  readonly start: string;
  readonly durationMs: number;
  readonly deadline: string;
}

const lunch = calendar('lunch', 'UTC', weekly(['09:00-12:00', '13:00-17:00']));
const endOfYear = calendar('end-of-year', 'UTC', weekly(['09:00-17:00']), [
  '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01',
]);
const evening = calendar('evening', 'UTC', weekly(['18:00-24:00']));
const overnight = calendar('overnight', 'UTC', { mon: [{ start: '22:00', end: '24:00' }], tue: [{ start: '00:00', end: '02:00' }] });

// 2026-11-30 is a Monday; 2026-11-27 and 2026-12-04 are Fridays.
const deadlineCases: DeadlineCase[] = [
  // The replaced system's cases, corrected: business time resumes Monday 09:00.
  { name: 'high ack from Friday 16:00', spec: defaultCalendar, start: '2026-11-27T16:00:00Z', durationMs: 1800_000, deadline: '2026-11-27T16:30:00.000Z' },
  { name: 'high resolution (4 h) from Friday 16:00', spec: defaultCalendar, start: '2026-11-27T16:00:00Z', durationMs: 14_400_000, deadline: '2026-11-30T12:00:00.000Z' },
  { name: 'low resolution (24 business h) from Friday 16:00', spec: defaultCalendar, start: '2026-11-27T16:00:00Z', durationMs: 86_400_000, deadline: '2026-12-02T16:00:00.000Z' },
  // Creation at and around window edges.
  { name: 'created exactly at the opening', spec: defaultCalendar, start: '2026-11-30T09:00:00Z', durationMs: hours(1), deadline: '2026-11-30T10:00:00.000Z' },
  { name: 'created exactly at the close starts at the next opening', spec: defaultCalendar, start: '2026-11-30T17:00:00Z', durationMs: hours(1), deadline: '2026-12-01T10:00:00.000Z' },
  { name: 'created before the opening', spec: defaultCalendar, start: '2026-11-30T08:00:00Z', durationMs: hours(1), deadline: '2026-11-30T10:00:00.000Z' },
  { name: 'created after the close', spec: defaultCalendar, start: '2026-11-30T18:00:00Z', durationMs: hours(1), deadline: '2026-12-01T10:00:00.000Z' },
  { name: 'created inside a window', spec: defaultCalendar, start: '2026-11-30T12:34:56.789Z', durationMs: hours(2), deadline: '2026-11-30T14:34:56.789Z' },
  { name: 'created Friday at the close', spec: defaultCalendar, start: '2026-12-04T17:00:00Z', durationMs: hours(1), deadline: '2026-12-07T10:00:00.000Z' },
  { name: 'created on Saturday', spec: defaultCalendar, start: '2026-12-05T12:00:00Z', durationMs: minutes(30), deadline: '2026-12-07T09:30:00.000Z' },
  // A duration that runs out exactly at a close ends at that close, not the next opening.
  { name: 'a full day ends at the close', spec: defaultCalendar, start: '2026-11-30T09:00:00Z', durationMs: hours(8), deadline: '2026-11-30T17:00:00.000Z' },
  { name: 'Friday afternoon ends at Friday close', spec: defaultCalendar, start: '2026-12-04T13:00:00Z', durationMs: hours(4), deadline: '2026-12-04T17:00:00.000Z' },
  { name: 'two days end at the second close', spec: defaultCalendar, start: '2026-11-30T09:00:00Z', durationMs: hours(16), deadline: '2026-12-01T17:00:00.000Z' },
  { name: 'the last millisecond ends at the close', spec: defaultCalendar, start: '2026-11-30T16:59:59.999Z', durationMs: 1, deadline: '2026-11-30T17:00:00.000Z' },
  { name: 'one millisecond more spills to the next opening', spec: defaultCalendar, start: '2026-11-30T16:59:59.999Z', durationMs: 2, deadline: '2026-12-01T09:00:00.001Z' },
  { name: 'a business week ends Friday close', spec: defaultCalendar, start: '2026-11-30T09:00:00Z', durationMs: hours(40), deadline: '2026-12-04T17:00:00.000Z' },
  { name: 'a business week and an hour', spec: defaultCalendar, start: '2026-11-30T09:00:00Z', durationMs: hours(41), deadline: '2026-12-07T10:00:00.000Z' },
  { name: 'zero duration is the start itself, even off hours', spec: defaultCalendar, start: '2026-12-05T12:00:00Z', durationMs: 0, deadline: '2026-12-05T12:00:00.000Z' },
  // Lunch break: two windows a day.
  { name: 'lunch: runs out at the lunch close', spec: lunch, start: '2026-11-30T11:00:00Z', durationMs: hours(1), deadline: '2026-11-30T12:00:00.000Z' },
  { name: 'lunch: a millisecond past it resumes after lunch', spec: lunch, start: '2026-11-30T11:00:00Z', durationMs: hours(1) + 1, deadline: '2026-11-30T13:00:00.001Z' },
  { name: 'lunch: spans the break', spec: lunch, start: '2026-11-30T11:00:00Z', durationMs: minutes(90), deadline: '2026-11-30T13:30:00.000Z' },
  { name: 'lunch: created during lunch', spec: lunch, start: '2026-11-30T12:30:00Z', durationMs: minutes(30), deadline: '2026-11-30T13:30:00.000Z' },
  { name: 'lunch: created at the lunch close', spec: lunch, start: '2026-11-30T12:00:00Z', durationMs: minutes(1), deadline: '2026-11-30T13:01:00.000Z' },
  { name: 'lunch: a whole day ends at the evening close', spec: lunch, start: '2026-11-30T09:00:00Z', durationMs: hours(7), deadline: '2026-11-30T17:00:00.000Z' },
  // 2026-12-04 is a Friday: 1 h on Friday, Monday's morning 3 h, then 1 h after Monday's lunch.
  { name: 'lunch: from Friday afternoon past Monday lunch', spec: lunch, start: '2026-12-04T16:00:00Z', durationMs: hours(5), deadline: '2026-12-07T14:00:00.000Z' },
  { name: 'lunch: from Friday evening to the end of Monday', spec: lunch, start: '2026-12-04T18:00:00Z', durationMs: hours(7), deadline: '2026-12-07T17:00:00.000Z' },
  // Holidays, including the run from Christmas Eve to New Year's Day.
  { name: 'holidays: Wednesday before Christmas to the Monday after New Year', spec: endOfYear, start: '2026-12-23T16:00:00Z', durationMs: hours(4), deadline: '2027-01-04T12:00:00.000Z' },
  { name: 'holidays: created at the close before the break', spec: endOfYear, start: '2026-12-23T17:00:00Z', durationMs: hours(1), deadline: '2027-01-04T10:00:00.000Z' },
  { name: 'holidays: created on a holiday', spec: endOfYear, start: '2026-12-24T10:00:00Z', durationMs: hours(1), deadline: '2027-01-04T10:00:00.000Z' },
  { name: 'holidays: the same interval without holidays', spec: defaultCalendar, start: '2026-12-23T16:00:00Z', durationMs: hours(4), deadline: '2026-12-24T12:00:00.000Z' },
  // Windows ending at 24:00.
  { name: '24:00: runs past midnight into the next evening', spec: evening, start: '2026-11-30T23:00:00Z', durationMs: hours(2), deadline: '2026-12-01T19:00:00.000Z' },
  { name: '24:00: runs out exactly at midnight', spec: evening, start: '2026-11-30T18:00:00Z', durationMs: hours(6), deadline: '2026-12-01T00:00:00.000Z' },
  { name: '24:00: Friday night to Monday evening', spec: evening, start: '2026-12-04T23:00:00Z', durationMs: hours(2), deadline: '2026-12-07T19:00:00.000Z' },
  { name: '24:00 then 00:00 is one continuous stretch', spec: overnight, start: '2026-11-30T23:00:00Z', durationMs: hours(2), deadline: '2026-12-01T01:00:00.000Z' },
  { name: '24:00 then 00:00 ends at the 02:00 close', spec: overnight, start: '2026-11-30T22:00:00Z', durationMs: hours(4), deadline: '2026-12-01T02:00:00.000Z' },
];

describe('BusinessClock.deadline and elapsed on UTC calendars', () => {
  it.each(deadlineCases)('$name', ({ spec, start, durationMs, deadline }) => {
    const clock = businessClock(spec);
    expect(toIso(clock.deadline(at(start), durationMs))).toBe(deadline);
    expect(clock.elapsed(at(start), at(deadline))).toBe(durationMs);
  });
});

describe('BusinessClock.elapsed', () => {
  it.each([
    { name: 'inside one window', spec: defaultCalendar, from: '2026-11-30T10:00:00Z', to: '2026-11-30T11:30:00Z', ms: minutes(90) },
    { name: 'from the close to the next opening', spec: defaultCalendar, from: '2026-11-30T17:00:00Z', to: '2026-12-01T09:00:00Z', ms: 0 },
    { name: 'over a weekend', spec: defaultCalendar, from: '2026-12-04T16:00:00Z', to: '2026-12-07T10:00:00Z', ms: hours(2) },
    { name: 'reversed interval', spec: defaultCalendar, from: '2026-12-01T12:00:00Z', to: '2026-11-30T12:00:00Z', ms: 0 },
    { name: 'empty interval', spec: defaultCalendar, from: '2026-12-01T12:00:00Z', to: '2026-12-01T12:00:00Z', ms: 0 },
    { name: 'lunch is not counted', spec: lunch, from: '2026-11-30T11:00:00Z', to: '2026-11-30T14:00:00Z', ms: hours(2) },
    { name: 'a lunch day', spec: lunch, from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z', ms: hours(7) },
    { name: 'three weeks with the year-end holidays', spec: endOfYear, from: '2026-12-21T00:00:00Z', to: '2027-01-11T00:00:00Z', ms: hours(64) },
    { name: 'three weeks without them', spec: defaultCalendar, from: '2026-12-21T00:00:00Z', to: '2027-01-11T00:00:00Z', ms: hours(120) },
    { name: 'an evening up to 24:00', spec: evening, from: '2026-11-30T12:00:00Z', to: '2026-12-01T12:00:00Z', ms: hours(6) },
  ])('$name', ({ spec, from, to, ms }) => {
    expect(businessClock(spec).elapsed(at(from), at(to))).toBe(ms);
  });
});

describe('BusinessClock.nextBusinessInstant and isBusinessTime', () => {
  it.each([
    { name: 'inside a window: itself', spec: defaultCalendar, when: '2026-11-30T12:00:00Z', next: '2026-11-30T12:00:00.000Z', inside: true },
    { name: 'at the opening: itself', spec: defaultCalendar, when: '2026-11-30T09:00:00Z', next: '2026-11-30T09:00:00.000Z', inside: true },
    { name: 'a millisecond before the opening', spec: defaultCalendar, when: '2026-11-30T08:59:59.999Z', next: '2026-11-30T09:00:00.000Z', inside: false },
    { name: 'a millisecond before the close', spec: defaultCalendar, when: '2026-11-30T16:59:59.999Z', next: '2026-11-30T16:59:59.999Z', inside: true },
    { name: 'at the close: the next opening', spec: defaultCalendar, when: '2026-11-30T17:00:00Z', next: '2026-12-01T09:00:00.000Z', inside: false },
    { name: 'Friday evening: Monday', spec: defaultCalendar, when: '2026-12-04T20:00:00Z', next: '2026-12-07T09:00:00.000Z', inside: false },
    { name: 'during lunch', spec: lunch, when: '2026-11-30T12:00:00Z', next: '2026-11-30T13:00:00.000Z', inside: false },
    { name: 'on a holiday', spec: endOfYear, when: '2026-12-24T12:00:00Z', next: '2027-01-04T09:00:00.000Z', inside: false },
    { name: 'the last millisecond before 24:00', spec: evening, when: '2026-11-30T23:59:59.999Z', next: '2026-11-30T23:59:59.999Z', inside: true },
    { name: 'midnight after a 24:00 close', spec: evening, when: '2026-12-01T00:00:00Z', next: '2026-12-01T18:00:00.000Z', inside: false },
    { name: 'midnight between 24:00 and 00:00 windows', spec: overnight, when: '2026-12-01T00:00:00Z', next: '2026-12-01T00:00:00.000Z', inside: true },
  ])('$name', ({ spec, when, next, inside }) => {
    const clock = businessClock(spec);
    expect(toIso(clock.nextBusinessInstant(at(when)))).toBe(next);
    expect(clock.isBusinessTime(at(when))).toBe(inside);
  });
});

describe('a 00:00-24:00 calendar in UTC', () => {
  const allDay = businessClock(calendar('all-day', 'UTC', weekly(['00:00-24:00'], everyDay)));
  const around = businessClock(null);

  it.each([
    { start: '2026-11-30T00:00:00Z', durationMs: 0 },
    { start: '2026-11-30T23:59:59.999Z', durationMs: 1 },
    { start: '2026-12-31T22:00:00Z', durationMs: hours(4) },
    { start: '2026-02-27T12:00:00Z', durationMs: hours(48) },
    { start: '2026-03-01T07:13:00.123Z', durationMs: hours(24 * 30) + 17 },
  ])('counts like around the clock from $start for $durationMs ms', ({ start, durationMs }) => {
    const deadline = allDay.deadline(at(start), durationMs);
    expect(deadline).toBe(around.deadline(at(start), durationMs));
    expect(deadline).toBe(at(start) + durationMs);
    expect(allDay.elapsed(at(start), deadline)).toBe(durationMs);
    expect(allDay.isBusinessTime(at(start))).toBe(true);
  });
});

describe('around the clock (null calendar)', () => {
  const clock = businessClock(null);

  it('is named 24x7 in UTC and counts real time', () => {
    expect(clock.name).toBe('24x7');
    expect(clock.timezone).toBe('UTC');
    expect(toIso(clock.deadline(at('2026-11-27T16:00:00Z'), 14_400_000))).toBe('2026-11-27T20:00:00.000Z');
    expect(clock.elapsed(at('2026-11-27T16:00:00Z'), at('2026-11-30T16:00:00Z'))).toBe(hours(72));
    expect(clock.elapsed(at('2026-11-30T16:00:00Z'), at('2026-11-27T16:00:00Z'))).toBe(0);
    expect(clock.nextBusinessInstant(at('2026-11-28T03:00:00Z'))).toBe(at('2026-11-28T03:00:00Z'));
    expect(clock.isBusinessTime(at('2026-11-28T03:00:00Z'))).toBe(true);
  });
});

describe('businessClock', () => {
  it('reports the calendar name and zone', () => {
    const clock = businessClock(calendar('support', 'Europe/London', weekly(['09:00-17:30'])));
    expect(clock.name).toBe('support');
    expect(clock.timezone).toBe('Europe/London');
  });

  it('shares one clock between equal copies of a spec, as stored on alerts', () => {
    const copy = JSON.parse(JSON.stringify(endOfYear)) as CalendarSpec;
    const reordered = { ...copy, holidays: [...copy.holidays].reverse() };
    expect(businessClock(copy)).toBe(businessClock(endOfYear));
    expect(businessClock(reordered)).toBe(businessClock(endOfYear));
    expect(businessClock(defaultCalendar)).not.toBe(businessClock(endOfYear));
  });

  it.each([
    { name: 'an unknown zone', spec: calendar('x', 'Mars/Olympus', weekly(['09:00-17:00'])), error: /Unknown time zone "Mars\/Olympus"/ },
    { name: 'a time without leading zero', spec: calendar('x', 'UTC', weekly(['9:00-17:00'])), error: /Invalid time "9:00"/ },
    { name: '24:00 as a start', spec: calendar('x', 'UTC', weekly(['24:00-24:00'])), error: /Invalid time "24:00"/ },
    { name: 'a start after the end', spec: calendar('x', 'UTC', weekly(['17:00-09:00'])), error: /start must be before end/ },
    { name: 'no windows at all', spec: calendar('x', 'UTC', {}), error: /no business time/ },
    { name: 'an impossible holiday', spec: calendar('x', 'UTC', weekly(['09:00-17:00']), ['2026-02-30']), error: /Invalid date "2026-02-30"/ },
  ])('rejects $name', ({ spec, error }) => {
    expect(() => businessClock(spec)).toThrow(error);
  });

  it('rejects a negative or non-finite duration and instant', () => {
    const clock = businessClock(defaultCalendar);
    expect(() => clock.deadline(at('2026-11-30T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => clock.deadline(at('2026-11-30T09:00:00Z'), Number.NaN)).toThrow(RangeError);
    expect(() => clock.deadline(Number.NaN, 1)).toThrow(RangeError);
    expect(() => businessClock(null).deadline(0, -1)).toThrow(RangeError);
  });
});
