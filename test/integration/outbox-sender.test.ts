/**
 * The sender against providers that throttle and refuse, over their real protocols: the
 * outbox on dynalite, the shared rate in the same table, SES through the AWS SDK to a fake SES
 * that throttles above its rate and refuses one address, Slack through fetch to a stub that
 * answers 429 with Retry-After. The clock and the waits are real (a few seconds).
 */
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { DynamoSendRate } from '../../shared/adapters/dynamo/dynamo-send-rate.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import { OutboxPump } from '../../shared/app/outbox-pump.ts';
import { processDue } from '../../shared/app/process-due.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { outboxOf } from '../../shared/domain/delivery/outbox.ts';
import { isOpen } from '../../shared/domain/delivery/delivery.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { ChannelSender } from '../../shared/notify/channel-sender.ts';
import { FIXTURE_CREATED_AT as C, makeAlert } from '../support/alert-fixtures.ts';
import { testConfig } from '../support/config-fixtures.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { startFakeSes, startSlackStub, type FakeSes, type SlackStub } from '../support/fake-providers.ts';
import { MemoryLogger } from '../support/memory-logger.ts';
import { RecordingTimers } from '../support/recording-timers.ts';

const ANA = 'ana@example.test';
const BO = 'bo@example.test';
const REFUSED = 'unverified@example.test';

let dynamo: Dynalite;
let ses: FakeSes;
let slack: SlackStub;

beforeAll(async () => {
  dynamo = await startDynalite();
  ses = await startFakeSes({ perSecond: 4, refuse: [REFUSED] });
  slack = await startSlackStub({ perSecond: 1, retryAfterSeconds: 1, refuseFirst: 2 });
});
afterAll(async () => {
  await Promise.all([dynamo?.stop(), ses?.stop(), slack?.stop()]);
});

async function setup(config: AppConfig, sesEndpoint: string = ses.endpoint) {
  const tableName = await dynamo.createTable();
  const store = new DynamoAlertStore({ client: dynamo.client, tableName });
  const logger = new MemoryLogger();
  const client = new SESClient({ endpoint: sesEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const sender = new ChannelSender({ mailer: new SesMailer({ client, from: config.notifications.from }), chat: new SlackChat({ maxAttempts: 1 }), config, linkSecret: 'outbox-test-link-secret-0123456789' });
  const delivery: DeliveryDeps = {
    config,
    store,
    sender,
    rate: new DynamoSendRate({ client: dynamo.client, tableName }),
    clock: systemClock,
    logger,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  };
  const deps: AppDeps = { config, store, timers: new RecordingTimers(), deliveries: { enqueue: async () => undefined }, clock: systemClock, logger };
  const pump = new OutboxPump(delivery);
  /** Ticks the sender until no delivery of these alerts is open (or gives up). */
  const drain = async (ids: readonly string[], timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await pump.tick();
      const alerts = await Promise.all(ids.map((id) => store.get(id)));
      if (pump.pending() === 0 && alerts.every((a) => a !== null && !outboxOf(a).some(isOpen))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('deliveries still open');
  };
  return { store, logger, deps, pump, drain };
}

/** A resolved alert whose `resolved` notification is due: email to the recipients and Slack. */
const resolvedAlert = (dedupKey: string) =>
  makeAlert({ dedupKey, status: 'resolved', acknowledgedAt: C + 15 * MINUTE_MS, resolvedAt: C + 15 * MINUTE_MS, resolvedBy: 'lee', timer: null });

describe('the sender against a throttling, refusing SES and a rate-limited Slack', () => {
  it('three recipients, one refused: the other two get exactly one email each, the refusal is recorded and never retried; Slack gets it once the 429s stop', async () => {
    const config = testConfig({
      notifications: { recipients: { high: [ANA, BO, REFUSED] }, escalation: { high: [] }, slack_webhook_url: `${slack.url}/services/T1/B1/one`, rates: { email: 20, slack: 1 } },
    });
    const t = await setup(config);
    const alert = resolvedAlert('three-recipients');
    await t.store.create(alert);
    await processDue(t.deps, alert.id, Date.now());
    await t.drain([alert.id]);
    // A few more passes: nothing is left to retry, nothing is sent again.
    for (let i = 0; i < 5; i += 1) await t.pump.tick();

    expect(ses.to(ANA)).toHaveLength(1);
    expect(ses.to(BO)).toHaveLength(1);
    expect(ses.to(REFUSED)).toHaveLength(0);
    expect(ses.rejected.filter((a) => a === REFUSED)).toHaveLength(1);
    expect(slack.accepted.filter((m) => m.path === '/services/T1/B1/one')).toHaveLength(1);
    expect(slack.limited).toBeGreaterThanOrEqual(2);

    const outbox = outboxOf((await t.store.get(alert.id)) ?? alert);
    const by = (recipient: string) => outbox.find((d) => d.recipient === recipient);
    expect(by(ANA)).toMatchObject({ state: 'sent', attempts: 1, messageId: expect.stringMatching(/^fake-/) });
    expect(by(REFUSED)).toMatchObject({ state: 'failed', attempts: 1, reason: expect.stringContaining('MessageRejected') });
    expect(by(REFUSED)?.reason).toContain('the SES sandbox sends only to verified addresses');
    expect(by('default')).toMatchObject({ state: 'sent', attempts: 3, lastError: expect.stringContaining('HTTP 429') });
    // Logged once, at error, saying why.
    const errors = t.logger.at('error').filter((e) => e.message === 'delivery failed for good');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ recipient: REFUSED, reason: expect.stringContaining('not verified') });
  }, 30_000);

  it('emails throttled by SES are retried with backoff until each is delivered, exactly once', async () => {
    const config = testConfig({ notifications: { recipients: { high: [ANA] }, escalation: { high: [] }, slack_webhook_url: null, rates: { email: 50, slack: 1 } } });
    // A slow SES of its own: 2 emails a second, while the sender is allowed 50.
    const slow = await startFakeSes({ perSecond: 2 });
    onTestFinished(() => slow.stop());
    const t = await setup(config, slow.endpoint);
    const before = slow.to(ANA).length;
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const alert = resolvedAlert(`throttled-${i}`);
      await t.store.create(alert);
      await processDue(t.deps, alert.id, Date.now());
      ids.push(alert.id);
    }
    const throttledBefore = slow.throttled.length;
    await t.drain(ids);
    expect(slow.throttled.length - throttledBefore).toBeGreaterThan(0);
    const mine = slow.to(ANA).slice(before);
    expect(mine).toHaveLength(10);
    expect(new Set(mine.map((m) => m.subject)).size).toBe(1);
    const outboxes = await Promise.all(ids.map(async (id) => outboxOf((await t.store.get(id)) ?? resolvedAlert(''))));
    expect(outboxes.every((o) => o.length === 1 && o[0]?.state === 'sent')).toBe(true);
    expect(outboxes.some((o) => (o[0]?.attempts ?? 0) > 1 && (o[0]?.lastError ?? '').includes('Throttling'))).toBe(true);
  }, 30_000);
});

describe('DynamoSendRate', () => {
  it('hands out slots 1/rate apart across concurrent callers, and says busy past the longest wait', async () => {
    const tableName = await dynamo.createTable();
    const a = new DynamoSendRate({ client: dynamo.client, tableName });
    const b = new DynamoSendRate({ client: dynamo.client, tableName });
    const now = Date.now();
    const slots = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).reserve('email', 10, now, 10_000)));
    const sorted = (slots as number[]).sort((x, y) => x - y);
    expect(sorted[0]).toBe(now);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(100, 6);
    // 20 slots at 10/s reach 2 s ahead: a caller that waits at most 1 s is told busy.
    expect(await a.reserve('email', 10, now, 1_000)).toBeNull();
    // Another key is its own rate.
    expect(await a.reserve('slack:default', 1, now, 0)).toBe(now);
  });
});
