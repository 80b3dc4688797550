/**
 * Today's figures (today-figures.ts) put together from the day's counters (day-counts.ts) and
 * the views of the alerts still open (open-alert-view.ts), instead of evaluating every alert
 * of the day. The two halves never overlap: a settled clock (met, missed, closed by source)
 * is in the counters; a clock still running can only belong to an open alert, and is pending
 * or breached and still open at `now` by its deadline. An alert is one breach when a clock is
 * missed (counted when written) or, failing that, breached and still open (counted here).
 *
 * The figures equal TodayTally's over the same alerts (tested on a scripted day), as long as
 * the counters saw every write: see the store's counter adapter for what a crash between an
 * alert's write and its counter's costs, and how a day is counted again.
 */
import type { Instant } from '../instant.ts';
import type { ReportDay } from '../report/report-day.ts';
import { NO_OUTCOMES, type ClockOutcome } from '../sla/clock-outcome.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { priorityCounts, type Counters } from './day-counts.ts';
import { SLA_CLOCKS, type SlaClock } from './open-alert-figures.ts';
import { openClockStates, type OpenAlertView } from './open-alert-view.ts';
import type { PriorityToday, TodayFigures } from './today-figures.ts';

/** The breach budget of the day's latest alert of a priority (its policy snapshot). */
export interface DayBudget {
  readonly allowedBreaches: number;
  /** That alert's creation instant: the latest one wins. */
  readonly createdAt: Instant;
}

export interface DayCounts {
  readonly counters: Counters;
  readonly budgets: Readonly<Partial<Record<Priority, DayBudget>>>;
}

type Running = Record<Priority, { outcomes: Record<SlaClock, Record<ClockOutcome, number>>; breachedOpenAlerts: number }>;

export class LiveTodayTally {
  private readonly running: Running = Object.fromEntries(
    PRIORITIES.map((p) => [p, { outcomes: { acknowledgment: { ...NO_OUTCOMES }, resolution: { ...NO_OUTCOMES } }, breachedOpenAlerts: 0 }]),
  ) as Running;

  constructor(
    private readonly day: ReportDay,
    private readonly now: Instant,
  ) {}

  /** Open alerts' views, of any day: those opened on this day are counted. */
  add(views: readonly OpenAlertView[]): void {
    const { fromAt, toAt } = this.day;
    for (const view of views) {
      if (view.createdAt < fromAt || view.createdAt >= toAt) continue;
      const states = openClockStates(view, this.now);
      const figures = this.running[view.priority];
      let breachedOpen = false;
      for (const clock of SLA_CLOCKS) {
        const state = states[clock];
        if (state === 'breached') figures.outcomes[clock].breached_open += 1;
        else if (state === 'compliant' || state === 'at_risk') figures.outcomes[clock].pending += 1;
        breachedOpen ||= state === 'breached';
      }
      // An alert with a missed clock is already a breach in the counters.
      if (breachedOpen && states.acknowledgment !== 'missed') figures.breachedOpenAlerts += 1;
    }
  }

  /** The day's figures; `allowedBreaches` is the current policy's, for priorities without an alert today. */
  finish(counts: DayCounts, allowedBreaches: Readonly<Record<Priority, number>>): TodayFigures {
    const settled = priorityCounts(counts.counters);
    const priorities = Object.fromEntries(
      PRIORITIES.map((p) => {
        const { outcomes, breachedOpenAlerts } = this.running[p];
        const fromCounters = settled[p];
        const withSettled = (clock: SlaClock) => ({ ...outcomes[clock], ...fromCounters.settled[clock] });
        const today: PriorityToday = {
          opened: fromCounters.opened,
          outcomes: { acknowledgment: withSettled('acknowledgment'), resolution: withSettled('resolution') },
          breaches: fromCounters.missedAlerts + breachedOpenAlerts,
          allowedBreaches: counts.budgets[p]?.allowedBreaches ?? allowedBreaches[p],
          responseTimes: fromCounters.responseTimes,
        };
        return [p, today];
      }),
    ) as Record<Priority, PriorityToday>;
    return { day: this.day, priorities };
  }
}
