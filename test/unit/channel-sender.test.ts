import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Delivery } from '../../shared/domain/delivery/delivery.ts';
import { recordDeliveries } from '../../shared/domain/delivery/outbox.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { verifyLinkToken } from '../../shared/domain/links/link-token.ts';
import type { NotificationKind } from '../../shared/domain/notifications/notification.ts';
import { ChatError, MailError } from '../../shared/errors.ts';
import { ChannelSender } from '../../shared/notify/channel-sender.ts';
import { deliveryTargets } from '../../shared/notify/delivery-targets.ts';
import type { Chat, ChatMessage } from '../../shared/ports/chat.ts';
import { FIXTURE_CREATED_AT, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SLACK_WEBHOOK_URL, testConfig } from '../support/config-fixtures.ts';
import { RecordingMailer } from '../support/recording-mailer.ts';

const SECRET = 'notifier-link-secret-0123456789ab';
const NOW = FIXTURE_CREATED_AT + 31 * MINUTE_MS;
const ONCALL = 'oncall-high@example.test';
const MANAGER = 'manager@example.test';

class RecordingChat implements Chat {
  readonly posts: { url: string; message: ChatMessage }[] = [];
  failWith: Error | null = null;

  async post(webhookUrl: string, message: ChatMessage): Promise<void> {
    if (this.failWith !== null) throw this.failWith;
    this.posts.push({ url: webhookUrl, message });
  }
}

const targets = (kind: NotificationKind, alert: Alert = makeAlert(), config: AppConfig = testConfig()) =>
  deliveryTargets(config)({ kind, alertId: alert.id, dueAt: NOW }, alert).map((t) => `${t.channel}:${t.recipient}`);

function setup(config: AppConfig = testConfig()) {
  const mailer = new RecordingMailer();
  const chat = new RecordingChat();
  const sender = new ChannelSender({ mailer, chat, config, linkSecret: SECRET });
  const deliveriesOf = (kind: NotificationKind, alert: Alert = makeAlert()): Delivery[] =>
    recordDeliveries([], [{ kind, alertId: alert.id, dueAt: NOW }], (n) => deliveryTargets(config)(n, alert), NOW);
  const sendAll = async (kind: NotificationKind, alert: Alert = makeAlert()) =>
    Promise.all(deliveriesOf(kind, alert).map((d) => sender.attempt(d, alert, NOW)));
  return { mailer, chat, sender, deliveriesOf, sendAll };
}

/** Fixture alert (high): reminders by email only, other notifications by email and Slack. */
const slackReminders = makeAlert({ sla: { ...HIGH_24X7_POLICY, reminders: { ...HIGH_24X7_POLICY.reminders, channels: ['slack'] } } });

describe('delivery targets', () => {
  it('email to the priority recipients and the Slack destination for at-risk, breach, update-due and resolved', () => {
    for (const kind of ['acknowledgment-at-risk', 'resolution-at-risk', 'resolution-breach', 'update-due', 'resolved'] as const) {
      expect(targets(kind)).toEqual([`email:${ONCALL}`, 'slack:default']);
    }
  });

  it('reminders on the reminder channels only; a new alert is always emailed (it carries the links)', () => {
    expect(targets('reminder')).toEqual([`email:${ONCALL}`]);
    expect(targets('reminder', slackReminders)).toEqual(['slack:default']);
    expect(targets('new-alert', slackReminders)).toEqual([`email:${ONCALL}`, 'slack:default']);
  });

  it('an acknowledgment breach also goes to the escalation contacts, each address once', () => {
    expect(targets('acknowledgment-breach')).toEqual([`email:${ONCALL}`, `email:${MANAGER}`, 'slack:default']);
    const config = testConfig({ notifications: { escalation: { high: ['ONCALL-high@example.test', MANAGER] } } });
    expect(targets('acknowledgment-breach', makeAlert(), config)).toEqual([`email:${ONCALL}`, `email:${MANAGER}`, 'slack:default']);
  });

  it('names the Slack destination (integration, then priority, then default), never its secret URL', () => {
    const config = testConfig({
      integrations: [{ id: 'alertmanager-main', format: 'alertmanager', secrets: ['s'.repeat(32)], slack_webhook_url: 'https://hooks.slack.test/integration' }],
      notifications: { slack_webhook_urls: { high: 'https://hooks.slack.test/high' } },
    });
    expect(targets('resolved', makeAlert(), config)).toContain('slack:integration:alertmanager-main');
    expect(targets('resolved', makeAlert({ integrationId: 'other' }), config)).toContain('slack:priority:high');
    expect(targets('resolved', makeAlert(), testConfig({ notifications: { slack_webhook_url: null } }))).toEqual([`email:${ONCALL}`]);
  });
});

describe('ChannelSender', () => {
  it('sends each recipient one email with links signed for them, and returns the message id', async () => {
    const { mailer, sendAll } = setup();
    const outcomes = await sendAll('acknowledgment-breach');
    expect(outcomes.slice(0, 2)).toEqual([
      { kind: 'accepted', messageId: 'recorded-1' },
      { kind: 'accepted', messageId: 'recorded-2' },
    ]);
    expect(mailer.recipients()).toEqual([ONCALL, MANAGER]);
    for (const message of mailer.sent) {
      expect(message.to).toHaveLength(1);
      const tokens = [...message.text.matchAll(/\/ack\/(\S+)/g)].map((m) => m[1] ?? '');
      expect(tokens).toHaveLength(3);
      for (const token of tokens) {
        const verified = verifyLinkToken(token, SECRET, NOW, { alertId: makeAlert().id });
        expect(verified.ok && verified.claims.recipient).toBe(message.to[0]);
      }
    }
  });

  it('posts to the webhook the destination names now', async () => {
    const { chat, sendAll } = setup();
    expect((await sendAll('resolved'))[1]).toEqual({ kind: 'accepted', messageId: null });
    expect(chat.posts.map((p) => p.url)).toEqual([TEST_SLACK_WEBHOOK_URL]);
  });

  it('tells a permanent refusal from a transient failure, as the adapters classified them', async () => {
    const { mailer, sender, deliveriesOf } = setup();
    const alert = makeAlert();
    const [email] = deliveriesOf('resolved', alert) as [Delivery];
    mailer.send = async () => {
      throw new MailError('SES MessageRejected: Email address is not verified', undefined, { transient: false });
    };
    expect(await sender.attempt(email, alert, NOW)).toEqual({ kind: 'permanent', error: 'SES MessageRejected: Email address is not verified' });
    mailer.send = async () => {
      throw new MailError('SES Throttling: Maximum sending rate exceeded', undefined, { transient: true });
    };
    expect(await sender.attempt(email, alert, NOW)).toEqual({ kind: 'transient', error: 'SES Throttling: Maximum sending rate exceeded', retryAfterMs: null });
  });

  it('passes Slack Retry-After on, and never lets the webhook URL into an error', async () => {
    const { chat, sender, deliveriesOf } = setup();
    const alert = makeAlert();
    const slack = deliveriesOf('resolved', alert)[1] as Delivery;
    chat.failWith = new ChatError('Slack did not accept the message after 1 attempts (HTTP 429)', undefined, { transient: true, retryAfterMs: 30_000 });
    expect(await sender.attempt(slack, alert, NOW)).toEqual({ kind: 'transient', error: 'Slack did not accept the message after 1 attempts (HTTP 429)', retryAfterMs: 30_000 });
    chat.failWith = new ChatError(`boom at ${TEST_SLACK_WEBHOOK_URL}`, undefined, { transient: false });
    expect(await sender.attempt(slack, alert, NOW)).toEqual({ kind: 'permanent', error: 'boom at [slack webhook]' });
  });

  it('fails for good a Slack destination no longer configured', async () => {
    const { deliveriesOf } = setup();
    const alert = makeAlert();
    const slack = deliveriesOf('resolved', alert)[1] as Delivery;
    const unconfigured = new ChannelSender({ mailer: new RecordingMailer(), chat: new RecordingChat(), config: testConfig({ notifications: { slack_webhook_url: null } }), linkSecret: SECRET });
    expect(await unconfigured.attempt(slack, alert, NOW)).toEqual({ kind: 'permanent', error: 'the Slack destination default is no longer configured' });
  });
});
