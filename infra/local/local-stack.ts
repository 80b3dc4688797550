/**
 * The composition root for one machine: the whole of sla-watch on embedded stand-ins.
 * dynalite (DynamoDB protocol, on disk), aws-ses-v2-local (SES protocol), timers kept in the
 * same table and fired by a loop, the sweeper and the daily report on local timers, and the
 * same HTTP app the Lambda functions serve. Only the wiring differs from AWS.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { DynamoIntakeStats } from '../../shared/adapters/dynamo/dynamo-intake-stats.ts';
import { LocalTimers } from '../../shared/adapters/local-timers/local-timers.ts';
import { TimerLoop } from '../../shared/adapters/local-timers/timer-loop.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { SlackChat } from '../../shared/adapters/slack/slack-chat.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { sendDailyReport } from '../../shared/app/send-report.ts';
import { sweep, sweepBudgetMs } from '../../shared/app/sweep.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { nextDailyAt } from '../../shared/domain/schedule/next-daily-at.ts';
import { createApp } from '../../shared/http/app.ts';
import { ChannelNotifier } from '../../shared/notify/channel-notifier.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from './embedded-dynamodb.ts';
import { startEmbeddedSes, type EmbeddedSes } from './embedded-ses.ts';
import { LOCAL_TABLE_NAME } from './local-table.ts';
import { InFlight } from './in-flight.ts';
import { repeat, type RepeatingTask } from './repeating-task.ts';

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
  readonly clock?: Clock;
  /** How often the local timer loop looks for due timers. */
  readonly timerTickMs?: number;
}

export interface LocalStack {
  readonly url: string;
  readonly sesUrl: string;
  readonly dynamoEndpoint: string;
  readonly deps: AppDeps;
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
    await ensureTable(dynamo.client, LOCAL_TABLE_NAME);

    const ses: EmbeddedSes = await startEmbeddedSes({ host: '127.0.0.1', port: options.sesPort ?? 0 });
    started.push(ses);

    const store = new DynamoAlertStore({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const timers = new LocalTimers({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const mailer = new SesMailer({ client: ses.client, from: config.notifications.from });
    const chat = new SlackChat({});
    const notifier = new ChannelNotifier({ mailer, chat, config, linkSecret: options.linkSecret, logger });
    const intakeStats = new DynamoIntakeStats({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const deps: AppDeps = { config, store, timers, notifier, clock, logger, intakeStats };

    const loop = new TimerLoop({
      client: dynamo.client,
      tableName: LOCAL_TABLE_NAME,
      clock,
      logger,
      tickMs: options.timerTickMs ?? 250,
      deliver: (payload) => handleTimer(deps, payload),
    });
    loop.start();
    started.push({ close: () => loop.stop() });

    const tasks: RepeatingTask[] = [
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
      tasks.push(
        repeat('daily report', () => nextDailyAt(time, timezone, clock.now()) - clock.now(), () => sendDailyReport(deps, { mailer }, {}), logger),
      );
    }
    started.push({ close: async () => void (await Promise.all(tasks.map((task) => task.stop()))) });

    const app = createApp(deps, { linkSecret: options.linkSecret });
    const host = options.host ?? '127.0.0.1';
    const requests = new InFlight();
    const server = await listen((request) => requests.track(app.fetch(request)), host, options.port ?? 8080);
    // Close the listener, then let requests already inside finish their writes before the
    // store goes away: what a sender was told is stored must be stored.
    started.push({ close: async () => void (await Promise.all([closeServer(server), requests.drained()])) });
    const { port } = server.address() as AddressInfo;

    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      sesUrl: ses.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      deps,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function stopAll(started: { close(): Promise<void> }[]): Promise<void> {
  // Stop in reverse order: HTTP first, then the loops, then the stores they write to.
  for (const part of started.reverse()) await part.close();
  started.length = 0;
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
