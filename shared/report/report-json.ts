/**
 * The SLA report as JSON for the API and `sla-watch report --json`: instants as ISO 8601 UTC,
 * durations in seconds (ms precision, so a median of 29m59.5s is not rounded onto the
 * deadline), every other field as in the domain report (period-report.ts). Titles, source
 * names and group values are returned as stored: JSON consumers escape for their own medium.
 */
import type { BacklogItem, BreachedAlert, PeriodReport, PriorityReport, ResponseTimes } from '../domain/report/period-report.ts';
import type { DurationSummary } from '../domain/report/duration-samples.ts';
import { toIso } from '../domain/instant.ts';

export interface DurationSummaryJson {
  readonly count: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
}

const seconds = (ms: number): number => ms / 1000;

function summaryJson(s: DurationSummary | null): DurationSummaryJson | null {
  return s === null ? null : { count: s.count, medianSeconds: seconds(s.medianMs), p90Seconds: seconds(s.p90Ms) };
}

function timesJson(t: ResponseTimes) {
  return { wall: summaryJson(t.wall), business: summaryJson(t.business) };
}

function priorityJson(p: PriorityReport) {
  return { ...p, mtta: timesJson(p.mtta), mttr: timesJson(p.mttr) };
}

function breachedJson(a: BreachedAlert) {
  return {
    id: a.id,
    title: a.title,
    priority: a.priority,
    status: a.status,
    createdAt: toIso(a.createdAt),
    link: a.link,
    clocks: a.clocks.map((c) => ({ clock: c.clock, outcome: c.outcome, deadlineAt: toIso(c.deadlineAt), overrunSeconds: seconds(c.overrunMs) })),
  };
}

function backlogItemJson(item: BacklogItem) {
  return { ...item, createdAt: toIso(item.createdAt) };
}

export function reportJson(report: PeriodReport) {
  return {
    interval: report.interval,
    period: report.label,
    ...(report.interval === 'daily' ? { date: report.label } : {}),
    timezone: report.timezone,
    from: toIso(report.fromAt),
    to: toIso(report.toAt),
    days: report.days,
    generatedAt: toIso(report.generatedAt),
    percentiles: report.percentiles,
    hasData: report.hasData,
    navigation: report.navigation,
    totals: report.totals,
    priorities: report.priorities.map(priorityJson),
    backlog: { ...report.backlog, items: report.backlog.items.map(backlogItemJson) },
    groups: report.groups === null ? null : { ...report.groups, rows: report.groups.rows.map((r) => ({ ...r, mtta: summaryJson(r.mtta) })) },
    trend: report.trend,
    previous: report.previous,
    noisiestSources: { byAlerts: report.noisiestByAlerts, byDeliveries: report.noisiestByDeliveries },
    breachedAlerts: report.breachedAlerts === null ? null : report.breachedAlerts.map(breachedJson),
    breachedAlertsOmitted: report.breachedAlertsOmitted,
    deliveries: report.deliveries,
  };
}

export type ReportJson = ReturnType<typeof reportJson>;
