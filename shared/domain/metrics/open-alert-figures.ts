/**
 * What the alerts not yet resolved look like at one instant, for the metrics: how many there
 * are per priority and status, and where each of their running SLA clocks stands (compliant,
 * at risk, breached). A clock already answered (the acknowledgment of an acknowledged alert)
 * is no longer running and is not counted here; today's outcomes count it (today-figures.ts).
 *
 * Every label combination starts at zero, so a series never disappears when its count drops to
 * none (Prometheus would otherwise keep showing the last value for five minutes).
 */
import type { Alert } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import { PRIORITIES, type Priority } from '../sla/priority.ts';
import { evaluateSla, type OpenClockState } from '../sla/sla-evaluation.ts';

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

  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      // The open index is eventually consistent: an alert resolved a moment ago may still be listed.
      if (alert.status === 'resolved') continue;
      this.open[alert.priority][alert.status] += 1;
      const evaluation = evaluateSla(
        { policy: alert.sla, createdAt: alert.createdAt, timeline: alert.timeline, acknowledgedAt: alert.acknowledgedAt, resolvedAt: alert.resolvedAt },
        this.now,
      );
      for (const clock of SLA_CLOCKS) {
        const { state } = evaluation[clock];
        if (state === 'compliant' || state === 'at_risk' || state === 'breached') this.clocks[alert.priority][clock][state] += 1;
      }
    }
  }

  finish(): OpenAlertFigures {
    return { open: this.open, clocks: this.clocks };
  }
}
