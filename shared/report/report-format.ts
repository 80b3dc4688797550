/**
 * Words and numbers of the daily report as people read them, shared by the HTML and text
 * renderings so both say the same thing. Untrusted text (alert titles, source names) is made
 * single-line, stripped of control characters and capped here; escaping is the renderer's.
 * Shares round down, so "100%" appears only when nothing was missed.
 */
import { DateTime } from 'luxon';
import type { BudgetStatus } from '../domain/report/breach-budget.ts';
import type { BreachedClock, DailyReport, SourceCount } from '../domain/report/daily-report.ts';
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

/** `75%`, or `n/a` when nothing was answered. */
/** `Over budget: 3 breaches, 2 allowed`. */
export function budgetText(status: BudgetStatus, breaches: number, allowed: number): string {
  return `${budgetLabel(status)}: ${breachesText(breaches)}, ${allowed} allowed`;
}

export function shareText(share: number | null): string {
  return share === null ? 'n/a' : `${Math.floor(share * 100)}%`;
}

/** `median 4m, p90 12m (31 answered)`, or `none answered`. */
export function durationsText(summary: DurationSummary | null): string {
  if (summary === null) return 'none answered';
  return `median ${durationForPeople(summary.medianMs)}, p90 ${durationForPeople(summary.p90Ms)} (${summary.count} answered)`;
}

/** `Monday 30 November 2026`. */
export function dayHeading(report: DailyReport): string {
  return DateTime.fromISO(report.date, { zone: 'UTC' }).setLocale(LOCALE).toFormat('cccc d LLLL yyyy');
}

/** The day's span, saying so when a DST change made it 23 or 25 hours long. */
export function daySpan(report: DailyReport): string {
  const hours = Math.round((report.toAt - report.fromAt) / HOUR_MS);
  const span = `${localTime(report.fromAt, report.timezone)} to ${localTime(report.toAt, report.timezone)}`;
  return hours === 24 ? span : `${span} (a ${hours}-hour day: the clocks changed)`;
}

export function generatedText(report: DailyReport): string {
  return `Evaluated at ${isoUtc(report.generatedAt)}`;
}

export function instantText(at: Instant, zone: string): string {
  return localTime(at, zone);
}

export function titleText(title: string): string {
  return singleLine(title, MAX_TITLE_CHARS) || '(untitled)';
}

export function sourceText(source: SourceCount): string {
  return `${singleLine(source.integrationId, MAX_SOURCE_CHARS)} / ${singleLine(source.sourceName, MAX_SOURCE_CHARS) || '(unnamed)'}`;
}

/** `Acknowledgment missed by 5m` or `Resolution breached, 1h 10m over so far`. */
export function breachText(clock: BreachedClock): string {
  const name = clock.clock === 'acknowledgment' ? 'Acknowledgment' : 'Resolution';
  const overrun = durationForPeople(clock.overrunMs);
  switch (clock.state) {
    case 'missed':
      return `${name} missed by ${overrun}`;
    case 'breached':
      return `${name} breached, ${overrun} over so far`;
  }
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
export function omittedText(count: number): string {
  return `And ${plural(count, 'more breached alert', 'more breached alerts')}, not listed`;
}

export function breachesText(count: number): string {
  return plural(count, 'breach', 'breaches');
}

/** One line, no untrusted text: `SLA report Mon 30 Nov 2026: 14 alerts, 3 breaches, over budget: critical`. */
export function reportSubject(report: DailyReport): string {
  const day = DateTime.fromISO(report.date, { zone: 'UTC' }).setLocale(LOCALE).toFormat('ccc d LLL yyyy');
  const over = report.priorities.filter((p) => p.budget === 'over_budget').map((p) => p.priority);
  const overText = over.length === 0 ? '' : `, over budget: ${over.join(', ')}`;
  return `SLA report ${day}: ${alertsText(report.totals.opened)}, ${breachesText(report.totals.breaches)}${overText}`;
}
