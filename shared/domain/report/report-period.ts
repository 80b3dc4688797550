/**
 * The period a report covers: a local day, an ISO week (Monday to Sunday) or a calendar month
 * in the reporting time zone, always as whole local days, each from its local midnight to the
 * next (report-day.ts: 23, 24 or 25 hours around DST changes). Labels: `2026-11-30`,
 * `2026-W49`, `2026-12`. Calendar arithmetic is luxon's (ISO weeks, month lengths, zones).
 *
 * A label is checked for its shape and existence here; whether it lies in the future is the
 * caller's question, asked at its `now` (`periodProblem`).
 */
import { DateTime } from 'luxon';
import type { Instant } from '../instant.ts';
import { isReportDate, reportDay } from './report-day.ts';

export type ReportInterval = 'daily' | 'weekly' | 'monthly';
export const REPORT_INTERVALS: readonly ReportInterval[] = ['daily', 'weekly', 'monthly'];

export interface ReportPeriod {
  readonly interval: ReportInterval;
  /** `2026-11-30`, `2026-W49` or `2026-12`. */
  readonly label: string;
  readonly timezone: string;
  /** Local midnight starting the first day (inclusive). */
  readonly fromAt: Instant;
  /** Local midnight after the last day (exclusive). */
  readonly toAt: Instant;
  /** Every local date of the period, in order. */
  readonly dates: readonly string[];
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export const LABEL_EXAMPLES: Readonly<Record<ReportInterval, string>> = { daily: '2026-11-30', weekly: '2026-W49', monthly: '2026-12' };
const LABEL_SHAPES: Readonly<Record<ReportInterval, string>> = { daily: 'YYYY-MM-DD', weekly: 'YYYY-Www (an ISO week)', monthly: 'YYYY-MM' };

/** The first local date of the period `label` names, or null when it is malformed or does not exist. */
function firstDate(interval: ReportInterval, label: string): DateTime | null {
  switch (interval) {
    case 'daily':
      return isReportDate(label) ? DateTime.fromISO(label, { zone: 'UTC' }) : null;
    case 'weekly': {
      const match = WEEK_PATTERN.exec(label);
      if (match === null) return null;
      const start = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: 'UTC' });
      // luxon rolls week 53 of a 52-week year over: refuse rather than report another week.
      return start.isValid && start.weekNumber === Number(match[2]) ? start : null;
    }
    case 'monthly': {
      const match = MONTH_PATTERN.exec(label);
      if (match === null) return null;
      const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: 'UTC' });
      return start.isValid ? start : null;
    }
  }
}

function dayCount(interval: ReportInterval, first: DateTime): number {
  switch (interval) {
    case 'daily':
      return 1;
    case 'weekly':
      return 7;
    case 'monthly':
      return first.daysInMonth as number;
  }
}

/** Whether `label` names an existing period of `interval`. */
export function isPeriodLabel(interval: ReportInterval, label: string): boolean {
  return firstDate(interval, label) !== null;
}

/** `week: expected YYYY-Www (an ISO week), e.g. 2026-W49`. */
export function labelProblem(interval: ReportInterval, field: string, label: string): string {
  return `${field}: "${label}" is not an existing ${LABEL_SHAPES[interval]}, e.g. ${LABEL_EXAMPLES[interval]}`;
}

/** The period `label` names in `zone`; throws RangeError naming the problem. */
export function reportPeriod(interval: ReportInterval, label: string, zone: string): ReportPeriod {
  const first = firstDate(interval, label);
  if (first === null) throw new RangeError(labelProblem(interval, interval, label));
  const dates = Array.from({ length: dayCount(interval, first) }, (_, i) => first.plus({ days: i }).toISODate() as string);
  const firstDay = reportDay(dates[0] as string, zone);
  const lastDay = reportDay(dates[dates.length - 1] as string, zone);
  return { interval, label, timezone: zone, fromAt: firstDay.fromAt, toAt: lastDay.toAt, dates };
}

function labelOf(interval: ReportInterval, date: DateTime): string {
  switch (interval) {
    case 'daily':
      return date.toISODate() as string;
    case 'weekly':
      return date.toFormat("kkkk-'W'WW");
    case 'monthly':
      return date.toFormat('yyyy-MM');
  }
}

/** The label of the period of `interval` holding local date `date`. */
export function periodLabelOf(interval: ReportInterval, date: string): string {
  return labelOf(interval, DateTime.fromISO(date, { zone: 'UTC' }));
}

/** The period before `period` (the day, week or month before). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const before = DateTime.fromISO(period.dates[0] as string, { zone: 'UTC' }).minus({ days: 1 });
  return reportPeriod(period.interval, labelOf(period.interval, before), period.timezone);
}

/** The label of the period after `period`. */
export function nextPeriodLabel(period: ReportPeriod): string {
  const after = DateTime.fromISO(period.dates[period.dates.length - 1] as string, { zone: 'UTC' }).plus({ days: 1 });
  return labelOf(period.interval, after);
}

/** The local date `now` falls on in `zone`. */
export function localDate(now: Instant, zone: string): string {
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`Invalid time zone "${zone}"`);
  return local.toISODate() as string;
}

/** The last complete period before `now` in `zone`: yesterday, last week, last month. */
export function lastCompletePeriodLabel(interval: ReportInterval, now: Instant, zone: string): string {
  const today = DateTime.fromISO(localDate(now, zone), { zone: 'UTC' });
  switch (interval) {
    case 'daily':
      return labelOf('daily', today.minus({ days: 1 }));
    case 'weekly':
      return labelOf('weekly', today.minus({ weeks: 1 }));
    case 'monthly':
      return labelOf('monthly', today.startOf('month').minus({ days: 1 }));
  }
}

/**
 * Why `label` cannot be reported at `now` in `zone`, naming the field: malformed, not an
 * existing period, or starting after today there. Null when it can (a period under way is
 * reported as it stands).
 */
export function periodProblem(interval: ReportInterval, field: string, label: string, now: Instant, zone: string): string | null {
  const first = firstDate(interval, label);
  if (first === null) return labelProblem(interval, field, label);
  const today = localDate(now, zone);
  const firstDay = first.toISODate() as string;
  if (firstDay > today) return `${field}: ${label} is in the future (today is ${today} in ${zone})`;
  return null;
}
