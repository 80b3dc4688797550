/**
 * The intake storm: the local stack (as `npm start` runs it, LevelDB on disk) takes 10,000
 * Alertmanager alerts from 32 concurrent senders over HTTP. Every alert is stored, gets its
 * new-alert email through the SES emulator and its first timer armed in the same request, so
 * this measures the whole path a webhook takes. Prints alerts per second, p50/p99 latency, and
 * how many alerts were stored against how many were answered 2xx (none may be lost).
 *
 * Run alone: npx tsx bench/intake-storm.bench.ts [alerts] [senders]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
    const latencies = new Float64Array(total);
    let answered = 0;
    let next = 0;
    const run = Date.now();
    const startedAt = process.hrtime.bigint();
    const sender = async () => {
      for (let i = next++; i < total; i = next++) {
        const body = alertmanagerGroup(i, run);
        const t0 = process.hrtime.bigint();
        const response = await fetch(`${stack.url}/webhooks/am`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        if (response.ok) answered += 1;
      }
    };
    await Promise.all(Array.from({ length: senders }, sender));
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;

    let stored = 0;
    for await (const page of stack.deps.store.listCreatedBetween(run - 60_000, Date.now() + 60_000, 500)) stored += page.length;
    const sorted = Array.from(latencies).sort((a, b) => a - b);
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
