/**
 * Delivery health for the metrics: how many notification deliveries are sent, retrying or
 * failed, per channel, counted from the delivery records kept on alerts. The records of an
 * alert are counted once: the caller feeds today's alerts and the open alerts created before
 * today (see collect-metrics.ts), so an alert in both listings is not counted twice.
 *
 * Alerts record no per-recipient deliveries yet (only claim marks, notification-marks.ts), so
 * `deliveriesOf` finds none and no delivery series is exposed; once alerts carry delivery
 * records, `deliveriesOf` reads them and every channel and state below appears.
 */
import type { Alert } from '../alert/alert.ts';

export type DeliveryChannel = 'email' | 'slack';
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'slack'];
export type DeliveryHealth = 'pending' | 'sent' | 'retrying' | 'failed';
export const DELIVERY_HEALTH: readonly DeliveryHealth[] = ['pending', 'sent', 'retrying', 'failed'];

export interface DeliveryRecord {
  readonly channel: DeliveryChannel;
  readonly state: DeliveryHealth | 'skipped';
}

/** Counts per channel and state; null while alerts carry no delivery records. */
export type DeliveryFigures = Readonly<Record<DeliveryChannel, Readonly<Record<DeliveryHealth, number>>>> | null;

/** The delivery records of an alert. */
export function deliveriesOf(_alert: Alert): readonly DeliveryRecord[] | null {
  return null;
}

export class DeliveryTally {
  private counts: Record<DeliveryChannel, Record<DeliveryHealth, number>> | null = null;

  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      const records = deliveriesOf(alert);
      if (records === null) continue;
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
