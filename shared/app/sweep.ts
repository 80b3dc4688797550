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
 * Due alerts are taken a page at a time, each page resuming after the last, until none is left
 * or `budgetMs` has passed (or `signal` aborts it): a backlog (many timers lost at once) drains
 * in one run instead of one page per interval, and the failed alerts of a page are not listed
 * again in the same run.
 *
 * It also re-feeds the senders: alerts whose deliveries have waited longer than the grace
 * (their queue message was lost in a crash between the claim and the enqueue, or their retry
 * is further than a queue delay reaches) are queued again, up to a page of them per run.
 *
 * One alert's failure does not stop the others. Failures are logged with the alert id and
 * returned in the result rather than thrown: the failed alerts keep their due timers, so the
 * next sweep retries exactly them, whereas a thrown sweep would be retried whole by the
 * scheduler. The caller (the sweeper function) may still turn `failed` into an error metric.
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { DueCursor } from '../ports/alert-store.ts';
import type { AppDeps } from './app-deps.ts';
import { processDue } from './process-due.ts';

export interface SweepOptions {
  /** Due alerts listed, then processed, at a time. */
  readonly pageSize: number;
  /** No page is started once this long has passed since the run began (default: one page). */
  readonly budgetMs?: number;
  /** Alerts processed at once (default 4). */
  readonly concurrency?: number;
  /** Only timers due at least this long ago are the sweeper's (default 0). */
  readonly graceMs?: number;
  /** Once aborted (the process is stopping), no further page is started. */
  readonly signal?: AbortSignal;
}

/**
 * How long a run may keep starting pages: half the check interval, so a run is over before
 * the next one starts, and at most two minutes (the sweeper function may run for five).
 */
export function sweepBudgetMs(checkIntervalSeconds: number): number {
  return Math.min(checkIntervalSeconds * 500, 120_000);
}

export interface SweepResult {
  /** Due alerts listed and processed. */
  readonly examined: number;
  /** Alerts for which something was sent. */
  readonly notified: number;
  readonly failed: readonly { readonly alertId: string; readonly error: string }[];
  /** Alerts whose waiting deliveries were queued again. */
  readonly requeued: number;
  /** True when the run stopped (budget spent, signal aborted) before the due index was read
   * to its end: more may be due (or the next page may turn out empty). */
  readonly more: boolean;
}

export async function sweep(deps: AppDeps, options: SweepOptions): Promise<SweepResult> {
  const now = deps.clock.now();
  const dueBy = now - (options.graceMs ?? 0);
  let examined = 0;
  let notified = 0;
  const failed: { alertId: string; error: string }[] = [];
  let after: DueCursor | null = null;
  const stopping = (): boolean => options.signal?.aborted === true;
  if (stopping()) return { examined, notified, failed, requeued: 0, more: true };
  do {
    const page = await deps.store.listDue(dueBy, options.pageSize, after ?? undefined);
    const outcome = await processAll(deps, page.alerts, now, options.concurrency ?? 4);
    examined += page.alerts.length;
    notified += outcome.notified;
    failed.push(...outcome.failed);
    after = page.next;
  } while (after !== null && !stopping() && deps.clock.now() - now < (options.budgetMs ?? 0));
  const requeued = await requeueWaiting(deps, dueBy, options.pageSize);
  const result = { examined, notified, failed, requeued, more: after !== null };
  deps.logger.info('sweep done', { examined, notified, failed: failed.length, requeued, more: result.more });
  return result;
}

/** Queues again alerts with deliveries ready since before `dueBy`; a failure is logged, not thrown. */
async function requeueWaiting(deps: AppDeps, dueBy: number, limit: number): Promise<number> {
  try {
    const ids = await deps.store.listOutboxDue(dueBy, limit);
    if (ids.length > 0) await deps.deliveries.enqueue(ids);
    return ids.length;
  } catch (error) {
    deps.logger.error('sweep: waiting deliveries not queued again', { error: error instanceof Error ? error.message : String(error) });
    return 0;
  }
}

async function processAll(deps: AppDeps, due: readonly Alert[], now: number, concurrency: number) {
  let notified = 0;
  const failed: { alertId: string; error: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < due.length) {
      const alert = due[next++] as Alert;
      try {
        const result = await processDue(deps, alert.id, now, alert);
        if (result.kind === 'notified') notified += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.error('sweep: alert not processed', { alertId: alert.id, error: message });
        failed.push({ alertId: alert.id, error: message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { notified, failed };
}
