/**
 * The running totals of one priority while a day's alerts stream past: each alert is
 * evaluated once, at the report's instant, and leaves only counters and its response
 * durations behind (see duration-samples.ts for the memory this takes).
 *
 * An alert is breached if either clock was missed or is breached now; it counts once even
 * when both clocks are. The breach budget is the `allowedBreaches` of the snapshot of the
 * day's latest alert of the priority (the policy in force at the end of the day), or the
 * current policy's when the priority had no alert.
 */
import type { Alert } from '../alert/alert.ts';
import { AROUND_THE_CLOCK } from '../calendar/calendar-spec.ts';
import type { Priority } from '../sla/priority.ts';
import type { ClockEvaluation, SlaEvaluation } from '../sla/sla-evaluation.ts';
import { budgetStatus } from './breach-budget.ts';
import type { ClockCompliance, PriorityReport } from './daily-report.ts';
import { DurationSamples } from './duration-samples.ts';

class ClockTally {
  met = 0;
  missed = 0;
  open = 0;
  readonly wall = new DurationSamples();
  readonly business = new DurationSamples();

  add(createdAt: number, evaluation: ClockEvaluation, onCalendar: boolean): void {
    if (evaluation.answeredAt === null) {
      this.open += 1;
      return;
    }
    if (evaluation.state === 'met') this.met += 1;
    else this.missed += 1;
    this.wall.push(evaluation.answeredAt - createdAt);
    if (onCalendar) this.business.push(evaluation.businessElapsedMs);
  }

  compliance(): ClockCompliance {
    const answered = this.met + this.missed;
    return { met: this.met, missed: this.missed, open: this.open, metShare: answered === 0 ? null : this.met / answered };
  }
}

function isBreached(clock: ClockEvaluation): boolean {
  return clock.state === 'missed' || clock.state === 'breached';
}

export class PriorityTally {
  private opened = 0;
  private breaches = 0;
  private stillOpen = 0;
  private atRisk = 0;
  private readonly acknowledgment = new ClockTally();
  private readonly resolution = new ClockTally();
  private readonly calendars = new Set<string>();
  private allowedBreaches: number;
  private allowedFromCreatedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly priority: Priority,
    currentAllowedBreaches: number,
  ) {
    this.allowedBreaches = currentAllowedBreaches;
  }

  /** Adds one alert of this priority; returns whether it is breached. */
  add(alert: Alert, evaluation: SlaEvaluation): boolean {
    const onCalendar = alert.sla.calendar !== null;
    this.opened += 1;
    this.calendars.add(alert.sla.calendar?.name ?? AROUND_THE_CLOCK);
    this.acknowledgment.add(alert.createdAt, evaluation.acknowledgment, onCalendar);
    this.resolution.add(alert.createdAt, evaluation.resolution, onCalendar);
    if (alert.status !== 'resolved') this.stillOpen += 1;
    if (evaluation.acknowledgment.state === 'at_risk' || evaluation.resolution.state === 'at_risk') this.atRisk += 1;
    if (alert.createdAt >= this.allowedFromCreatedAt) {
      this.allowedFromCreatedAt = alert.createdAt;
      this.allowedBreaches = alert.sla.allowedBreaches;
    }
    const breached = isBreached(evaluation.acknowledgment) || isBreached(evaluation.resolution);
    if (breached) this.breaches += 1;
    return breached;
  }

  finish(): PriorityReport {
    return {
      priority: this.priority,
      opened: this.opened,
      acknowledgment: this.acknowledgment.compliance(),
      resolution: this.resolution.compliance(),
      mtta: { wall: this.acknowledgment.wall.summary(), business: this.acknowledgment.business.summary() },
      mttr: { wall: this.resolution.wall.summary(), business: this.resolution.business.summary() },
      breaches: this.breaches,
      allowedBreaches: this.allowedBreaches,
      budget: budgetStatus(this.breaches, this.allowedBreaches),
      stillOpen: this.stillOpen,
      atRisk: this.atRisk,
      calendars: [...this.calendars].sort(),
    };
  }
}
