/**
 * Carries a change of an alert's planned timer over to the scheduler, after the write that
 * stored the plan: schedule the new timer first, then cancel the old one by name, so there is
 * never a moment with neither.
 *
 * The stored plan is the truth: the due index lists it for the sweeper. So when the scheduler
 * is unavailable the change is left to the sweeper (logged, not thrown): the write that
 * changed the alert, often a person's response, has succeeded and must not be retried for a
 * scheduler hiccup. A timer that could not be cancelled fires later as a stale timer, which
 * finds nothing due and sends nothing.
 */
import type { PendingTimer } from '../domain/alert/alert.ts';
import { toIso, type Instant } from '../domain/instant.ts';
import { TimersUnavailableError } from '../errors.ts';
import type { AppDeps } from './app-deps.ts';

export type ArmOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'armed'; readonly scheduled: PendingTimer | null; readonly cancelled: string | null }
  | { readonly kind: 'left-to-sweeper'; readonly error: TimersUnavailableError };

export interface TimerChange {
  readonly alertId: string;
  readonly before: PendingTimer | null;
  readonly after: PendingTimer | null;
  /** When the change is made: an old timer due by then is not cancelled. */
  readonly now: Instant;
}

export async function armTimer(deps: AppDeps, { alertId, before, after, now }: TimerChange): Promise<ArmOutcome> {
  if ((before?.name ?? null) === (after?.name ?? null)) return { kind: 'unchanged' };
  if (after !== null) {
    try {
      await deps.timers.schedule({
        name: after.name,
        at: after.dueAt,
        payload: { alertId, kind: after.kind, generation: after.generation, dueAt: toIso(after.dueAt) },
      });
    } catch (error) {
      if (!(error instanceof TimersUnavailableError)) throw error;
      deps.logger.warn('timer not scheduled: the sweeper will handle it', { alertId, timer: after.name, dueAt: toIso(after.dueAt), error: error.message });
      return { kind: 'left-to-sweeper', error };
    }
  }
  if (before !== null && before.dueAt > now) {
    try {
      await deps.timers.cancel(before.name);
    } catch (error) {
      if (!(error instanceof TimersUnavailableError)) throw error;
      // Left armed, it fires as a stale timer: nothing is due for it, nothing is sent.
      deps.logger.warn('old timer not cancelled: it will fire stale', { alertId, timer: before.name, error: error.message });
      return { kind: 'armed', scheduled: after, cancelled: null };
    }
  }
  return { kind: 'armed', scheduled: after, cancelled: before !== null && before.dueAt > now ? before.name : null };
}
