/**
 * A period's report from the rollups of its days (day-rollup.ts): counts summed, histograms
 * merged for percentiles within 1%, or, for a daily report, the day's exact percentiles. Pure:
 * the use case reads the rollups and the backlog and hands them over.
 */
import type { Instant } from '../instant.ts';
import { compliance, NO_OUTCOMES, type ClockOutcome, type OutcomeCounts } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { budgetStatus } from './breach-budget.ts';
import type { ClockDayData, DayRollup, GroupDayData } from './day-rollup.ts';
import { mergeDeliveries } from './delivery-tally.ts';
import { byUrgencyThenAge, type ExactTimes } from './day-tally.ts';
import type { DurationSummary } from './duration-samples.ts';
import { LogHistogram, type HistogramData } from './log-histogram.ts';
import {
  MAX_BREACHED_LISTED,
  MAX_GROUPS_LISTED,
  NOISIEST_LIMIT,
  type Backlog,
  type ClockCounts,
  type GroupRow,
  type GroupTable,
  type PeriodReport,
  type PreviousPeriod,
  type PriorityReport,
  type ReportNavigation,
  type ResponseTimes,
  type TrendDay,
} from './period-report.ts';
import type { ReportPeriod } from './report-period.ts';
import { SourceTally } from './source-tally.ts';

export interface ComposeReportInput {
  readonly period: ReportPeriod;
  readonly now: Instant;
  /** One rollup per date of the period, in order. */
  readonly days: readonly DayRollup[];
  /** The day's exact percentiles (daily reports); null to merge histograms. */
  readonly exact: ExactTimes | null;
  /** The previous period's rollups (weekly, monthly), with its label; null for none. */
  readonly previous: { readonly label: string; readonly days: readonly DayRollup[] } | null;
  readonly backlog: Backlog;
  readonly hasData: boolean;
  /** Per-day budget of the current policy, for days without an alert of the priority. */
  readonly allowedBreaches: Readonly<Record<Priority, number>>;
  readonly groupBy: string | null;
  readonly includeDetails: boolean;
  readonly navigation: ReportNavigation;
}

export function sumOutcomes(all: readonly OutcomeCounts[]): Record<ClockOutcome, number> {
  const sum: Record<ClockOutcome, number> = { ...NO_OUTCOMES };
  for (const counts of all) for (const key of Object.keys(sum) as ClockOutcome[]) sum[key] += counts[key] ?? 0;
  return sum;
}

function clockCounts(all: readonly OutcomeCounts[]): ClockCounts {
  const sum = sumOutcomes(all);
  return { ...sum, compliance: compliance(sum) };
}

function summary(histograms: readonly HistogramData[]): DurationSummary | null {
  const merged = new LogHistogram();
  for (const data of histograms) merged.mergeData(data);
  if (merged.count === 0) return null;
  return { count: merged.count, medianMs: merged.percentile(50) as number, p90Ms: merged.percentile(90) as number };
}

function mergedTimes(clocks: readonly ClockDayData[]): ResponseTimes {
  return { wall: summary(clocks.map((c) => c.wall)), business: summary(clocks.map((c) => c.business)) };
}

function priorityReport(priority: Priority, input: ComposeReportInput): PriorityReport {
  const days = input.days.map((d) => d.priorities[priority]);
  const breaches = days.reduce((n, d) => n + d.breaches, 0);
  const allowedBreaches = days.reduce((n, d) => n + (d.allowedBreaches ?? input.allowedBreaches[priority]), 0);
  const exact = input.exact?.priorities[priority];
  return {
    priority,
    opened: days.reduce((n, d) => n + d.opened, 0),
    acknowledgment: clockCounts(days.map((d) => d.acknowledgment.outcomes)),
    resolution: clockCounts(days.map((d) => d.resolution.outcomes)),
    mtta: exact?.mtta ?? mergedTimes(days.map((d) => d.acknowledgment)),
    mttr: exact?.mttr ?? mergedTimes(days.map((d) => d.resolution)),
    breaches,
    allowedBreaches,
    budget: budgetStatus(breaches, allowedBreaches),
    resolvedBySourceUnacknowledged: days.reduce((n, d) => n + d.resolvedBySourceUnacknowledged, 0),
    calendars: [...new Set(days.flatMap((d) => d.calendars))].sort(),
  };
}

function trendDay(day: DayRollup): TrendDay {
  const priorities = PRIORITIES.map((p) => day.priorities[p]);
  return {
    date: day.date,
    opened: priorities.reduce((n, p) => n + p.opened, 0),
    breaches: priorities.reduce((n, p) => n + p.breaches, 0),
    acknowledgmentCompliance: compliance(sumOutcomes(priorities.map((p) => p.acknowledgment.outcomes))),
    resolutionCompliance: compliance(sumOutcomes(priorities.map((p) => p.resolution.outcomes))),
  };
}

function previousPeriod(previous: NonNullable<ComposeReportInput['previous']>): PreviousPeriod {
  return {
    label: previous.label,
    priorities: PRIORITIES.map((priority) => {
      const days = previous.days.map((d) => d.priorities[priority]);
      return {
        priority,
        acknowledgmentCompliance: compliance(sumOutcomes(days.map((d) => d.acknowledgment.outcomes))),
        resolutionCompliance: compliance(sumOutcomes(days.map((d) => d.resolution.outcomes))),
        breaches: days.reduce((n, d) => n + d.breaches, 0),
      };
    }),
  };
}

function groupTable(input: ComposeReportInput): GroupTable | null {
  if (input.groupBy === null) return null;
  const byValue = new Map<string | null, GroupDayData[]>();
  for (const day of input.days) {
    for (const group of day.groups) {
      const list = byValue.get(group.group) ?? [];
      list.push(group);
      byValue.set(group.group, list);
    }
  }
  const rows: GroupRow[] = [...byValue.entries()].map(([group, days]) => ({
    group,
    alerts: days.reduce((n, d) => n + d.alerts, 0),
    acknowledgment: clockCounts(days.map((d) => d.acknowledgment)),
    resolution: clockCounts(days.map((d) => d.resolution)),
    breaches: days.reduce((n, d) => n + d.breaches, 0),
    mtta: input.exact === null ? summary(days.map((d) => d.mtta)) : (input.exact.groups.get(group) ?? null),
  }));
  rows.sort((a, b) => b.breaches - a.breaches || b.alerts - a.alerts || (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff'));
  return { label: input.groupBy, rows: rows.slice(0, MAX_GROUPS_LISTED), omitted: Math.max(0, rows.length - MAX_GROUPS_LISTED) };
}

export function composeReport(input: ComposeReportInput): PeriodReport {
  const { period, days } = input;
  const priorities = PRIORITIES.map((p) => priorityReport(p, input));
  const sources = new SourceTally();
  for (const day of days) for (const source of day.sources) sources.addCount(source);
  const breachedCount = days.reduce((n, d) => n + d.breachedCount, 0);
  const breached = days.flatMap((d) => d.breached).sort(byUrgencyThenAge).slice(0, MAX_BREACHED_LISTED);
  const daily = period.interval === 'daily';
  return {
    interval: period.interval,
    label: period.label,
    timezone: period.timezone,
    fromAt: period.fromAt,
    toAt: period.toAt,
    days: period.dates.length,
    generatedAt: input.now,
    percentiles: input.exact === null ? 'within_1_percent' : 'exact',
    hasData: input.hasData,
    navigation: input.navigation,
    priorities,
    totals: {
      opened: priorities.reduce((n, p) => n + p.opened, 0),
      breaches: priorities.reduce((n, p) => n + p.breaches, 0),
      resolvedBySourceUnacknowledged: priorities.reduce((n, p) => n + p.resolvedBySourceUnacknowledged, 0),
    },
    backlog: input.backlog,
    groups: groupTable(input),
    trend: daily ? null : days.map(trendDay),
    previous: daily || input.previous === null ? null : previousPeriod(input.previous),
    noisiestByAlerts: sources.top(NOISIEST_LIMIT, 'alerts'),
    noisiestByDeliveries: sources.top(NOISIEST_LIMIT, 'deliveries'),
    breachedAlerts: input.includeDetails ? breached : null,
    breachedAlertsOmitted: input.includeDetails ? Math.max(0, breachedCount - breached.length) : 0,
    deliveries: mergeDeliveries(days.map((d) => d.deliveries)),
  };
}
