/**
 * A DeliverySender that records each delivery it was asked to make instead of rendering and
 * sending it. It can be told to fail the next N email attempts transiently (as SES does when
 * throttled), to refuse some addresses for good (as SES does for an unverified address in
 * the sandbox), or to fail Slack, so use cases can be tested for retries and failure records.
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { AttemptOutcome } from '../../shared/domain/delivery/delivery-outcome.ts';
import type { Delivery } from '../../shared/domain/delivery/delivery.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import type { Notification, NotificationKind } from '../../shared/domain/notifications/notification.ts';
import type { DeliverySender } from '../../shared/ports/delivery-sender.ts';

export interface SentDelivery {
  readonly notification: Notification;
  readonly delivery: Delivery;
  readonly alertId: string;
  readonly at: Instant;
  /** The alert as the sender saw it (a snapshot). */
  readonly alert: Alert;
}

export interface RecordingSenderOptions {
  /** Fail this many email attempts (transiently) before succeeding. */
  readonly failEmailTimes?: number;
  /** Fail every Slack attempt (transiently: HTTP 500). */
  readonly failSlack?: boolean;
  /** Called before each attempt (tests use it to interleave concurrent work). */
  readonly beforeSend?: (notification: Notification, alert: Alert) => Promise<void> | void;
}

export class RecordingSender implements DeliverySender {
  /** Accepted deliveries, in order. */
  readonly sent: SentDelivery[] = [];
  /** Attempts that failed. */
  readonly refused: SentDelivery[] = [];
  private failEmailRemaining: number;
  private readonly refusedAddresses = new Set<string>();
  failSlack: boolean;
  beforeSend: RecordingSenderOptions['beforeSend'];

  constructor(options: RecordingSenderOptions = {}) {
    this.failEmailRemaining = options.failEmailTimes ?? 0;
    this.failSlack = options.failSlack ?? false;
    this.beforeSend = options.beforeSend;
  }

  /** Makes the next `times` email attempts fail transiently (SES throttling). */
  failEmail(times: number): void {
    this.failEmailRemaining = times;
  }

  /** Refuses every email to `address` for good (SES MessageRejected). */
  refuse(address: string): void {
    this.refusedAddresses.add(address.toLowerCase());
  }

  async attempt(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome> {
    if (this.beforeSend !== undefined) await this.beforeSend(delivery.notification, alert);
    const record: SentDelivery = { notification: delivery.notification, delivery, alertId: alert.id, at: now, alert };
    if (delivery.channel === 'email' && this.refusedAddresses.has(delivery.recipient.toLowerCase())) {
      this.refused.push(record);
      return { kind: 'permanent', error: 'SES MessageRejected: Email address is not verified' };
    }
    if (delivery.channel === 'email' && this.failEmailRemaining > 0) {
      this.failEmailRemaining -= 1;
      this.refused.push(record);
      return { kind: 'transient', error: 'SES Throttling: Maximum sending rate exceeded', retryAfterMs: null };
    }
    if (delivery.channel === 'slack' && this.failSlack) {
      this.refused.push(record);
      return { kind: 'transient', error: 'Slack did not accept the message after 1 attempts (HTTP 500)', retryAfterMs: null };
    }
    this.sent.push(record);
    return { kind: 'accepted', messageId: delivery.channel === 'email' ? `recorded-${this.sent.length}` : null };
  }

  /** The notifications delivered (each once, however many recipients), in order of first delivery. */
  notifications(alertId?: string): SentDelivery[] {
    const seen = new Set<string>();
    return this.sent.filter((s) => {
      if (alertId !== undefined && s.alertId !== alertId) return false;
      const n = s.notification;
      const key = `${s.alertId}|${n.kind}|${n.dueAt}|${n.reminderNumber ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Kinds delivered, in order (for one alert when `alertId` is given), each notification once. */
  kinds(alertId?: string): NotificationKind[] {
    return this.notifications(alertId).map((s) => s.notification.kind);
  }

  /** Notifications of one kind delivered, each once. */
  ofKind(kind: NotificationKind): SentDelivery[] {
    return this.notifications().filter((s) => s.notification.kind === kind);
  }

  /** Deliveries accepted more than once for the same notification, channel and recipient. */
  duplicates(): string[] {
    const counts = new Map<string, number>();
    for (const s of this.sent) {
      const n = s.notification;
      const key = `${s.alertId} ${n.kind}@${n.dueAt}#${n.reminderNumber ?? ''} ${s.delivery.channel}:${s.delivery.recipient}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].filter(([, n]) => n > 1).map(([key]) => key);
  }

  /** Deliveries accepted for one channel and recipient. */
  to(channel: Delivery['channel'], recipient: string): SentDelivery[] {
    return this.sent.filter((s) => s.delivery.channel === channel && s.delivery.recipient.toLowerCase() === recipient.toLowerCase());
  }
}
