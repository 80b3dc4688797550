/**
 * The SLA clock: business time on one calendar, or around the clock.
 *
 * Every SLA deadline, at-risk instant and reminder is computed here, to the millisecond, from
 * epoch-ms instants. Semantics (design.md, "Semantics that must be exact"): windows are local
 * `[start, end)`; a wall time inside a DST gap moves forward by the gap and an ambiguous one
 * takes its first occurrence; business time is real elapsed ms inside windows; the clock
 * starts at the creation instant or the next window opening, whichever is later; a duration
 * that runs out exactly at a window's close ends at that close. A `null` calendar counts
 * around the clock, so a deadline there is simply `startAt + durationMs`.
 *
 * `businessClock` is memoized by the spec's content because every alert carries its own
 * deserialized copy of the spec: equal copies share one compiled calendar and its day cache.
 */
import type { Instant } from '../instant.ts';
import { AROUND_THE_CLOCK, WEEKDAYS, type CalendarSpec } from './calendar-spec.ts';
import { compileCalendar } from './calendar-rules.ts';
import { BusinessDays } from './business-days.ts';
import { CalendarClock } from './calendar-clock.ts';

export interface BusinessClock {
  /** CalendarSpec.name, or AROUND_THE_CLOCK ('24x7'). */
  readonly name: string;
  /** The calendar's IANA zone; 'UTC' for 24x7. */
  readonly timezone: string;
  /**
   * First instant at which business ms elapsed since startAt reach durationMs (durationMs >= 0).
   * A zero duration is `startAt` itself; a positive one never ends at a window opening.
   */
  deadline(startAt: Instant, durationMs: number): Instant;
  /** Business ms inside [fromAt, toAt); 0 when toAt <= fromAt. */
  elapsed(fromAt: Instant, toAt: Instant): number;
  /** The first instant >= at that is business time (where the clock starts). */
  nextBusinessInstant(at: Instant): Instant;
  /** Whether `at` is inside a window. */
  isBusinessTime(at: Instant): boolean;
}

const aroundTheClock: BusinessClock = {
  name: AROUND_THE_CLOCK,
  timezone: 'UTC',
  deadline(startAt, durationMs) {
    if (!(durationMs >= 0) || !Number.isFinite(durationMs)) {
      throw new RangeError(`durationMs must be a finite number >= 0, got ${durationMs}`);
    }
    return startAt + durationMs;
  },
  elapsed: (fromAt, toAt) => (toAt > fromAt ? toAt - fromAt : 0),
  nextBusinessInstant: (at) => at,
  isBusinessTime: () => true,
};

/** Clocks by spec content; Map order makes eviction oldest-first, a hit moves a key to the end. */
const MAX_CACHED_CALENDARS = 64;
const byContent = new Map<string, BusinessClock>();
const byObject = new WeakMap<CalendarSpec, BusinessClock>();

/** Length-prefixed so that no two different specs share a key, whatever their strings hold. */
const part = (text: string): string => `${text.length}:${text}`;

/** Equal specs give equal keys; holidays are sorted only when they are not already. */
function contentKey(spec: CalendarSpec): string {
  let key = part(spec.name) + part(spec.timezone);
  for (const weekday of WEEKDAYS) {
    const windows = spec.windows[weekday] ?? [];
    key += `|${windows.length}`;
    for (const window of windows) key += part(window.start) + part(window.end);
  }
  const holidays = spec.holidays;
  let sorted = true;
  for (let i = 1; i < holidays.length && sorted; i++) sorted = (holidays[i - 1] as string) <= (holidays[i] as string);
  for (const holiday of sorted ? holidays : [...holidays].sort()) key += part(holiday);
  return key;
}

/** The clock of a calendar (`null`: around the clock). Throws on an invalid spec. */
export function businessClock(calendar: CalendarSpec | null): BusinessClock {
  if (calendar === null) return aroundTheClock;
  const seen = byObject.get(calendar);
  if (seen !== undefined) return seen;
  const key = contentKey(calendar);
  let clock = byContent.get(key);
  if (clock === undefined) {
    clock = new CalendarClock(calendar.name, calendar.timezone, new BusinessDays(compileCalendar(calendar)));
    if (byContent.size >= MAX_CACHED_CALENDARS) {
      const oldest = byContent.keys().next();
      if (oldest.done !== true) byContent.delete(oldest.value);
    }
  } else {
    byContent.delete(key);
  }
  byContent.set(key, clock);
  byObject.set(calendar, clock);
  return clock;
}
