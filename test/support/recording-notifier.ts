/**
 * A notifier that records what it was asked to send instead of rendering and mailing it. It can
 * be told to fail the next N emails (throwing MailError, as the real one does when SES refuses)
 * or to report Slack failures, so use cases can be tested for release-and-retry and for the
 * failure record on the alert.
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { NotificationFailure } from '../../shared/domain/alert/notification-marks.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import type { Notification, NotificationKind } from '../../shared/domain/notifications/notification.ts';
import { MailError } from '../../shared/errors.ts';
import type { Notifier, NotifyOutcome } from '../../shared/ports/notifier.ts';

export interface SentNotification {
  readonly notification: Notification;
  readonly alertId: string;
  readonly at: Instant;
  /** The alert as the notifier saw it (a snapshot). */
  readonly alert: Alert;
}

export interface RecordingNotifierOptions {
  /** Fail this many sends with MailError before succeeding. */
  readonly failEmailTimes?: number;
  /** Report a Slack failure on every send (email still succeeds). */
  readonly failSlack?: boolean;
  /** Called before each send (tests use it to interleave concurrent work). */
  readonly beforeSend?: (notification: Notification, alert: Alert) => Promise<void> | void;
}

export class RecordingNotifier implements Notifier {
  /** Successful sends, in order. */
  readonly sent: SentNotification[] = [];
  /** Sends that threw (email refused). */
  readonly refused: SentNotification[] = [];
  private failEmailRemaining: number;
  failSlack: boolean;
  beforeSend: RecordingNotifierOptions['beforeSend'];

  constructor(options: RecordingNotifierOptions = {}) {
    this.failEmailRemaining = options.failEmailTimes ?? 0;
    this.failSlack = options.failSlack ?? false;
    this.beforeSend = options.beforeSend;
  }

  /** Makes the next `times` sends throw MailError. */
  failEmail(times: number): void {
    this.failEmailRemaining = times;
  }

  async send(notification: Notification, alert: Alert, now: Instant): Promise<NotifyOutcome> {
    if (this.beforeSend !== undefined) await this.beforeSend(notification, alert);
    const record: SentNotification = { notification, alertId: alert.id, at: now, alert };
    if (this.failEmailRemaining > 0) {
      this.failEmailRemaining -= 1;
      this.refused.push(record);
      throw new MailError(`email refused for ${notification.kind}`);
    }
    this.sent.push(record);
    const failures: NotificationFailure[] = this.failSlack
      ? [{ kind: notification.kind, channel: 'slack', at: now, error: 'slack webhook answered 500' }]
      : [];
    return { delivered: this.failSlack ? ['email'] : ['email', 'slack'], failures };
  }

  /** Kinds sent, in order (for one alert when `alertId` is given). */
  kinds(alertId?: string): NotificationKind[] {
    return this.sent.filter((s) => alertId === undefined || s.alertId === alertId).map((s) => s.notification.kind);
  }

  /** Sends of one kind. */
  ofKind(kind: NotificationKind): SentNotification[] {
    return this.sent.filter((s) => s.notification.kind === kind);
  }
}
