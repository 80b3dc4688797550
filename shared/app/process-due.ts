/**
 * Handles everything due for one alert at `now`, whoever asks (a timer of any kind, the
 * sweeper, a response that made the `resolved` notification due):
 *
 * 1. decide from the stored alert (decideDue) and claim the decision with one conditional
 *    write (marks, a system escalation response, the next timer's plan); a lost race re-reads
 *    and re-decides, so of two deliveries racing only one sends;
 * 2. send each notification; a send that throws (email refused) releases the claim of what was
 *    not sent, storing a timer due again, and rethrows so the delivery is retried (the sweeper
 *    also finds the due timer);
 * 3. arm the next timer, then record Slack failures on the alert.
 *
 * When nothing is due the stored plan is still checked, so an alert stored without a timer (or
 * with an outdated one) gets the right one.
 *
 * Known limit: a crash between the claim and the sends (or a failed release) loses those
 * notifications instead of risking them twice; the failed release is logged as an error.
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { NotificationFailure } from '../domain/alert/notification-marks.ts';
import type { Instant } from '../domain/instant.ts';
import type { Notification } from '../domain/notifications/notification.ts';
import { claimDue, recordFailures, releaseClaim } from '../domain/timers/claim-due.ts';
import { decideDue, type DueDecision, type NotifyDecision } from '../domain/timers/decide-due.ts';
import { replanTimer } from '../domain/timers/plan-timer.ts';
import type { AppDeps } from './app-deps.ts';
import { armTimer } from './arm-timer.ts';
import { retryOnConflict, type Change, type Changed } from './retry-on-conflict.ts';

export type ProcessDueResult =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'notified'; readonly alert: Alert; readonly sent: readonly Notification[]; readonly escalated: boolean }
  | { readonly kind: 'nothing-due'; readonly alert: Alert }
  | { readonly kind: 'alert-resolved'; readonly alert: Alert };

function decideAndClaim(now: Instant) {
  return (current: Alert): Change<DueDecision> => {
    const decision = decideDue(current, now);
    switch (decision.kind) {
      case 'notify':
        return { kind: 'write', alert: claimDue(current, decision, now), result: decision };
      case 'nothing-due':
      case 'alert-resolved': {
        const replanned = replanTimer(current);
        if (replanned === current) return { kind: 'keep', result: decision };
        return { kind: 'write', alert: { ...replanned, version: current.version + 1 }, result: decision };
      }
    }
  };
}

/** `known`: the alert as just read or written by the caller, to save a read (a race re-reads). */
export async function processDue(deps: AppDeps, alertId: string, now: Instant, known?: Alert): Promise<ProcessDueResult> {
  const first = known ?? (await deps.store.get(alertId));
  if (first === null) return { kind: 'not-found' };
  const claimed = await retryOnConflict(deps.store, alertId, decideAndClaim(now), { first });
  const decision = claimed.result;
  switch (decision.kind) {
    case 'nothing-due':
    case 'alert-resolved':
      await armTimer(deps, { alertId, before: claimed.before.timer, after: claimed.after.timer, now });
      return { kind: decision.kind, alert: claimed.after };
    case 'notify':
      return sendClaimed(deps, { ...claimed, result: decision }, now);
  }
}

/**
 * Sends what a stored claim decided, then arms the next timer. Exported for intake, which
 * stores a new alert with its new-alert notification already claimed (one write instead of a
 * create and a claim).
 */
export async function sendClaimed(deps: AppDeps, claimed: Changed<NotifyDecision>, now: Instant): Promise<ProcessDueResult> {
  const { before, after: alert, result: decision } = claimed;
  const sent: Notification[] = [];
  const failures: NotificationFailure[] = [];
  for (const [index, notification] of decision.notifications.entries()) {
    try {
      const outcome = await deps.notifier.send(notification, alert, now);
      sent.push(notification);
      failures.push(...outcome.failures);
    } catch (error) {
      const unsent = decision.notifications.slice(index);
      deps.logger.error('notification not sent: claim released for a retry', {
        alertId: alert.id,
        kind: notification.kind,
        unsent: unsent.map((n) => n.kind),
        error: error instanceof Error ? error.message : String(error),
      });
      await release(deps, claimed, sent, unsent, failures);
      throw error;
    }
  }
  deps.logger.info('notified', { alertId: alert.id, kinds: sent.map((n) => n.kind), escalated: decision.escalate });
  await armTimer(deps, { alertId: alert.id, before: before.timer, after: alert.timer, now });
  if (failures.length > 0) {
    await retryOnConflict(deps.store, alert.id, (current) => ({ kind: 'write', alert: recordFailures(current, failures), result: null }));
  }
  return { kind: 'notified', alert, sent, escalated: decision.escalate };
}

async function release(
  deps: AppDeps,
  claimed: Changed<NotifyDecision>,
  sent: readonly Notification[],
  unsent: readonly Notification[],
  failures: readonly NotificationFailure[],
): Promise<void> {
  const { before, result: decision } = claimed;
  try {
    await retryOnConflict(deps.store, before.id, (current) => ({
      kind: 'write',
      alert: releaseClaim(current, before.notified, decision.marks, sent, unsent, failures),
      result: null,
    }));
  } catch (error) {
    // The claim stays: these notifications will not be retried. Say so loudly, then let the
    // original send failure propagate (it is the cause the caller must see).
    deps.logger.error('claim not released: notifications lost', {
      alertId: before.id,
      kinds: unsent.map((n) => n.kind),
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
