import type { Alert } from '../domain/alert/alert.ts';
import type { NotificationFailure } from '../domain/alert/notification-marks.ts';
import type { Instant } from '../domain/instant.ts';
import type { Notification } from '../domain/notifications/notification.ts';

export interface NotifyOutcome {
  /** Channels that accepted the notification. */
  readonly delivered: readonly ('email' | 'slack')[];
  /** Channels that failed after their retries (recorded on the alert, never thrown). */
  readonly failures: readonly NotificationFailure[];
}

/**
 * Renders and delivers one notification on the channels its kind uses (email and/or Slack,
 * per the alert's policy snapshot and the routing configuration).
 *
 * Contract: email is the channel of record. If email was due and SES refused it for every
 * recipient, `send` throws MailError so the caller releases its claim and the notification is
 * retried. Recipients refused while others accepted, and Slack failures, never block delivery:
 * they are returned in `failures` (and recorded), not retried. `now` stamps failures and signs
 * links.
 */
export interface Notifier {
  send(notification: Notification, alert: Alert, now: Instant): Promise<NotifyOutcome>;
}
