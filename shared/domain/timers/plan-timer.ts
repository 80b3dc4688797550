/**
 * The timer an alert should have pending, as data stored on the alert (`alert.timer`), so the
 * due index lists it for the sweeper whether or not the scheduler ever got it.
 *
 * `planTimer` names the plan with the alert's current generation (a fresh alert at generation
 * 0 gets `<id>.reminder.0` due at createdAt). `replanTimer` is for a change to a stored alert:
 * when the plan moves (another instant or kind, or none), the generation grows by one and the
 * timer takes the new name, so a timer armed for the old plan is recognisably stale.
 */
import type { Alert, PendingTimer } from '../alert/alert.ts';
import { nextDue } from './next-due.ts';
import { timerName } from './timer-name.ts';

export function planTimer(alert: Alert): PendingTimer | null {
  const next = nextDue(alert);
  if (next === null) return null;
  return { name: timerName(alert.id, next.kind, alert.generation), dueAt: next.at, kind: next.kind, generation: alert.generation };
}

/** Whether two timers are for the same instant and kind (the generation and name aside). */
export function samePlan(a: PendingTimer | null, b: { dueAt: number; kind: string } | null): boolean {
  if (a === null || b === null) return a === b;
  return a.dueAt === b.dueAt && a.kind === b.kind;
}

/** The alert with `timer` set to its plan; unchanged (same object) when the plan did not move. */
export function replanTimer(alert: Alert): Alert {
  const next = nextDue(alert);
  if (samePlan(alert.timer, next === null ? null : { dueAt: next.at, kind: next.kind })) return alert;
  const generation = alert.generation + 1;
  return { ...alert, generation, timer: planTimer({ ...alert, generation }) };
}
