/**
 * When each report is next mailed: the daily one every day at `reporting.time` in the report's
 * zone, the weekly one on Mondays (for the ISO week just ended), the monthly one on the 1st
 * (for the month just ended), all at that local time. Same wall-time rules as nextDailyAt
 * (a time inside a DST gap moves forward by the gap).
 */
import { DateTime } from 'luxon';
import type { Instant } from '../instant.ts';
import type { ReportInterval } from '../report/report-period.ts';
import { nextDailyAt } from './next-daily-at.ts';

function sendsOn(interval: ReportInterval, local: DateTime): boolean {
  switch (interval) {
    case 'daily':
      return true;
    case 'weekly':
      return local.weekday === 1;
    case 'monthly':
      return local.day === 1;
  }
}

export function nextReportAt(interval: ReportInterval, time: string, zone: string, after: Instant): Instant {
  let at = nextDailyAt(time, zone, after);
  while (!sendsOn(interval, DateTime.fromMillis(at, { zone }))) at = nextDailyAt(time, zone, at);
  return at;
}
