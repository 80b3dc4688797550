/**
 * The intake storm: the local stack (as `npm start` runs it, LevelDB on disk) takes 10,000
 * Alertmanager alerts from 32 concurrent senders over HTTP. Every alert is stored, gets its
 * new-alert email through the SES emulator and its first timer armed in the same request, so
 * this measures the whole path a webhook takes. Prints alerts per second, p50/p99 latency, and
 * how many alerts were stored against how many were answered 2xx (none may be lost).
 *
 * The senders run in a worker thread, as another program would: on a 2-core machine they must
 * not take the server's event loop.
 *
 * Run alone: npx tsx bench/intake-storm.bench.ts [alerts] [senders]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { JsonLogger } from '../shared/adapters/log/json-logger.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { startLocalStack } from '../infra/local/local-stack.ts';
import type { BenchResult } from './bench-result.ts';
import { percentile, printResults } from './bench-result.ts';

const SECRET = 'benchSecret0123456789abcdefghijk';

export async function benchIntakeStorm(total = 10_000, senders = 32): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-storm-'));
  const config = parseConfig(
    {
      integrations: [{ id: 'am', format: 'alertmanager', secrets: [SECRET] }],
      api_keys: [{ name: 'bench', key: SECRET }],
      sla: { reporting: { enabled: false } },
    },
    {},
  );
  const logger = new JsonLogger({ minLevel: 'error', write: (line) => process.stderr.write(line) });
  const stack = await startLocalStack({ config, linkSecret: SECRET, logger, dataDir, port: 0 });
  try {
    const run = Date.now();
    const bodies = Array.from({ length: total }, (_, i) => alertmanagerGroup(i, run));
    const { latencies, answered, seconds } = await sendFromWorker({ url: `${stack.url}/webhooks/am`, secret: SECRET, bodies, senders });

    let stored = 0;
    for await (const page of stack.deps.store.listCreatedBetween(run - 60_000, Date.now() + 60_000, 500)) stored += page.length;
    const sorted = latencies.sort((a, b) => a - b);
    return [
      { name: 'intake storm: alerts per second', value: total / seconds, unit: 'alerts/s', detail: `${total} alerts, ${senders} senders, ${seconds.toFixed(1)} s` },
      { name: 'intake storm: p50 latency', value: percentile(sorted, 0.5), unit: 'ms' },
      { name: 'intake storm: p99 latency', value: percentile(sorted, 0.99), unit: 'ms' },
      { name: 'intake storm: answered 2xx', value: answered, unit: 'alerts' },
      { name: 'intake storm: stored', value: stored, unit: 'alerts', detail: stored === answered ? 'none lost' : `LOST ${answered - stored}` },
    ];
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Sent {
  readonly latencies: Float64Array;
  readonly answered: number;
  readonly seconds: number;
}

/**
 * `senders` concurrent HTTP clients in a worker thread, each posting the next body until none
 * is left, each over its own kept-alive connection (as Alertmanager keeps its connections).
 * node:http rather than fetch: on two cores the senders' own CPU comes out of the server's.
 */
const SENDER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, secret, bodies, senders } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
const latencies = new Float64Array(bodies.length);
let answered = 0;
let next = 0;
function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { authorization: 'Bearer ' + secret, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
async function sender() {
  for (let i = next++; i < bodies.length; i = next++) {
    const t0 = performance.now();
    const status = await post(bodies[i]);
    latencies[i] = performance.now() - t0;
    if (status >= 200 && status < 300) answered += 1;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: senders }, sender)).then(() => {
  parentPort.postMessage({ latencies, answered, seconds: (performance.now() - started) / 1000 });
});
`;

function sendFromWorker(workerData: { url: string; secret: string; bodies: string[]; senders: number }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER_SOURCE, { eval: true, workerData });
    worker.once('message', (sent: Sent) => {
      resolve(sent);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function alertmanagerGroup(i: number, run: number): string {
  const startsAt = new Date(run - 60_000).toISOString();
  const labels = { alertname: 'StormAlert', instance: `host-${i}`, severity: ['critical', 'error', 'warning', 'info'][i % 4] as string };
  return JSON.stringify({
    version: '4',
    status: 'firing',
    receiver: 'sla-watch',
    groupKey: `{}:{instance="host-${i}"}`,
    truncatedAlerts: 0,
    groupLabels: { instance: labels.instance },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `Storm alert ${i}` },
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.local/graph',
        fingerprint: `${run.toString(16)}${i.toString(16).padStart(8, '0')}`,
      },
    ],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [total, senders] = process.argv.slice(2).map(Number);
  printResults(await benchIntakeStorm(total || undefined, senders || undefined));
}
