/**
 * The day a daily report covers: a local date in the reporting time zone, from that date's
 * local midnight to the next date's local midnight. A day is 23, 24 or 25 hours long around
 * DST changes. Where midnight itself falls in a DST gap (America/Santiago in September), the
 * day starts at the first instant after the gap, as every wall time inside a gap moves
 * forward (design.md); the end is computed from the next date on its own, never as
 * "start + 1 day", so such a day ends at the next midnight and not an hour late.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../instant.ts';

export interface ReportDay {
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  readonly timezone: string;
  /** Inclusive. */
  readonly fromAt: Instant;
  /** Exclusive. */
  readonly toAt: Instant;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function localMidnight(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).startOf('day');
}

/** Whether `text` is a date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isReportDate(text: string): boolean {
  return DATE_PATTERN.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** The instants of local date `date` in `zone`; throws RangeError for a bad date or zone. */
export function reportDay(date: string, zone: string): ReportDay {
  if (!isReportDate(date)) throw new RangeError(`Invalid date "${date}": expected an existing date YYYY-MM-DD`);
  const start = localMidnight(date, zone);
  if (!start.isValid) throw new RangeError(`Invalid time zone "${zone}"`);
  const nextDate = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;
  return { date, timezone: zone, fromAt: start.toMillis(), toAt: localMidnight(nextDate, zone).toMillis() };
}

/** The local date before the one `now` falls on in `zone`: the day a report sent at `now` covers. */
export function previousReportDate(now: Instant, zone: string): string {
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`Invalid time zone "${zone}"`);
  return local.minus({ days: 1 }).toISODate() as string;
}
