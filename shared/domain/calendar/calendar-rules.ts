/**
 * A calendar spec compiled into numbers: window edges as minutes after local midnight per
 * weekday, and holidays as local day numbers.
 *
 * A local day number counts local dates from 1970-01-01 (day 0, a Thursday), so weekdays and
 * holidays are integer arithmetic and a wall time is `day * DAY_MS + minutes * MINUTE_MS`
 * (see wall-time.ts). Compiling checks what the configuration schema promises (well-formed
 * `HH:MM`, `start < end`, a known zone, some business time) because a spec may also come
 * back from the database as an alert's snapshot.
 */
import { DAY_MS } from '../instant.ts';
import { WEEKDAYS, type CalendarSpec } from './calendar-spec.ts';

export const MINUTES_PER_DAY = 24 * 60;

export interface CalendarRules {
  readonly timezone: string;
  /** Index 0 = Monday. Edges `[start, end, start, end, ...]` in minutes, sorted, end <= 1440. */
  readonly windows: readonly (readonly number[])[];
  /** Local day numbers on which no window opens. */
  readonly holidays: ReadonlySet<number>;
}

/** 0 = Monday ... 6 = Sunday, the index into `WEEKDAYS`. */
export function weekdayOfLocalDay(localDay: number): number {
  return (((localDay + 3) % 7) + 7) % 7;
}

/** The local day number of a `YYYY-MM-DD` date. */
export function localDayOfDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`Invalid date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochMs = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  const check = new Date(epochMs);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Invalid date "${date}": no such day`);
  }
  return epochMs / DAY_MS;
}

function parseWallMinutes(text: string, allowEndOfDay: boolean, where: string): number {
  if (allowEndOfDay && text === '24:00') return MINUTES_PER_DAY;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) {
    throw new Error(`Invalid time "${text}" in ${where}: expected HH:MM${allowEndOfDay ? ' or 24:00' : ''}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function compileCalendar(spec: CalendarSpec): CalendarRules {
  const windows = WEEKDAYS.map((weekday) => {
    const where = `calendar "${spec.name}" ${weekday}`;
    const pairs = (spec.windows[weekday] ?? []).map((window) => {
      const start = parseWallMinutes(window.start, false, where);
      const end = parseWallMinutes(window.end, true, where);
      if (start >= end) throw new Error(`Empty window ${window.start}-${window.end} in ${where}: start must be before end`);
      return [start, end] as const;
    });
    return pairs.sort((a, b) => a[0] - b[0]).flat();
  });
  if (windows.every((edges) => edges.length === 0)) {
    throw new Error(`Calendar "${spec.name}" has no business time: give at least one weekday a window`);
  }
  return {
    timezone: spec.timezone,
    windows,
    holidays: new Set(spec.holidays.map(localDayOfDate)),
  };
}
