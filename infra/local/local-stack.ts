/**
 * The composition root for one machine: the whole of sla-watch on embedded stand-ins.
 * dynalite (DynamoDB protocol, on disk), aws-ses-v2-local (SES protocol; or any SES-compatible
 * endpoint given as `sesEndpoint`), timers kept in the same table and fired by a loop, the
 * sender loop that makes the stored deliveries at the configured rates (rates shared through
 * the table), the sweeper and the reports on local timers (reports built in a worker thread,
 * report-thread.ts), and the same HTTP app the Lambda functions serve. Only the wiring differs
 * from AWS.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { dynamoLiveFigures } from '../../shared/adapters/dynamo/dynamo-live-figures.ts';
import { DynamoReportRollups } from '../../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { DynamoIntakeStats } from '../../shared/adapters/dynamo/dynamo-intake-stats.ts';
import { LocalTimers } from '../../shared/adapters/local-timers/local-timers.ts';
import { TimerLoop } from '../../shared/adapters/local-timers/timer-loop.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import { OutboxPump } from '../../shared/app/outbox-pump.ts';
import { DynamoSendRate } from '../../shared/adapters/dynamo/dynamo-send-rate.ts';
import { SESClient } from '@aws-sdk/client-ses';
import { localCredentials } from './local-credentials.ts';
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { sendReport } from '../../shared/app/send-report.ts';
import { sweep, sweepBudgetMs } from '../../shared/app/sweep.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { nextReportAt } from '../../shared/domain/schedule/next-report-at.ts';
import { createApp } from '../../shared/http/app.ts';
import { ChannelSender } from '../../shared/notify/channel-sender.ts';
import type { DeliveryQueue } from '../../shared/ports/delivery-queue.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from './embedded-dynamodb.ts';
import { startEmbeddedSes } from './embedded-ses.ts';
import { LOCAL_TABLE_NAME, OLDER_LOCAL_TABLE_NAMES } from './local-table.ts';
import { InFlight } from './in-flight.ts';
import { repeat, type RepeatingTask } from './repeating-task.ts';
import { IntakeGate } from './intake-gate.ts';
import { startReportThread, type ReportThread } from './report-thread.ts';

export interface LocalStackOptions {
  readonly config: AppConfig;
  readonly linkSecret: string;
  readonly logger: Logger;
  /** Where dynalite keeps its LevelDB files; in memory when absent (tests, benchmarks). */
  readonly dataDir?: string;
  readonly host?: string;
  /** HTTP port; 0 picks a free one. */
  readonly port?: number;
  /** Port of the SES emulator; 0 picks a free one. */
  readonly sesPort?: number;
  /** An SES-compatible endpoint to send through instead of starting the emulator. */
  readonly sesEndpoint?: string;
  /** How often the sender loop looks for deliveries to make (default 250 ms). */
  readonly senderTickMs?: number;
  readonly clock?: Clock;
  /** How often the local timer loop looks for due timers. */
  readonly timerTickMs?: number;
  /** Index shards of a new table (default 16); an existing table keeps its own, and asking
   * for another count is refused. */
  readonly indexShards?: number;
}

export interface LocalStack {
  readonly url: string;
  readonly sesUrl: string;
  readonly dynamoEndpoint: string;
  readonly deps: AppDeps;
  /** The sender loop (its counts, for benchmarks). */
  readonly pump: OutboxPump;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const started: { close(): Promise<void> }[] = [];
  try {
    const dynamo: EmbeddedDynamoDb = await startEmbeddedDynamoDb({
      path: options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
    });
    started.push(dynamo);
    const table = await ensureTable(dynamo.client, LOCAL_TABLE_NAME, {
      migrateFrom: OLDER_LOCAL_TABLE_NAMES,
      ...(options.indexShards === undefined ? {} : { indexShards: options.indexShards }),
    });
    if (table.migrated !== undefined) {
      logger.info('moved the local data into the table of this version', { from: table.migrated.from, to: LOCAL_TABLE_NAME, items: table.migrated.items });
    }
    const tableOptions = { client: dynamo.client, tableName: LOCAL_TABLE_NAME, indexShards: table.indexShards };

    const ses = await sesFor(options);
    started.push(ses);

    const counted = dynamoLiveFigures({ ...tableOptions, timezone: config.reporting.timezone, logger });
    const store = new DynamoAlertStore({ ...tableOptions, afterWrite: counted.afterWrite, reportGroupBy: config.reporting.groupBy });
    const timers = new LocalTimers(tableOptions);
    const mailer = new SesMailer({ client: ses.client, from: config.notifications.from });
    // One attempt per call: the outbox paces and retries (deliver-one.ts).
    const chat = new SlackChat({ maxAttempts: 1 });
    const sender = new ChannelSender({ mailer, chat, config, linkSecret: options.linkSecret });
    const rate = new DynamoSendRate({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const delivery: DeliveryDeps = { config, store, sender, rate, clock, logger, wait: sleep, random: Math.random };
    // The sender loop reads the table itself: handing it alerts is a no-op here.
    const deliveries: DeliveryQueue = { enqueue: async () => undefined };
    const rollups = new DynamoReportRollups(tableOptions);
    const intakeStats = new DynamoIntakeStats({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const deps: AppDeps = { config, store, timers, deliveries, clock, logger, rollups, intakeStats, live: counted.live };
    const pump = new OutboxPump(delivery);

    // Intake first: the report thread's store requests wait while webhooks are handled.
    const intake = new IntakeGate();
    const reports: ReportThread = await startReportThread(
      { config, dynamoEndpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, indexShards: table.indexShards, intakeInFlight: intake.shared },
      clock,
    );
    started.push(reports);

    const loop = new TimerLoop({
      ...tableOptions,
      clock,
      logger,
      tickMs: options.timerTickMs ?? 250,
      deliver: (payload) => handleTimer(deps, payload),
    });
    loop.start();
    started.push({ close: () => loop.stop() });

    const tasks: RepeatingTask[] = [
      // Stopped first among the tasks: it waits for the deliveries being made to be recorded.
      repeat('sender', () => options.senderTickMs ?? 250, () => pump.tick(), logger),
      { stop: () => pump.stop() },
      repeat(
        'sweeper',
        () => config.monitoring.checkIntervalSeconds * 1000,
        // The local loop fires a timer within a second of its instant: two seconds of grace.
        (signal) => sweep(deps, { pageSize: 100, budgetMs: sweepBudgetMs(config.monitoring.checkIntervalSeconds), graceMs: 2000, signal }),
        logger,
      ),
    ];
    if (config.reporting.enabled) {
      const { time, timezone } = config.reporting;
      // Each interval on its own schedule: the daily report every day, the weekly on Mondays,
      // the monthly on the 1st, all at reporting.time (next-report-at.ts).
      for (const interval of config.reporting.intervals) {
        tasks.push(
          repeat(
            `${interval} report`,
            () => nextReportAt(interval, time, timezone, clock.now()) - clock.now(),
            () => sendReport(deps, { mailer, build: reports.build, linkSecret: options.linkSecret }, { interval }),
            logger,
          ),
        );
      }
    }
    started.push({ close: async () => void (await Promise.all(tasks.map((task) => task.stop()))) });

    const app = createApp(deps, { linkSecret: options.linkSecret, buildReport: reports.build });
    const host = options.host ?? '127.0.0.1';
    const requests = new InFlight();
    const handle = async (request: Request) => app.fetch(request);
    const server = await listen((request) => requests.track(isIntake(request) ? intake.around(() => handle(request)) : handle(request)), host, options.port ?? 8080);
    // Close the listener, then let requests already inside finish their writes before the
    // store goes away: what a sender was told is stored must be stored.
    started.push({ close: async () => void (await Promise.all([closeServer(server), requests.drained()])) });
    const { port } = server.address() as AddressInfo;

    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      sesUrl: ses.endpoint,
      pump,
      dynamoEndpoint: dynamo.endpoint,
      deps,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The embedded SES emulator, or a client for the endpoint given (nothing to stop then). */
async function sesFor(options: LocalStackOptions): Promise<{ client: SESClient; endpoint: string; close(): Promise<void> }> {
  if (options.sesEndpoint === undefined) return startEmbeddedSes({ host: '127.0.0.1', port: options.sesPort ?? 0 });
  const endpoint = options.sesEndpoint;
  return { client: new SESClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 }), endpoint, close: async () => undefined };
}

async function stopAll(started: { close(): Promise<void> }[]): Promise<void> {
  // Stop in reverse order: HTTP first, then the loops, then the stores they write to.
  for (const part of started.reverse()) await part.close();
  started.length = 0;
}

/** What alerting tools send: a webhook or a PagerDuty event. */
function isIntake(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const { pathname } = new URL(request.url);
  return pathname.startsWith('/webhooks/') || pathname === '/v2/enqueue';
}

function listen(fetch: (request: Request) => Response | Promise<Response>, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close((error?: Error) => (error ? reject(error) : resolve()));
  });
}
