/**
 * The business windows of a calendar between two instants, as UTC `[start, end)` pairs in
 * order: what a timeline shades so that "why is the deadline Monday?" answers itself. Walks
 * the calendar's own business days (business-days.ts), so DST and holidays shape the windows
 * exactly as they shape deadlines. At most `maxDays` local days are walked.
 */
import type { Instant } from '../instant.ts';
import { BusinessDays } from './business-days.ts';
import { compileCalendar } from './calendar-rules.ts';
import type { CalendarSpec } from './calendar-spec.ts';

export function businessWindows(calendar: CalendarSpec, fromAt: Instant, toAt: Instant, maxDays = 62): [Instant, Instant][] {
  const days = new BusinessDays(compileCalendar(calendar));
  const windows: [Instant, Instant][] = [];
  let day = days.dayAt(fromAt);
  for (let walked = 0; walked < maxDays && day.startAt < toAt; walked++) {
    for (let i = 0; i < day.bounds.length; i += 2) {
      const start = Math.max(fromAt, day.bounds[i] as number);
      const end = Math.min(toAt, day.bounds[i + 1] as number);
      if (end > start) windows.push([start, end]);
    }
    day = days.day(day.day + 1);
  }
  return windows;
}
