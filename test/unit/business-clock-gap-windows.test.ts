/**
 * Windows that a DST gap pushes into each other, and fixed-offset zones. On 2026-03-08 New
 * York springs forward: 02:00-03:00 does not exist, and a window edge inside it moves to 03:xx
 * EDT, which can make two windows overlap or change their order.
 */
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/domain/calendar/business-clock.ts';
import { toIso } from '../../shared/domain/instant.ts';
import { at, calendar, everyDay, hours, minutes, weekly } from './calendar-fixtures.ts';

describe('New York windows that the spring-forward gap makes overlap', () => {
  // 01:00 EST is 06:00Z; 02:30 does not exist and becomes 03:30 EDT (07:30Z); 03:00 EDT is 07:00Z.
  const split = businessClock(calendar('ny split night', 'America/New_York', weekly(['01:00-02:30', '03:00-05:00'], everyDay)));

  it('counts 3 business hours that Sunday, 01:00 EST to 05:00 EDT, each minute once', () => {
    expect(split.elapsed(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(hours(3));
    expect(split.elapsed(at('2026-03-08T06:00:00Z'), at('2026-03-08T09:00:00Z'))).toBe(hours(3));
    expect(split.elapsed(at('2026-03-08T07:00:00Z'), at('2026-03-08T07:30:00Z'))).toBe(minutes(30));
  });

  it('puts a 2-hour deadline from 01:00 EST at 04:00 EDT', () => {
    expect(toIso(split.deadline(at('2026-03-08T06:00:00Z'), hours(2)))).toBe('2026-03-08T08:00:00.000Z');
    expect(toIso(split.deadline(at('2026-03-08T06:00:00Z'), hours(3)))).toBe('2026-03-08T09:00:00.000Z');
  });

  it('is open without a break from 01:00 EST to 05:00 EDT', () => {
    for (const instant of ['2026-03-08T06:00:00Z', '2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z', '2026-03-08T07:29:59Z', '2026-03-08T07:30:00Z', '2026-03-08T08:59:59Z']) {
      expect(split.isBusinessTime(at(instant)), instant).toBe(true);
    }
    expect(split.isBusinessTime(at('2026-03-08T09:00:00Z'))).toBe(false);
  });

  it('on an ordinary Sunday the same windows are 1.5 h and 2 h with a gap between', () => {
    expect(split.elapsed(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toBe(minutes(210));
    expect(split.isBusinessTime(at('2026-03-01T07:45:00Z'))).toBe(false);
  });

  it('counts the 3 hours of that Sunday when a span or a deadline passes over the whole day', () => {
    // From Saturday 07:00 EST (after its windows) to Monday 08:00 EDT: Sunday 3 h, Monday 1.5 h + 2 h.
    expect(split.elapsed(at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'))).toBe(hours(6.5));
    // 4 h from Saturday evening: Sunday's 3 h, then the first hour of Monday (01:00 EDT is 05:00Z).
    expect(toIso(split.deadline(at('2026-03-07T12:00:00Z'), hours(4)))).toBe('2026-03-09T06:00:00.000Z');
  });

  it('a window swallowed whole by a later one counts nothing extra, whatever their order', () => {
    // 02:30-02:45 lands on 03:30-03:45 EDT, inside 03:00-04:00 EDT: the day has 1 business hour.
    const swallowed = businessClock(calendar('ny swallowed', 'America/New_York', weekly(['02:30-02:45', '03:00-04:00'], everyDay)));
    expect(swallowed.elapsed(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(hours(1));
    expect(swallowed.nextBusinessInstant(at('2026-03-08T05:00:00Z'))).toBe(at('2026-03-08T07:00:00Z'));
    expect(toIso(swallowed.deadline(at('2026-03-08T05:00:00Z'), minutes(45)))).toBe('2026-03-08T07:45:00.000Z');
  });
});

describe('fixed-offset zones', () => {
  it.each([
    // POSIX sign: Etc/GMT+5 is five hours behind UTC.
    ['Etc/GMT+5', '2026-03-02T14:00:00Z'],
    ['Etc/GMT-3', '2026-03-02T06:00:00Z'],
    ['Etc/GMT', '2026-03-02T09:00:00Z'],
    ['Etc/UTC', '2026-03-02T09:00:00Z'],
    ['UTC', '2026-03-02T09:00:00Z'],
  ])('%s office hours open on Monday at %s', (zone, opensAt) => {
    const clock = businessClock(calendar(`office ${zone}`, zone, weekly(['09:00-17:00'])));
    expect(toIso(clock.nextBusinessInstant(at('2026-03-02T00:00:00Z')))).toBe(toIso(at(opensAt)));
    expect(toIso(clock.deadline(at('2026-03-02T00:00:00Z'), hours(8)))).toBe(toIso(at(opensAt) + hours(8)));
  });
});

describe('a New York window that the spring-forward gap swallows whole', () => {
  // 02:00-03:00 does not exist on 2026-03-08: both edges resolve to 03:00 EDT (07:00Z).
  const graveyard = businessClock(calendar('ny graveyard hour', 'America/New_York', weekly(['02:00-03:00'], everyDay)));

  it('does not open that night: the clock starts the next night at 02:00 EDT', () => {
    expect(toIso(graveyard.nextBusinessInstant(at('2026-03-08T05:00:00Z')))).toBe('2026-03-09T06:00:00.000Z');
    expect(graveyard.isBusinessTime(at('2026-03-08T07:00:00Z'))).toBe(false);
    expect(graveyard.elapsed(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(0);
    expect(toIso(graveyard.deadline(at('2026-03-08T05:00:00Z'), minutes(30)))).toBe('2026-03-09T06:30:00.000Z');
  });
});
