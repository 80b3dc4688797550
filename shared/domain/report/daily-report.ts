/**
 * The daily SLA report as data: per priority, how many alerts were opened on the day, how
 * their two SLA clocks fared (met, missed, still running), how fast people answered (median
 * and 90th percentile, wall clock and business time), breaches against the priority's
 * budget, what is still open or at risk at the moment the report was built, and the noisiest
 * sources. Durations are ms here; the JSON edge turns them into seconds.
 *
 * The report is about alerts *created* on the day, evaluated at `generatedAt`: an alert
 * opened late on the day and answered the next morning counts as answered. So a report
 * rebuilt later can show more answers and more breaches, never fewer alerts.
 */
import type { DeliveryReport } from './delivery-tally.ts';
import type { AlertStatus } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import type { Priority } from '../sla/priority.ts';
import type { BudgetStatus } from './breach-budget.ts';
import type { DurationSummary } from './duration-samples.ts';

export type SlaClockName = 'acknowledgment' | 'resolution';

/** How one SLA clock fared over the day's alerts of a priority. */
export interface ClockCompliance {
  /** Answered strictly before the deadline. */
  readonly met: number;
  /** Answered at or after the deadline. */
  readonly missed: number;
  /** Not answered yet when the report was built (compliant, at risk or breached). */
  readonly open: number;
  /** met / (met + missed); null when nothing was answered. */
  readonly metShare: number | null;
}

export interface ResponseTimes {
  /** Real elapsed time from creation to the answer; null when nothing was answered. */
  readonly wall: DurationSummary | null;
  /**
   * Business time on the SLA's calendar, over the answered alerts whose SLA counts on a
   * calendar; null when none did (around the clock, business time is wall time).
   */
  readonly business: DurationSummary | null;
}

export interface PriorityReport {
  readonly priority: Priority;
  readonly opened: number;
  readonly acknowledgment: ClockCompliance;
  readonly resolution: ClockCompliance;
  /** Time to acknowledge (a resolution without an acknowledgment answers it too). */
  readonly mtta: ResponseTimes;
  /** Time to resolve. */
  readonly mttr: ResponseTimes;
  /** Alerts with either clock missed or breached now (an alert counts once). */
  readonly breaches: number;
  /** From the snapshot of the day's latest alert of the priority, else the current policy. */
  readonly allowedBreaches: number;
  readonly budget: BudgetStatus;
  /** Not resolved when the report was built. */
  readonly stillOpen: number;
  /** With a running clock past its at-risk instant but before its deadline. */
  readonly atRisk: number;
  /** Calendar names the alerts' SLAs counted on (`24x7` around the clock), sorted. */
  readonly calendars: readonly string[];
}

export interface BreachedClock {
  readonly clock: SlaClockName;
  /** `missed`: answered late; `breached`: still unanswered past the deadline. */
  readonly state: 'missed' | 'breached';
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

export interface ReportTotals {
  readonly opened: number;
  readonly breaches: number;
  readonly stillOpen: number;
  readonly atRisk: number;
}

export interface DailyReport {
  /** Local date `YYYY-MM-DD` in `timezone`. */
  readonly date: string;
  readonly timezone: string;
  readonly fromAt: Instant;
  readonly toAt: Instant;
  /** The instant every alert was evaluated at. */
  readonly generatedAt: Instant;
  /** Every priority, most urgent first, including those with no alerts. */
  readonly priorities: readonly PriorityReport[];
  readonly totals: ReportTotals;
  /** Top sources by alerts opened, then by deliveries received (at most NOISIEST_LIMIT each). */
  readonly noisiestByAlerts: readonly SourceCount[];
  readonly noisiestByDeliveries: readonly SourceCount[];
  /**
   * Breached alerts, most urgent priority first, oldest first, at most MAX_BREACHED_LISTED;
   * null unless details were asked for.
   */
  readonly breachedAlerts: readonly BreachedAlert[] | null;
  /** Breached alerts left out of `breachedAlerts` past the limit (0 when all are listed). */
  readonly breachedAlertsOmitted: number;
  /** Deliveries of these alerts per channel, and failing recipients (delivery-tally.ts). */
  readonly deliveries?: DeliveryReport;
}

export const NOISIEST_LIMIT = 5;

/**
 * Breached alerts listed by name. A bad day can breach tens of thousands: listed in full they
 * would make an email no one reads and SES refuses (10 MB), and hold memory for each; the
 * counts per priority are always complete.
 */
export const MAX_BREACHED_LISTED = 100;
