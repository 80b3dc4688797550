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
  /** The intake requests in flight (intake-gate.ts), counted by the main thread. */
  readonly intakeInFlight: SharedArrayBuffer;
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

/**
 * The report thread's V8 heap limits. A build keeps one page of alerts and a day's bounded
 * tally (DayTally: at most four duration samples per alert and a capped breach list), so
 * 100,000 alerts fit in a fraction of this; the limit makes its heap a stated bound instead of
 * whatever V8 would grow it to. The young generation is kept small too: its semi-spaces are
 * committed whole, and a build allocates in many small pieces that die young.
 */
export const REPORT_THREAD_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 12 } as const;

interface Waiter {
  readonly resolve: (report: PeriodReport) => void;
  readonly reject: (error: Error) => void;
}

/** One worker and the builds it has been asked for. */
interface Running {
  readonly worker: Worker;
  readonly pending: Map<number, Waiter>;
  /** Exited: its builds have failed, the next build needs a new worker. */
  gone: boolean;
}

function startWorker(data: ReportThreadData): Promise<Running> {
  // The ESM build of tsx's API (its package exports `./esm/api` for `import` at this path).
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./report-worker.ts', import.meta.url).href;
  // tsx's loader registered inside the worker itself: a worker does not take `--import` hooks on Node 20.
  const source = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(source, { eval: true, workerData: data, resourceLimits: REPORT_THREAD_LIMITS });
  trackThread('report', worker);
  const running: Running = { worker, pending: new Map(), gone: false };
  // A worker that died (out of memory, say) takes its pending builds with it: they fail rather
  // than hang, and the next build starts a new worker.
  const fail = (error: Error) => {
    for (const waiter of running.pending.values()) waiter.reject(error);
    running.pending.clear();
    running.gone = true;
  };
  worker.on('message', (reply: ReportThreadReply | { ready: true }) => {
    // The worker also answers heap questions (thread-memory.ts): not a build's reply.
    if (HEAP_ANSWER in reply || 'ready' in reply) return;
    const waiter = running.pending.get(reply.id);
    running.pending.delete(reply.id);
    if (waiter === undefined) return;
    if ('report' in reply) waiter.resolve(reply.report);
    else waiter.reject(rethrown(reply.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`report thread exited (${code})`)));
  // Ready once the worker has loaded the use case: a broken worker fails here, not in a build.
  return new Promise<Running>((resolve, reject) => {
    const onReady = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('ready' in message)) return;
      worker.off('message', onReady);
      resolve(running);
    };
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`report thread exited (${code}) while loading`)));
  });
}

export async function startReportThread(data: ReportThreadData, clock: Clock): Promise<ReportThread> {
  let current: Promise<Running> | null = null;
  let closed = false;
  /** The live worker, started anew when there is none or the last one is gone. */
  const running = async (): Promise<Running> => {
    const last = current;
    if (last !== null && !(await last).gone) return last;
    if (current === last) current = null;
    current ??= startWorker(data).catch((error: unknown) => {
      current = null;
      throw error;
    });
    return current;
  };
  await running();
  let nextId = 1;
  return {
    build: async (request) => {
      if (closed) throw new Error('report thread closed');
      const { worker, pending } = await running();
      return new Promise<PeriodReport>((resolve, reject) => {
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request, nowAt: clock.now() } satisfies ReportThreadRequest);
      });
    },
    close: async () => {
      closed = true;
      const last = current;
      current = null;
      if (last === null) return;
      const { worker } = await last.catch(() => ({ worker: null }));
      if (worker === null) return;
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
