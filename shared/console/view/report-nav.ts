/**
 * Report periods as the console navigates them: a period (`daily/2026-12-04`) with its
 * previous and next, the next withheld while it has not ended yet. Weekly and monthly periods
 * take the same shape when reports are built for them.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../../domain/instant.ts';
import { isReportDate, previousReportDate } from '../../domain/report/report-day.ts';

export interface ReportPeriod {
  readonly kind: 'daily';
  readonly date: string;
}

export interface PeriodNav {
  readonly period: ReportPeriod;
  readonly heading: string;
  readonly previous: { readonly href: string; readonly text: string } | null;
  readonly next: { readonly href: string; readonly text: string } | null;
}

/** `daily/YYYY-MM-DD`, or `daily/latest` (the last whole day in the reporting zone); null for anything else. */
export function parsePeriod(text: string, zone: string, now: Instant): ReportPeriod | null {
  const [kind, date] = text.split('/');
  if (kind !== 'daily' || date === undefined) return null;
  if (date === 'latest') return { kind: 'daily', date: previousReportDate(now, zone) };
  return isReportDate(date) ? { kind: 'daily', date } : null;
}

export function periodNav(period: ReportPeriod, zone: string, now: Instant): PeriodNav {
  const day = DateTime.fromISO(period.date, { zone: 'UTC' });
  const before = day.minus({ days: 1 }).toISODate() as string;
  const after = day.plus({ days: 1 }).toISODate() as string;
  const lastWhole = previousReportDate(now, zone);
  return {
    period,
    heading: `Daily report ${period.date}`,
    previous: { href: `/reports/daily/${before}`, text: `← ${before}` },
    next: after <= lastWhole ? { href: `/reports/daily/${after}`, text: `${after} →` } : null,
  };
}
