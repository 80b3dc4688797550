/**
 * Handles everything due for one alert at `now`, whoever asks (a timer of any kind, the
 * sweeper, a response that made the `resolved` notification due):
 *
 * 1. decide from the stored alert (decideDue) and claim the decision with one conditional
 *    write: marks, a system escalation response, the next timer's plan, and one pending
 *    delivery per recipient and channel of each notification (the outbox); a lost race
 *    re-reads and re-decides, so of two processes racing only one records deliveries;
 * 2. arm the next timer and hand the alert to the senders (the delivery queue).
 *
 * Nothing is sent here. Deliveries are made by paced senders (deliver-one.ts): the sender
 * Lambda fed by an SQS queue on AWS, a loop on one machine. Delivery is at least once per
 * recipient and channel: a crash after the claim leaves pending deliveries that the senders
 * find (on AWS the sweeper re-feeds any whose queue message was lost); a duplicate happens
 * only when a crash falls between a provider accepting and the mark being written.
 *
 * When nothing is due the stored plan is still checked, so an alert stored without a timer (or
 * with an outdated one) gets the right one.
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';
import type { Notification } from '../domain/notifications/notification.ts';
import { claimDue } from '../domain/timers/claim-due.ts';
import { decideDue, type DueDecision, type NotifyDecision } from '../domain/timers/decide-due.ts';
import { replanTimer } from '../domain/timers/plan-timer.ts';
import { deliveryTargets } from '../notify/delivery-targets.ts';
import type { AppDeps } from './app-deps.ts';
import { armTimer } from './arm-timer.ts';
import { retryOnConflict, type Change, type Changed } from './retry-on-conflict.ts';

export type ProcessDueResult =
  | { readonly kind: 'not-found' }
  /** `sent`: the notifications claimed (their deliveries are recorded and queued). */
  | { readonly kind: 'notified'; readonly alert: Alert; readonly sent: readonly Notification[]; readonly escalated: boolean }
  | { readonly kind: 'nothing-due'; readonly alert: Alert }
  | { readonly kind: 'alert-resolved'; readonly alert: Alert };

function decideAndClaim(deps: AppDeps, now: Instant) {
  const targets = deliveryTargets(deps.config);
  return (current: Alert): Change<DueDecision> => {
    const decision = decideDue(current, now);
    switch (decision.kind) {
      case 'notify':
        return { kind: 'write', alert: claimDue(current, decision, now, targets), result: decision };
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
  const claimed = await retryOnConflict(deps.store, alertId, decideAndClaim(deps, now), { first });
  const decision = claimed.result;
  switch (decision.kind) {
    case 'nothing-due':
    case 'alert-resolved':
      await armTimer(deps, { alertId, before: claimed.before.timer, after: claimed.after.timer, now });
      return { kind: decision.kind, alert: claimed.after };
    case 'notify': {
      const claim = { ...claimed, result: decision };
      await afterClaims(deps, [claim], now);
      return { kind: 'notified', alert: claim.after, sent: decision.notifications, escalated: decision.escalate };
    }
  }
}

/**
 * What follows stored claims: arm each alert's next timer, then hand the alerts to the
 * senders in one call. Exported for intake, which stores a new alert with its new-alert
 * notification already claimed (one write instead of a create and a claim).
 */
export async function afterClaims(deps: AppDeps, claims: readonly Changed<NotifyDecision>[], now: Instant): Promise<void> {
  for (const { before, after, result } of claims) {
    deps.logger.info('notifications claimed', { alertId: after.id, kinds: result.notifications.map((n) => n.kind), escalated: result.escalate });
    await armTimer(deps, { alertId: after.id, before: before.timer, after: after.timer, now });
  }
  if (claims.length === 0) return;
  try {
    await deps.deliveries.enqueue(claims.map((c) => c.after.id));
  } catch (error) {
    // Stored is what matters: the sweeper re-feeds deliveries left pending (the local loop
    // finds them in the table). Failing the caller would only repeat a claim already stored.
    deps.logger.warn('deliveries stored but not queued: the sweeper will queue them', {
      alertIds: claims.map((c) => c.after.id),
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
