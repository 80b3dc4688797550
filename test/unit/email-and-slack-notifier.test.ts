import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { verifyLinkToken } from '../../shared/domain/links/link-token.ts';
import type { NotificationKind } from '../../shared/domain/notifications/notification.ts';
import { ChatError, MailError } from '../../shared/errors.ts';
import type { Chat, ChatMessage } from '../../shared/ports/chat.ts';
import { ChannelNotifier } from '../../shared/notify/channel-notifier.ts';
import { FIXTURE_CREATED_AT, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SLACK_WEBHOOK_URL, testConfig } from '../support/config-fixtures.ts';
import { MemoryLogger } from '../support/memory-logger.ts';
import { RecordingMailer } from '../support/recording-mailer.ts';

const SECRET = 'notifier-link-secret-0123456789ab';
const NOW = FIXTURE_CREATED_AT + 31 * MINUTE_MS;
const ONCALL = 'oncall-high@example.test';
const MANAGER = 'manager@example.test';

class RecordingChat implements Chat {
  readonly posts: { url: string; message: ChatMessage }[] = [];
  fail = false;

  async post(webhookUrl: string, message: ChatMessage): Promise<void> {
    if (this.fail) throw new ChatError('Slack refused the message (HTTP 500)');
    this.posts.push({ url: webhookUrl, message });
  }
}

function setup(config: AppConfig = testConfig()) {
  const mailer = new RecordingMailer();
  const chat = new RecordingChat();
  const logger = new MemoryLogger();
  const notifier = new ChannelNotifier({ mailer, chat, config, linkSecret: SECRET, logger });
  const send = (kind: NotificationKind, alert: Alert = makeAlert()) => notifier.send({ kind, alertId: alert.id, dueAt: NOW }, alert, NOW);
  return { mailer, chat, logger, send };
}

/** Fixture alert (high): reminders by email only, other notifications by email and Slack. */
const slackReminders = makeAlert({ sla: { ...HIGH_24X7_POLICY, reminders: { ...HIGH_24X7_POLICY.reminders, channels: ['slack'] } } });

describe('ChannelNotifier routing', () => {
  it('emails the priority recipients and posts to Slack for at-risk, breach, update-due and resolved', async () => {
    for (const kind of ['acknowledgment-at-risk', 'resolution-at-risk', 'resolution-breach', 'update-due', 'resolved'] as const) {
      const { mailer, chat, send } = setup();
      const outcome = await send(kind);
      expect(outcome).toEqual({ delivered: ['email', 'slack'], failures: [] });
      expect(mailer.recipients()).toEqual([ONCALL]);
      expect(chat.posts.map((p) => p.url)).toEqual([TEST_SLACK_WEBHOOK_URL]);
    }
  });

  it('sends reminders on the reminder channels only', async () => {
    const byEmail = setup();
    expect(await byEmail.send('reminder')).toEqual({ delivered: ['email'], failures: [] });
    expect(byEmail.chat.posts).toEqual([]);
    const bySlack = setup();
    expect(await bySlack.send('reminder', slackReminders)).toEqual({ delivered: ['slack'], failures: [] });
    expect(bySlack.mailer.sent).toEqual([]);
  });

  it('always emails a new alert, as the email carries the links to acknowledge it', async () => {
    const { mailer, chat, send } = setup();
    expect(await send('new-alert', slackReminders)).toEqual({ delivered: ['email', 'slack'], failures: [] });
    expect(mailer.recipients()).toEqual([ONCALL]);
    expect(chat.posts).toHaveLength(1);
  });

  it('escalates an acknowledgment breach to the escalation contacts, one email each with their own links', async () => {
    const { mailer, send } = setup();
    await send('acknowledgment-breach');
    expect(mailer.recipients()).toEqual([ONCALL, MANAGER]);
    for (const message of mailer.sent) {
      expect(message.to).toHaveLength(1);
      expect(message.subject).toContain('acknowledgment SLA breached, escalated');
      const tokens = [...message.text.matchAll(/\/ack\/(\S+)/g)].map((m) => m[1] ?? '');
      expect(tokens).toHaveLength(3);
      for (const token of tokens) {
        const verified = verifyLinkToken(token, SECRET, NOW, { alertId: makeAlert().id });
        expect(verified.ok && verified.claims.recipient).toBe(message.to[0]);
      }
    }
    const atRisk = setup();
    await atRisk.send('acknowledgment-at-risk');
    expect(atRisk.mailer.recipients()).toEqual([ONCALL]);
  });

  it('mails each address once even when it is both recipient and escalation contact', async () => {
    const config = testConfig({ notifications: { escalation: { high: ['ONCALL-high@example.test', MANAGER] } } });
    const { mailer, send } = setup(config);
    await send('acknowledgment-breach');
    expect(mailer.recipients()).toEqual([ONCALL, MANAGER]);
  });

  it('picks the integration webhook, then the priority one, then the default', async () => {
    const config = testConfig({
      integrations: [{ id: 'alertmanager-main', format: 'alertmanager', secrets: ['s'.repeat(32)], slack_webhook_url: 'https://hooks.slack.test/integration' }],
      notifications: { slack_webhook_urls: { high: 'https://hooks.slack.test/high' } },
    });
    const viaIntegration = setup(config);
    await viaIntegration.send('resolved');
    expect(viaIntegration.chat.posts.map((p) => p.url)).toEqual(['https://hooks.slack.test/integration']);
    const viaPriority = setup(config);
    await viaPriority.send('resolved', makeAlert({ integrationId: 'other' }));
    expect(viaPriority.chat.posts.map((p) => p.url)).toEqual(['https://hooks.slack.test/high']);
  });

  it('skips Slack silently when no webhook is configured', async () => {
    const { chat, send } = setup(testConfig({ notifications: { slack_webhook_url: null } }));
    expect(await send('resolved')).toEqual({ delivered: ['email'], failures: [] });
    expect(chat.posts).toEqual([]);
  });
});

describe('ChannelNotifier failures', () => {
  it('returns a Slack failure without the webhook URL and still delivers email', async () => {
    const { mailer, chat, logger, send } = setup();
    chat.fail = true;
    const outcome = await send('resolution-breach');
    expect(outcome.delivered).toEqual(['email']);
    expect(outcome.failures).toEqual([{ kind: 'resolution-breach', channel: 'slack', at: NOW, error: 'Slack refused the message (HTTP 500)' }]);
    expect(mailer.recipients()).toEqual([ONCALL]);
    expect(JSON.stringify(logger.entries)).not.toContain(TEST_SLACK_WEBHOOK_URL);
    expect(logger.matching('slack notification failed')).toHaveLength(1);
  });

  it('redacts the webhook URL even from a chat error that contains it', async () => {
    const { chat, send } = setup();
    chat.post = async (url) => {
      throw new Error(`boom at ${url}`);
    };
    const outcome = await send('resolved');
    expect(outcome.failures[0]?.error).toBe('boom at [slack webhook]');
  });

  it('throws MailError when email is refused, before posting to Slack', async () => {
    const { mailer, chat, send } = setup();
    mailer.failNext(1);
    await expect(send('acknowledgment-at-risk')).rejects.toBeInstanceOf(MailError);
    expect(chat.posts).toEqual([]);
  });

  it('still mails the other recipients when one address is refused, and records the refusal instead of retrying', async () => {
    const { mailer, chat, logger, send } = setup();
    mailer.failFor(ONCALL);
    const outcome = await send('acknowledgment-breach');
    expect(mailer.recipients()).toEqual([MANAGER]);
    expect(outcome.delivered).toContain('email');
    expect(outcome.failures).toEqual([expect.objectContaining({ kind: 'acknowledgment-breach', channel: 'email', error: expect.stringContaining(ONCALL) })]);
    expect(chat.posts).toHaveLength(1);
    expect(logger.matching('notification email refused')[0]?.fields).toMatchObject({ recipient: ONCALL, kind: 'acknowledgment-breach' });
  });

  it('throws when every recipient is refused, before posting to Slack, so the notification is retried', async () => {
    const { mailer, chat, send } = setup();
    mailer.failFor(ONCALL);
    mailer.failFor(MANAGER);
    await expect(send('acknowledgment-breach')).rejects.toThrow(/refused for all 2 recipients/);
    expect(chat.posts).toEqual([]);
  });
});
