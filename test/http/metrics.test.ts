/**
 * `GET /metrics` after a scripted morning on a manual clock, through the same HTTP app the
 * local stack serves: every figure read back from the exposition matches what the store
 * holds. The morning (UTC office hours 09:00-17:00, default policy):
 * - Friday 16:00 a medium alert arrives and is never answered: open, its acknowledgment
 *   breached since Friday 17:00, not one of today's alerts;
 * - Monday 09:00 three critical alerts (5 min to acknowledge, 1 h to resolve): A acknowledged at
 *   09:02 (in time), B at 09:10 (missed), C never (breached and still open);
 * - 09:00 a low alert, resolved at 09:30 (both clocks met, the resolution answering both);
 * - 09:10 a high alert (30 min to acknowledge): at risk from 09:34;
 * and the scrape happens at 09:36.
 */
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../shared/domain/instant.ts';
import { createApp } from '../../shared/http/app.ts';
import { METRIC } from '../../shared/metrics/metric-names.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';
import { Exposition } from '../support/exposition.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';

const METRICS_TOKEN = 'metricsToken0123456789abcdefghij';
const CONFIG = testConfig({ metrics_tokens: [{ name: 'prometheus', token: METRICS_TOKEN }], sla: { reporting: { timezone: 'UTC' } } });

function stack(now: string): { t: TestDeps; app: ReturnType<typeof createApp> } {
  const t = testDeps({ config: CONFIG, now });
  return { t, app: createApp(t.deps, { linkSecret: 'metrics-test-link-secret-0123456789' }) };
}

async function post(app: ReturnType<typeof createApp>, path: string, secret: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function openAlert(app: ReturnType<typeof createApp>, id: string, priority: string): Promise<string> {
  const body = await post(app, '/webhooks/generic', TEST_SECRETS.generic, { id, title: `Alert ${id}`, priority });
  return (body['results'] as { alertId: string }[])[0]?.alertId as string;
}

async function respond(app: ReturnType<typeof createApp>, alertId: string, type: 'acknowledgment' | 'resolution'): Promise<void> {
  await post(app, `/alerts/${alertId}/responses`, TEST_SECRETS.apiKey, { type, by: 'alice@example.test' });
}

async function scrape(app: ReturnType<typeof createApp>, token: string | null = METRICS_TOKEN): Promise<Response> {
  return app.request('/metrics', token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
}

async function scriptedMorning() {
  const { t, app } = stack('2026-02-27T16:00:00Z');
  await openAlert(app, 'E', 'medium');
  t.clock.set('2026-03-02T09:00:00Z');
  const a = await openAlert(app, 'A', 'critical');
  const b = await openAlert(app, 'B', 'critical');
  await openAlert(app, 'C', 'critical');
  const f = await openAlert(app, 'F', 'low');
  t.clock.set('2026-03-02T09:02:00Z');
  await respond(app, a, 'acknowledgment');
  t.clock.set('2026-03-02T09:10:00Z');
  await respond(app, b, 'acknowledgment');
  await openAlert(app, 'D', 'high');
  t.clock.set('2026-03-02T09:30:00Z');
  await respond(app, f, 'resolution');
  t.clock.set('2026-03-02T09:36:00Z');
  return { t, app };
}

describe('GET /metrics', () => {
  it('refuses a missing, malformed or wrong token with 401 and says nothing of the figures', async () => {
    const { app } = stack('2026-03-02T09:00:00Z');
    await openAlert(app, 'secret-title', 'critical');
    for (const response of [await scrape(app, null), await scrape(app, 'not-the-metrics-token-0123456789'), await scrape(app, TEST_SECRETS.apiKey)]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ error: 'unauthorized' });
      expect(body).not.toContain('sla_watch');
    }
    const basic = await app.request('/metrics', { headers: { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('answers the Prometheus text format, every figure matching the store after the scripted morning', async () => {
    const { t, app } = await scriptedMorning();
    const response = await scrape(app);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const m = new Exposition(await response.text());

    // Open alerts: A and B acknowledged, C and D and E open, F resolved.
    const open = (priority: string, status: string) => m.value(METRIC.alertsOpen, { priority, status });
    expect([open('critical', 'open'), open('critical', 'acknowledged'), open('high', 'open'), open('medium', 'open'), open('low', 'open')]).toEqual([1, 2, 1, 1, 0]);
    const stored = t.store.all().filter((alert) => alert.status !== 'resolved');
    expect(m.all(METRIC.alertsOpen).reduce((sum, s) => sum + s.value, 0)).toBe(stored.length);

    // Running clocks: C's acknowledgment breached, D's at risk, E's (Friday) breached; the rest compliant.
    const state = (priority: string, clock: string, s: string) => m.value(METRIC.slaState, { priority, clock, state: s });
    expect(state('critical', 'acknowledgment', 'breached')).toBe(1);
    expect(state('critical', 'acknowledgment', 'compliant') + state('critical', 'acknowledgment', 'at_risk')).toBe(0);
    expect(state('critical', 'resolution', 'compliant')).toBe(3);
    expect(state('high', 'acknowledgment', 'at_risk')).toBe(1);
    expect(state('high', 'resolution', 'compliant')).toBe(1);
    expect(state('medium', 'acknowledgment', 'breached')).toBe(1);
    expect(state('medium', 'resolution', 'compliant')).toBe(1);
    expect(state('low', 'resolution', 'compliant')).toBe(0);

    // Today: E arrived on Friday and is not counted.
    expect(['critical', 'high', 'medium', 'low'].map((priority) => m.value(METRIC.alertsOpenedToday, { priority }))).toEqual([3, 1, 0, 1]);
    const outcome = (priority: string, clock: string, o: string) => m.value(METRIC.slaOutcomesToday, { priority, clock, outcome: o });
    expect(['met', 'missed', 'breached_open', 'pending'].map((o) => outcome('critical', 'acknowledgment', o))).toEqual([1, 1, 1, 0]);
    expect(['met', 'missed', 'breached_open', 'pending'].map((o) => outcome('critical', 'resolution', o))).toEqual([0, 0, 0, 3]);
    expect(outcome('high', 'acknowledgment', 'pending')).toBe(1);
    expect(outcome('low', 'acknowledgment', 'met')).toBe(1);
    expect(outcome('low', 'resolution', 'met')).toBe(1);

    // Breach budget: B missed and C breached, none allowed for critical; high allows one.
    expect(m.value(METRIC.breachBudgetUsed, { priority: 'critical' })).toBe(2);
    expect(m.value(METRIC.breachBudgetAllowed, { priority: 'critical' })).toBe(0);
    expect(m.value(METRIC.breachBudgetUsed, { priority: 'high' })).toBe(0);
    expect(m.value(METRIC.breachBudgetAllowed, { priority: 'high' })).toBe(1);

    // Response times: A 120 s and B 600 s to acknowledge; F 1,800 business seconds for both clocks.
    const ack = m.histogram(METRIC.timeToAcknowledge, { priority: 'critical' });
    expect(ack).toMatchObject({ count: 2, sum: 720 });
    expect([ack.buckets['60'], ack.buckets['120'], ack.buckets['300'], ack.buckets['600'], ack.buckets['+Inf']]).toEqual([0, 1, 1, 2, 2]);
    expect(m.histogram(METRIC.timeToResolve, { priority: 'low' })).toMatchObject({ count: 1, sum: 1800 });
    expect(m.histogram(METRIC.timeToAcknowledge, { priority: 'low' })).toMatchObject({ count: 1, sum: 1800 });
    expect(m.histogram(METRIC.timeToResolve, { priority: 'critical' })).toMatchObject({ count: 0, sum: 0 });

    // The oldest pending timer that is due (none was delivered here): its lateness.
    const now = t.clock.now();
    const dueAts = stored.flatMap((alert) => (alert.timer !== null && alert.timer.dueAt <= now ? [alert.timer.dueAt] : []));
    expect(dueAts.length).toBeGreaterThan(0);
    expect(m.value(METRIC.oldestDueTimerLateness)).toBe((now - Math.min(...dueAts)) / 1000);
    expect(m.value(METRIC.computedAt)).toBe(now / 1000);

    // Bounded labels only: never an alert id or title.
    expect(await (await scrape(app)).text()).not.toMatch(/Alert [A-F]|agsn/);
  });

  it('reads the store at most once per 15 seconds, however many scrapes come, together or apart', async () => {
    const { t, app } = await scriptedMorning();
    const reads = countReads(t);
    const together = await Promise.all([scrape(app), scrape(app), scrape(app)]);
    expect(together.map((r) => r.status)).toEqual([200, 200, 200]);
    const first = { ...reads };
    expect(first.listOpen).toBe(1);
    expect(first.listDue).toBeGreaterThanOrEqual(1);
    expect(first.listCreatedBetween).toBe(4);

    t.clock.advance(14_999);
    const cached = await (await scrape(app)).text();
    expect(reads).toEqual(first);
    expect(new Exposition(cached).value(METRIC.alertsOpenedToday, { priority: 'critical' })).toBe(3);

    // A new alert shows once the cache has expired.
    t.clock.advance(1);
    await openAlert(app, 'G', 'critical');
    const fresh = new Exposition(await (await scrape(app)).text());
    expect(reads.listOpen).toBe(2);
    expect(fresh.value(METRIC.alertsOpenedToday, { priority: 'critical' })).toBe(4);
  });

  it('does not keep a failed computation: the scrape answers 503 and the next one reads again', async () => {
    const { t, app } = await scriptedMorning();
    t.store.failNext('listDue');
    const failed = await scrape(app);
    expect(failed.status).toBe(503);
    const retried = await scrape(app);
    expect(retried.status).toBe(200);
    expect(new Exposition(await retried.text()).value(METRIC.alertsOpen, { priority: 'critical', status: 'open' })).toBe(1);
  });
});

/** Counts the store's index reads (calls, and pages for the paged ones) from now on. */
function countReads(t: TestDeps): Record<'listOpen' | 'listCreatedBetween' | 'listDue', number> {
  const counts = { listOpen: 0, listCreatedBetween: 0, listDue: 0 };
  const store = t.store;
  const listOpen = store.listOpen.bind(store);
  const listCreatedBetween = store.listCreatedBetween.bind(store);
  const listDue = store.listDue.bind(store);
  store.listOpen = (pageSize: number) => {
    counts.listOpen += 1;
    return listOpen(pageSize);
  };
  store.listCreatedBetween = (fromAt: Instant, toAt: Instant, pageSize: number) => {
    counts.listCreatedBetween += 1;
    return listCreatedBetween(fromAt, toAt, pageSize);
  };
  store.listDue = (...args: Parameters<typeof listDue>) => {
    counts.listDue += 1;
    return listDue(...args);
  };
  return counts;
}
