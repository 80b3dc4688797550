/**
 * The SLA report of a period (a day, an ISO week or a month) as data, in sections that the
 * renderings lay out one after the other:
 *
 * - per priority, over the alerts *opened* in the period, evaluated at `generatedAt`: each
 *   clock's outcomes (met, missed, breached and still open, pending, and for acknowledgment
 *   closed by source), compliance = met / (met + missed + breached_open), MTTA (a person's
 *   answers only) and MTTR, median and p90, breaches against the period's budget
 *   (`allowed_breaches` x days), and the alerts resolved by their source that no person ever
 *   acknowledged;
 * - the backlog: everything not resolved at `generatedAt`, whatever day it was opened;
 * - optionally a table per `reporting.group_by` label value;
 * - for weeks and months, a per-day trend and the change against the previous period;
 * - the breached alerts and the noisiest sources;
 * - the deliveries of the period's alerts: sent, retried, failed per channel, failing recipients.
 *
 * Durations are ms; the JSON edge turns them into seconds. Daily percentiles are exact
 * (nearest rank); weekly and monthly ones come from per-day histograms and are within 1%
 * (log-histogram.ts), as `percentiles` says.
 */
import type { AlertStatus } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import type { OutcomeCounts } from '../sla/clock-outcome.ts';
import type { Priority } from '../sla/priority.ts';
import type { BudgetStatus } from './breach-budget.ts';
import type { DeliveryReport } from './delivery-tally.ts';
import type { DurationSummary } from './duration-samples.ts';
import type { ReportInterval } from './report-period.ts';

export type SlaClockName = 'acknowledgment' | 'resolution';

/** How one SLA clock fared over the period's alerts of a priority. */
export interface ClockCounts extends OutcomeCounts {
  /** met / (met + missed + breached_open); null when none of those. */
  readonly compliance: number | null;
}

export interface ResponseTimes {
  /** Real elapsed time from creation to the answer; null when nothing was answered. */
  readonly wall: DurationSummary | null;
  /** Business time on the SLA's calendar, over answered alerts whose SLA counts on one; else null. */
  readonly business: DurationSummary | null;
}

export interface PriorityReport {
  readonly priority: Priority;
  readonly opened: number;
  readonly acknowledgment: ClockCounts;
  readonly resolution: ClockCounts;
  /** Time to a person's acknowledgment (a person's resolution answers it too); never the source's. */
  readonly mtta: ResponseTimes;
  /** Time to resolve, whoever resolved. */
  readonly mttr: ResponseTimes;
  /** Alerts with either clock missed or breached and still open (an alert counts once). */
  readonly breaches: number;
  /** The period's budget: the per-day `allowed_breaches` of the latest snapshot x the days. */
  readonly allowedBreaches: number;
  readonly budget: BudgetStatus;
  /** Resolved by their source with no person's acknowledgment: alerts nobody looked at. */
  readonly resolvedBySourceUnacknowledged: number;
  /** Calendar names the alerts' SLAs counted on (`24x7` around the clock), sorted. */
  readonly calendars: readonly string[];
}

export interface BreachedClock {
  readonly clock: SlaClockName;
  /** `missed`: answered late (or closed by the source late); `breached_open`: still unanswered past the deadline. */
  readonly outcome: 'missed' | 'breached_open';
  readonly deadlineAt: Instant;
  /** Business ms past the deadline, to the answer or to `generatedAt`. */
  readonly overrunMs: number;
}

export interface BreachedAlert {
  readonly id: string;
  /** Untrusted: escape before rendering. */
  readonly title: string;
  readonly priority: Priority;
  readonly status: AlertStatus;
  readonly createdAt: Instant;
  readonly clocks: readonly BreachedClock[];
  /** `${links.baseUrl}/alerts/${id}`. */
  readonly link: string;
}

/** An alerting source: the integration and what raised the alert there (untrusted text). */
export interface SourceCount {
  readonly integrationId: string;
  readonly sourceName: string;
  readonly alerts: number;
  readonly deliveries: number;
}

/** Where an open alert stands: its worst clock. */
export type BacklogState = 'breached' | 'at_risk' | 'on_track';

export interface BacklogItem {
  readonly id: string;
  /** Untrusted. */
  readonly title: string;
  readonly priority: Priority;
  readonly status: AlertStatus;
  readonly createdAt: Instant;
  readonly state: BacklogState;
  /** The clocks breached and still open. */
  readonly breachedClocks: readonly SlaClockName[];
  readonly link: string;
}

export interface BacklogCounts {
  readonly open: number;
  readonly breached: number;
  readonly atRisk: number;
}

export interface Backlog {
  readonly total: BacklogCounts;
  readonly byPriority: Readonly<Record<Priority, BacklogCounts>>;
  /** Oldest first, at most MAX_BACKLOG_LISTED. */
  readonly items: readonly BacklogItem[];
  readonly omitted: number;
}

export interface GroupRow {
  /** The label's value; null for alerts without the label. Untrusted. */
  readonly group: string | null;
  readonly alerts: number;
  readonly acknowledgment: ClockCounts;
  readonly resolution: ClockCounts;
  readonly breaches: number;
  readonly mtta: DurationSummary | null;
}

export interface GroupTable {
  /** The label grouped by (`reporting.group_by`). */
  readonly label: string;
  /** Most breaches first, then most alerts, at most MAX_GROUPS_LISTED. */
  readonly rows: readonly GroupRow[];
  readonly omitted: number;
}

export interface TrendDay {
  readonly date: string;
  readonly opened: number;
  readonly breaches: number;
  readonly acknowledgmentCompliance: number | null;
  readonly resolutionCompliance: number | null;
}

export interface PriorityChange {
  readonly priority: Priority;
  readonly acknowledgmentCompliance: number | null;
  readonly resolutionCompliance: number | null;
  readonly breaches: number;
}

export interface PreviousPeriod {
  readonly label: string;
  readonly priorities: readonly PriorityChange[];
}

export interface ReportTotals {
  readonly opened: number;
  readonly breaches: number;
  readonly resolvedBySourceUnacknowledged: number;
}

/** Links between reports, for pages and consoles: the labels around this one (null when in the future). */
export interface ReportNavigation {
  readonly previous: string;
  readonly next: string | null;
}

export interface PeriodReport {
  readonly interval: ReportInterval;
  /** `2026-11-30`, `2026-W49`, `2026-12`. */
  readonly label: string;
  readonly timezone: string;
  readonly fromAt: Instant;
  readonly toAt: Instant;
  readonly days: number;
  /** The instant every alert was evaluated at. */
  readonly generatedAt: Instant;
  /** `exact` (daily) or `within_1_percent` (merged per-day histograms). */
  readonly percentiles: 'exact' | 'within_1_percent';
  /** False when no alert has been stored at all before the period's end: the report says so. */
  readonly hasData: boolean;
  readonly navigation: ReportNavigation;
  /** Every priority, most urgent first, including those with no alerts. */
  readonly priorities: readonly PriorityReport[];
  readonly totals: ReportTotals;
  readonly backlog: Backlog;
  readonly groups: GroupTable | null;
  /** Weekly and monthly: one point per day. Null for a daily report. */
  readonly trend: readonly TrendDay[] | null;
  /** Weekly and monthly: the same figures of the period before. Null for a daily report. */
  readonly previous: PreviousPeriod | null;
  readonly noisiestByAlerts: readonly SourceCount[];
  readonly noisiestByDeliveries: readonly SourceCount[];
  /** Most urgent priority first, oldest first, at most MAX_BREACHED_LISTED; null unless details were asked for. */
  readonly breachedAlerts: readonly BreachedAlert[] | null;
  readonly breachedAlertsOmitted: number;
  /** The deliveries of the period's alerts per channel, and the recipients that failed. */
  readonly deliveries: DeliveryReport;
}

export const NOISIEST_LIMIT = 5;
/** A bad day can breach tens of thousands: the list is cut, the counts per priority are complete. */
export const MAX_BREACHED_LISTED = 100;
export const MAX_BACKLOG_LISTED = 50;
export const MAX_GROUPS_LISTED = 50;
