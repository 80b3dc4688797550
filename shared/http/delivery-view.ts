/**
 * How a delivery reads in the API (`GET /alerts/{id}`, `outbox`): what was sent to whom,
 * where it stands, how many attempts it took and the last error the provider gave. Instants
 * as ISO 8601; a Slack destination by its name (the webhook URL is a secret).
 */
import type { Delivery, DeliveryChannel, DeliveryState } from '../domain/delivery/delivery.ts';
import { toIso, toIsoOrNull } from '../domain/instant.ts';

export interface DeliveryView {
  readonly seq: number;
  readonly kind: string;
  readonly reminderNumber: number | null;
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly claimedAt: string;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly messageId: string | null;
  /** When it was sent, failed for good or skipped. */
  readonly doneAt: string | null;
  /** Why it failed for good or was skipped. */
  readonly reason: string | null;
}

export function deliveryView(delivery: Delivery): DeliveryView {
  return {
    seq: delivery.seq,
    kind: delivery.notification.kind,
    reminderNumber: delivery.notification.reminderNumber ?? null,
    channel: delivery.channel,
    recipient: delivery.recipient,
    state: delivery.state,
    attempts: delivery.attempts,
    claimedAt: toIso(delivery.claimedAt),
    nextAttemptAt: delivery.state === 'retrying' ? toIsoOrNull(delivery.nextAttemptAt) : null,
    lastError: delivery.lastError,
    messageId: delivery.messageId,
    doneAt: toIsoOrNull(delivery.doneAt),
    reason: delivery.reason,
  };
}
