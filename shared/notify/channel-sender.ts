/**
 * The DeliverySender on the real channels: renders one delivery for its recipient and makes
 * one attempt. Email: one message per recipient, with links signed for that reader (a click
 * is attributed to them). Slack: the destination's webhook as configured now. Provider
 * failures come back as attempt outcomes (transient or permanent, as the adapters classify
 * them: ses-failure.ts, slack-chat.ts); the Slack webhook URL, a secret, never appears in one.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import type { AttemptOutcome } from '../domain/delivery/delivery-outcome.ts';
import type { Delivery } from '../domain/delivery/delivery.ts';
import type { Instant } from '../domain/instant.ts';
import { actionLinks } from '../domain/links/action-links.ts';
import { viewLinkUrl } from '../domain/links/view-token.ts';
import { ChatError, MailError } from '../errors.ts';
import type { Chat } from '../ports/chat.ts';
import type { DeliverySender } from '../ports/delivery-sender.ts';
import type { Mailer } from '../ports/mailer.ts';
import { slackWebhookOf } from './delivery-targets.ts';
import { buildNotificationView } from './templates/notification-view.ts';
import { renderNotificationEmail } from './templates/render-email.ts';
import { buildSlackMessage } from './templates/slack-message.ts';

export interface ChannelSenderOptions {
  readonly mailer: Mailer;
  readonly chat: Chat;
  readonly config: AppConfig;
  readonly linkSecret: string | Buffer;
}

function failure(error: unknown, secret?: string): AttemptOutcome {
  const raw = error instanceof Error ? error.message : String(error);
  const message = secret === undefined ? raw : raw.split(secret).join('[slack webhook]');
  if (error instanceof MailError || error instanceof ChatError) {
    if (!error.transient) return { kind: 'permanent', error: message };
    return { kind: 'transient', error: message, retryAfterMs: error instanceof ChatError ? error.retryAfterMs : null };
  }
  // Not classified by an adapter (another Mailer or Chat): assume it may pass.
  return { kind: 'transient', error: message, retryAfterMs: null };
}

export class ChannelSender implements DeliverySender {
  constructor(private readonly options: ChannelSenderOptions) {}

  async attempt(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome> {
    switch (delivery.channel) {
      case 'email':
        return this.email(delivery, alert, now);
      case 'slack':
        return this.slack(delivery, alert, now);
    }
  }

  private async email(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome> {
    const { mailer, config, linkSecret } = this.options;
    const recipient = delivery.recipient;
    const links = actionLinks(
      { alertId: alert.id, status: alert.status, recipient, baseUrl: config.links.baseUrl, ttlSeconds: config.links.ttlSeconds, now },
      linkSecret,
    );
    const viewUrl = viewLinkUrl({ subject: { kind: 'alert', alertId: alert.id }, recipient, baseUrl: config.links.baseUrl, ttlSeconds: config.links.ttlSeconds, now }, linkSecret);
    const email = renderNotificationEmail(delivery.notification, alert, { config, now, actionLinks: links, viewUrl });
    try {
      const { messageId } = await mailer.send({ to: [recipient], ...email });
      return { kind: 'accepted', messageId };
    } catch (error) {
      return failure(error);
    }
  }

  private async slack(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome> {
    const { chat, config } = this.options;
    const webhookUrl = slackWebhookOf(delivery.recipient, config);
    if (webhookUrl === null) return { kind: 'permanent', error: `the Slack destination ${delivery.recipient} is no longer configured` };
    const view = buildNotificationView(delivery.notification, alert, { config, now, actionLinks: [] });
    try {
      await chat.post(webhookUrl, buildSlackMessage(view));
      return { kind: 'accepted', messageId: null };
    } catch (error) {
      return failure(error, webhookUrl);
    }
  }
}
