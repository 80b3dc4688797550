/**
 * The report worker thread's entry point (see report-thread.ts): builds reports with its own
 * DynamoDB client to the embedded dynalite (one page read at a time, one-read-at-a-time.ts), at the instant the main thread asks for, and
 * answers each request by id. An error goes back as its code, message and details, so the
 * main thread throws the same typed error the use case would have.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parentPort, workerData } from 'node:worker_threads';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { dynamoLiveFigures } from '../../shared/adapters/dynamo/dynamo-live-figures.ts';
import { buildReport } from '../../shared/app/build-report.ts';
import { DynamoReportRollups } from '../../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { SlaWatchError } from '../../shared/errors.ts';
import type { ReportThreadData, ReportThreadReply, ReportThreadRequest } from './report-thread.ts';
import { localCredentials } from './local-credentials.ts';
import { oneReadAtATime } from './one-read-at-a-time.ts';

const data = workerData as ReportThreadData;
const silentLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = new DynamoDBClient({ endpoint: data.dynamoEndpoint, region: 'local', credentials: localCredentials, maxAttempts: 3 });
const store = oneReadAtATime(new DynamoAlertStore({ client, tableName: data.tableName, indexShards: data.indexShards }));
const rollups = new DynamoReportRollups({ client, tableName: data.tableName });
// The backlog from open alerts' views; this thread writes no alert, so it counts nothing.
const live = dynamoLiveFigures({ client, tableName: data.tableName, indexShards: data.indexShards, timezone: data.config.reporting.timezone, logger: silentLogger }).live;
const port = parentPort;
if (port === null) throw new Error('report-worker.ts runs only as a worker thread');

port.on('message', (message: ReportThreadRequest) => {
  const clock = { now: () => message.nowAt };
  buildReport({ config: data.config, store, clock, rollups, live }, message.request).then(
    (report) => port.postMessage({ id: message.id, report } satisfies ReportThreadReply),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        error:
          error instanceof SlaWatchError
            ? { code: error.code, message: error.message, details: [...error.details] }
            : { code: null, message: error instanceof Error ? error.message : String(error), details: [] },
      } satisfies ReportThreadReply),
  );
});
