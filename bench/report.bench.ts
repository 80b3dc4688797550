/**
 * The daily report over a heavy day: 100,000 alerts created within one day, in dynalite in
 * memory, read back by `buildDailyReport` through the DynamoAlertStore (the by-day index, 500
 * a page) and aggregated. Loading the table (BatchWriteItem, 25 items a request, 32 requests
 * in flight) is timed apart and is not part of the measurement.
 *
 * dynalite runs in a child process, as DynamoDB runs elsewhere on AWS: in this process it
 * would hold every item four times (table and three ALL-projection indexes) in the heap being
 * measured, and its garbage collection would be charged to the report.
 *
 * Measured: the end-to-end build time (median of 3 builds), peak heap and RSS growth of this
 * process while a build runs (sampled every 10 ms: SDK responses, parsing and aggregation),
 * and, on the aggregation alone (generated pages of 500, no store), the heap the accumulator
 * retains after a forced GC: the part that grows with the day, 8 bytes per duration plus one
 * record per breached alert when details are on. Goal: a build under 10 s, memory bounded by
 * the page size.
 *
 * Run alone: npx tsx bench/report.bench.ts [alerts]
 */
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ensureTable } from '../shared/adapters/dynamo/create-table.ts';
import { toAlertItem } from '../shared/adapters/dynamo/alert-item.ts';
import { DynamoAlertStore } from '../shared/adapters/dynamo/dynamo-alert-store.ts';
import { buildDailyReport, REPORT_PAGE_SIZE } from '../shared/app/build-report.ts';
import type { AppConfig } from '../shared/config/app-config.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import type { Alert } from '../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../shared/domain/alert/notification-marks.ts';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../shared/domain/instant.ts';
import type { DailyReport } from '../shared/domain/report/daily-report.ts';
import { ReportAccumulator } from '../shared/domain/report/report-accumulator.ts';
import { reportDay } from '../shared/domain/report/report-day.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { slaTimeline } from '../shared/domain/sla/sla-timeline.ts';
import type { BenchResult } from './bench-result.ts';
import { median, printResults } from './bench-result.ts';

const DATE = '2026-11-30';
const DAY_FROM_AT = Date.parse(`${DATE}T00:00:00Z`);
/** When the report is built: 08:00 the next morning, when the schedule sends it. */
const NOW = DAY_FROM_AT + DAY_MS + 8 * HOUR_MS;
const TABLE = 'sla-watch-bench';
const BATCH = 25;
const IN_FLIGHT = 32;
const BUILDS = 3;
const MB = 1024 * 1024;

/** A forced GC: `--expose-gc` when given, else switched on now (V8 allows it at run time). */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): every run loads the same day. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Alert `i` of `total`, spread evenly over the day: priorities in turn (default policies, so
 * three of four count on the business calendar), 300 sources on 5 integrations, 85%
 * acknowledged and 70% resolved after up to twice the allowance (so some miss), never after NOW.
 */
function benchAlert(config: AppConfig, i: number, total: number, next: () => number): Alert {
  const priority = PRIORITIES[i % PRIORITIES.length] ?? 'medium';
  const sla = config.policies[priority];
  const createdAt = DAY_FROM_AT + Math.floor((i * DAY_MS) / total);
  const integrationId = `integration-${i % 5}`;
  const source = `Source${Math.floor(next() * 300)}`;
  const dedupKey = `fp-${i.toString(16)}@${new Date(createdAt).toISOString()}`;
  const ackAt = next() < 0.85 ? Math.min(NOW, createdAt + Math.floor(next() * 2 * sla.acknowledgmentSeconds * SECOND_MS)) : null;
  const resolvedAt =
    ackAt !== null && next() < 0.7 ? Math.min(NOW, ackAt + Math.floor(next() * 2 * sla.resolutionSeconds * SECOND_MS)) : null;
  return {
    id: alertId(integrationId, dedupKey, 1),
    version: 1,
    integrationId,
    format: 'alertmanager',
    dedupKey,
    occurrence: 1,
    title: `${source}: service ${i % 97} above threshold on host-${i % 1000}`,
    description: 'Error rate above 5% for 5 minutes.',
    sourceName: source,
    severity: priority,
    priority,
    labels: { alertname: source, instance: `host-${i % 1000}:9100`, job: 'node', severity: priority },
    annotations: { summary: 'error rate above 5%', runbook_url: 'https://runbooks.example.com/errors' },
    links: [{ href: 'https://grafana.example.com/d/errors', text: 'Dashboard' }],
    createdAt,
    sourceStartedAt: createdAt - 30_000,
    lastSeenAt: createdAt,
    deliveries: 1 + Math.floor(next() * 10),
    status: resolvedAt !== null ? 'resolved' : ackAt !== null ? 'acknowledged' : 'open',
    acknowledgedAt: ackAt,
    acknowledgedBy: ackAt === null ? null : 'oncall@example.com',
    resolvedAt,
    resolvedBy: resolvedAt === null ? null : 'oncall@example.com',
    lastUpdateAt: ackAt,
    sla,
    timeline: slaTimeline(sla, createdAt),
    responses: [],
    notified: NO_NOTIFICATIONS,
    generation: 0,
    timer: null,
  };
}

export interface ChildDynalite {
  readonly client: DynamoDBClient;
  close(): Promise<void>;
}

/** dynalite in memory in a child process on a free loopback port. */
export async function startChildDynalite(): Promise<ChildDynalite> {
  const dynalitePath = createRequire(import.meta.url).resolve('dynalite');
  const script = `const s = require(${JSON.stringify(dynalitePath)})({ createTableMs: 0 }); s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=8192', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(Number(line)));
  });
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 3,
  });
  return {
    client,
    close: async () => {
      client.destroy();
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

async function load(db: ChildDynalite, config: AppConfig, total: number): Promise<number> {
  const next = random(20261130);
  let written = 0;
  let nextIndex = 0;
  const writer = async () => {
    while (nextIndex < total) {
      const requests: WriteRequest[] = [];
      for (; requests.length < BATCH && nextIndex < total; nextIndex += 1) {
        requests.push({ PutRequest: { Item: toAlertItem(benchAlert(config, nextIndex, total, next)) } });
      }
      let pending: WriteRequest[] | undefined = requests;
      while (pending !== undefined && pending.length > 0) {
        const out: BatchWriteItemCommandOutput = await db.client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
        written += pending.length - (out.UnprocessedItems?.[TABLE]?.length ?? 0);
        pending = out.UnprocessedItems?.[TABLE];
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
  return written;
}

/** Runs `work`, sampling memory every 10 ms; peaks are growth over the level before it started. */
async function withMemoryPeaks<T>(gc: () => void, work: () => Promise<T>): Promise<{ value: T; ms: number; heapMb: number; rssMb: number }> {
  gc();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  };
  const timer = setInterval(sample, 10);
  const startedAt = performance.now();
  const value = await work();
  const ms = performance.now() - startedAt;
  clearInterval(timer);
  sample();
  return { value, ms, heapMb: (heapPeak - before.heapUsed) / MB, rssMb: (rssPeak - before.rss) / MB };
}

/** Full GCs until freed buffers are returned too (their backing stores go a moment later). */
async function settle(gc: () => void): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The aggregation alone over generated pages: time, and memory retained by the accumulator after GC. */
async function aggregateOnly(gc: () => void, config: AppConfig, total: number, includeDetails: boolean): Promise<{ ms: number; retainedMb: number; report: DailyReport }> {
  const next = random(20261130);
  // Durations live in Float64Arrays, whose bytes V8 counts in arrayBuffers, not heapUsed.
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  await settle(gc);
  const baseline = used();
  const accumulator = new ReportAccumulator({
    day: reportDay(DATE, 'UTC'),
    now: NOW,
    includeDetails,
    linkBaseUrl: config.links.baseUrl,
    allowedBreaches: { critical: 0, high: 1, medium: 2, low: 3 },
  });
  let ms = 0;
  for (let i = 0; i < total; ) {
    const page: Alert[] = [];
    for (; page.length < REPORT_PAGE_SIZE && i < total; i += 1) page.push(benchAlert(config, i, total, next));
    const startedAt = performance.now();
    accumulator.add(page);
    ms += performance.now() - startedAt;
  }
  await settle(gc);
  const retainedMb = (used() - baseline) / MB;
  const startedAt = performance.now();
  const report = accumulator.finish();
  return { ms: ms + performance.now() - startedAt, retainedMb, report };
}

/** How many durations the report kept (wall and business, acknowledgment and resolution). */
function durations(report: DailyReport): number {
  return report.priorities.reduce(
    (sum, p) => sum + [p.mtta.wall, p.mtta.business, p.mttr.wall, p.mttr.business].reduce((n, s) => n + (s?.count ?? 0), 0),
    0,
  );
}

export async function benchReport(total = 100_000): Promise<BenchResult[]> {
  const gc = collector();
  const config = parseConfig({ sla: { reporting: { timezone: 'UTC', include_details: true } } }, {});
  const db = await startChildDynalite();
  try {
    await ensureTable(db.client, TABLE);
    const loadStartedAt = performance.now();
    const loaded = await load(db, config, total);
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;

    const store = new DynamoAlertStore({ client: db.client, tableName: TABLE });
    const deps = { config, store, clock: { now: () => NOW } };
    const builds = [];
    for (let run = 0; run < BUILDS; run += 1) builds.push(await withMemoryPeaks(gc, () => buildDailyReport(deps, { date: DATE })));
    const report = builds[0]?.value;
    const ms = median(builds.map((b) => b.ms));
    const withDetails = await aggregateOnly(gc, config, total, true);
    const withoutDetails = await aggregateOnly(gc, config, total, false);
    const breaches = report?.totals.breaches ?? 0;
    return [
      { name: 'report: load (not measured)', value: loaded / loadSeconds, unit: 'items/s', detail: `${loaded} alerts by BatchWriteItem in ${loadSeconds.toFixed(1)} s` },
      {
        name: 'report: build, end to end',
        value: ms / 1000,
        unit: 's',
        detail: `median of ${BUILDS} (${builds.map((b) => (b.ms / 1000).toFixed(2)).join(', ')} s); ${report?.totals.opened ?? 0} alerts, ${breaches} breached; goal < 10 s`,
      },
      { name: 'report: build throughput', value: (report?.totals.opened ?? 0) / (ms / 1000), unit: 'alerts/s' },
      { name: 'report: peak heap growth during build', value: Math.max(...builds.map((b) => b.heapMb)), unit: 'MB', detail: 'this process: SDK, parsing, aggregation' },
      { name: 'report: peak RSS growth during build', value: Math.max(...builds.map((b) => b.rssMb)), unit: 'MB' },
      { name: 'report: aggregation alone', value: withDetails.ms / 1000, unit: 's', detail: `${total} alerts in pages of ${REPORT_PAGE_SIZE}, no store` },
      {
        name: 'report: memory retained by aggregation, details on',
        value: withDetails.retainedMb,
        unit: 'MB',
        detail: `heap + array buffers after GC; ${withDetails.report.breachedAlerts?.length ?? 0} of ${withDetails.report.totals.breaches} breaches listed`,
      },
      {
        name: 'report: memory retained by aggregation, details off',
        value: withoutDetails.retainedMb,
        unit: 'MB',
        detail: `counters + ${durations(withoutDetails.report)} durations (8 B each)`,
      },
    ];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchReport(Number(process.argv[2] ?? 100_000)));
}
