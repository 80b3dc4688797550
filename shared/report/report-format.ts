/**
 * Words and numbers of the SLA report as people read them, shared by the HTML and text
 * renderings so both say the same thing. Untrusted text (alert titles, source names, group
 * values) is made single-line, stripped of control characters and capped here; escaping is
 * the renderer's. Shares round down, so "100%" appears only when nothing was missed.
 */
import { DateTime } from 'luxon';
import type { BudgetStatus } from '../domain/report/breach-budget.ts';
import type { BacklogState, BreachedClock, ClockCounts, PeriodReport, SourceCount } from '../domain/report/period-report.ts';
import type { DurationSummary } from '../domain/report/duration-samples.ts';
import { HOUR_MS, type Instant } from '../domain/instant.ts';
import type { Priority } from '../domain/sla/priority.ts';
import { singleLine } from '../domain/clean-text.ts';
import { durationForPeople, isoUtc, localTime } from '../notify/templates/format-time.ts';

const LOCALE = 'en-GB';
const MAX_TITLE_CHARS = 200;
const MAX_SOURCE_CHARS = 120;

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export function budgetLabel(status: BudgetStatus): string {
  switch (status) {
    case 'within_budget':
      return 'Within budget';
    case 'budget_used_up':
      return 'Budget used up';
    case 'over_budget':
      return 'Over budget';
  }
}

/** `Over budget: 3 breaches, 2 allowed`. */
export function budgetText(status: BudgetStatus, breaches: number, allowed: number): string {
  return `${budgetLabel(status)}: ${breachesText(breaches)}, ${allowed} allowed`;
}

/** `75%`, or `n/a` when nothing was decided. */
export function shareText(share: number | null): string {
  return share === null ? 'n/a' : `${Math.floor(share * 100)}%`;
}

/** `2 met, 1 missed, 1 breached and still open, 3 pending, 1 closed by source` (zeros of the last two left out). */
export function outcomesText(c: ClockCounts): string {
  const parts = [`${c.met} met`, `${c.missed} missed`, `${c.breached_open} breached and still open`];
  if (c.pending > 0) parts.push(`${c.pending} pending`);
  if (c.closed_by_source > 0) parts.push(`${c.closed_by_source} closed by source`);
  return parts.join(', ');
}

/** `Acknowledged within SLA: 0% (0 met, 0 missed, 1 breached and still open)`. */
export function clockLine(label: string, c: ClockCounts): string {
  return `${label}: ${shareText(c.compliance)} (${outcomesText(c)})`;
}

/** `median 4m, p90 12m (31 answered)`, or `none answered`. */
export function durationsText(summary: DurationSummary | null): string {
  if (summary === null) return 'none answered';
  return `median ${durationForPeople(summary.medianMs)}, p90 ${durationForPeople(summary.p90Ms)} (${summary.count} answered)`;
}

function firstDate(report: PeriodReport): DateTime {
  return DateTime.fromMillis(report.fromAt, { zone: report.timezone }).setLocale(LOCALE);
}

/** `Monday 30 November 2026`, `Week 2026-W49 (30 Nov to 6 Dec 2026)`, `December 2026`. */
export function periodHeading(report: PeriodReport): string {
  const first = firstDate(report);
  switch (report.interval) {
    case 'daily':
      return first.toFormat('cccc d LLLL yyyy');
    case 'weekly': {
      const last = first.plus({ days: report.days - 1 });
      return `Week ${report.label} (${first.toFormat('d LLL')} to ${last.toFormat('d LLL yyyy')})`;
    }
    case 'monthly':
      return first.toFormat('LLLL yyyy');
  }
}

const INTERVAL_NAMES = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const;

/** `Daily SLA report: Monday 30 November 2026`. */
export function reportTitle(report: PeriodReport): string {
  return `${INTERVAL_NAMES[report.interval]} SLA report: ${periodHeading(report)}`;
}

/** The period's span, saying so when DST changes made its days 23 or 25 hours long. */
export function periodSpan(report: PeriodReport): string {
  const hours = Math.round((report.toAt - report.fromAt) / HOUR_MS);
  const span = `${localTime(report.fromAt, report.timezone)} to ${localTime(report.toAt, report.timezone)}`;
  const expected = report.days * 24;
  if (hours === expected) return span;
  return `${span} (${hours} hours: the clocks changed)`;
}

export function generatedText(report: PeriodReport): string {
  const percentiles = report.percentiles === 'exact' ? '' : '; percentiles within 1% (merged per-day histograms)';
  return `Evaluated at ${isoUtc(report.generatedAt)}${percentiles}`;
}

/** What the report covers, or that there is nothing to cover. */
export function scopeText(report: PeriodReport): string {
  if (!report.hasData) return 'No data: no alert had been received yet by the end of this period.';
  if (report.totals.opened === 0) return 'No alerts were opened in this period.';
  return 'Alerts opened in this period, as they stood at the evaluation instant.';
}

export function instantText(at: Instant, zone: string): string {
  return localTime(at, zone);
}

export function titleText(title: string): string {
  return singleLine(title, MAX_TITLE_CHARS) || '(untitled)';
}

export function groupText(group: string | null): string {
  return group === null ? '(none)' : singleLine(group, MAX_SOURCE_CHARS) || '(empty)';
}

export function sourceText(source: SourceCount): string {
  return `${singleLine(source.integrationId, MAX_SOURCE_CHARS)} / ${singleLine(source.sourceName, MAX_SOURCE_CHARS) || '(unnamed)'}`;
}

/** `Acknowledgment missed by 5m` or `Resolution breached, still open, 1h 10m over so far`. */
export function breachText(clock: BreachedClock): string {
  const name = clock.clock === 'acknowledgment' ? 'Acknowledgment' : 'Resolution';
  const overrun = durationForPeople(clock.overrunMs);
  switch (clock.outcome) {
    case 'missed':
      return `${name} missed by ${overrun}`;
    case 'breached_open':
      return `${name} breached, still open, ${overrun} over so far`;
  }
}

export const BACKLOG_STATE_LABELS: Readonly<Record<BacklogState, string>> = {
  breached: 'BREACHED',
  at_risk: 'at risk',
  on_track: 'on track',
};

/** `▲ 5 pts`, `▼ 12 pts`, `= 0 pts` against the previous value; `new` without one. */
export function changeText(current: number | null, previous: number | null, unit: 'pts' | 'count'): string {
  if (current === null || previous === null) return current === null ? '' : 'no previous figure';
  const delta = unit === 'pts' ? Math.floor(current * 100) - Math.floor(previous * 100) : current - previous;
  const suffix = unit === 'pts' ? ' pts' : '';
  if (delta === 0) return `= 0${suffix}`;
  return `${delta > 0 ? '▲' : '▼'} ${Math.abs(delta)}${suffix}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function alertsText(count: number): string {
  return plural(count, 'alert', 'alerts');
}

export function deliveriesText(count: number): string {
  return plural(count, 'delivery', 'deliveries');
}

/** `And 12 more breached alerts, not listed`. */
export function omittedText(count: number, what = 'breached alert'): string {
  return `And ${plural(count, `more ${what}`, `more ${what}s`)}, not listed`;
}

export function breachesText(count: number): string {
  return plural(count, 'breach', 'breaches');
}

/** One line, no untrusted text: `SLA report Mon 30 Nov 2026: 14 alerts, 3 breaches, 2 open breaches, over budget: critical`. */
export function reportSubject(report: PeriodReport): string {
  const first = firstDate(report);
  const period =
    report.interval === 'daily' ? first.toFormat('ccc d LLL yyyy') : report.interval === 'weekly' ? `week ${report.label}` : first.toFormat('LLLL yyyy');
  const over = report.priorities.filter((p) => p.budget === 'over_budget').map((p) => p.priority);
  const overText = over.length === 0 ? '' : `, over budget: ${over.join(', ')}`;
  const open = report.backlog.total.breached;
  const openText = open === 0 ? '' : `, ${plural(open, 'open breach', 'open breaches')}`;
  return `SLA report ${period}: ${alertsText(report.totals.opened)}, ${breachesText(report.totals.breaches)}${openText}${overText}`;
}
