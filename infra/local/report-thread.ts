/**
 * Reports off the request thread, on one machine: the report's aggregation is CPU work that
 * would otherwise share the local server's only event loop with intake (measured: intake p99
 * more than doubled while reports built back to back). A worker thread builds them instead,
 * reading the store over its own connection; the main thread only passes the request and
 * `now` and receives the finished report (plain data). On AWS the report runs in a function
 * of its own, so this is local wiring only: the use case is the same buildPeriodReport.
 *
 * The worker runs TypeScript through tsx's loader, as the local stack itself does.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildReportRequest } from '../../shared/app/build-report.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { PeriodReport } from '../../shared/domain/report/period-report.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { InvalidRequestError, SlaWatchError, StoreUnavailableError, type ErrorCode } from '../../shared/errors.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { ReportBuilder } from '../../shared/ports/report-builder.ts';
import { HEAP_ANSWER, trackThread } from './thread-memory.ts';

export interface ReportThreadData {
  readonly config: AppConfig;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  /** The table's index shard count, as the stack settled it at start. */
  readonly indexShards: number;
}

export interface ReportThreadRequest {
  readonly id: number;
  readonly request: BuildReportRequest;
  readonly nowAt: Instant;
}

interface ThreadError {
  readonly code: ErrorCode | null;
  readonly message: string;
  readonly details: string[];
}

export type ReportThreadReply = { readonly id: number; readonly report: PeriodReport } | { readonly id: number; readonly error: ThreadError };

export interface ReportThread {
  readonly build: ReportBuilder;
  close(): Promise<void>;
}

/** The error the use case threw in the worker, typed again on this side. */
function rethrown(error: ThreadError): Error {
  switch (error.code) {
    case 'invalid_request':
      return new InvalidRequestError(error.message, error.details);
    case 'store_unavailable':
      return new StoreUnavailableError(error.message);
    case null:
      return new Error(`report thread: ${error.message}`);
    default:
      return new SlaWatchError(error.code, error.message, { details: error.details });
  }
}

export async function startReportThread(data: ReportThreadData, clock: Clock): Promise<ReportThread> {
  // The ESM build of tsx's API (its package exports `./esm/api` for `import` at this path).
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./report-worker.ts', import.meta.url).href;
  // tsx's loader registered inside the worker itself: a worker does not take `--import` hooks on Node 20.
  const source = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(source, { eval: true, workerData: data });
  trackThread('report', worker);
  // A worker that died takes its pending builds with it: they fail rather than hang.
  const pending = new Map<number, { resolve: (report: PeriodReport) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  worker.on('message', (reply: ReportThreadReply) => {
    // The worker also answers heap questions (thread-memory.ts): not a build's reply.
    if (HEAP_ANSWER in reply) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (waiter === undefined) return;
    if ('report' in reply) waiter.resolve(reply.report);
    else waiter.reject(rethrown(reply.error));
  });
  const fail = (error: Error) => {
    failed = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`report thread exited (${code})`)));
  // Wait until the worker has loaded: a broken worker fails the stack's start, not the first report.
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  return {
    build: (request) =>
      new Promise<PeriodReport>((resolve, reject) => {
        if (failed !== null) return reject(failed);
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request, nowAt: clock.now() } satisfies ReportThreadRequest);
      }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
