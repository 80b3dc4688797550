/**
 * Business time across DST changes. 2026: New York springs forward on 03-08 (02:00-03:00
 * does not exist) and falls back on 11-01 (01:00-02:00 happens twice); London on 03-29
 * (01:00-02:00 gap) and 10-25 (01:00-02:00 overlap); Lord Howe shifts by 30 minutes on 04-05
 * (01:30-02:00 twice) and 10-04 (02:00-02:30 missing); Santiago changes at midnight on 04-05
 * (Saturday 23:00-24:00 twice) and 09-06 (00:00-01:00 missing).
 */
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import type { CalendarSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { toIso } from '../../shared/domain/instant.ts';
import { at, calendar, everyDay, hours, minutes, weekly } from './calendar-fixtures.ts';

const daily = (zone: string, window: string): CalendarSpec => calendar(`${zone} ${window}`, zone, weekly([window], everyDay));
const sundays = (zone: string, window: string): CalendarSpec => calendar(`${zone} sun ${window}`, zone, weekly([window], ['sun']));

const ny = {
  night: daily('America/New_York', '00:00-04:00'),
  acrossGap: daily('America/New_York', '01:00-04:00'),
  startInGap: daily('America/New_York', '02:30-05:00'),
  endInGap: daily('America/New_York', '00:00-02:30'),
  startInOverlap: daily('America/New_York', '01:30-03:00'),
  endInOverlap: daily('America/New_York', '00:00-01:30'),
  office: calendar('ny-office', 'America/New_York', weekly(['09:00-17:00'])),
};
const london = {
  night: daily('Europe/London', '00:00-03:00'),
  inGap: sundays('Europe/London', '01:30-02:30'),
  overlap: sundays('Europe/London', '01:00-02:00'),
  office: calendar('london-office', 'Europe/London', weekly(['09:00-17:30'])),
};
const lordHowe = {
  night: daily('Australia/Lord_Howe', '00:00-04:00'),
  edges: sundays('Australia/Lord_Howe', '01:45-03:00'),
  startInGap: sundays('Australia/Lord_Howe', '02:15-03:00'),
};
const santiago = {
  lateSaturday: calendar('santiago-late', 'America/Santiago', weekly(['22:00-24:00'], ['sat'])),
  earlySunday: calendar('santiago-early', 'America/Santiago', weekly(['00:00-02:00'], ['sun'])),
};

describe('the real length of a window on a DST day', () => {
  it.each([
    { name: 'NY 00:00-04:00, spring forward: 3 h', spec: ny.night, from: '2026-03-08T05:00:00Z', to: '2026-03-08T08:00:00Z', ms: hours(3) },
    { name: 'NY 00:00-04:00, fall back: 5 h', spec: ny.night, from: '2026-11-01T04:00:00Z', to: '2026-11-01T09:00:00Z', ms: hours(5) },
    { name: 'NY 01:00-04:00 across the gap: 2 h', spec: ny.acrossGap, from: '2026-03-08T06:00:00Z', to: '2026-03-08T08:00:00Z', ms: hours(2) },
    { name: 'NY 01:00-04:00 across the overlap, from the first 01:00: 4 h', spec: ny.acrossGap, from: '2026-11-01T05:00:00Z', to: '2026-11-01T09:00:00Z', ms: hours(4) },
    { name: 'NY 02:30-05:00, start in the gap moves to 03:30 EDT: 1.5 h', spec: ny.startInGap, from: '2026-03-08T07:30:00Z', to: '2026-03-08T09:00:00Z', ms: minutes(90) },
    { name: 'NY 00:00-02:30, end in the gap moves to 03:30 EDT: 2.5 h', spec: ny.endInGap, from: '2026-03-08T05:00:00Z', to: '2026-03-08T07:30:00Z', ms: minutes(150) },
    { name: 'NY 01:30-03:00 from the first 01:30: 2.5 h', spec: ny.startInOverlap, from: '2026-11-01T05:30:00Z', to: '2026-11-01T08:00:00Z', ms: minutes(150) },
    { name: 'NY 00:00-01:30 ends at the first 01:30: 1.5 h', spec: ny.endInOverlap, from: '2026-11-01T04:00:00Z', to: '2026-11-01T05:30:00Z', ms: minutes(90) },
    { name: 'London 00:00-03:00, spring forward: 2 h', spec: london.night, from: '2026-03-29T00:00:00Z', to: '2026-03-29T02:00:00Z', ms: hours(2) },
    { name: 'London 00:00-03:00, fall back: 4 h', spec: london.night, from: '2026-10-24T23:00:00Z', to: '2026-10-25T03:00:00Z', ms: hours(4) },
    { name: 'London 01:30-02:30 on spring-forward day is empty', spec: london.inGap, from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z', ms: 0 },
    { name: 'London 01:30-02:30 on fall-back day: 2 h', spec: london.inGap, from: '2026-10-25T00:30:00Z', to: '2026-10-25T02:30:00Z', ms: hours(2) },
    { name: 'London 01:00-02:00 covering the overlap: 2 h', spec: london.overlap, from: '2026-10-25T00:00:00Z', to: '2026-10-25T02:00:00Z', ms: hours(2) },
    { name: 'Lord Howe 00:00-04:00, 30 min back: 4.5 h', spec: lordHowe.night, from: '2026-04-04T13:00:00Z', to: '2026-04-04T17:30:00Z', ms: minutes(270) },
    { name: 'Lord Howe 00:00-04:00, 30 min forward: 3.5 h', spec: lordHowe.night, from: '2026-10-03T13:30:00Z', to: '2026-10-03T17:00:00Z', ms: minutes(210) },
    { name: 'Lord Howe 01:45-03:00 from the first 01:45: 1 h 45 m', spec: lordHowe.edges, from: '2026-04-04T14:45:00Z', to: '2026-04-04T16:30:00Z', ms: minutes(105) },
    { name: 'Lord Howe 01:45-03:00 over the gap: 45 m', spec: lordHowe.edges, from: '2026-10-03T15:15:00Z', to: '2026-10-03T16:00:00Z', ms: minutes(45) },
    { name: 'Lord Howe 02:15-03:00, start moves to 02:45: 15 m', spec: lordHowe.startInGap, from: '2026-10-03T15:45:00Z', to: '2026-10-03T16:00:00Z', ms: minutes(15) },
    { name: 'Santiago Saturday 22:00-24:00 before a midnight fall back: 3 h', spec: santiago.lateSaturday, from: '2026-04-05T01:00:00Z', to: '2026-04-05T04:00:00Z', ms: hours(3) },
    { name: 'Santiago Saturday 22:00-24:00, 24:00 in the gap is 01:00: 2 h', spec: santiago.lateSaturday, from: '2026-09-06T02:00:00Z', to: '2026-09-06T04:00:00Z', ms: hours(2) },
    { name: 'Santiago Sunday 00:00-02:00 from a missing midnight: 1 h', spec: santiago.earlySunday, from: '2026-09-06T04:00:00Z', to: '2026-09-06T05:00:00Z', ms: hours(1) },
  ])('$name', ({ spec, from, to, ms }) => {
    const clock = businessClock(spec);
    // The window is exactly [from, to): nothing before or after it on that day counts.
    expect(clock.elapsed(at(from), at(to))).toBe(ms);
    expect(clock.elapsed(at(from) - hours(12), at(to) + hours(12))).toBe(ms);
    if (ms > 0) {
      expect(toIso(clock.nextBusinessInstant(at(from) - hours(12)))).toBe(toIso(at(from)));
      expect(toIso(clock.deadline(at(from), ms))).toBe(toIso(at(to)));
    }
  });
});

describe('deadlines across DST changes', () => {
  it.each([
    { name: 'NY night: the spring-forward window ends at its close', spec: ny.night, start: '2026-03-08T05:00:00Z', ms: hours(3), deadline: '2026-03-08T08:00:00.000Z' },
    { name: 'NY night: one ms more goes to the next midnight (EDT)', spec: ny.night, start: '2026-03-08T05:00:00Z', ms: hours(3) + 1, deadline: '2026-03-09T04:00:00.001Z' },
    { name: 'NY night: 4 real hours on fall-back day end at 03:00 EST', spec: ny.night, start: '2026-11-01T04:00:00Z', ms: hours(4), deadline: '2026-11-01T08:00:00.000Z' },
    { name: 'NY across the gap: an hour from 01:30 EST is 03:30 EDT', spec: ny.acrossGap, start: '2026-03-08T06:30:00Z', ms: hours(1), deadline: '2026-03-08T07:30:00.000Z' },
    { name: 'NY start in gap: created at 01:00 EST waits for 03:30 EDT', spec: ny.startInGap, start: '2026-03-08T06:00:00Z', ms: minutes(30), deadline: '2026-03-08T08:00:00.000Z' },
    { name: 'NY end in gap: one ms past the close goes to the next day', spec: ny.endInGap, start: '2026-03-08T05:00:00Z', ms: minutes(150) + 1, deadline: '2026-03-09T04:00:00.001Z' },
    { name: 'NY overlap: 2 h from the first 01:30 is 02:30 EST', spec: ny.startInOverlap, start: '2026-11-01T05:30:00Z', ms: hours(2), deadline: '2026-11-01T07:30:00.000Z' },
    { name: 'NY end in overlap: the second 01:00-01:30 does not count', spec: ny.endInOverlap, start: '2026-11-01T04:00:00Z', ms: hours(2), deadline: '2026-11-02T05:30:00.000Z' },
    { name: 'NY office: Friday 16:00 EST + 4 h is Monday 12:00 EDT', spec: ny.office, start: '2026-03-06T21:00:00Z', ms: hours(4), deadline: '2026-03-09T16:00:00.000Z' },
    { name: 'NY office: Friday 16:00 EDT + 4 h is Monday 12:00 EST', spec: ny.office, start: '2026-10-30T20:00:00Z', ms: hours(4), deadline: '2026-11-02T17:00:00.000Z' },
    { name: 'London office: Friday 17:00 GMT + 1 h is Monday 09:30 BST', spec: london.office, start: '2026-03-27T17:00:00Z', ms: hours(1), deadline: '2026-03-30T08:30:00.000Z' },
    { name: 'London office: Friday 17:00 BST + 1 h is Monday 09:30 GMT', spec: london.office, start: '2026-10-23T16:00:00Z', ms: hours(1), deadline: '2026-10-26T09:30:00.000Z' },
    { name: 'London night: one ms past the spring-forward close', spec: london.night, start: '2026-03-29T00:00:00Z', ms: hours(2) + 1, deadline: '2026-03-29T23:00:00.001Z' },
    { name: 'London night: 3 h from 00:00 BST on fall-back day is 02:00 GMT', spec: london.night, start: '2026-10-24T23:00:00Z', ms: hours(3), deadline: '2026-10-25T02:00:00.000Z' },
    { name: 'London in gap: the empty Sunday is skipped', spec: london.inGap, start: '2026-03-29T00:00:00Z', ms: minutes(30), deadline: '2026-04-05T01:00:00.000Z' },
    { name: 'London in gap: an hour from the first 01:30 is 01:30 GMT', spec: london.inGap, start: '2026-10-25T00:30:00Z', ms: hours(1), deadline: '2026-10-25T01:30:00.000Z' },
    { name: 'Lord Howe: 4 h from midnight on the 30-min fall back is 03:30', spec: lordHowe.night, start: '2026-04-04T13:00:00Z', ms: hours(4), deadline: '2026-04-04T17:00:00.000Z' },
    { name: 'Lord Howe: past the short spring-forward window', spec: lordHowe.night, start: '2026-10-03T13:30:00Z', ms: hours(4), deadline: '2026-10-04T13:30:00.000Z' },
  ])('$name', ({ spec, start, ms, deadline }) => {
    const clock = businessClock(spec);
    expect(toIso(clock.deadline(at(start), ms))).toBe(deadline);
    expect(clock.elapsed(at(start), at(deadline))).toBe(ms);
  });
});

describe('business time around gaps and overlaps', () => {
  it.each([
    { name: 'NY 03:15 EDT is not yet business time for a 02:30 start', spec: ny.startInGap, when: '2026-03-08T07:15:00Z', inside: false, next: '2026-03-08T07:30:00.000Z' },
    { name: 'NY 03:00 EDT is inside a window across the gap', spec: ny.acrossGap, when: '2026-03-08T07:00:00Z', inside: true, next: '2026-03-08T07:00:00.000Z' },
    { name: 'NY the second 01:15 is outside a window ending 01:30', spec: ny.endInOverlap, when: '2026-11-01T06:15:00Z', inside: false, next: '2026-11-02T05:00:00.000Z' },
    { name: 'NY the second 01:15 is inside a window from 01:00 to 04:00', spec: ny.acrossGap, when: '2026-11-01T06:15:00Z', inside: true, next: '2026-11-01T06:15:00.000Z' },
    { name: 'NY office Monday after spring forward opens 09:00 EDT', spec: ny.office, when: '2026-03-07T12:00:00Z', inside: false, next: '2026-03-09T13:00:00.000Z' },
    { name: 'NY office Monday after fall back opens 09:00 EST', spec: ny.office, when: '2026-10-31T12:00:00Z', inside: false, next: '2026-11-02T14:00:00.000Z' },
  ])('$name', ({ spec, when, inside, next }) => {
    const clock = businessClock(spec);
    expect(clock.isBusinessTime(at(when))).toBe(inside);
    expect(toIso(clock.nextBusinessInstant(at(when)))).toBe(next);
  });

  it('counts a fortnight of New York office hours across spring forward as 80 h', () => {
    expect(businessClock(ny.office).elapsed(at('2026-03-02T05:00:00Z'), at('2026-03-16T04:00:00Z'))).toBe(hours(80));
  });
});
