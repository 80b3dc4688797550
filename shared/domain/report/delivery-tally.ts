/**
 * The deliveries of a report's alerts, per channel: how many were sent, how many needed more
 * than one attempt (retried), how many failed for good, were skipped as stale, or are still
 * pending; and the recipients whose deliveries failed, most failures first. It counts the
 * deliveries recorded on the alerts opened that day (those kept on each alert: the newest
 * finished ones, see outbox.ts). Pure; fed page by page like the report accumulator.
 */
import type { Alert } from '../alert/alert.ts';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '../delivery/delivery.ts';
import { outboxOf } from '../delivery/outbox.ts';

export interface ChannelDeliveries {
  readonly sent: number;
  /** Sent after more than one attempt, or still retrying. */
  readonly retried: number;
  readonly failed: number;
  readonly skipped: number;
  /** Not yet sent (pending or retrying). */
  readonly open: number;
}

export interface FailingRecipient {
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  readonly failed: number;
  /** The reason of the last failure recorded. */
  readonly reason: string;
}

export interface DeliveryReport {
  readonly byChannel: Readonly<Record<DeliveryChannel, ChannelDeliveries>>;
  /** Most failures first, at most MAX_FAILING_RECIPIENTS. */
  readonly failingRecipients: readonly FailingRecipient[];
}

export const MAX_FAILING_RECIPIENTS = 20;

type Counts = { -readonly [K in keyof ChannelDeliveries]: number };

export class DeliveryTally {
  private readonly counts: Record<DeliveryChannel, Counts> = {
    email: { sent: 0, retried: 0, failed: 0, skipped: 0, open: 0 },
    slack: { sent: 0, retried: 0, failed: 0, skipped: 0, open: 0 },
  };
  private readonly failing = new Map<string, FailingRecipient & { lastAt: number }>();

  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      for (const d of outboxOf(alert)) {
        const counts = this.counts[d.channel];
        if (d.attempts > 1 && d.state !== 'failed') counts.retried += 1;
        switch (d.state) {
          case 'sent':
            counts.sent += 1;
            break;
          case 'failed': {
            counts.failed += 1;
            const key = `${d.channel} ${d.recipient.toLowerCase()}`;
            const known = this.failing.get(key);
            const at = d.doneAt ?? 0;
            const newer = known === undefined || at >= known.lastAt;
            this.failing.set(key, {
              channel: d.channel,
              recipient: d.recipient,
              failed: (known?.failed ?? 0) + 1,
              reason: newer ? (d.reason ?? '') : (known?.reason ?? ''),
              lastAt: newer ? at : (known?.lastAt ?? at),
            });
            break;
          }
          case 'skipped':
            counts.skipped += 1;
            break;
          case 'pending':
          case 'retrying':
            counts.open += 1;
            break;
        }
      }
    }
  }

  finish(): DeliveryReport {
    const byChannel = Object.fromEntries(DELIVERY_CHANNELS.map((c) => [c, { ...this.counts[c] }])) as Record<DeliveryChannel, ChannelDeliveries>;
    const failingRecipients = [...this.failing.values()]
      .sort((a, b) => b.failed - a.failed || a.recipient.localeCompare(b.recipient))
      .slice(0, MAX_FAILING_RECIPIENTS)
      .map(({ channel, recipient, failed, reason }) => ({ channel, recipient, failed, reason }));
    return { byChannel, failingRecipients };
  }
}
