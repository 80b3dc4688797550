/**
 * What the alerts not yet resolved look like at one instant, for the metrics: how many there
 * are per priority and status, and where each of their running SLA clocks stands (compliant,
 * at risk, breached). A clock already answered (the acknowledgment of an acknowledged alert)
 * is no longer running and is not counted here; today's outcomes count it (today-figures.ts).
 *
 * Every label combination starts at zero, so a series never disappears when its count drops to
 * none (Prometheus would otherwise keep showing the last value for five minutes).
 */
import type { Instant } from '../instant.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import type { OpenClockState } from '../sla/sla-evaluation.ts';
import { openClockStates, type OpenAlertView } from './open-alert-view.ts';

export type OpenStatus = 'open' | 'acknowledged';
export const OPEN_STATUSES: readonly OpenStatus[] = ['open', 'acknowledged'];
export type SlaClock = 'acknowledgment' | 'resolution';
export const SLA_CLOCKS: readonly SlaClock[] = ['acknowledgment', 'resolution'];
export const OPEN_CLOCK_STATES: readonly OpenClockState[] = ['compliant', 'at_risk', 'breached'];

export interface OpenAlertFigures {
  readonly open: Readonly<Record<Priority, Readonly<Record<OpenStatus, number>>>>;
  readonly clocks: Readonly<Record<Priority, Readonly<Record<SlaClock, Readonly<Record<OpenClockState, number>>>>>>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function byPriority<T>(make: () => T): Record<Priority, T> {
  return Object.fromEntries(PRIORITIES.map((priority) => [priority, make()])) as Record<Priority, T>;
}

export class OpenAlertTally {
  private readonly open = byPriority(() => zeros(OPEN_STATUSES));
  private readonly clocks = byPriority(() => ({ acknowledgment: zeros(OPEN_CLOCK_STATES), resolution: zeros(OPEN_CLOCK_STATES) }));

  constructor(private readonly now: Instant) {}

  /** Views of open alerts (open-alert-view.ts): each is counted as it stood at `now`. */
  add(views: readonly OpenAlertView[]): void {
    for (const view of views) {
      this.open[view.priority][view.status] += 1;
      const states = openClockStates(view, this.now);
      for (const clock of SLA_CLOCKS) {
        const state = states[clock];
        if (state === 'compliant' || state === 'at_risk' || state === 'breached') this.clocks[view.priority][clock][state] += 1;
      }
    }
  }

  finish(): OpenAlertFigures {
    return { open: this.open, clocks: this.clocks };
  }
}
