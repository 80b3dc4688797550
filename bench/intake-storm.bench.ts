/**
 * The intake storm: 10,000 Alertmanager alerts from 32 concurrent senders over HTTP, against
 * LevelDB on disk, twice:
 *
 * - intake and store: the webhook path alone (bench/storm/intake-only-stack.ts): every alert
 *   authenticated, parsed, looked up and stored before its 2xx;
 * - the whole local stack as `npm start` runs it: each alert also gets its new-alert email
 *   through the SES emulator and its first timer armed before its 2xx.
 *
 * Each storm follows a warm-up of 1,000 alerts on the fresh stack (a storm hits a server that
 * is already running); the warm-up's own numbers are printed too, as the cold start. Prints
 * alerts per second, p50/p99 latency, and how many alerts were stored against how many were
 * answered 2xx (none may be lost); for the whole stack also how many new-alert emails were
 * sent and timers armed.
 *
 * Run alone: npx tsx bench/intake-storm.bench.ts [alerts] [senders]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JsonLogger } from '../shared/adapters/log/json-logger.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import type { AppConfig } from '../shared/config/app-config.ts';
import type { AlertStore } from '../shared/ports/alert-store.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { localCredentials } from '../infra/local/local-credentials.ts';
import { startLocalStack } from '../infra/local/local-stack.ts';
import { alertmanagerBody } from './cost/alertmanager-body.ts';
import type { BenchResult } from './bench-result.ts';
import { percentile, printResults } from './bench-result.ts';
import { startIntakeOnlyStack } from './storm/intake-only-stack.ts';
import { countTimers } from './storm/count-timers.ts';
import { sendFromWorker, type Sent } from './storm/senders.ts';

const SECRET = 'benchSecret0123456789abcdefghijk';
const WARM_UP = 1_000;
/** A JsonLogger line at level error: `{"time":"...","level":"error",...`. */
const ERROR_LINE = /^\{"time":"[^"]*","level":"error"/;

interface StormStack {
  readonly url: string;
  readonly store: AlertStore;
  /** What else the storm must have left behind, as result rows. */
  readonly checks?: (stormAlerts: number) => Promise<BenchResult[]>;
  stop(): Promise<void>;
}

export async function benchIntakeStorm(total = 10_000, senders = 32): Promise<BenchResult[]> {
  const config = parseConfig(
    {
      integrations: [{ id: 'am', format: 'alertmanager', secrets: [SECRET] }],
      api_keys: [{ name: 'bench', key: SECRET }],
      sla: { reporting: { enabled: false } },
    },
    {},
  );
  // Logged at `npm start`'s level, so each line is built as it would be; only errors are
  // printed (a storm logs three lines per alert).
  const logger = new JsonLogger({ minLevel: 'info', write: (line) => void (ERROR_LINE.test(line) && process.stderr.write(line)) });
  const options = { config, linkSecret: SECRET, logger };
  return [
    ...(await storm('intake and store', total, senders, async (dataDir) => {
      const stack = await startIntakeOnlyStack({ ...options, dataDir });
      return { url: stack.url, store: stack.deps.store, stop: () => stack.stop() };
    })),
    ...(await storm('whole stack', total, senders, async (dataDir) => {
      const stack = await startLocalStack({ ...options, dataDir, port: 0 });
      const client = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: localCredentials });
      return {
        url: stack.url,
        store: stack.deps.store,
        checks: (alerts) => wholeStackChecks(stack.deps.store, client, config, alerts),
        stop: async () => {
          client.destroy();
          await stack.stop();
        },
      };
    })),
  ];
}

async function storm(label: string, total: number, senders: number, start: (dataDir: string) => Promise<StormStack>): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sla-watch-storm-'));
  const stack = await start(dataDir);
  try {
    const run = Date.now();
    const post = (bodies: string[]) => sendFromWorker({ url: `${stack.url}/webhooks/am`, secret: SECRET, bodies, senders });
    const warm = await post(bodies(WARM_UP, run, 0));
    const stormFrom = Date.now();
    const sent = await post(bodies(total, run, WARM_UP));
    let stored = 0;
    for await (const page of stack.store.listCreatedBetween(stormFrom, Date.now() + 1, 500)) stored += page.length;
    return [
      ...rows(`${label}, cold start`, warm, WARM_UP, senders),
      ...rows(label, sent, total, senders),
      { name: `${label}: answered 2xx`, value: sent.answered, unit: 'alerts' },
      { name: `${label}: stored`, value: stored, unit: 'alerts', detail: stored === sent.answered ? 'none lost' : `LOST ${sent.answered - stored}` },
      ...((await stack.checks?.(WARM_UP + total)) ?? []),
    ];
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function rows(label: string, sent: Sent, alerts: number, senders: number): BenchResult[] {
  const sorted = Float64Array.from(sent.latencies).sort();
  return [
    { name: `${label}: alerts per second`, value: alerts / sent.seconds, unit: 'alerts/s', detail: `${alerts} alerts, ${senders} senders, ${sent.seconds.toFixed(1)} s` },
    { name: `${label}: p50 latency`, value: percentile(sorted, 0.5), unit: 'ms' },
    { name: `${label}: p99 latency`, value: percentile(sorted, 0.99), unit: 'ms' },
  ];
}

/** New-alert emails sent (claimed and not released) and timers armed, over warm-up and storm. */
async function wholeStackChecks(store: AlertStore, client: DynamoDBClient, config: AppConfig, alerts: number): Promise<BenchResult[]> {
  let emailed = 0;
  for await (const page of store.listCreatedBetween(0, Date.now() + 1, 500)) emailed += page.filter((alert) => alert.notified.newAlertAt !== null).length;
  const timers = await countTimers(client);
  const recipients = new Set(PRIORITIES.flatMap((p) => config.notifications.recipients[p])).size;
  return [
    { name: 'whole stack: new-alert emails sent', value: emailed, unit: 'alerts', detail: `of ${alerts}, to ${recipients} address${recipients === 1 ? '' : 'es'}` },
    { name: 'whole stack: timers armed', value: timers, unit: 'timers', detail: `of ${alerts} alerts` },
  ];
}

/** `count` one-alert Alertmanager groups, priorities in turn, fingerprints unique to this run. */
function bodies(count: number, run: number, from: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const fingerprint = `${run.toString(16)}${n.toString(16).padStart(8, '0')}`;
    return alertmanagerBody({ fingerprint, priority: PRIORITIES[n % PRIORITIES.length] ?? 'low', firstAt: run }, 'firing', null);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [total, senders] = process.argv.slice(2).map(Number);
  printResults(await benchIntakeStorm(total || undefined, senders || undefined));
}
