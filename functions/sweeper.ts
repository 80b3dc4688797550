/**
 * Lambda entry point of the sweeper, run by a rate schedule every `monitoring.check_interval`.
 * The sweep handles every alert it can and reports the ones it could not; this function then
 * fails the invocation so the failure counts in the function's Errors alarm and reaches the
 * dead-letter queue. The failed alerts keep their due timers, so the next run retries them.
 */
import { sweep, type SweepResult } from '../shared/app/sweep.ts';
import { deps } from './runtime/aws-root.ts';

/** Due alerts per run, as on one machine; the rest wait for the next run (`more` is logged). */
export const SWEEP_LIMIT = 100;

/** EventBridge Scheduler fires one-shot schedules within about a minute of their time. */
export const SCHEDULER_GRACE_MS = 90_000;

export async function handler(): Promise<SweepResult> {
  const result = await sweep(deps, { limit: SWEEP_LIMIT, graceMs: SCHEDULER_GRACE_MS });
  if (result.failed.length > 0) {
    const ids = result.failed.map((failure) => failure.alertId).join(', ');
    throw new Error(`sweep: ${result.failed.length} of ${result.examined} due alerts not processed (${ids})`);
  }
  return result;
}
