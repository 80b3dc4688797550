/**
 * The day the metrics' "today" figures cover: the local date `now` falls on in the reporting
 * time zone, the same day the daily report will cover tomorrow morning (report-day.ts).
 */
import { DateTime } from 'luxon';
import type { Instant } from '../instant.ts';
import { reportDay, type ReportDay } from '../report/report-day.ts';

export function metricsDay(now: Instant, zone: string): ReportDay {
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`Invalid time zone "${zone}"`);
  return reportDay(local.toISODate() as string, zone);
}
