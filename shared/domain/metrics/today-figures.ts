/**
 * What the current day (the daily report's day, in its time zone) looks like so far, for the
 * metrics: alerts opened, each SLA clock's outcome (met, missed, breached and still open,
 * pending), the breach budget used and allowed per priority, and the response times of the
 * clocks answered, for histograms.
 *
 * Opened alerts, breaches and the budget come from the daily report's own tally
 * (PriorityTally), so the metrics and the report can never disagree on them. A response time
 * is business time where the policy counts on a calendar and real time around the clock (the
 * evaluation's elapsed business time is both). Each alert is evaluated once, at `now`.
 */
import type { Alert } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import { PriorityTally } from '../report/priority-tally.ts';
import type { ReportDay } from '../report/report-day.ts';
import { CLOCK_OUTCOMES, clockOutcome, type ClockOutcome } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { evaluateSla } from '../sla/sla-evaluation.ts';
import { SLA_CLOCKS, type SlaClock } from './open-alert-figures.ts';
import { ResponseTimeHistogram, type HistogramSnapshot } from './response-time-histogram.ts';

export interface PriorityToday {
  readonly opened: number;
  readonly outcomes: Readonly<Record<SlaClock, Readonly<Record<ClockOutcome, number>>>>;
  /** Alerts with a clock missed or breached (one alert counts once), as the report counts them. */
  readonly breaches: number;
  readonly allowedBreaches: number;
  /** Seconds from arrival to the answer of each answered clock. */
  readonly responseTimes: Readonly<Record<SlaClock, HistogramSnapshot>>;
}

export interface TodayFigures {
  readonly day: ReportDay;
  readonly priorities: Readonly<Record<Priority, PriorityToday>>;
}

class PriorityCounters {
  readonly tally: PriorityTally;
  readonly outcomes = {
    acknowledgment: Object.fromEntries(CLOCK_OUTCOMES.map((o) => [o, 0])) as Record<ClockOutcome, number>,
    resolution: Object.fromEntries(CLOCK_OUTCOMES.map((o) => [o, 0])) as Record<ClockOutcome, number>,
  };
  readonly responseTimes: Record<SlaClock, ResponseTimeHistogram> = { acknowledgment: new ResponseTimeHistogram(), resolution: new ResponseTimeHistogram() };

  constructor(priority: Priority, allowedBreaches: number) {
    this.tally = new PriorityTally(priority, allowedBreaches);
  }
}

export class TodayTally {
  private readonly priorities: Record<Priority, PriorityCounters>;

  constructor(
    private readonly day: ReportDay,
    private readonly now: Instant,
    /** The current policy's budget, for priorities without an alert today. */
    allowedBreaches: Readonly<Record<Priority, number>>,
  ) {
    this.priorities = Object.fromEntries(PRIORITIES.map((p) => [p, new PriorityCounters(p, allowedBreaches[p])])) as Record<Priority, PriorityCounters>;
  }

  add(alerts: readonly Alert[]): void {
    const { fromAt, toAt } = this.day;
    for (const alert of alerts) {
      // The store reads whole UTC days of its index and may hand over neighbours.
      if (alert.createdAt < fromAt || alert.createdAt >= toAt) continue;
      const evaluation = evaluateSla(
        { policy: alert.sla, createdAt: alert.createdAt, timeline: alert.timeline, acknowledgedAt: alert.acknowledgedAt, resolvedAt: alert.resolvedAt },
        this.now,
      );
      const figures = this.priorities[alert.priority];
      figures.tally.add(alert, evaluation);
      for (const clock of SLA_CLOCKS) {
        const clockEvaluation = evaluation[clock];
        figures.outcomes[clock][clockOutcome(clockEvaluation)] += 1;
        if (clockEvaluation.answeredAt !== null) figures.responseTimes[clock].observe(clockEvaluation.businessElapsedMs / 1000);
      }
    }
  }

  finish(): TodayFigures {
    const priorities = Object.fromEntries(
      PRIORITIES.map((priority) => {
        const figures = this.priorities[priority];
        const report = figures.tally.finish();
        const today: PriorityToday = {
          opened: report.opened,
          outcomes: figures.outcomes,
          breaches: report.breaches,
          allowedBreaches: report.allowedBreaches,
          responseTimes: { acknowledgment: figures.responseTimes.acknowledgment.snapshot(), resolution: figures.responseTimes.resolution.snapshot() },
        };
        return [priority, today];
      }),
    ) as Record<Priority, PriorityToday>;
    return { day: this.day, priorities };
  }
}
