/**
 * The day counters and open views on dynalite, through the same HTTP app the local stack
 * serves, after a scripted morning on a manual clock (UTC office hours 09:00-17:00, default
 * policy; the scrape at 09:36):
 * - Friday 16:00 a medium alert E, never answered (open, not one of today's);
 * - Monday 09:00 critical A acknowledged at 09:02 (met), B at 09:10 (missed), C never
 *   (breached and still open), G resolved by its source at 09:03 (closed by source);
 * - 09:00 low F resolved by a person at 09:30 (met, both clocks); high H resolved by its
 *   source at 09:31, past its 30-minute acknowledgment deadline (missed);
 * - 09:10 high D, at risk from 09:34.
 * The figures from counters and views equal those computed from every alert of the day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { DynamoDayCounters } from '../../shared/adapters/dynamo/dynamo-day-counters.ts';
import { dynamoLiveFigures } from '../../shared/adapters/dynamo/dynamo-live-figures.ts';
import type { AppDeps } from '../../shared/app/app-deps.ts';
import { buildReport } from '../../shared/app/build-report.ts';
import { collectMetrics, type MetricsFigures } from '../../shared/app/collect-metrics.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { createApp } from '../../shared/http/app.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';
import { countingClient } from '../support/command-counter.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { testDeps } from '../support/test-deps.ts';
import { reportAlert } from '../support/report-fixtures.ts';

const CONFIG = testConfig({ sla: { reporting: { timezone: 'UTC' } } });

let db: Dynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.stop();
});
const dynalite = () => db;

async function liveStack(on: Dynalite, client = on.client) {
  const tableName = await on.createTable();
  const t = testDeps({ config: CONFIG, now: '2026-02-27T16:00:00Z' });
  const counted = dynamoLiveFigures({ client, tableName, timezone: 'UTC', logger: t.logger });
  const store = new DynamoAlertStore({ client, tableName, afterWrite: counted.afterWrite });
  const deps: AppDeps = { ...t.deps, store, live: counted.live };
  return { t, deps, store, tableName, app: createApp(deps, { linkSecret: 'day-counters-test-link-secret-0123' }) };
}

type App = ReturnType<typeof createApp>;

async function post(app: App, path: string, secret: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function fire(app: App, id: string, priority: string): Promise<string> {
  const body = await post(app, '/webhooks/generic', TEST_SECRETS.generic, { id, title: `Alert ${id}`, priority });
  return (body['results'] as { alertId: string }[])[0]?.alertId as string;
}

const sourceResolves = (app: App, id: string) => post(app, '/webhooks/generic', TEST_SECRETS.generic, { id, status: 'resolved' });
const personAnswers = (app: App, alertId: string, type: 'acknowledgment' | 'resolution') =>
  post(app, `/alerts/${alertId}/responses`, TEST_SECRETS.apiKey, { type, by: 'alice@example.test' });

async function scriptedMorning(on: Dynalite) {
  const stack = await liveStack(on);
  const { t, app } = stack;
  await fire(app, 'E', 'medium');
  t.clock.set('2026-03-02T09:00:00Z');
  const a = await fire(app, 'A', 'critical');
  const b = await fire(app, 'B', 'critical');
  await fire(app, 'C', 'critical');
  await fire(app, 'G', 'critical');
  const f = await fire(app, 'F', 'low');
  await fire(app, 'H', 'high');
  t.clock.set('2026-03-02T09:02:00Z');
  await personAnswers(app, a, 'acknowledgment');
  t.clock.set('2026-03-02T09:03:00Z');
  await sourceResolves(app, 'G');
  t.clock.set('2026-03-02T09:10:00Z');
  await personAnswers(app, b, 'acknowledgment');
  await fire(app, 'D', 'high');
  t.clock.set('2026-03-02T09:30:00Z');
  await personAnswers(app, f, 'resolution');
  t.clock.set('2026-03-02T09:31:00Z');
  await sourceResolves(app, 'H');
  t.clock.set('2026-03-02T09:36:00Z');
  return stack;
}

/** The figures with the histograms' sums apart (summed in another order, they may differ in the last bits). */
function withoutSums(figures: MetricsFigures) {
  const sums: number[] = [];
  const priorities = Object.fromEntries(
    Object.entries(figures.today.priorities).map(([p, day]) => {
      sums.push(day.responseTimes.acknowledgment.sum, day.responseTimes.resolution.sum);
      const times = Object.fromEntries(Object.entries(day.responseTimes).map(([clock, h]) => [clock, { buckets: h.buckets, count: h.count }]));
      return [p, { ...day, responseTimes: times }];
    }),
  );
  return { figures: { ...figures, today: { ...figures.today, priorities } }, sums };
}

describe('day counters and open views', () => {
  it('give the figures computed from every alert of the day, after a scripted morning', async () => {
    const { deps } = await scriptedMorning(dynalite());
    const live = await collectMetrics(deps);
    const { live: _unused, ...withoutLive } = deps;
    const everyAlert = await collectMetrics(withoutLive);

    const counted = withoutSums(live);
    const computed = withoutSums(everyAlert);
    expect(counted.figures).toEqual(computed.figures);
    counted.sums.forEach((sum, i) => expect(sum).toBeCloseTo(computed.sums[i] as number, 6));

    // Deliveries of today's alerts from the counters, of E (Friday, still open) from E itself.
    expect(live.deliveries?.email.pending ?? 0).toBeGreaterThan(0);
    // And what a person reads off them.
    const critical = live.today.priorities.critical;
    expect(critical.opened).toBe(4);
    expect(critical.outcomes.acknowledgment).toEqual({ met: 1, missed: 1, breached_open: 1, pending: 0, closed_by_source: 1 });
    expect(critical.breaches).toBe(2);
    expect(critical.responseTimes.acknowledgment).toMatchObject({ count: 2, sum: 720 });
    const high = live.today.priorities.high;
    expect(high.outcomes.acknowledgment).toEqual({ met: 0, missed: 1, breached_open: 0, pending: 1, closed_by_source: 0 });
    expect(high.breaches).toBe(1);
    expect(live.open.clocks.high.acknowledgment).toEqual({ compliant: 0, at_risk: 1, breached: 0 });
    expect(live.open.clocks.medium.acknowledgment).toEqual({ compliant: 0, at_risk: 0, breached: 1 });
    expect(live.today.priorities.medium.opened).toBe(0);
    expect(live.today.priorities.low.outcomes.resolution.met).toBe(1);
  });

  it("give the report's backlog exactly, reading whole only the alerts it lists", async () => {
    const db = dynalite();
    const counting = countingClient(db.endpoint);
    const { t, deps, app } = await liveStack(db, counting.client);
    await fire(app, 'E', 'medium');
    t.clock.set('2026-03-02T09:00:00Z');
    const opened = [await fire(app, 'A', 'critical'), await fire(app, 'B', 'critical'), await fire(app, 'C', 'high')];
    t.clock.set('2026-03-02T09:02:00Z');
    await personAnswers(app, opened[0] as string, 'acknowledgment');
    await sourceResolves(app, 'C');
    t.clock.set('2026-03-02T09:36:00Z');

    const before = counting.batchSizes('BatchGetItem').length;
    const fromViews = await buildReport(deps, { interval: 'daily', label: '2026-03-02' });
    const itemsRead = counting.batchSizes('BatchGetItem').slice(before);
    const { live: _unused, ...withoutLive } = deps;
    const fromAlerts = await buildReport(withoutLive, { interval: 'daily', label: '2026-03-02' });
    expect(fromViews).toEqual(fromAlerts);
    expect(fromViews.backlog.total).toEqual({ open: 3, breached: 2, atRisk: 0 });
    // Oldest first: E from Friday, then A and B (the same instant, in id order).
    const listed = fromViews.backlog.items.map((item) => [item.title, item.state]);
    expect(listed[0]).toEqual(['Alert E', 'breached']);
    expect(listed.slice(1).sort()).toEqual([
      ['Alert A', 'on_track'],
      ['Alert B', 'breached'],
    ]);
    // The day's three alerts, none settled, have their views read by key (the views alone, not
    // the alerts), then the three listed are read whole for their titles.
    expect(itemsRead).toEqual([3, 3]);
    const viewReads = counting.inputs('BatchGetItem').slice(before) as { RequestItems: Record<string, { ProjectionExpression?: string }> }[];
    expect(Object.values(viewReads[0]?.RequestItems ?? {})[0]?.ProjectionExpression).toBe('#pk, #settled, #live');
  });

  it('makes the same few store reads however many alerts the day had', async () => {
    const counting = countingClient(dynalite().endpoint);
    const { t, deps, app } = await liveStack(dynalite(), counting.client);
    t.clock.set('2026-03-02T09:00:00Z');
    // Resolved alerts of today, written through the store as the use cases write them.
    const resolveMore = async (from: number, count: number) => {
      for (let i = from; i < from + count; i += 1) {
        const alert = reportAlert({ key: `R${i}`, createdAt: t.clock.now() + i });
        await deps.store.create(alert);
        const resolvedAt = alert.createdAt + 60_000;
        await deps.store.update({ ...alert, version: 2, status: 'resolved', resolvedAt, acknowledgedAt: resolvedAt, responses: [{ id: `${alert.id}_1`, type: 'resolution', by: 'alertmanager', note: null, at: resolvedAt, via: 'webhook', actor: 'source' }] }, 1);
      }
    };
    await fire(app, 'open-1', 'critical');
    await resolveMore(0, 5);
    const reads = async () => {
      const before = { query: counting.inputs('Query').length, batchGet: counting.calls('BatchGetItem') };
      const figures = await collectMetrics(deps);
      const queries = counting.inputs('Query').slice(before.query) as { IndexName: string }[];
      return { figures, queries, batchGets: counting.calls('BatchGetItem') - before.batchGet };
    };
    const few = await reads();
    await resolveMore(5, 45);
    const many = await reads();

    expect(few.figures.today.priorities.high.opened).toBe(5);
    expect(many.figures.today.priorities.high.opened).toBe(50);
    expect(many.figures.today.priorities.high.outcomes.acknowledgment.closed_by_source).toBe(50);
    // One query per open index shard and a page of the due index per shard; never the day index.
    expect(many.queries.length).toBe(few.queries.length);
    expect(many.queries.length).toBeLessThanOrEqual(32);
    expect(many.queries.every((q) => q.IndexName === 'open' || q.IndexName === 'due')).toBe(true);
    // The day's counters in one BatchGetItem, and the due alerts (if any) read by key.
    expect(many.batchGets).toBe(few.batchGets);
    expect(many.batchGets).toBeLessThanOrEqual(2);
  });

  it('lose no count when many writers add to the same day at once, from separate processes', async () => {
    const tableName = await dynalite().createTable();
    // Two instances share nothing in memory, as two processes (or Lambdas) would not.
    const first = new DynamoDayCounters({ client: db.client, tableName, timezone: 'UTC' });
    const second = new DynamoDayCounters({ client: db.client, tableName, timezone: 'UTC' });
    const createdAt = Date.parse('2026-03-02T09:00:00Z');
    const alerts: Alert[] = Array.from({ length: 120 }, (_, i) => reportAlert({ key: `storm-${i}`, createdAt: createdAt + i * 1000 }));
    // Every alert created, then acknowledged a minute later (met), each write counted by one of two writers.
    await Promise.all(alerts.map((alert, i) => (i % 2 === 0 ? first : second).record(null, alert)));
    await Promise.all(
      alerts.map((alert, i) => {
        const acknowledged: Alert = { ...alert, version: alert.version + 1, status: 'acknowledged', acknowledgedAt: alert.createdAt + 60_000, acknowledgedBy: 'bob' };
        return (i % 3 === 0 ? first : second).record(alert, acknowledged);
      }),
    );
    const counts = await first.read('2026-03-02');
    expect(counts.counters['opened_high']).toBe(120);
    expect(counts.counters['ack_met_high']).toBe(120);
    expect(counts.counters['ack_ms_high']).toBe(120 * 60_000);
    expect(counts.budgets.high?.createdAt).toBe(createdAt + 119_000);
    expect((await first.read('2026-03-03')).counters).toEqual({});
  });
});
