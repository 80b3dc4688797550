/**
 * The outbox of an alert: its deliveries, oldest claim first, kept on the alert item so that
 * claiming and recording them is one conditional write. Pure operations only; the sender
 * (shared/app/deliver-outbox.ts) carries them out.
 *
 * Invariants:
 * - `seq` grows by one per delivery recorded; lanes (channel + recipient) are served in `seq`
 *   order: a delivery is ready only when no earlier one of its lane is still open;
 * - open deliveries (pending, retrying) are never pruned; finished ones beyond the newest
 *   OUTBOX_KEEP_DONE are dropped, oldest first, so the item stays bounded.
 */
import type { Alert } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import type { Notification } from '../notifications/notification.ts';
import { isOpen, laneOf, type Delivery, type DeliveryTarget } from './delivery.ts';

/** Finished deliveries kept on an alert (sent, failed, skipped): the newest ones. */
export const OUTBOX_KEEP_DONE = 100;

/** The deliveries of an alert (alerts stored before the outbox existed have none). */
export function outboxOf(alert: Pick<Alert, 'outbox'>): readonly Delivery[] {
  return alert.outbox ?? [];
}

/** `outbox` with one pending delivery per target of each notification, in claim order. */
export function recordDeliveries(
  outbox: readonly Delivery[],
  notifications: readonly Notification[],
  targetsOf: (notification: Notification) => readonly DeliveryTarget[],
  now: Instant,
): Delivery[] {
  let seq = outbox.reduce((max, d) => Math.max(max, d.seq), 0);
  const added: Delivery[] = [];
  for (const notification of notifications) {
    for (const target of targetsOf(notification)) {
      seq += 1;
      added.push({
        seq,
        notification,
        channel: target.channel,
        recipient: target.recipient,
        claimedAt: now,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        messageId: null,
        doneAt: null,
        reason: null,
        leaseUntil: null,
      });
    }
  }
  return prune([...outbox, ...added]);
}

/** When an open delivery may next be taken: after its lease and its next attempt. */
function readyAt(delivery: Delivery): Instant {
  return Math.max(delivery.leaseUntil ?? 0, delivery.nextAttemptAt ?? delivery.claimedAt);
}

/** The first open delivery of each lane (lane order kept), whether or not it is ready yet. */
function laneHeads(outbox: readonly Delivery[]): Delivery[] {
  const heads = new Map<string, Delivery>();
  for (const delivery of [...outbox].sort((a, b) => a.seq - b.seq)) {
    if (!isOpen(delivery)) continue;
    const lane = laneOf(delivery);
    if (!heads.has(lane)) heads.set(lane, delivery);
  }
  return [...heads.values()];
}

/** Deliveries a sender may take at `now`: each lane's first open one, once its time came. */
export function readyDeliveries(outbox: readonly Delivery[], now: Instant): Delivery[] {
  return laneHeads(outbox).filter((d) => readyAt(d) <= now);
}

/** The earliest instant at which some delivery becomes ready; null when none is open. */
export function nextReadyAt(outbox: readonly Delivery[]): Instant | null {
  const heads = laneHeads(outbox);
  return heads.length === 0 ? null : Math.min(...heads.map(readyAt));
}

/**
 * Why a delivery is stale (no longer worth sending), or null. Reminders and at-risk warnings
 * are about a clock still running; once it stopped they would only mislead. Breaches,
 * escalations, new-alert and resolved notifications are facts and always go.
 */
export function staleReason(delivery: Delivery, alert: Pick<Alert, 'acknowledgedAt' | 'resolvedAt'>): string | null {
  switch (delivery.notification.kind) {
    case 'reminder':
    case 'acknowledgment-at-risk':
      if (alert.acknowledgedAt !== null) return 'the alert was acknowledged before it was sent';
      return alert.resolvedAt !== null ? 'the alert was resolved before it was sent' : null;
    case 'resolution-at-risk':
    case 'update-due':
      return alert.resolvedAt !== null ? 'the alert was resolved before it was sent' : null;
    case 'new-alert':
    case 'acknowledgment-breach':
    case 'resolution-breach':
    case 'resolved':
      return null;
  }
}

/** `outbox` with the delivery `seq` replaced by `change(delivery)`. */
export function updateDelivery(outbox: readonly Delivery[], seq: number, change: (delivery: Delivery) => Delivery): Delivery[] {
  return prune(outbox.map((d) => (d.seq === seq ? change(d) : d)));
}

/** Keeps every open delivery and the newest OUTBOX_KEEP_DONE finished ones, in seq order. */
function prune(outbox: readonly Delivery[]): Delivery[] {
  const done = outbox.filter((d) => !isOpen(d));
  if (done.length <= OUTBOX_KEEP_DONE) return [...outbox];
  const dropped = new Set(
    done
      .sort((a, b) => a.seq - b.seq)
      .slice(0, done.length - OUTBOX_KEEP_DONE)
      .map((d) => d.seq),
  );
  return outbox.filter((d) => !dropped.has(d.seq));
}
