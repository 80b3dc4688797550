/**
 * The safety net under the timers: every `monitoring.check_interval` it lists alerts whose
 * stored timer is due (the due index) and processes each, so a timer that was never created,
 * was lost, or whose delivery kept failing is handled at most one interval late. Running it
 * while timers also fire is harmless: each alert's claims decide who sends.
 *
 * `graceMs` leaves alone what a working timer is still about to deliver: EventBridge Scheduler
 * fires up to about a minute after the instant, and a sweep that raced every such timer would
 * send half the notifications itself and turn each timer into a stale delivery. A lost timer
 * then costs at most one interval plus the grace.
 *
 * One alert's failure does not stop the others. Failures are logged with the alert id and
 * returned in the result rather than thrown: the failed alerts keep their due timers, so the
 * next sweep retries exactly them, whereas a thrown sweep would be retried whole by the
 * scheduler. The caller (the sweeper function) may still turn `failed` into an error metric.
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { AppDeps } from './app-deps.ts';
import { processDue } from './process-due.ts';

export interface SweepOptions {
  /** At most this many due alerts per run; the rest wait for the next run. */
  readonly limit: number;
  /** Alerts processed at once (default 4). */
  readonly concurrency?: number;
  /** Only timers due at least this long ago are the sweeper's (default 0). */
  readonly graceMs?: number;
}

export interface SweepResult {
  /** Due alerts listed and processed. */
  readonly examined: number;
  /** Alerts for which something was sent. */
  readonly notified: number;
  readonly failed: readonly { readonly alertId: string; readonly error: string }[];
  /** True when the limit was reached: more may be due. */
  readonly more: boolean;
}

export async function sweep(deps: AppDeps, options: SweepOptions): Promise<SweepResult> {
  const now = deps.clock.now();
  const due = await deps.store.listDue(now - (options.graceMs ?? 0), options.limit);
  let notified = 0;
  const failed: { alertId: string; error: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < due.length) {
      const alert = due[next++] as Alert;
      const alertId = alert.id;
      try {
        const result = await processDue(deps, alertId, now, alert);
        if (result.kind === 'notified') notified += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.error('sweep: alert not processed', { alertId, error: message });
        failed.push({ alertId, error: message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const result = { examined: due.length, notified, failed, more: due.length >= options.limit };
  deps.logger.info('sweep done', { examined: result.examined, notified, failed: failed.length, more: result.more });
  return result;
}
