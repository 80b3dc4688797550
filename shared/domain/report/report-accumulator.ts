/**
 * Builds a daily report page by page, so a day of any size is aggregated in memory bounded
 * by one page of alerts plus what the report keeps: per priority, counters and the response
 * durations (at most 4 x 8 bytes per answered alert, see duration-samples.ts); per distinct
 * source, one entry; and, only when details are asked for, at most 2 x MAX_BREACHED_LISTED
 * short records of breached alerts (the list is cut back to the most urgent and oldest
 * whenever it reaches that).
 *
 * Every alert is evaluated once, as it streams past, at the one instant `now` given when the
 * accumulator is made (so the whole report describes a single moment). Alerts outside the day
 * are ignored: the store reads whole UTC days of its index and may hand over neighbours.
 */
import type { Alert } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { evaluateSla, type ClockEvaluation, type SlaEvaluation } from '../sla/sla-evaluation.ts';
import { MAX_BREACHED_LISTED, NOISIEST_LIMIT, type BreachedAlert, type BreachedClock, type DailyReport, type SlaClockName } from './daily-report.ts';
import { PriorityTally } from './priority-tally.ts';
import type { ReportDay } from './report-day.ts';
import { SourceTally } from './source-tally.ts';

export interface ReportAccumulatorOptions {
  readonly day: ReportDay;
  /** The instant every alert is evaluated at; the report's `generatedAt`. */
  readonly now: Instant;
  /** List every breached alert (config `reporting.include_details`). */
  readonly includeDetails: boolean;
  /** Public base URL of the API (no trailing slash), for links to alerts. */
  readonly linkBaseUrl: string;
  /** Breach budget per priority from the current policy, for priorities without alerts. */
  readonly allowedBreaches: Readonly<Record<Priority, number>>;
}

function breachedClock(clock: SlaClockName, evaluation: ClockEvaluation): BreachedClock[] {
  const { state, deadlineAt, overrunMs } = evaluation;
  return state === 'missed' || state === 'breached' ? [{ clock, state, deadlineAt, overrunMs }] : [];
}

function byUrgencyThenAge(a: BreachedAlert, b: BreachedAlert): number {
  return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export class ReportAccumulator {
  private readonly tallies: Readonly<Record<Priority, PriorityTally>>;
  private readonly sources = new SourceTally();
  private breached: BreachedAlert[] = [];
  private breachedCount = 0;

  constructor(private readonly options: ReportAccumulatorOptions) {
    const tally = (priority: Priority) => new PriorityTally(priority, options.allowedBreaches[priority]);
    this.tallies = { critical: tally('critical'), high: tally('high'), medium: tally('medium'), low: tally('low') };
  }

  add(alerts: readonly Alert[]): void {
    const { fromAt, toAt } = this.options.day;
    for (const alert of alerts) {
      if (alert.createdAt < fromAt || alert.createdAt >= toAt) continue;
      const evaluation = evaluateSla(
        { policy: alert.sla, createdAt: alert.createdAt, timeline: alert.timeline, acknowledgedAt: alert.acknowledgedAt, resolvedAt: alert.resolvedAt },
        this.options.now,
      );
      const isBreached = this.tallies[alert.priority].add(alert, evaluation);
      this.sources.add(alert);
      if (isBreached && this.options.includeDetails) this.keepBreached(this.breachRecord(alert, evaluation));
    }
  }

  finish(): DailyReport {
    const { day, now, includeDetails } = this.options;
    const priorities = PRIORITIES.map((priority) => this.tallies[priority].finish());
    const sum = (pick: (p: (typeof priorities)[number]) => number) => priorities.reduce((total, p) => total + pick(p), 0);
    return {
      date: day.date,
      timezone: day.timezone,
      fromAt: day.fromAt,
      toAt: day.toAt,
      generatedAt: now,
      priorities,
      totals: { opened: sum((p) => p.opened), breaches: sum((p) => p.breaches), stillOpen: sum((p) => p.stillOpen), atRisk: sum((p) => p.atRisk) },
      noisiestByAlerts: this.sources.top(NOISIEST_LIMIT, 'alerts'),
      noisiestByDeliveries: this.sources.top(NOISIEST_LIMIT, 'deliveries'),
      breachedAlerts: includeDetails ? this.listedBreaches() : null,
      breachedAlertsOmitted: includeDetails ? Math.max(0, this.breachedCount - MAX_BREACHED_LISTED) : 0,
    };
  }

  private keepBreached(record: BreachedAlert): void {
    this.breachedCount += 1;
    this.breached.push(record);
    if (this.breached.length >= 2 * MAX_BREACHED_LISTED) this.breached = this.listedBreaches();
  }

  private listedBreaches(): BreachedAlert[] {
    return [...this.breached].sort(byUrgencyThenAge).slice(0, MAX_BREACHED_LISTED);
  }

  private breachRecord(alert: Alert, evaluation: SlaEvaluation): BreachedAlert {
    return {
      id: alert.id,
      title: alert.title,
      priority: alert.priority,
      status: alert.status,
      createdAt: alert.createdAt,
      clocks: [...breachedClock('acknowledgment', evaluation.acknowledgment), ...breachedClock('resolution', evaluation.resolution)],
      link: `${this.options.linkBaseUrl}/alerts/${encodeURIComponent(alert.id)}`,
    };
  }
}
