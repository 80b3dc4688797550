/**
 * Lambda entry point of the sweeper, run by a rate schedule every `monitoring.check_interval`.
 * The sweep handles every alert it can and reports the ones it could not; this function then
 * fails the invocation so the failure counts in the function's Errors alarm and reaches the
 * dead-letter queue. The failed alerts keep their due timers, so the next run retries them.
 */
import { sweep, sweepBudgetMs, type SweepResult } from '../shared/app/sweep.ts';
import { serve } from './runtime/aws-root.ts';

/** Due alerts listed and processed at a time, as on one machine; a run takes pages until none
 * is left or its budget is spent (then `more` is logged and the next run goes on). */
export const SWEEP_PAGE_SIZE = 100;

/** EventBridge Scheduler fires one-shot schedules within about a minute of their time. */
export const SCHEDULER_GRACE_MS = 90_000;

export const handler = serve(({ deps }) => async (): Promise<SweepResult> => {
  const result = await sweep(deps, {
    pageSize: SWEEP_PAGE_SIZE,
    budgetMs: sweepBudgetMs(deps.config.monitoring.checkIntervalSeconds),
    graceMs: SCHEDULER_GRACE_MS,
  });
  if (result.failed.length > 0) {
    const ids = result.failed.map((failure) => failure.alertId).join(', ');
    throw new Error(`sweep: ${result.failed.length} of ${result.examined} due alerts not processed (${ids})`);
  }
  return result;
});
