/**
 * The next instant of a daily wall-clock time in a time zone, for the daily report. Wall times
 * follow the same rules as business calendars: a time inside a DST gap moves forward by the gap,
 * an ambiguous time takes its first occurrence. The result is strictly after `after`.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../instant.ts';

export function nextDailyAt(time: string, zone: string, after: Instant): Instant {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`time must be HH:MM, got ${JSON.stringify(time)}`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  let day = DateTime.fromMillis(after, { zone }).startOf('day');
  for (let i = 0; i < 3; i += 1) {
    const at = wallTime(day, hour, minute);
    if (at > after) return at;
    day = day.plus({ days: 1 });
  }
  throw new Error('unreachable: a daily time occurs within three days');
}

function wallTime(day: DateTime, hour: number, minute: number): Instant {
  const local = day.set({ hour, minute, second: 0, millisecond: 0 });
  // Luxon resolves an ambiguous wall time to one of its occurrences; take the earlier one.
  const earlier = local.minus({ hours: 1 });
  if (earlier.hour === hour && earlier.minute === minute && earlier.day === local.day) {
    return earlier.toMillis();
  }
  return local.toMillis();
}
