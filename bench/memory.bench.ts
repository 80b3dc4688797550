/**
 * Memory and report isolation of the local stack as `npm start` runs it (LevelDB on disk, the
 * SES emulator, the report thread), in a child process whose resident memory (RSS) is read
 * between steps:
 *
 * - idle, then after each of 10 Alertmanager requests of 1,000 alerts (each alert stored,
 *   mailed and armed before the answer);
 * - 5 more such requests make 15,000 alerts on the day, then 20 daily reports built back to
 *   back over HTTP (each reads and aggregates all 15,000);
 * - intake latency (p50/p99 of single-alert generic requests from 4 senders), with nothing
 *   else running and while reports build back to back.
 *
 * Goal: RSS does not grow with requests served (a request's and a report's working memory is
 * given back), and intake p99 while reports build stays within 1.5x of idle.
 *
 * Run alone: npx tsx bench/memory.bench.ts [requests] [events a request] [more requests before the reports]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile, printResults, type BenchResult } from './bench-result.ts';
import { sendFromWorker } from './storm/senders.ts';
import { MEMORY_SECRET } from './memory/memory-secret.ts';

const MB = 1024 * 1024;
const BIG_REQUESTS = 10;
const MORE_REQUESTS = 5;
const EVENTS = 1_000;
const REPORT_BUILDS = Number(process.env.REPORT_BUILDS ?? 20);
const LATENCY_REQUESTS = 600;
const SENDERS = 4;

interface Rss {
  readonly total: number;
  readonly anonymous: number | null;
}

interface Server {
  readonly url: string;
  /** Resident memory, and its anonymous part (Linux; null elsewhere), in bytes. */
  rss(): Promise<Rss>;
  /** Live JS heap of the server's main thread after a full GC. */
  heap(): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<Server> {
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcess = fork(join(here, 'memory', 'memory-server.ts'), [dataDir], {
    execArgv: ['--import', tsx, '--expose-gc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`memory server exited (${code})`));
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message[key] as T);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const url = await next<string>('url');
  return {
    url,
    rss: async () => {
      const answer = next<Rss>('rss');
      child.send('rss');
      return answer;
    },
    heap: async () => {
      const answer = next<number>('heap');
      child.send('heap');
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** One Alertmanager group of `count` firing alerts, unique by `batch`. */
function groupBody(batch: number, count: number): string {
  const startsAt = new Date().toISOString();
  const alerts = Array.from({ length: count }, (_, i) => ({
    status: 'firing',
    labels: { alertname: 'DiskFull', instance: `host-${batch}-${i}:9100`, job: 'node', severity: ['critical', 'error', 'warning', 'info'][i % 4] },
    annotations: { summary: `Disk almost full on host-${batch}-${i}`, description: 'The /var filesystem is above 95% on this host.', runbook_url: 'https://runbooks.example.com/disk' },
    startsAt,
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.example.com:9090/graph',
    fingerprint: `${batch.toString(16).padStart(4, '0')}${i.toString(16).padStart(12, '0')}`,
  }));
  return JSON.stringify({ version: '4', status: 'firing', receiver: 'sla-watch', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', alerts });
}

async function post(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${MEMORY_SECRET}`, 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`intake answered ${response.status}`);
}

async function buildReport(server: Server, date: string): Promise<void> {
  const response = await fetch(`${server.url}/reports/daily?date=${date}`, { headers: { authorization: `Bearer ${MEMORY_SECRET}` } });
  const report = (await response.json()) as { totals?: { opened: number } };
  if (response.status !== 200) throw new Error(`report answered ${response.status}`);
  if (report.totals === undefined) throw new Error('report without totals');
}

async function intakeLatencies(server: Server, tag: string): Promise<{ p50: number; p99: number }> {
  const bodies = Array.from({ length: LATENCY_REQUESTS }, (_, i) => JSON.stringify({ id: `${tag}-${i}`, title: `Latency probe ${i}`, priority: 'low' }));
  const sent = await sendFromWorker({ url: `${server.url}/webhooks/generic`, secret: MEMORY_SECRET, bodies, senders: SENDERS });
  if (sent.answered !== LATENCY_REQUESTS) throw new Error(`only ${sent.answered} of ${LATENCY_REQUESTS} latency probes answered 2xx`);
  const sorted = Float64Array.from(sent.latencies).sort();
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

export async function benchMemory(bigRequests = BIG_REQUESTS, events = EVENTS, moreRequests = MORE_REQUESTS): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-memory-'));
  const server = await startServer(dataDir);
  const results: BenchResult[] = [];
  /** RSS after a full GC of the server's main thread, in MB: total and anonymous (own) memory. */
  const sample = async () => {
    await server.heap();
    const rss = await server.rss();
    return { total: rss.total / MB, anonymous: rss.anonymous === null ? Number.NaN : rss.anonymous / MB };
  };
  const show = (m: { total: number; anonymous: number }) => `${m.total.toFixed(0)} (${m.anonymous.toFixed(0)})`;
  const rssRow = (name: string, m: { total: number; anonymous: number }, detail: string): BenchResult[] => [
    { name: `${name}: RSS`, value: m.total, unit: 'MB', detail },
    { name: `${name}: anonymous RSS`, value: m.anonymous, unit: 'MB', detail: 'without mapped database files' },
  ];
  try {
    const date = new Date().toISOString().slice(0, 10);
    // One small request first, so idle means "started and has served", not "never touched".
    await post(`${server.url}/webhooks/generic`, JSON.stringify({ id: 'warm-up', title: 'Warm-up', priority: 'low' }));
    const idle = await sample();
    const heapIdle = (await server.heap()) / MB;
    results.push(...rssRow('idle', idle, 'after one request'));
    const afterEach: { total: number; anonymous: number }[] = [];
    for (let batch = 0; batch < bigRequests; batch += 1) {
      await post(`${server.url}/webhooks/am`, groupBody(batch, events));
      afterEach.push(await sample());
      console.error(`  request ${batch + 1}/${bigRequests}: RSS (anonymous) ${show(afterEach.at(-1) as { total: number; anonymous: number })} MB`);
    }
    const heapAfter = (await server.heap()) / MB;
    results.push(...rssRow(`after ${bigRequests} x ${events.toLocaleString('en-US')}-event requests`, afterEach.at(-1) as { total: number; anonymous: number }, `after each: ${afterEach.map(show).join(', ')}`));
    results.push({ name: 'main-thread JS heap after GC', value: heapAfter, unit: 'MB', detail: `idle ${heapIdle.toFixed(0)} MB` });
    for (let batch = bigRequests; batch < bigRequests + moreRequests; batch += 1) await post(`${server.url}/webhooks/am`, groupBody(batch, events));
    const beforeReports = await sample();
    const afterBuild: { total: number; anonymous: number }[] = [];
    const started = performance.now();
    for (let build = 0; build < REPORT_BUILDS; build += 1) {
      await buildReport(server, date);
      afterBuild.push(await sample());
    }
    const buildSeconds = (performance.now() - started) / 1000 / REPORT_BUILDS;
    const alerts = (bigRequests + moreRequests) * events;
    results.push(...rssRow(`before reports (${alerts.toLocaleString('en-US')} alerts)`, beforeReports, ''));
    results.push(...rssRow(`after ${REPORT_BUILDS} report builds`, afterBuild.at(-1) as { total: number; anonymous: number }, `max anonymous ${Math.max(...afterBuild.map((m) => m.anonymous)).toFixed(0)} MB, ${buildSeconds.toFixed(2)} s a build`));

    const idleLatency = await intakeLatencies(server, 'idle');
    let building = true;
    let builds = 0;
    const reporters = Array.from({ length: 1 }, async () => {
      while (building) {
        await buildReport(server, date);
        builds += 1;
      }
    });
    const busyLatency = await intakeLatencies(server, 'busy');
    building = false;
    await Promise.all(reporters);
    results.push({ name: 'intake p50, idle', value: idleLatency.p50, unit: 'ms', detail: `${LATENCY_REQUESTS} requests, ${SENDERS} senders` });
    results.push({ name: 'intake p99, idle', value: idleLatency.p99, unit: 'ms' });
    results.push({ name: 'intake p50, reports building', value: busyLatency.p50, unit: 'ms', detail: `${builds} reports built meanwhile` });
    results.push({ name: 'intake p99, reports building', value: busyLatency.p99, unit: 'ms', detail: `${(busyLatency.p99 / idleLatency.p99).toFixed(2)}x idle (goal at most 1.5x)` });
    results.push(...rssRow('at the end', await sample(), ''));
    return results;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [requests, events, more] = process.argv.slice(2).map(Number);
  printResults(await benchMemory(requests || BIG_REQUESTS, events || EVENTS, more ?? MORE_REQUESTS));
}
