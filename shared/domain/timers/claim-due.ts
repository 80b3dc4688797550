/**
 * The stored side of notifying: the alert as written by the conditional update that claims a
 * decision's notifications. The same write records one pending delivery per recipient and
 * channel of each notification (the outbox, shared/domain/delivery), so what is claimed is
 * never forgotten: senders make the deliveries afterwards, at the providers' rates, and retry
 * what fails for a while (delivery-outcome.ts).
 *
 * Claim first, deliver second: of two processes racing on one alert only the one whose claim
 * is stored records deliveries, so a notification is recorded once; its deliveries are made at
 * least once each.
 */
import type { Alert } from '../alert/alert.ts';
import { responseRoom } from '../alert/apply-response.ts';
import { responseId, type Response } from '../alert/response.ts';
import type { DeliveryTarget } from '../delivery/delivery.ts';
import { outboxOf, recordDeliveries } from '../delivery/outbox.ts';
import type { Instant } from '../instant.ts';
import type { Notification } from '../notifications/notification.ts';
import { SYSTEM_RESPONDER, type NotifyDecision } from './decide-due.ts';
import { replanTimer } from './plan-timer.ts';

/** Where each notification goes (routing is configuration: the caller resolves it). */
export type TargetsOf = (notification: Notification, alert: Alert) => readonly DeliveryTarget[];

function escalationResponse(alert: Alert, now: Instant): Response {
  return {
    id: responseId(alert.id, alert.responses.length + 1),
    type: 'escalation',
    by: SYSTEM_RESPONDER,
    note: 'Not acknowledged by the acknowledgment deadline: escalated.',
    at: now,
    via: 'system',
    actor: 'system',
  };
}

/**
 * The alert that claims `decision`: marks set, escalation recorded, one pending delivery per
 * target of each notification, next timer planned, version + 1.
 */
export function claimDue(alert: Alert, decision: NotifyDecision, now: Instant, targetsOf: TargetsOf): Alert {
  // Near the response cap the escalation is still notified, just not recorded as a response:
  // the last places are kept for the acknowledgment and the resolution.
  const escalation = decision.escalate && alert.responses.length < responseRoom(alert, 'escalation') ? [escalationResponse(alert, now)] : [];
  const claimed: Alert = {
    ...alert,
    version: alert.version + 1,
    notified: decision.marks,
    responses: [...alert.responses, ...escalation],
  };
  return replanTimer({ ...claimed, outbox: recordDeliveries(outboxOf(alert), decision.notifications, (n) => targetsOf(n, claimed), now) });
}
