/**
 * Delivery health for the metrics: how many notification deliveries are pending, sent,
 * retrying or failed, per channel, counted from the outbox kept on each alert (the open
 * deliveries and the newest finished ones, outbox.ts). The records of an alert are counted
 * once: the caller feeds today's alerts and the open alerts created before today (see
 * collect-metrics.ts), so an alert in both listings is not counted twice. A skipped delivery
 * (stale when its turn came) was owed to nobody any more and is not a health figure.
 */
import type { Alert } from '../alert/alert.ts';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '../delivery/delivery.ts';
import { outboxOf } from '../delivery/outbox.ts';

export { DELIVERY_CHANNELS, type DeliveryChannel };
export type DeliveryHealth = 'pending' | 'sent' | 'retrying' | 'failed';
export const DELIVERY_HEALTH: readonly DeliveryHealth[] = ['pending', 'sent', 'retrying', 'failed'];

/** Counts per channel and state; null when no alert counted had a delivery. */
export type DeliveryFigures = Readonly<Record<DeliveryChannel, Readonly<Record<DeliveryHealth, number>>>> | null;

export class DeliveryTally {
  private counts: Record<DeliveryChannel, Record<DeliveryHealth, number>> | null = null;

  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      const records = outboxOf(alert);
      if (records.length === 0) continue;
      this.counts ??= {
        email: { pending: 0, sent: 0, retrying: 0, failed: 0 },
        slack: { pending: 0, sent: 0, retrying: 0, failed: 0 },
      };
      for (const record of records) {
        // A skipped delivery was never due to anyone (stale when its turn came): not a health figure.
        if (record.state !== 'skipped') this.counts[record.channel][record.state] += 1;
      }
    }
  }

  finish(): DeliveryFigures {
    return this.counts;
  }
}

/** Two sets of delivery figures added (null when both are). */
export function addDeliveryFigures(a: DeliveryFigures, b: DeliveryFigures): DeliveryFigures {
  if (a === null || b === null) return a ?? b;
  return Object.fromEntries(
    DELIVERY_CHANNELS.map((channel) => [channel, Object.fromEntries(DELIVERY_HEALTH.map((state) => [state, a[channel][state] + b[channel][state]]))]),
  ) as Record<DeliveryChannel, Record<DeliveryHealth, number>>;
}
