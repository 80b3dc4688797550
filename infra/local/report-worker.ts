/**
 * The report worker thread's entry point (see report-thread.ts): builds reports with its own
 * DynamoDB client to the embedded dynalite, at the instant the main thread asks for, and
 * answers each request by id. An error goes back as its code, message and details, so the
 * main thread throws the same typed error the use case would have.
 *
 * It gives way to intake three times over: the thread runs at a low CPU priority (nice 10)
 * (thread-priority.ts), so its own work (parsing pages, aggregating) takes only the CPU intake
 * leaves; it keeps at most one request in dynalite at a time (one connection, and its
 * requests sent one after another, intake-gate.ts), so that an intake write, served by the
 * same dynalite thread, waits behind at most one of the report's reads instead of a dozen; and
 * each of its requests waits until no webhook is being handled.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Agent } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { dynamoLiveFigures } from '../../shared/adapters/dynamo/dynamo-live-figures.ts';
import { buildReport } from '../../shared/app/build-report.ts';
import { DynamoReportRollups } from '../../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { SlaWatchError } from '../../shared/errors.ts';
import type { ReportThreadData, ReportThreadReply, ReportThreadRequest } from './report-thread.ts';
import { localCredentials } from './local-credentials.ts';
import { IntakeGate, yieldToIntake } from './intake-gate.ts';
import { lowerThreadPriority } from './thread-priority.ts';
import { HEAP_ANSWER, HEAP_QUESTION, ownHeap } from './thread-memory.ts';

const data = workerData as ReportThreadData;
/**
 * How long one store request of a report waits for intake to be idle: under a steady stream of
 * webhooks a report reads one request per wait, so dynalite gives it a few ms of every 50 (a
 * day of 15,000 open alerts is about 700 requests: a report then takes about 40 s; with pauses
 * between webhooks it reads in them).
 */
const INTAKE_WAIT_MS = 50;
/** Alerts read by key per request: each holds dynalite's one thread for a few ms, not 15. */
const READ_BATCH_KEYS = 25;
const silentLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
lowerThreadPriority();
const client = new DynamoDBClient({
  endpoint: data.dynamoEndpoint,
  region: 'local',
  credentials: localCredentials,
  maxAttempts: 3,
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) },
});
yieldToIntake(client, new IntakeGate(data.intakeInFlight), INTAKE_WAIT_MS);
const store = new DynamoAlertStore({ client, tableName: data.tableName, indexShards: data.indexShards, listBatchKeys: READ_BATCH_KEYS });
const rollups = new DynamoReportRollups({ client, tableName: data.tableName });
// The backlog from open alerts' views; this thread writes no alert, so it counts nothing.
const live = dynamoLiveFigures({ client, tableName: data.tableName, indexShards: data.indexShards, timezone: data.config.reporting.timezone, logger: silentLogger }).live;
const port = parentPort;
if (port === null) throw new Error('report-worker.ts runs only as a worker thread');

port.on('message', (message: ReportThreadRequest | typeof HEAP_QUESTION) => {
  if (message === HEAP_QUESTION) return port.postMessage({ [HEAP_ANSWER]: ownHeap() });
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
// Loaded: the main thread may send builds now.
port.postMessage({ ready: true });
