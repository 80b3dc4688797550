/**
 * What the current day (the daily report's day, in its time zone) looks like so far, for the
 * metrics: alerts opened, each SLA clock's outcome (met, missed, breached and still open,
 * pending), the breach budget used and allowed per priority, and the response times of the
 * clocks answered, for histograms.
 *
 * Every alert is evaluated as the report evaluates it (`evaluateAlertSla`, telling a person's
 * answer from its source's) and counted by the report's rules: an alert is one breach when
 * either clock's outcome is a breach, the budget is the snapshot of the day's latest alert of
 * the priority, and only a person's acknowledgment counts in the time to acknowledge. A
 * response time is business time where the policy counts on a calendar and real time around
 * the clock (the evaluation's elapsed business time is both). Each alert is evaluated once, at
 * `now`.
 */
import type { Alert } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import type { ReportDay } from '../report/report-day.ts';
import { evaluateAlertSla } from '../sla/alert-sla.ts';
import { CLOCK_OUTCOMES, clockOutcome, isBreachOutcome, type ClockOutcome } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
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
  opened = 0;
  breaches = 0;
  allowedBreaches: number;
  private allowedFromCreatedAt = Number.NEGATIVE_INFINITY;
  readonly outcomes = {
    acknowledgment: Object.fromEntries(CLOCK_OUTCOMES.map((o) => [o, 0])) as Record<ClockOutcome, number>,
    resolution: Object.fromEntries(CLOCK_OUTCOMES.map((o) => [o, 0])) as Record<ClockOutcome, number>,
  };
  readonly responseTimes: Record<SlaClock, ResponseTimeHistogram> = { acknowledgment: new ResponseTimeHistogram(), resolution: new ResponseTimeHistogram() };

  constructor(allowedBreaches: number) {
    this.allowedBreaches = allowedBreaches;
  }

  /** The budget of the day's latest alert's snapshot (the policy in force at the end of the day). */
  count(alert: Alert, breached: boolean): void {
    this.opened += 1;
    if (breached) this.breaches += 1;
    if (alert.createdAt >= this.allowedFromCreatedAt) {
      this.allowedFromCreatedAt = alert.createdAt;
      this.allowedBreaches = alert.sla.allowedBreaches;
    }
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
    this.priorities = Object.fromEntries(PRIORITIES.map((p) => [p, new PriorityCounters(allowedBreaches[p])])) as Record<Priority, PriorityCounters>;
  }

  add(alerts: readonly Alert[]): void {
    const { fromAt, toAt } = this.day;
    for (const alert of alerts) {
      // The store reads whole UTC days of its index and may hand over neighbours.
      if (alert.createdAt < fromAt || alert.createdAt >= toAt) continue;
      const evaluation = evaluateAlertSla(alert, this.now);
      const figures = this.priorities[alert.priority];
      let breached = false;
      for (const clock of SLA_CLOCKS) {
        const clockEvaluation = evaluation[clock];
        const outcome = clockOutcome(clockEvaluation);
        figures.outcomes[clock][outcome] += 1;
        breached ||= isBreachOutcome(outcome);
        // Only a person's acknowledgment is a time to acknowledge (a source closing it is not).
        const timed = clock === 'resolution' || clockEvaluation.answeredBy === 'person';
        if (timed && clockEvaluation.answeredAt !== null) figures.responseTimes[clock].observe(clockEvaluation.businessElapsedMs / 1000);
      }
      figures.count(alert, breached);
    }
  }

  finish(): TodayFigures {
    const priorities = Object.fromEntries(
      PRIORITIES.map((priority) => {
        const figures = this.priorities[priority];
        const today: PriorityToday = {
          opened: figures.opened,
          outcomes: figures.outcomes,
          breaches: figures.breaches,
          allowedBreaches: figures.allowedBreaches,
          responseTimes: { acknowledgment: figures.responseTimes.acknowledgment.snapshot(), resolution: figures.responseTimes.resolution.snapshot() },
        };
        return [priority, today];
      }),
    ) as Record<Priority, PriorityToday>;
    return { day: this.day, priorities };
  }
}
