/**
 * A delivery: one notification to one recipient on one channel (an email address, or a Slack
 * destination), recorded on the alert by the same conditional write that claims the
 * notification, then made by a paced sender. Deciding that a notification is due and
 * delivering it are two stages; this record is what joins them, so nothing claimed can be
 * forgotten: a crash after the claim leaves a pending delivery that a sender finds and makes.
 *
 * States (a delivery only moves forward, except retrying -> retrying):
 * - `pending`: claimed, not yet accepted by the provider;
 * - `retrying`: a transient failure (throttling, 5xx, network, timeout); tried again at
 *   `nextAttemptAt` until the retry horizon, then `failed`;
 * - `sent`: the provider accepted it (`messageId` when it gives one);
 * - `failed`: a permanent failure (refused address, unknown Slack channel) or the horizon
 *   passed; never tried again;
 * - `skipped`: not sent because it was stale when its turn came (a reminder or at-risk
 *   warning about a clock that has stopped).
 *
 * Guarantee: at least once per recipient and channel. A sender leases a delivery (`leaseUntil`)
 * before sending and marks it after; a crash between the provider accepting and the mark
 * being written lets the lease run out and the delivery is made again (the one duplicate
 * case), never lost.
 *
 * Slack destinations are names (`default`, `priority:high`, `integration:am`), never the
 * webhook URL, which is a secret: the sender resolves the URL from the configuration in force.
 */
import type { Instant } from '../instant.ts';
import type { Notification } from '../notifications/notification.ts';

export type DeliveryChannel = 'email' | 'slack';
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'slack'];

export type DeliveryState = 'pending' | 'retrying' | 'sent' | 'failed' | 'skipped';
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'retrying', 'sent', 'failed', 'skipped'];

export interface Delivery {
  /** Claim order within the alert (1, 2, ...): deliveries to one recipient go out in this order. */
  readonly seq: number;
  readonly notification: Notification;
  readonly channel: DeliveryChannel;
  /** An email address, or a Slack destination name. */
  readonly recipient: string;
  /** When the claim that recorded it was written. */
  readonly claimedAt: Instant;
  readonly state: DeliveryState;
  /** Provider calls made so far. */
  readonly attempts: number;
  /** `retrying`: when to try again. */
  readonly nextAttemptAt: Instant | null;
  /** The last failure, as the provider put it (no secrets). Kept after a later success. */
  readonly lastError: string | null;
  /** `sent`: the provider's message id (SES gives one; Slack does not). */
  readonly messageId: string | null;
  /** When it was sent, failed for good or skipped. */
  readonly doneAt: Instant | null;
  /** `failed`/`skipped`: why, in words. */
  readonly reason: string | null;
  /** A sender holds it until then; another sender may take it after (its sender crashed). */
  readonly leaseUntil: Instant | null;
}

/** Where a notification goes: one per email recipient, one per Slack destination. */
export interface DeliveryTarget {
  readonly channel: DeliveryChannel;
  readonly recipient: string;
}

export function isOpen(delivery: Delivery): boolean {
  return delivery.state === 'pending' || delivery.state === 'retrying';
}

/** The lane a delivery's order is kept in: one channel and recipient of one alert. */
export function laneOf(delivery: Pick<Delivery, 'channel' | 'recipient'>): string {
  return `${delivery.channel}:${delivery.recipient.toLowerCase()}`;
}
