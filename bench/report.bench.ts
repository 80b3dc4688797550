/**
 * The daily and monthly reports over heavy days. Daily: 100,000 alerts created within one day, in dynalite in
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
 * Monthly: the month of that day, 30 days of 100,000 alerts each. The 29 earlier days have
 * settled (every alert resolved) and were aggregated by their own daily reports, which stored
 * their rollups (seeded here the same way, timed apart); the monthly build merges those and
 * reads the last day, still settling, again. The merged percentiles are compared with the
 * exact ones over all 2.9 million times to acknowledge.
 *
 * Run alone: npx tsx bench/report.bench.ts [alerts]
 */
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ensureTable } from '../shared/adapters/dynamo/create-table.ts';
import { toAlertItem } from '../shared/adapters/dynamo/alert-item.ts';
import { DynamoAlertStore } from '../shared/adapters/dynamo/dynamo-alert-store.ts';
import { dynamoLiveFigures } from '../shared/adapters/dynamo/dynamo-live-figures.ts';
import { buildDailyReport, REPORT_PAGE_SIZE } from '../shared/app/build-report.ts';
import type { AppConfig } from '../shared/config/app-config.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import type { Alert } from '../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../shared/domain/alert/notification-marks.ts';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../shared/domain/instant.ts';
import { DynamoReportRollups } from '../shared/adapters/dynamo/dynamo-report-rollups.ts';
import { buildReport } from '../shared/app/build-report.ts';
import type { DayRollup } from '../shared/domain/report/day-rollup.ts';
import { DayTally } from '../shared/domain/report/day-tally.ts';
import { DurationSamples } from '../shared/domain/report/duration-samples.ts';
import { LogHistogram } from '../shared/domain/report/log-histogram.ts';
import { reportDay } from '../shared/domain/report/report-day.ts';
import { reportPeriod } from '../shared/domain/report/report-period.ts';
import { reportViewOf, type ReportView } from '../shared/domain/report/report-view.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { slaTimeline } from '../shared/domain/sla/sla-timeline.ts';
import type { BenchResult } from './bench-result.ts';
import { median, printResults } from './bench-result.ts';

const DATE = '2026-11-30';
const DAY_FROM_AT = Date.parse(`${DATE}T00:00:00Z`);
/** When the report is built: 08:00 the next morning, when the schedule sends it. */
const NOW = DAY_FROM_AT + DAY_MS + 8 * HOUR_MS;
const TABLE = 'sla-watch-bench';
/** The month of the monthly report: DATE is its last day. */
const MONTH = '2026-11';

interface BenchDay {
  readonly fromAt: number;
  /** Every alert resolved (a day long past). */
  readonly settled: boolean;
}

const LOADED_DAY: BenchDay = { fromAt: DAY_FROM_AT, settled: false };
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
function benchAlert(config: AppConfig, i: number, total: number, next: () => number, day: BenchDay = LOADED_DAY): Alert {
  const priority = PRIORITIES[i % PRIORITIES.length] ?? 'medium';
  const sla = config.policies[priority];
  const createdAt = day.fromAt + Math.floor((i * DAY_MS) / total);
  const integrationId = `integration-${i % 5}`;
  const source = `Source${Math.floor(next() * 300)}`;
  const dedupKey = `fp-${i.toString(16)}@${new Date(createdAt).toISOString()}`;
  const ackAt = next() < 0.85 ? Math.min(NOW, createdAt + Math.floor(next() * 2 * sla.acknowledgmentSeconds * SECOND_MS)) : null;
  // A day weeks old has settled: everything on it was resolved.
  const resolvedAt =
    (ackAt !== null && next() < 0.7) || day.settled ? Math.min(NOW, (ackAt ?? createdAt) + Math.floor(next() * 2 * sla.resolutionSeconds * SECOND_MS)) : null;
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
        requests.push({ PutRequest: { Item: toAlertItem(benchAlert(config, nextIndex, total, next), undefined, undefined, config.reporting.groupBy) } });
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

/** The aggregation alone over generated pages: time, and memory retained by the day's tally after GC. */
async function aggregateOnly(gc: () => void, config: AppConfig, total: number): Promise<{ ms: number; retainedMb: number; durations: number; rollup: DayRollup }> {
  const next = random(20261130);
  // Durations live in Float64Arrays, whose bytes V8 counts in arrayBuffers, not heapUsed.
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  await settle(gc);
  const baseline = used();
  const tally = dayTally(config, DATE);
  let ms = 0;
  for (let i = 0; i < total; ) {
    const page: ReportView[] = [];
    // Views are made as each alert is written, not by the report: outside the timing.
    for (; page.length < REPORT_PAGE_SIZE && i < total; i += 1) page.push(reportViewOf(benchAlert(config, i, total, next), config.reporting.groupBy));
    const startedAt = performance.now();
    tally.add(page);
    ms += performance.now() - startedAt;
  }
  await settle(gc);
  const retainedMb = (used() - baseline) / MB;
  const startedAt = performance.now();
  const rollup = tally.rollup();
  const exact = tally.exactTimes();
  const durations = PRIORITIES.reduce(
    (sum, p) => sum + [exact.priorities[p].mtta.wall, exact.priorities[p].mtta.business, exact.priorities[p].mttr.wall, exact.priorities[p].mttr.business].reduce((n, x) => n + (x?.count ?? 0), 0),
    0,
  );
  return { ms: ms + performance.now() - startedAt, retainedMb, durations, rollup };
}

function dayTally(config: AppConfig, date: string): DayTally {
  const day = reportDay(date, 'UTC');
  return new DayTally({ date, timezone: 'UTC', fromAt: day.fromAt, toAt: day.toAt, now: NOW, linkBaseUrl: config.links.baseUrl, groupBy: config.reporting.groupBy });
}

/**
 * The 29 settled days before DATE, 100,000 alerts each, aggregated in process as each day's
 * daily report aggregates its day, and stored as rollups, as those daily reports store them.
 * Also keeps every exact time to acknowledge of the month, to measure how far the merged
 * histograms' percentiles are from exact ones.
 */
async function seedMonth(config: AppConfig, rollups: DynamoReportRollups, perDay: number, exactMtta: DurationSamples): Promise<{ days: number; msPerDay: number }> {
  const dates = reportPeriod('monthly', MONTH, 'UTC').dates.filter((date) => date !== DATE);
  let ms = 0;
  for (const [index, date] of dates.entries()) {
    const next = random(index + 1);
    const tally = dayTally(config, date);
    const day: BenchDay = { fromAt: reportDay(date, 'UTC').fromAt, settled: true };
    for (let i = 0; i < perDay; ) {
      const page: ReportView[] = [];
      for (; page.length < REPORT_PAGE_SIZE && i < perDay; i += 1) {
        const alert = benchAlert(config, i, perDay, next, day);
        page.push(reportViewOf(alert, config.reporting.groupBy));
        if (alert.acknowledgedAt !== null) exactMtta.push(alert.acknowledgedAt - alert.createdAt);
        else if (alert.resolvedAt !== null) exactMtta.push(alert.resolvedAt - alert.createdAt);
      }
      const startedAt = performance.now();
      tally.add(page);
      ms += performance.now() - startedAt;
    }
    await rollups.put(tally.rollup());
  }
  return { days: dates.length, msPerDay: ms / dates.length };
}

function relativeError(approx: number, exact: number): number {
  return exact === 0 ? Math.abs(approx) : Math.abs(approx - exact) / exact;
}

/** The MTTA of the 29 settled days over all priorities, from their stored rollups' merged histograms. */
async function mergedSettledMtta(rollups: DynamoReportRollups): Promise<{ medianMs: number; p90Ms: number }> {
  const dates = reportPeriod('monthly', MONTH, 'UTC').dates.filter((date) => date !== DATE);
  const stored = await rollups.get('UTC', dates);
  const merged = new LogHistogram();
  for (const rollup of stored.values()) for (const p of PRIORITIES) merged.mergeData(rollup.priorities[p].acknowledgment.wall);
  return { medianMs: merged.percentile(50) ?? 0, p90Ms: merged.percentile(90) ?? 0 };
}

export async function benchReport(total = 100_000): Promise<BenchResult[]> {
  const gc = collector();
  const config = parseConfig({ sla: { reporting: { timezone: 'UTC', include_details: true, group_by: 'job' } } }, {});
  const db = await startChildDynalite();
  try {
    await ensureTable(db.client, TABLE);
    const loadStartedAt = performance.now();
    const loaded = await load(db, config, total);
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;

    const store = new DynamoAlertStore({ client: db.client, tableName: TABLE });
    const rollups = new DynamoReportRollups({ client: db.client, tableName: TABLE });
    // As the stack wires it: the backlog read from open alerts' views (the open index alone).
    const live = dynamoLiveFigures({ client: db.client, tableName: TABLE, timezone: 'UTC', logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } }).live;
    const deps = { config, store, clock: { now: () => NOW }, rollups, live };
    const builds = [];
    for (let run = 0; run < BUILDS; run += 1) builds.push(await withMemoryPeaks(gc, () => buildDailyReport(deps, { date: DATE })));
    const report = builds[0]?.value;
    const ms = median(builds.map((b) => b.ms));
    const aggregation = await aggregateOnly(gc, config, total);
    const breaches = report?.totals.breaches ?? 0;

    // The month: 29 settled days as rollups, the last day (DATE) still settling, read again.
    const exactMtta = new DurationSamples();
    const seeded = await seedMonth(config, rollups, total, exactMtta);
    const monthly = [];
    for (let run = 0; run < BUILDS; run += 1) monthly.push(await withMemoryPeaks(gc, () => buildReport(deps, { interval: 'monthly', label: MONTH })));
    const month = monthly[0]?.value;
    const monthMs = median(monthly.map((b) => b.ms));
    // Accuracy of merged histograms: the month's MTTA over all priorities of the 29 settled days, merged vs exact.
    const mergedMonth = await mergedSettledMtta(rollups);
    const exact = exactMtta.summary();
    return [
      { name: 'report: machine load (1 min average)', value: loadavg()[0] ?? 0, unit: 'runnable', detail: `at the end, on ${cpus().length} cores: above the core count, every time here is inflated` },
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
      { name: 'report: aggregation alone', value: aggregation.ms / 1000, unit: 's', detail: `${total} alerts in pages of ${REPORT_PAGE_SIZE}, no store` },
      {
        name: 'report: memory retained by aggregation',
        value: aggregation.retainedMb,
        unit: 'MB',
        detail: `heap + array buffers after GC: counters, histograms, ${aggregation.durations} durations (8 B each), ${aggregation.rollup.breached.length} breach records`,
      },
      { name: 'report: stored day rollup', value: JSON.stringify(aggregation.rollup).length / 1024, unit: 'KB', detail: 'one item per day (DynamoDB allows 400 KB)' },
      { name: 'report monthly: day rollups seeded (not measured)', value: seeded.msPerDay / 1000, unit: 's/day', detail: `${seeded.days} settled days of ${total} alerts, aggregated as their daily reports do` },
      {
        name: 'report monthly: build, end to end',
        value: monthMs / 1000,
        unit: 's',
        detail: `median of ${BUILDS} (${monthly.map((b) => (b.ms / 1000).toFixed(2)).join(', ')} s); ${month?.totals.opened ?? 0} alerts over ${month?.days ?? 0} days (29 rollups + ${DATE} read again, still settling; previous month read from the index); goal < 10 s`,
      },
      { name: 'report monthly: peak heap growth during build', value: Math.max(...monthly.map((b) => b.heapMb)), unit: 'MB' },
      {
        name: 'report monthly: MTTA median, merged vs exact',
        value: 100 * relativeError(mergedMonth.medianMs, exact?.medianMs ?? 0),
        unit: '% off',
        detail: `${((exact?.medianMs ?? 0) / 1000).toFixed(1)} s exact, ${(mergedMonth.medianMs / 1000).toFixed(1)} s merged over ${exact?.count ?? 0} answers; goal within 1%`,
      },
      {
        name: 'report monthly: MTTA p90, merged vs exact',
        value: 100 * relativeError(mergedMonth.p90Ms, exact?.p90Ms ?? 0),
        unit: '% off',
        detail: `${((exact?.p90Ms ?? 0) / 1000).toFixed(1)} s exact, ${(mergedMonth.p90Ms / 1000).toFixed(1)} s merged`,
      },
    ];
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchReport(Number(process.argv[2] ?? 100_000)));
}
