/**
 * A breach wave: 2,000 critical alerts breach their acknowledgment deadline at once on the
 * local stack (as `npm start` runs it, dynalite on disk), each notifying one email recipient
 * and the Slack channel of its integration (20 integrations, 20 Slack webhooks: 100 each).
 * Email goes through `--ses-endpoint` to a fake SES that throttles above 14 emails a second;
 * Slack to a stub that takes 1 message a second per webhook and answers 429 with Retry-After
 * (the first 20 regardless). A second sender, in this process, drains the same table beside
 * the stack's own, as a second machine or Lambda would: the rates are shared through the table.
 *
 * The wave is claimed first with the senders idle (the claims are the timers' work, measured
 * apart), then the stack is restarted on the same data, as after a crash: the drain time runs
 * from the restart to the last delivery, and is set against deliveries / rate (the slowest
 * channel). Prints the deliveries made, lost and duplicated.
 *
 * Run alone: npx tsx bench/delivery-storm.bench.ts [alerts]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoAlertStore } from '../shared/adapters/dynamo/dynamo-alert-store.ts';
import { DynamoSendRate } from '../shared/adapters/dynamo/dynamo-send-rate.ts';
import { JsonLogger } from '../shared/adapters/log/json-logger.ts';
import { SesMailer } from '../shared/adapters/ses/ses-mailer.ts';
import { SlackChat } from '../shared/adapters/slack/slack-chat.ts';
import { OutboxPump } from '../shared/app/outbox-pump.ts';
import { processDue } from '../shared/app/process-due.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import { newAlert } from '../shared/domain/alert/new-alert.ts';
import { NO_NOTIFICATIONS } from '../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS } from '../shared/domain/instant.ts';
import { replanTimer } from '../shared/domain/timers/plan-timer.ts';
import { ChannelSender } from '../shared/notify/channel-sender.ts';
import { localCredentials } from '../infra/local/local-credentials.ts';
import { LOCAL_TABLE_NAME } from '../infra/local/local-table.ts';
import { startLocalStack } from '../infra/local/local-stack.ts';
import { startProviders, type ProviderStats } from './storm/providers.ts';
import type { BenchResult } from './bench-result.ts';
import { printResults } from './bench-result.ts';

const SECRET = 'benchSecret0123456789abcdefghijk';
const EMAIL_RATE = 14;
const SLACK_RATE = 1;
const DESTINATIONS = 20;
const GIVE_UP_MS = 15 * MINUTE_MS;

export async function benchDeliveryStorm(alerts = 2_000): Promise<BenchResult[]> {
  const providers = await startProviders(EMAIL_RATE, SLACK_RATE, 20);
  const ses = { endpoint: providers.ses };
  const slack = { url: providers.slack };
  const config = parseConfig(
    {
      integrations: Array.from({ length: DESTINATIONS }, (_, i) => ({
        id: `am${i}`,
        format: 'alertmanager',
        secrets: [SECRET],
        slack_webhook_url: `${slack.url}/services/T0/B${i}/x`,
      })),
      notifications: {
        recipients: { critical: ['oncall@example.test'] },
        escalation: { critical: [] },
        rates: { email: EMAIL_RATE, slack: SLACK_RATE },
      },
      sla: { reporting: { enabled: false } },
    },
    {},
  );
  const logger = new JsonLogger({ minLevel: 'error', write: (line) => process.stderr.write(line) });
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-delivery-storm-'));
  // Phase 1: the senders idle (their first tick an hour away) while the wave is claimed.
  let stack = await startLocalStack({ config, linkSecret: SECRET, logger, dataDir, port: 0, sesEndpoint: ses.endpoint, senderTickMs: 3_600_000 });
  /** A second sender process on the same table: its own clients, pump and rate handle. */
  const secondSender = (dynamoEndpoint: string) => {
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'local', credentials: localCredentials });
    const sesClient = new SESClient({ endpoint: ses.endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
    return new OutboxPump({
      config,
      store: new DynamoAlertStore({ client, tableName: LOCAL_TABLE_NAME }),
      sender: new ChannelSender({ mailer: new SesMailer({ client: sesClient, from: config.notifications.from }), chat: new SlackChat({ maxAttempts: 1 }), config, linkSecret: SECRET }),
      rate: new DynamoSendRate({ client, tableName: LOCAL_TABLE_NAME }),
      clock: stack.deps.clock,
      logger,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    });
  };
  let second: OutboxPump | null = null;
  let secondRunning = false;
  let secondLoop: Promise<void> = Promise.resolve();
  try {
    // Alerts created six minutes ago (critical: acknowledgment due at five), announced and
    // warned about already: what is due now is the breach, for every one of them at once.
    const now = Date.now();
    const createdAt = now - 6 * MINUTE_MS;
    const ids: string[] = [];
    for (let i = 0; i < alerts; i += 1) {
      const integrationId = `am${i % DESTINATIONS}`;
      const dedupKey = `storm-${now}-${i}`;
      const fresh = newAlert({
        id: alertId(integrationId, dedupKey, 1),
        integrationId,
        format: 'alertmanager',
        dedupKey,
        occurrence: 1,
        title: `Storm alert ${i}`,
        description: null,
        sourceName: 'storm',
        severity: 'critical',
        priority: 'critical',
        labels: {},
        annotations: {},
        links: [],
        sourceStartedAt: null,
        policy: config.policies.critical,
        now: createdAt,
      });
      const told = { ...NO_NOTIFICATIONS, newAlertAt: createdAt, remindersSent: fresh.timeline.reminderAts.length, acknowledgmentAtRiskAt: createdAt + 4 * MINUTE_MS };
      await stack.deps.store.create(replanTimer({ ...fresh, notified: told }));
      ids.push(fresh.id);
    }

    const claimedAt = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < ids.length) await processDue(stack.deps, ids[next++] as string, Date.now());
      }),
    );
    const claimSeconds = (Date.now() - claimedAt) / 1000;

    // Phase 2: restart on the same data; both senders start at once.
    await stack.stop();
    stack = await startLocalStack({ config, linkSecret: SECRET, logger, dataDir, port: 0, sesEndpoint: ses.endpoint });
    const startedAt = Date.now();
    second = secondSender(stack.dynamoEndpoint);
    const pump = second;
    secondRunning = true;
    secondLoop = (async () => {
      while (secondRunning) {
        await pump.tick();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();

    const emails = alerts;
    const posts = alerts;
    const unique = (stats: ProviderStats) => [new Set(stats.emails.map((e) => e.subject)).size, new Set(stats.posts.map((p) => `${p.path} ${p.text}`)).size];
    let stats = await providers.stats();
    while (Date.now() - startedAt < GIVE_UP_MS) {
      const [e, p] = unique(stats);
      if ((e as number) >= emails && (p as number) >= posts) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      stats = await providers.stats();
    }
    const lastEmailAt = Math.max(...stats.emails.map((e) => e.at));
    const lastPostAt = Math.max(...stats.posts.map((p) => p.at));
    const lastAt = Math.max(lastEmailAt, lastPostAt);
    const drainSeconds = (lastAt - startedAt) / 1000;
    // A few more seconds: anything sent twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stats = await providers.stats();
    const sesView = { accepted: stats.emails, throttled: { length: stats.throttled } };
    const slackView = { accepted: stats.posts, limited: stats.limited };

    const emailSubjects = new Map<string, number>();
    for (const e of sesView.accepted) emailSubjects.set(e.subject, (emailSubjects.get(e.subject) ?? 0) + 1);
    const slackTexts = new Map<string, number>();
    for (const m of slackView.accepted) slackTexts.set(`${m.path} ${m.text}`, (slackTexts.get(`${m.path} ${m.text}`) ?? 0) + 1);
    const duplicates = [...emailSubjects.values(), ...slackTexts.values()].filter((n) => n > 1).length;
    const lost = emails - emailSubjects.size + (posts - slackTexts.size);
    const expectedSeconds = Math.max(emails / EMAIL_RATE, posts / DESTINATIONS / SLACK_RATE);

    return [
      { name: 'delivery-storm: alerts breached at once', value: alerts, unit: 'alerts', detail: `claimed in ${claimSeconds.toFixed(1)} s (32 at a time)` },
      { name: 'delivery-storm: emails delivered', value: emailSubjects.size, unit: 'emails', detail: `SES at ${EMAIL_RATE}/s; ${sesView.throttled.length} throttled and retried` },
      { name: 'delivery-storm: Slack messages delivered', value: slackTexts.size, unit: 'posts', detail: `${DESTINATIONS} webhooks at ${SLACK_RATE}/s each; ${slackView.limited} answered 429` },
      { name: 'delivery-storm: deliveries lost', value: lost, unit: 'deliveries' },
      { name: 'delivery-storm: deliveries made twice', value: duplicates, unit: 'deliveries' },
      { name: 'delivery-storm: drain time', value: Number(drainSeconds.toFixed(1)), unit: 's', detail: `restart to last delivery (email ${((lastEmailAt - startedAt) / 1000).toFixed(1)} s, Slack ${((lastPostAt - startedAt) / 1000).toFixed(1)} s); two senders sharing the rates` },
      { name: 'delivery-storm: deliveries / rate', value: Number(expectedSeconds.toFixed(1)), unit: 's', detail: `${emails} emails / ${EMAIL_RATE} per s` },
      { name: 'delivery-storm: drain time / (deliveries / rate)', value: Number((drainSeconds / expectedSeconds).toFixed(3)), unit: 'ratio', detail: 'goal: at most 1.10' },
    ];
  } finally {
    secondRunning = false;
    await secondLoop;
    await second?.stop();
    await stack.stop();
    providers.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchDeliveryStorm(Number(process.argv[2] ?? 2_000)));
}
