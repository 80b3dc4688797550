/**
 * What the at-risk, breach and reminder functions do with a timer: process everything due for
 * its alert at the current time. The payload names the alert; its kind and generation are only
 * logged, because a timer may be duplicated, late or stale and the stored alert decides. A
 * timer for an alert that no longer exists is noted and dropped, not an error to retry.
 */
import type { TimerPayload } from '../ports/timers.ts';
import type { AppDeps } from './app-deps.ts';
import { processDue, type ProcessDueResult } from './process-due.ts';

export async function handleTimer(deps: AppDeps, payload: TimerPayload): Promise<ProcessDueResult> {
  const result = await processDue(deps, payload.alertId, deps.clock.now());
  const fields = { alertId: payload.alertId, kind: payload.kind, generation: payload.generation, dueAt: payload.dueAt, outcome: result.kind };
  if (result.kind === 'not-found') {
    deps.logger.info('timer for an unknown alert dropped', fields);
  } else {
    // A payload generation below the alert's marks a stale timer; it was handled all the same.
    deps.logger.debug('timer handled', { ...fields, alertGeneration: result.alert.generation });
  }
  return result;
}
