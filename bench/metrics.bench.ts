/**
 * A scrape of `GET /metrics` over a heavy day: 100,000 alerts created today, 10,000 of them
 * still open, in dynalite (in memory, its own process, as DynamoDB runs elsewhere), read
 * through the DynamoAlertStore, the day counters and the open views, as the local stack and
 * AWS wire them, and served by the HTTP app with a metrics token. Loading the table, and the
 * day's counters (each alert's writes counted as the store counts them, in one delta per
 * alert), is timed apart and is not part of the measurement.
 *
 * Measured:
 * - uncached: a scrape that computes (fresh app each time, so its cache is empty), median of 5,
 *   with the DynamoDB requests it made;
 * - the same computation over an array-backed store that costs nothing (what the figures and
 *   the exposition cost, without the store);
 * - cached: 1,000 scrapes answered from the cache, median and p99.
 * Goals: 500 ms uncached, 5 ms cached.
 *
 * Run alone: npx tsx bench/metrics.bench.ts [alertsToday] [open]
 */
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { toAlertItem } from '../shared/adapters/dynamo/alert-item.ts';
import { ensureTable } from '../shared/adapters/dynamo/create-table.ts';
import { DynamoAlertStore } from '../shared/adapters/dynamo/dynamo-alert-store.ts';
import type { AppDeps } from '../shared/app/app-deps.ts';
import { collectMetrics, type MetricsFigures } from '../shared/app/collect-metrics.ts';
import { DynamoDayCounters } from '../shared/adapters/dynamo/dynamo-day-counters.ts';
import { dynamoLiveFigures } from '../shared/adapters/dynamo/dynamo-live-figures.ts';
import type { AppConfig } from '../shared/config/app-config.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import type { Alert } from '../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../shared/domain/alert/notification-marks.ts';
import type { Instant } from '../shared/domain/instant.ts';
import { HOUR_MS, SECOND_MS } from '../shared/domain/instant.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { slaTimeline } from '../shared/domain/sla/sla-timeline.ts';
import { createApp } from '../shared/http/app.ts';
import { renderExposition } from '../shared/metrics/prometheus-exposition.ts';
import type { AlertListQuery, AlertPage, AlertStore, DuePage } from '../shared/ports/alert-store.ts';
import type { Logger } from '../shared/ports/logger.ts';
import type { BenchResult } from './bench-result.ts';
import { median, percentile, printResults } from './bench-result.ts';
import { startChildDynalite, type ChildDynalite } from './report.bench.ts';

const DAY_FROM_AT = Date.parse('2026-11-30T00:00:00Z');
/** The scrape happens at 23:00 UTC, near the end of the day, when the day index is fullest. */
const NOW = DAY_FROM_AT + 23 * HOUR_MS;
const TABLE = 'sla-watch-metrics-bench';
const TOKEN = 'benchMetricsToken0123456789abcde';
const BATCH = 25;
const IN_FLIGHT = 32;
const UNCACHED_RUNS = 5;
const CACHED_RUNS = 1000;

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Alert `i` of today's `total`: the first `open` are still open (some acknowledged), the rest resolved. */
export function benchAlert(config: AppConfig, i: number, total: number, open: number): Alert {
  const priority = PRIORITIES[i % PRIORITIES.length] ?? 'medium';
  const sla = config.policies[priority];
  const createdAt = DAY_FROM_AT + Math.floor((i * 23 * HOUR_MS) / total);
  const dedupKey = `fp-${i.toString(16)}`;
  const spread = (i * 7919) % 1000;
  const ackAt = i % 7 === 0 && i < open ? null : Math.min(NOW - 1, createdAt + Math.floor((spread / 500) * sla.acknowledgmentSeconds * SECOND_MS));
  const resolvedAt = i < open || ackAt === null ? null : Math.min(NOW - 1, ackAt + Math.floor((spread / 500) * sla.resolutionSeconds * SECOND_MS));
  return {
    id: alertId('bench', dedupKey, 1),
    version: 1,
    integrationId: 'bench',
    format: 'alertmanager',
    dedupKey,
    occurrence: 1,
    title: `Service ${i % 97} above threshold on host-${i % 1000}`,
    description: 'Error rate above 5% for 5 minutes.',
    sourceName: `Source${i % 300}`,
    severity: priority,
    priority,
    labels: { alertname: `Source${i % 300}`, instance: `host-${i % 1000}:9100`, job: 'node', severity: priority },
    annotations: { summary: 'error rate above 5%', runbook_url: 'https://runbooks.example.com/errors' },
    links: [{ href: 'https://grafana.example.com/d/errors', text: 'Dashboard' }],
    createdAt,
    sourceStartedAt: createdAt - 30_000,
    lastSeenAt: createdAt,
    deliveries: 1,
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

async function load(db: ChildDynalite, alerts: readonly Alert[]): Promise<void> {
  const counters = new DynamoDayCounters({ client: db.client, tableName: TABLE, timezone: 'UTC' });
  let next = 0;
  const writer = async () => {
    while (next < alerts.length) {
      const requests: WriteRequest[] = alerts.slice(next, next + BATCH).map((alert) => ({ PutRequest: { Item: toAlertItem(alert) } }));
      next += BATCH;
      let pending: WriteRequest[] | undefined = requests;
      while (pending !== undefined && pending.length > 0) {
        const out: BatchWriteItemCommandOutput = await db.client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
        pending = out.UnprocessedItems?.[TABLE];
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
  // What every write of these alerts added up to: one delta from nothing to the alert as stored.
  for (let start = 0; start < alerts.length; start += 1_000) await Promise.all(alerts.slice(start, start + 1_000).map((alert) => counters.record(null, alert)));
}

/** Counts the DynamoDB requests a client sends, by command. */
function countRequests(client: ChildDynalite['client']): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      counts.set(command, (counts.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return counts;
}

/** Counts the index queries (pages) a store serves. */
class CountingStore {
  pages = 0;
  constructor(private readonly inner: AlertStore) {}
  wrap(): AlertStore {
    const inner = this.inner;
    const count = () => (this.pages += 1);
    async function* counted(pages: AsyncIterable<readonly Alert[]>) {
      for await (const page of pages) {
        count();
        yield page;
      }
    }
    return {
      ...inner,
      get: (id) => inner.get(id),
      create: (a) => inner.create(a),
      update: (a, v) => inner.update(a, v),
      latestOccurrence: (i, d) => inner.latestOccurrence(i, d),
      recordOccurrence: (i, d, o) => inner.recordOccurrence(i, d, o),
      list: (q) => inner.list(q),
      listOpen: (size) => counted(inner.listOpen(size)),
      listCreatedBetween: (from, to, size) => counted(inner.listCreatedBetween(from, to, size)),
      listDue: (...args) => {
        count();
        return inner.listDue(...args);
      },
    };
  }
}

/** The store's answers from arrays already in memory: what computing and rendering cost alone. */
function arrayStore(alerts: readonly Alert[]): AlertStore {
  const pages = function* (selected: readonly Alert[], size: number) {
    for (let i = 0; i < selected.length; i += size) yield selected.slice(i, i + size);
  };
  const unused = () => Promise.reject(new Error('not used by the metrics'));
  return {
    get: unused,
    create: unused,
    update: unused,
    latestOccurrence: unused,
    recordOccurrence: unused,
    firstCreatedAt: unused,
    list: (_query: AlertListQuery): Promise<AlertPage> => unused(),
    listOpen: async function* (size: number) {
      yield* pages(alerts.filter((a) => a.status !== 'resolved'), size);
    },
    listCreatedBetween: async function* (fromAt: Instant, toAt: Instant, size: number) {
      yield* pages(alerts.filter((a) => a.createdAt >= fromAt && a.createdAt < toAt), size);
    },
    listReportViews: () => ({ [Symbol.asyncIterator]: () => ({ next: unused }) }),
    listDue: async (): Promise<DuePage> => ({ alerts: [], next: null }),
    listOutboxDue: unused,
  };
}

async function scrapeMs(app: ReturnType<typeof createApp>): Promise<number> {
  const startedAt = performance.now();
  const response = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  const text = await response.text();
  const ms = performance.now() - startedAt;
  if (response.status !== 200 || !text.includes('sla_watch_alerts_open')) throw new Error(`scrape failed: ${response.status} ${text.slice(0, 200)}`);
  return ms;
}

export async function benchMetrics(total = 100_000, open = 10_000): Promise<BenchResult[]> {
  const config = parseConfig({ metrics_tokens: [{ name: 'bench', token: TOKEN }], sla: { reporting: { timezone: 'UTC' } } }, {});
  const alerts = Array.from({ length: total }, (_, i) => benchAlert(config, i, total, open));
  const db = await startChildDynalite();
  try {
    await ensureTable(db.client, TABLE);
    const loadStartedAt = performance.now();
    await load(db, alerts);
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;

    const requests = countRequests(db.client);
    const counted = dynamoLiveFigures({ client: db.client, tableName: TABLE, timezone: 'UTC', logger: silent });
    const counting = new CountingStore(new DynamoAlertStore({ client: db.client, tableName: TABLE, afterWrite: counted.afterWrite }));
    const deps = (store: AlertStore, live: AppDeps['live'] = counted.live): AppDeps => ({
      config,
      store,
      ...(live === undefined ? {} : { live }),
      clock: { now: () => NOW },
      logger: silent,
      timers: { arm: () => Promise.reject(new Error('unused')), cancel: () => Promise.reject(new Error('unused')) } as unknown as AppDeps['timers'],
      deliveries: { enqueue: async () => {} },
    });
    const linkSecret = 'bench-link-secret-0123456789abcdef';

    const uncached: number[] = [];
    let sent = '';
    for (let run = 0; run < UNCACHED_RUNS; run += 1) {
      requests.clear();
      uncached.push(await scrapeMs(createApp(deps(counting.wrap()), { linkSecret })));
      sent = [...requests].map(([command, n]) => `${n} ${command}`).join(', ');
    }

    // The figures from counters and views equal those computed from every alert (checked once, not timed).
    const live = await collectMetrics(deps(counting.wrap()));
    const everyAlert = await collectMetrics(deps(arrayStore(alerts), undefined));
    const agree = JSON.stringify(live.open) === JSON.stringify(everyAlert.open) && sameToday(live, everyAlert);

    const computeOnly: number[] = [];
    const memory = arrayStore(alerts);
    for (let run = 0; run < 3; run += 1) {
      const startedAt = performance.now();
      await renderExposition(await collectMetrics(deps(memory, undefined)));
      computeOnly.push(performance.now() - startedAt);
    }

    const app = createApp(deps(counting.wrap()), { linkSecret });
    await scrapeMs(app);
    counting.pages = 0;
    const cached: number[] = [];
    for (let run = 0; run < CACHED_RUNS; run += 1) cached.push(await scrapeMs(app));
    cached.sort((a, b) => a - b);

    return [
      { name: 'metrics: machine load (1 min average)', value: loadavg()[0] ?? 0, unit: 'runnable', detail: `on ${cpus().length} cores: above the core count, every figure here is inflated` },
      { name: 'metrics: load (not measured)', value: total / loadSeconds, unit: 'items/s', detail: `${total} alerts today (${open} open) by BatchWriteItem in ${loadSeconds.toFixed(1)} s` },
      {
        name: 'metrics: scrape, uncached, dynalite',
        value: median(uncached),
        unit: 'ms',
        detail: `median of ${UNCACHED_RUNS} (${uncached.map((ms) => ms.toFixed(0)).join(', ')} ms); requests: ${sent}; goal < 500 ms`,
      },
      {
        name: 'metrics: counters + views agree with every alert',
        value: agree ? 1 : 0,
        unit: 'yes=1',
        detail: `today's figures and open figures from counters and ${open} views vs from ${total} alerts evaluated`,
      },
      {
        name: 'metrics: from every alert, store in memory',
        value: median(computeOnly),
        unit: 'ms',
        detail: `median of 3 (${computeOnly.map((ms) => ms.toFixed(0)).join(', ')} ms); ${total + open} alerts evaluated: the computation without counters, before any read`,
      },
      {
        name: 'metrics: scrape, cached',
        value: percentile(cached, 0.5),
        unit: 'ms',
        detail: `median of ${CACHED_RUNS}; p99 ${percentile(cached, 0.99).toFixed(2)} ms; ${counting.pages} store reads; goal < 5 ms`,
      },
    ];
  } finally {
    await db.close();
  }
}

/** Today's figures alike, the histograms' sums to a millisecond (summed in another order). */
function sameToday(a: MetricsFigures, b: MetricsFigures): boolean {
  const strip = (figures: MetricsFigures) =>
    JSON.stringify(figures.today, (key, value: unknown) => (key === 'sum' && typeof value === 'number' ? Math.round(value * 1000) : value));
  return strip(a) === strip(b);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchMetrics(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 10_000)));
}
