/**
 * The console's board with 5,000 open alerts (mixed priorities, business-hours and 24x7
 * policies, a quarter acknowledged), signed in, rendered by the real app:
 * - server-side render: `GET /` through the whole hono app (session check, the board's view
 *   model over every open alert, the page in hono/jsx) with the alerts held in memory, so the
 *   number is the console's own work; median of 30 requests. Goal: 200 ms.
 * - end to end on the local stack: the same request with the alerts in dynalite, read from
 *   the open index (a local number: dynalite is far slower than DynamoDB at reading).
 * - page weights: the board (one page of rows, however many are open), an alert page and the
 *   integrations page, in KB. Goal: at most 100 KB each.
 *
 * Run alone: npx tsx bench/console.bench.ts [alerts]
 */
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import { startLocalStack } from '../infra/local/local-stack.ts';
import type { AppConfig } from '../shared/config/app-config.ts';
import { parseConfig } from '../shared/config/parse-config.ts';
import { alertId } from '../shared/domain/alert/alert-id.ts';
import type { Alert } from '../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS } from '../shared/domain/instant.ts';
import { PRIORITIES } from '../shared/domain/sla/priority.ts';
import { slaTimeline } from '../shared/domain/sla/sla-timeline.ts';
import { createApp } from '../shared/http/app.ts';
import type { AppDeps } from '../shared/app/app-deps.ts';
import type { Logger } from '../shared/ports/logger.ts';
import type { AlertStore } from '../shared/ports/alert-store.ts';
import { median, type BenchResult } from './bench-result.ts';

const LINK_SECRET = 'bench-console-link-secret-0123456789';
const API_KEY = 'bench-console-api-key-0123456789';
const NOW = Date.UTC(2026, 11, 2, 15, 0); // a Wednesday afternoon
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function benchConfig(): AppConfig {
  return parseConfig(
    {
      api_keys: [{ name: 'bench', key: API_KEY }],
      integrations: [
        { id: 'alertmanager', format: 'alertmanager', secrets: ['bench-secret-0123456789'] },
        { id: 'generic', format: 'generic', secrets: ['bench-secret-0123456789'] },
      ],
      sla: { business_hours: { start_time: '09:00', end_time: '17:00', timezone: 'America/New_York' } },
    },
    {},
  );
}

function openAlerts(config: AppConfig, count: number): Alert[] {
  return Array.from({ length: count }, (_, i) => {
    const priority = PRIORITIES[i % PRIORITIES.length] ?? 'high';
    const policy = config.policies[priority];
    const integrationId = i % 3 === 0 ? 'generic' : 'alertmanager';
    const createdAt = NOW - ((i * 7919) % (72 * 60)) * MINUTE_MS;
    const acknowledged = i % 4 === 0;
    const dedupKey = `bench-${i}`;
    return {
      id: alertId(integrationId, dedupKey, 1),
      version: 1,
      integrationId,
      format: integrationId === 'generic' ? 'generic' : 'alertmanager',
      dedupKey,
      occurrence: 1,
      title: `Disk usage above 90% on db-${i} (${priority})`,
      description: 'The data volume is filling up.',
      sourceName: `DiskFull-${i % 40}`,
      severity: priority,
      priority,
      labels: { team: `team-${i % 12}`, service: `svc-${i % 30}`, env: 'prod' },
      annotations: { summary: 'disk filling up' },
      links: [],
      createdAt,
      sourceStartedAt: null,
      lastSeenAt: createdAt,
      deliveries: 1,
      status: acknowledged ? 'acknowledged' : 'open',
      acknowledgedAt: acknowledged ? createdAt + 5 * MINUTE_MS : null,
      acknowledgedBy: acknowledged ? 'oncall@example.com' : null,
      resolvedAt: null,
      resolvedBy: null,
      lastUpdateAt: acknowledged ? createdAt + 5 * MINUTE_MS : null,
      sla: policy,
      timeline: slaTimeline(policy, createdAt),
      responses: acknowledged ? [{ id: `${dedupKey}_1`, type: 'acknowledgment', by: 'oncall@example.com', note: null, at: createdAt + 5 * MINUTE_MS, via: 'link' }] : [],
      notified: { ...NO_NOTIFICATIONS, newAlertAt: createdAt },
      generation: 0,
      timer: null,
    } satisfies Alert;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApp = { request: Hono<any, any, any>['request'] } | { fetch: (r: Request) => Promise<Response> };

async function request(app: AnyApp, base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return 'request' in app ? app.request(path, init) : app.fetch(new Request(`${base}${path}`, init));
}

async function signIn(app: AnyApp, base: string): Promise<string> {
  const form = await (await request(app, base, '/sign-in', { headers: { accept: 'text/html' } })).text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1] ?? '';
  const res = await request(app, base, '/sign-in', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrf, next: '/', name: 'Bench', secret: API_KEY }).toString(),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function timeBoard(app: AnyApp, base: string, cookie: string, runs: number): Promise<{ ms: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await request(app, base, '/', { headers: { accept: 'text/html', cookie } });
    const body = await res.arrayBuffer();
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`board answered ${res.status}`);
    bytes = body.byteLength;
  }
  return { ms: median(samples), bytes };
}

export async function benchConsole(count = 5000): Promise<BenchResult[]> {
  const config = benchConfig();
  const alerts = openAlerts(config, count);

  // Alerts handed out as stored, without the copies a test store makes: what is timed is the
  // console's work (a real store's reading is the local-stack number below).
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const store = {
    get: async (id: string) => byId.get(id) ?? null,
    async *listOpen(pageSize: number) {
      for (let i = 0; i < alerts.length; i += pageSize) yield alerts.slice(i, i + pageSize);
    },
  } as unknown as AlertStore;
  const clock = { now: () => NOW };
  const deps: AppDeps = { config, store, timers: { arm: async () => {}, cancel: async () => {} } as unknown as AppDeps['timers'], deliveries: { enqueue: async () => {} }, clock, logger: quiet };
  const app = createApp(deps, { linkSecret: LINK_SECRET });
  const cookie = await signIn(app, 'http://localhost');
  await timeBoard(app, 'http://localhost', cookie, 3); // warm up
  const board = await timeBoard(app, 'http://localhost', cookie, 30);
  const page = async (path: string) => {
    const response = await app.request(path, { headers: { accept: 'text/html', cookie } });
    // A redirect or an error page would weigh next to nothing and pass for a light page.
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.arrayBuffer();
  };
  const alertPage = await page(`/console/alerts/${alerts[1]?.id}`);
  const integrations = await page('/integrations');

  const stack = await startLocalStack({ config, linkSecret: LINK_SECRET, logger: quiet, port: 0, sesPort: 0, clock });
  let local: { ms: number; bytes: number };
  try {
    const loading = [...alerts];
    await Promise.all(Array.from({ length: 32 }, async () => {
      for (let next = loading.pop(); next !== undefined; next = loading.pop()) await stack.deps.store.create(next);
    }));
    const http = { fetch: (r: Request) => fetch(r) };
    const localCookie = await signIn(http, stack.url);
    local = await timeBoard(http, stack.url, localCookie, 5);
  } finally {
    await stack.stop();
  }

  return [
    { name: 'console board render, in memory', value: Math.round(board.ms * 10) / 10, unit: 'ms', detail: `median of 30 GET / with ${count} open alerts (goal 200 ms)` },
    { name: 'console board, local stack', value: Math.round(local.ms), unit: 'ms', detail: `median of 5 GET / over HTTP, ${count} alerts read from dynalite's open index` },
    { name: 'board page weight', value: Math.round((board.bytes / 1024) * 10) / 10, unit: 'KB', detail: '100 rows a page (goal at most 100 KB)' },
    { name: 'alert page weight', value: Math.round((alertPage.byteLength / 1024) * 10) / 10, unit: 'KB', detail: 'goal at most 100 KB' },
    { name: 'integrations page weight', value: Math.round((integrations.byteLength / 1024) * 10) / 10, unit: 'KB', detail: 'goal at most 100 KB' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printResults } = await import('./bench-result.ts');
  printResults(await benchConsole(Number(process.argv[2] ?? 5000)));
}
