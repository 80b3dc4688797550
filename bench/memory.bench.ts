/**
 * Memory and report isolation of the local stack as `npm start` runs it (LevelDB on disk, the
 * SES emulator, the report thread), in a child process whose resident memory (RSS) is read
 * between steps, after every thread has collected its garbage:
 *
 * - idle, then after each of 15 Alertmanager requests of 1,000 alerts (each alert stored,
 *   mailed and armed before the answer): RSS after 5, 10 and 15 shows whether it keeps
 *   growing with requests served;
 * - 20 daily reports built back to back over HTTP on those 15,000 alerts (each reads and
 *   aggregates them all): RSS after 5, 10 and 20 builds;
 * - intake latency (p50/p99 of single-alert generic requests from 4 senders) in alternating
 *   rounds with nothing else running and while reports build back to back
 *   (memory/intake-latency.ts).
 *
 * Goals: RSS stops growing with requests and builds (a request's and a report's working
 * memory is given back or reused), and intake p99 while reports build stays within 1.5x of idle.
 *
 * Run alone: npx tsx bench/memory.bench.ts; MEMORY_REQUESTS, MEMORY_BUILDS, LATENCY_ROUNDS
 * and LATENCY_REQUESTS change the counts.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printResults, type BenchResult } from './bench-result.ts';
import { compareIntakeLatency } from './memory/intake-latency.ts';
import { buildReport, groupBody, post, startMemoryServer, type MemorySample } from './memory/memory-client.ts';

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REQUESTS = count('MEMORY_REQUESTS', 15);
const EVENTS = 1_000;
const BUILDS = count('MEMORY_BUILDS', 20);
const LATENCY_ROUNDS = count('LATENCY_ROUNDS', 5);
const LATENCY_REQUESTS = count('LATENCY_REQUESTS', 1000);
const SENDERS = 4;

const mb = (value: number) => value.toFixed(0);
const show = (m: MemorySample) => `${mb(m.total)} (${mb(m.anonymous)})`;
/** Each thread's heap, live of committed, e.g. "heaps: main 21/31, dynalite 12/40 MB". */
const heaps = (m: MemorySample) =>
  `heaps: ${Object.entries(m.threads)
    .map(([name, heap]) => `${name} ${mb(heap.used)}/${mb(heap.committed)}`)
    .join(', ')} MB`;
const rssRows = (name: string, m: MemorySample, detail = ''): BenchResult[] => [
  { name: `${name}: RSS`, value: m.total, unit: 'MB', detail },
  { name: `${name}: anonymous RSS`, value: m.anonymous, unit: 'MB', detail: heaps(m) },
];

/** Bytes of the files under `dir`, in MB (the LevelDB database). */
async function diskMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes / 1024 / 1024;
}

/** The samples at these counts (1-based), where the run reached them. */
const checkpoints = (samples: readonly MemorySample[], at: readonly number[]) => at.filter((n) => n <= samples.length).map((n) => [n, samples[n - 1] as MemorySample] as const);

export async function benchMemory(): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-memory-'));
  const server = await startMemoryServer(dataDir);
  const results: BenchResult[] = [];
  try {
    const date = new Date().toISOString().slice(0, 10);
    // One small request and one report first, so idle means "started and has served both".
    await post(`${server.url}/webhooks/generic`, JSON.stringify({ id: 'warm-up', title: 'Warm-up', priority: 'low' }));
    await buildReport(server.url, date);
    const idle = await server.sample();
    results.push(...rssRows('idle', idle, 'after one request and one report'));

    const afterRequest: MemorySample[] = [];
    const requestSeconds: number[] = [];
    for (let batch = 0; batch < REQUESTS; batch += 1) {
      const started = performance.now();
      await post(`${server.url}/webhooks/am`, groupBody(batch, EVENTS));
      requestSeconds.push((performance.now() - started) / 1000);
      afterRequest.push(await server.sample());
      console.error(`  request ${batch + 1}/${REQUESTS}: RSS (anonymous) ${show(afterRequest.at(-1) as MemorySample)} MB; ${heaps(afterRequest.at(-1) as MemorySample)}`);
    }
    const requestPeak = Math.max(...afterRequest.map((m) => m.anonymous));
    for (const [n, m] of checkpoints(afterRequest, [5, 10, 15, 20, 40])) {
      results.push(...rssRows(`after ${n} x ${EVENTS.toLocaleString('en-US')}-event requests`, m, `${(requestSeconds.slice(0, n).reduce((a, b) => a + b, 0) / n).toFixed(1)} s a request`));
    }
    results.push({ name: 'database on disk', value: await diskMb(dataDir), unit: 'MB', detail: `after ${REQUESTS} requests` });
    results.push({ name: 'a request keeps at most', value: requestPeak - idle.anonymous, unit: 'MB', detail: 'highest anonymous RSS after any request, minus idle' });

    const beforeBuilds = afterRequest.at(-1) ?? idle;
    const afterBuild: MemorySample[] = [];
    const buildSeconds: number[] = [];
    let counted = 0;
    for (let build = 0; build < BUILDS; build += 1) {
      const started = performance.now();
      counted = await buildReport(server.url, date);
      buildSeconds.push((performance.now() - started) / 1000);
      afterBuild.push(await server.sample());
      console.error(`  build ${build + 1}/${BUILDS}: ${buildSeconds.at(-1)?.toFixed(1)} s, RSS (anonymous) ${show(afterBuild.at(-1) as MemorySample)} MB; ${heaps(afterBuild.at(-1) as MemorySample)}`);
    }
    for (const [n, m] of checkpoints(afterBuild, [5, 10, 20, 40])) {
      results.push(...rssRows(`after ${n} report builds on ${counted.toLocaleString('en-US')} alerts`, m, `${(buildSeconds.slice(0, n).reduce((a, b) => a + b, 0) / n).toFixed(1)} s a build`));
    }
    if (afterBuild.length > 0) {
      const buildPeak = Math.max(...afterBuild.map((m) => m.anonymous));
      results.push({ name: 'report builds keep at most', value: buildPeak - idle.anonymous, unit: 'MB', detail: `highest anonymous RSS after any build, minus idle (before the first: ${mb(beforeBuilds.anonymous - idle.anonymous)} MB)` });
    }

    if (LATENCY_ROUNDS > 0) {
      const latency = await compareIntakeLatency({ url: server.url, date, rounds: LATENCY_ROUNDS, requests: LATENCY_REQUESTS, senders: SENDERS });
      const rounds = latency.rounds.map((r) => `${mb(r.idle.p99)}/${mb(r.busy.p99)}`).join(', ');
      const builds = latency.rounds.reduce((n, r) => n + r.builds, 0);
      results.push({ name: 'intake p50, idle', value: latency.idle.p50, unit: 'ms', detail: `${LATENCY_ROUNDS} rounds of ${LATENCY_REQUESTS} requests each way, ${SENDERS} senders` });
      results.push({ name: 'intake p99, idle', value: latency.idle.p99, unit: 'ms', detail: `p99 idle/building per round: ${rounds} ms` });
      results.push({ name: 'intake p50, reports building', value: latency.busy.p50, unit: 'ms', detail: `${builds} reports built meanwhile` });
      results.push({ name: 'intake p99, reports building', value: latency.busy.p99, unit: 'ms' });
      results.push({ name: 'intake p99 building / idle', value: latency.busy.p99 / latency.idle.p99, unit: 'x', detail: `per round: ${latency.rounds.map((r) => (r.busy.p99 / r.idle.p99).toFixed(2)).join(', ')} (goal at most 1.5)` });
    }
    results.push(...rssRows('at the end', await server.sample()));
    return results;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printResults(await benchMemory());
