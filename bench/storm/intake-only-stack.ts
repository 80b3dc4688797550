/**
 * The intake path alone, on the local stack's own parts: the same HTTP app (webhook route,
 * authentication, parsing, deduplication) and the same DynamoDB store on dynalite on disk as
 * `npm start` runs, with nothing armed and nothing sent. It shows what intake and the store
 * can take by themselves; the full local stack, timers and notifications on, is measured
 * beside it.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import { createApp } from '../../shared/http/app.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { DeliveryQueue } from '../../shared/ports/delivery-queue.ts';
import type { Timers } from '../../shared/ports/timers.ts';
import { startEmbeddedDynamoDb } from '../../infra/local/embedded-dynamodb.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-table.ts';

/** Timers off: nothing is armed. */
const NO_TIMERS: Timers = { schedule: async () => undefined, cancel: async () => undefined };
/** Senders off: deliveries are recorded with the claim and never made. */
const NO_SENDERS: DeliveryQueue = { enqueue: async () => undefined };

export interface IntakeOnlyStack {
  readonly url: string;
  readonly deps: AppDeps;
  stop(): Promise<void>;
}

export async function startIntakeOnlyStack(options: { config: AppConfig; linkSecret: string; logger: Logger; dataDir: string }): Promise<IntakeOnlyStack> {
  const dynamo = await startEmbeddedDynamoDb({ path: join(options.dataDir, 'dynamodb') });
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE_NAME);
    const store = new DynamoAlertStore({ client: dynamo.client, tableName: LOCAL_TABLE_NAME });
    const deps: AppDeps = { config: options.config, store, timers: NO_TIMERS, deliveries: NO_SENDERS, clock: systemClock, logger: options.logger };
    const app = createApp(deps, { linkSecret: options.linkSecret });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
      started.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      deps,
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await dynamo.close();
      },
    };
  } catch (error) {
    await dynamo.close();
    throw error;
  }
}
