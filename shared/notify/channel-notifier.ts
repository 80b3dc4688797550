/**
 * The Notifier: renders a notification and delivers it by email (one message per recipient,
 * so each carries links signed for its reader and a click is attributed to them) and to Slack.
 *
 * Email goes first and is the channel of record: if any recipient's email is refused, `send`
 * throws MailError before Slack is tried, so the caller's retry never posts to Slack twice.
 * (Recipients whose email was accepted before the failure get it again on that retry: a
 * duplicate email beats a missing one.) Slack failures are returned, never thrown, and logged
 * without the webhook URL, which is a secret.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import type { NotificationFailure } from '../domain/alert/notification-marks.ts';
import type { Instant } from '../domain/instant.ts';
import { actionLinks } from '../domain/links/action-links.ts';
import { viewLinkUrl } from '../domain/links/view-token.ts';
import type { Notification } from '../domain/notifications/notification.ts';
import { MailError } from '../errors.ts';
import type { Chat } from '../ports/chat.ts';
import type { Logger } from '../ports/logger.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Notifier, NotifyOutcome } from '../ports/notifier.ts';
import { routeNotification } from './notification-routing.ts';
import { buildNotificationView } from './templates/notification-view.ts';
import { renderNotificationEmail } from './templates/render-email.ts';
import { buildSlackMessage } from './templates/slack-message.ts';

export interface ChannelNotifierOptions {
  readonly mailer: Mailer;
  readonly chat: Chat;
  readonly config: AppConfig;
  readonly linkSecret: string | Buffer;
  readonly logger: Logger;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ChannelNotifier implements Notifier {
  constructor(private readonly options: ChannelNotifierOptions) {}

  async send(notification: Notification, alert: Alert, now: Instant): Promise<NotifyOutcome> {
    const route = routeNotification(notification.kind, alert, this.options.config);
    const delivered: ('email' | 'slack')[] = [];
    const failures: NotificationFailure[] = [];
    if (route.emailTo.length > 0) {
      failures.push(...(await this.sendEmails(notification, alert, now, route.emailTo)));
      delivered.push('email');
    }
    if (route.slackWebhookUrl !== null) {
      const failure = await this.postSlack(notification, alert, now, route.slackWebhookUrl);
      if (failure === null) delivered.push('slack');
      else failures.push(failure);
    }
    return { delivered, failures };
  }

  /**
   * One email per recipient. When every recipient is refused, MailError: the notification was
   * not delivered at all and is retried. When some accepted it, it was delivered: the refused
   * ones are returned as failures (recorded on the alert) rather than retried, since a retry
   * would mail everyone who already has it again, and an address refused for good (an
   * unverified SES sandbox recipient) would do so forever.
   */
  private async sendEmails(notification: Notification, alert: Alert, now: Instant, recipients: readonly string[]): Promise<NotificationFailure[]> {
    const { mailer, config, linkSecret, logger } = this.options;
    const refused: { recipient: string; error: unknown }[] = [];
    // Every recipient is tried even after a refusal, so one bad mailbox does not silence the rest.
    for (const recipient of recipients) {
      const links = actionLinks(
        { alertId: alert.id, status: alert.status, recipient, baseUrl: config.links.baseUrl, ttlSeconds: config.links.ttlSeconds, now },
        linkSecret,
      );
      const viewUrl = viewLinkUrl({ subject: { kind: 'alert', alertId: alert.id }, recipient, baseUrl: config.links.baseUrl, ttlSeconds: config.links.ttlSeconds, now }, linkSecret);
      const email = renderNotificationEmail(notification, alert, { config, now, actionLinks: links, viewUrl });
      try {
        await mailer.send({ to: [recipient], ...email });
      } catch (error) {
        refused.push({ recipient, error });
      }
    }
    for (const { recipient, error } of refused) {
      logger.error('notification email refused', { alertId: alert.id, kind: notification.kind, recipient, error: errorMessage(error) });
    }
    if (refused.length === recipients.length) {
      throw new MailError(`email for ${notification.kind} of alert ${alert.id} refused for all ${recipients.length} recipients`, refused[0]?.error);
    }
    return refused.map(({ recipient, error }) => ({ kind: notification.kind, channel: 'email', at: now, error: `${recipient}: ${errorMessage(error)}` }));
  }

  private async postSlack(notification: Notification, alert: Alert, now: Instant, webhookUrl: string): Promise<NotificationFailure | null> {
    const { chat, config, logger } = this.options;
    const view = buildNotificationView(notification, alert, { config, now, actionLinks: [] });
    try {
      await chat.post(webhookUrl, buildSlackMessage(view));
      return null;
    } catch (error) {
      // The adapter never puts the URL in its errors; redacting here also covers other Chat implementations.
      const message = errorMessage(error).split(webhookUrl).join('[slack webhook]');
      logger.warn('slack notification failed', { alertId: alert.id, kind: notification.kind, error: message });
      return { kind: notification.kind, channel: 'slack', at: now, error: message };
    }
  }
}
