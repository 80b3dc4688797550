/**
 * Report periods as the console navigates them. A page names a period by interval and label
 * (`daily/2026-12-04`, `weekly/2026-W49`, `monthly/2026-12`, or `latest` for the last complete
 * one); a bad label gets a page saying what is wrong, never a report of another period. Once
 * the report is built, its own navigation (the period before, and the one after once it has
 * started) becomes the pager, and the day, week and month holding the period's first day
 * become the switch between intervals.
 */
import type { Instant } from '../../domain/instant.ts';
import {
  isPeriodLabel,
  lastCompletePeriodLabel,
  LABEL_EXAMPLES,
  periodLabelOf,
  periodProblem,
  REPORT_INTERVALS,
  type ReportInterval,
} from '../../domain/report/report-period.ts';

export interface ReportPeriodRef {
  readonly interval: ReportInterval;
  readonly label: string;
}

export type PeriodChoice =
  | ({ readonly ok: true } & ReportPeriodRef)
  | { readonly ok: false; readonly status: 400 | 404; readonly heading: string; readonly text: string };

export interface NavLink {
  readonly href: string;
  readonly text: string;
}

export interface IntervalLink extends NavLink {
  readonly current: boolean;
}

export interface PeriodNav {
  readonly heading: string;
  readonly previous: NavLink | null;
  readonly next: NavLink | null;
  readonly intervals: readonly IntervalLink[];
}

const NOUNS: Readonly<Record<ReportInterval, string>> = { daily: 'Day', weekly: 'Week', monthly: 'Month' };
const TITLES: Readonly<Record<ReportInterval, string>> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' };

export function reportHref(ref: ReportPeriodRef): string {
  return `/reports/${ref.interval}/${encodeURIComponent(ref.label)}`;
}

export function isReportInterval(text: string): text is ReportInterval {
  return (REPORT_INTERVALS as readonly string[]).includes(text);
}

/** The period `interval`/`label` names at `now` in `zone`, or the page to show instead. */
export function choosePeriod(interval: string, label: string, zone: string, now: Instant): PeriodChoice {
  if (!isReportInterval(interval)) {
    return { ok: false, status: 404, heading: 'No such report', text: 'Reports are daily, weekly or monthly.' };
  }
  const chosen = label === 'latest' ? lastCompletePeriodLabel(interval, now, zone) : label;
  if (!isPeriodLabel(interval, chosen)) {
    return {
      ok: false,
      status: 400,
      heading: 'No such report period',
      text: `"${label.slice(0, 40)}" is not a ${interval === 'daily' ? 'day' : interval === 'weekly' ? 'week' : 'month'}: name it like ${LABEL_EXAMPLES[interval]}, or choose "latest".`,
    };
  }
  const problem = periodProblem(interval, interval, chosen, now, zone);
  if (problem !== null) {
    return { ok: false, status: 404, heading: 'This report does not exist yet', text: `${chosen} has not started yet: its report can be read from its first day on.` };
  }
  return { ok: true, interval, label: chosen };
}

/** The heading, pager and interval switch of a built report's page. */
export function periodNav(
  report: { readonly interval: ReportInterval; readonly label: string; readonly navigation: { readonly previous: string; readonly next: string | null } },
  firstDate: string,
): PeriodNav {
  const { interval } = report;
  const link = (label: string, text: string): NavLink => ({ href: reportHref({ interval, label }), text });
  return {
    heading: `${TITLES[interval]} report ${report.label}`,
    previous: link(report.navigation.previous, `← ${report.navigation.previous}`),
    next: report.navigation.next === null ? null : link(report.navigation.next, `${report.navigation.next} →`),
    intervals: REPORT_INTERVALS.map((each) => ({
      href: reportHref({ interval: each, label: each === interval ? report.label : periodLabelOf(each, firstDate) }),
      text: NOUNS[each],
      current: each === interval,
    })),
  };
}

/** The reports the board links to: the last complete day, week and month. */
export function latestReportLinks(): readonly NavLink[] {
  return [
    { href: '/reports/daily/latest', text: 'Yesterday' },
    { href: '/reports/weekly/latest', text: 'Last week' },
    { href: '/reports/monthly/latest', text: 'Last month' },
  ];
}
