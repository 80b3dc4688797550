/**
 * The daily report as JSON for the API and `sla-watch report --json`: instants as ISO 8601
 * UTC, durations in seconds (ms precision, so a median of 29m59.5s is not rounded onto the
 * deadline), every other field as in the domain report. Titles and source names are returned
 * as stored: JSON consumers escape for their own medium.
 */
import { deliveryJson } from './delivery-section.ts';
import type { DeliveryReport } from '../domain/report/delivery-tally.ts';
import type {
  BreachedAlert,
  DailyReport,
  PriorityReport,
  ReportTotals,
  ResponseTimes,
  SlaClockName,
  SourceCount,
} from '../domain/report/daily-report.ts';
import type { DurationSummary } from '../domain/report/duration-samples.ts';
import type { AlertStatus } from '../domain/alert/alert.ts';
import { toIso } from '../domain/instant.ts';
import type { Priority } from '../domain/sla/priority.ts';

export interface DurationSummaryJson {
  readonly count: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
}

export interface ResponseTimesJson {
  readonly wall: DurationSummaryJson | null;
  readonly business: DurationSummaryJson | null;
}

/** A priority's figures as in the report, with durations in seconds. */
export type PriorityReportJson = Omit<PriorityReport, 'mtta' | 'mttr'> & {
  readonly mtta: ResponseTimesJson;
  readonly mttr: ResponseTimesJson;
};

export interface BreachedAlertJson {
  readonly id: string;
  readonly title: string;
  readonly priority: Priority;
  readonly status: AlertStatus;
  readonly createdAt: string;
  readonly link: string;
  readonly clocks: readonly { clock: SlaClockName; state: 'missed' | 'breached'; deadlineAt: string; overrunSeconds: number }[];
}

export interface DailyReportJson {
  readonly date: string;
  readonly timezone: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly totals: ReportTotals;
  readonly priorities: readonly PriorityReportJson[];
  readonly noisiestSources: { readonly byAlerts: readonly SourceCount[]; readonly byDeliveries: readonly SourceCount[] };
  /** Deliveries per channel and failing recipients; null for a report built without them. */
  readonly deliveries: DeliveryReport | null;
  /** At most 100, most urgent and oldest first; null when `sla.reporting.include_details` is off. */
  readonly breachedAlerts: readonly BreachedAlertJson[] | null;
  /** Breached alerts past the limit, not listed. */
  readonly breachedAlertsOmitted: number;
}

const seconds = (ms: number): number => ms / 1000;

function summaryJson(s: DurationSummary | null): DurationSummaryJson | null {
  return s === null ? null : { count: s.count, medianSeconds: seconds(s.medianMs), p90Seconds: seconds(s.p90Ms) };
}

function timesJson(t: ResponseTimes): ResponseTimesJson {
  return { wall: summaryJson(t.wall), business: summaryJson(t.business) };
}

function priorityJson(p: PriorityReport): PriorityReportJson {
  return { ...p, mtta: timesJson(p.mtta), mttr: timesJson(p.mttr) };
}

function breachedJson(a: BreachedAlert): BreachedAlertJson {
  return {
    id: a.id,
    title: a.title,
    priority: a.priority,
    status: a.status,
    createdAt: toIso(a.createdAt),
    link: a.link,
    clocks: a.clocks.map((c) => ({ clock: c.clock, state: c.state, deadlineAt: toIso(c.deadlineAt), overrunSeconds: seconds(c.overrunMs) })),
  };
}

export function reportJson(report: DailyReport): DailyReportJson {
  return {
    date: report.date,
    timezone: report.timezone,
    from: toIso(report.fromAt),
    to: toIso(report.toAt),
    generatedAt: toIso(report.generatedAt),
    totals: report.totals,
    priorities: report.priorities.map(priorityJson),
    noisiestSources: { byAlerts: report.noisiestByAlerts, byDeliveries: report.noisiestByDeliveries },
    breachedAlerts: report.breachedAlerts === null ? null : report.breachedAlerts.map(breachedJson),
    breachedAlertsOmitted: report.breachedAlertsOmitted,
    deliveries: deliveryJson(report.deliveries),
  };
}
