/**
 * sla-watch wired as on AWS, with every billable operation counted: the real DynamoAlertStore
 * on dynalite in memory, the real SesMailer on the SES emulator, the real ChannelNotifier with
 * SlackChat (its HTTP is answered here: Slack is outside AWS and free), the real HTTP app, on a
 * manual clock. Only the scheduler is bench-local (metered-timers.ts): it is driven by the
 * simulated clock. The SDK clients are instrumented (dynamo-meter.ts, ses-meter.ts); the
 * logger counts the bytes it would ship to CloudWatch Logs, as the Lambda functions log
 * (JSON lines at `info`), and each notification's kind is counted on its way to the notifier.
 *
 * The acknowledgment links in the emails are collected, so a simulated person can follow the
 * one sent to them, as a real one would.
 */
import type { SendEmailCommandInput } from '@aws-sdk/client-ses';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { JsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { verifyLinkToken, type LinkAction } from '../../shared/domain/links/link-token.ts';
import { createApp } from '../../shared/http/app.ts';
import { ChannelSender } from '../../shared/notify/channel-sender.ts';
import { deliverReady } from '../../shared/app/deliver-ready.ts';
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import type { DeliverySender } from '../../shared/ports/delivery-sender.ts';
import type { DeliveryQueue } from '../../shared/ports/delivery-queue.ts';
import type { LogFields, Logger } from '../../shared/ports/logger.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import type { TimerRequest } from '../../shared/ports/timers.ts';
import { GLOBAL_SECONDARY_INDEXES, PARTITION_KEY } from '../../shared/store/table-definition.ts';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../infra/local/embedded-dynamodb.ts';
import { startEmbeddedSes, type EmbeddedSes } from '../../infra/local/embedded-ses.ts';
import { ManualClock } from '../../test/support/manual-clock.ts';
import type { Meter } from './counts.ts';
import { DynamoMeter } from './dynamo-meter.ts';
import { MeteredTimers } from './metered-timers.ts';
import { meterSes } from './ses-meter.ts';

const TABLE_NAME = 'sla-watch-cost';

export interface MeteredStackOptions {
  readonly config: AppConfig;
  readonly linkSecret: string;
  readonly meter: Meter;
  readonly startAt: number;
  readonly timerDelayMs: (request: TimerRequest) => number;
}

export interface MeteredStack {
  readonly deps: AppDeps;
  readonly clock: ManualClock;
  readonly app: ReturnType<typeof createApp>;
  readonly mailer: Mailer;
  readonly timers: MeteredTimers;
  readonly dynamo: DynamoMeter;
  readonly links: LinkBook;
  /** Warnings and errors the application logged: a clean run has none. */
  readonly problems: readonly string[];
  stop(): Promise<void>;
}

/** The latest link per alert and action from the emails sent. */
export class LinkBook {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly secret: string,
    private readonly clock: ManualClock,
  ) {}

  read(email: SendEmailCommandInput): void {
    const text = email.Message?.Body?.Text?.Data ?? '';
    for (const [, token] of text.matchAll(/\/ack\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g)) {
      const verified = verifyLinkToken(token as string, this.secret, this.clock.now());
      if (verified.ok) this.tokens.set(`${verified.claims.alertId} ${verified.claims.action}`, token as string);
    }
  }

  token(alertId: string, action: LinkAction): string | undefined {
    return this.tokens.get(`${alertId} ${action}`);
  }
}

/** The JSON logger the functions use, counting its bytes; warnings and errors are kept apart. */
class MeteredLogger implements Logger {
  readonly problems: string[] = [];
  private readonly json: JsonLogger;

  constructor(meter: Meter, clock: ManualClock) {
    this.json = new JsonLogger({ minLevel: 'info', clock, write: (line) => meter.count('logs.bytes', Buffer.byteLength(line)) });
  }

  debug(message: string, fields?: LogFields): void {
    this.json.debug(message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.json.info(message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.problems.push(`warn: ${message} ${JSON.stringify(fields ?? {})}`);
    this.json.warn(message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.problems.push(`error: ${message} ${JSON.stringify(fields ?? {})}`);
    this.json.error(message, fields);
  }
}

export async function startMeteredStack(options: MeteredStackOptions): Promise<MeteredStack> {
  const dynamoDb = await startEmbeddedDynamoDb({});
  try {
    const ses = await startEmbeddedSes({ port: 0 });
    try {
      // Created before the meter is installed: the stack owns the table on AWS, it is not a request of ours.
      await ensureTable(dynamoDb.client, TABLE_NAME);
    } catch (error) {
      await ses.close();
      throw error;
    }
    return wire(options, dynamoDb, ses);
  } catch (error) {
    await dynamoDb.close();
    throw error;
  }
}

function wire(options: MeteredStackOptions, dynamoDb: EmbeddedDynamoDb, ses: EmbeddedSes): MeteredStack {
  const { config, linkSecret, meter } = options;
  const clock = new ManualClock(options.startAt);
  const dynamo = new DynamoMeter(dynamoDb.client, meter, PARTITION_KEY.name, GLOBAL_SECONDARY_INDEXES, () => clock.now());
  const links = new LinkBook(linkSecret, clock);
  meterSes(ses.client, meter, (email) => links.read(email));

  const logger = new MeteredLogger(meter, clock);
  const store = new DynamoAlertStore({ client: dynamoDb.client, tableName: TABLE_NAME });
  const timers = new MeteredTimers(meter, options.timerDelayMs);
  const mailer = new SesMailer({ client: ses.client, from: config.notifications.from });
  const slackFetch = async (): Promise<Response> => {
    meter.count('slack.posts');
    return new Response('ok', { status: 200 });
  };
  const chat = new SlackChat({ fetch: slackFetch, maxAttempts: 1 });
  const channels = new ChannelSender({ mailer, chat, config, linkSecret });
  // Passes every delivery on unchanged, counting its kind: what the emails are for.
  const sender: DeliverySender = {
    attempt: (delivery, alert, now) => {
      meter.count(`notify.${delivery.notification.kind}`);
      return channels.attempt(delivery, alert, now);
    },
  };
  // Deliveries are made as soon as they are queued (the manual clock does not pace), with
  // the same store writes the senders make (a lease and a mark per delivery).
  const delivery: DeliveryDeps = { config, store, sender, rate: { reserve: async (_key, _rate, now) => now }, clock, logger, wait: async () => undefined, random: () => 0.5 };
  const deliveries: DeliveryQueue = {
    enqueue: async (ids) => {
      for (const id of ids) await deliverReady(delivery, id, { maxWaitMs: 0 });
    },
  };
  const deps: AppDeps = { config, store, timers, deliveries, clock, logger };
  return {
    deps,
    clock,
    app: createApp(deps, { linkSecret }),
    mailer,
    timers,
    dynamo,
    links,
    problems: logger.problems,
    stop: async () => {
      await ses.close();
      await dynamoDb.close();
    },
  };
}
