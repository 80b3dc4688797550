import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../shared/http/error-response.ts';
import { reportRoutes } from '../../shared/http/report-routes.ts';
import type { ReportJson } from '../../shared/report/report-json.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';
import { REPORT_NOW, reportDayAlerts } from '../support/report-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const AUTH = { authorization: `Bearer ${TEST_SECRETS.apiKey}` };

async function reportApp() {
  const t = testDeps({ config: testConfig({ sla: { reporting: { timezone: 'UTC', include_details: true } } }), now: REPORT_NOW });
  for (const alert of reportDayAlerts()) await t.store.create(alert);
  // Mounted as createApp mounts route groups: errors are mapped by the one error mapping.
  const app = new Hono().route('/', reportRoutes(t.deps));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

describe('GET /reports/daily', () => {
  it('refuses a request without an API key, or with a wrong one', async () => {
    const app = await reportApp();
    const missing = await app.request('/reports/daily?date=2026-11-30');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await app.request('/reports/daily?date=2026-11-30', { headers: { authorization: 'Bearer not-the-key-0123456789abcdef' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('Alert B');
  });

  it.each(['2026-02-30', '30-11-2026', 'yesterday', ''])('answers 400 naming `date` for date=%j', async (date) => {
    const app = await reportApp();
    const response = await app.request(`/reports/daily?date=${encodeURIComponent(date)}`, { headers: AUTH });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; details: string[] };
    expect(body.error).toBe('invalid_request');
    expect(body.details[0]).toMatch(/^date: /);
  });

  it('answers 400 when date is given twice', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/daily?date=2026-11-30&date=2026-11-29', { headers: AUTH });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: string[] }).details).toEqual(['date: give it at most once']);
  });

  it('answers the report as JSON with ISO instants and durations in seconds', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/daily?date=2026-11-30', { headers: AUTH });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as ReportJson;
    expect(body).toMatchObject({
      date: '2026-11-30',
      timezone: 'UTC',
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      generatedAt: '2026-12-01T02:30:00.000Z',
      totals: { opened: 6, breaches: 3, resolvedBySourceUnacknowledged: 0 },
      backlog: { total: { open: 3, breached: 2, atRisk: 1 } },
      breachedAlertsOmitted: 0,
    });
    expect(body.priorities.map((p) => p.priority)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(body.priorities[1]).toMatchObject({
      priority: 'high',
      acknowledgment: { met: 3, missed: 1, breached_open: 1, pending: 0, closed_by_source: 0, compliance: 0.6 },
      mtta: { wall: { count: 4, medianSeconds: 600, p90Seconds: 2700 }, business: null },
      breaches: 3,
      allowedBreaches: 2,
      budget: 'over_budget',
    });
    expect(body.priorities[0]?.mtta.business).toEqual({ count: 1, medianSeconds: 1800, p90Seconds: 1800 });
    expect(body.noisiestSources.byAlerts[0]).toEqual({ integrationId: 'alertmanager-main', sourceName: 'HighErrorRate', alerts: 3, deliveries: 3 });
    expect(body.breachedAlerts?.map((a) => a.link)).toEqual(
      body.breachedAlerts?.map((a) => `https://sla.example.test/alerts/${a.id}`),
    );
  });

  it('reports yesterday in the reporting zone without a date', async () => {
    const app = await reportApp();
    const body = (await (await app.request('/reports/daily', { headers: AUTH })).json()) as ReportJson;
    expect(body.date).toBe('2026-11-30');
  });
});

describe('GET /reports/daily/:date', () => {
  it('needs the API key too', async () => {
    const app = await reportApp();
    expect((await app.request('/reports/daily/2026-11-30')).status).toBe(401);
  });

  it('serves the report page with a CSP that allows nothing but inline styles', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/daily/2026-11-30', { headers: AUTH });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<title>SLA report Mon 30 Nov 2026: 6 alerts, 3 breaches, 2 open breaches, over budget: high</title>');
    expect(html).toContain('Acknowledged within SLA: 60% (3 met, 1 missed, 1 breached and still open)');
  });

  it('answers 400 naming `date` for a date that does not exist', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/daily/2026-13-01', { headers: AUTH });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: string[] }).details[0]).toMatch(/^date: /);
  });
});

describe('bad and future periods', () => {
  it.each([
    ['/reports/daily?date=2026-12-02', 'date: 2026-12-02 is in the future (today is 2026-12-01 in UTC)'],
    ['/reports/weekly?week=2026-W50', 'week: 2026-W50 is in the future (today is 2026-12-01 in UTC)'],
    ['/reports/monthly?month=2027-01', 'month: 2027-01 is in the future (today is 2026-12-01 in UTC)'],
    ['/reports/weekly?week=2026-W54', 'week: "2026-W54" is not an existing YYYY-Www (an ISO week), e.g. 2026-W49'],
    ['/reports/monthly?month=2026-13', 'month: "2026-13" is not an existing YYYY-MM, e.g. 2026-12'],
    ['/reports/daily/2026-12-02.csv', 'date: 2026-12-02 is in the future (today is 2026-12-01 in UTC)'],
  ])('%s answers 400 naming the problem', async (path, detail) => {
    const app = await reportApp();
    const response = await app.request(path, { headers: AUTH });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: string[] }).details).toEqual([detail]);
  });

  it('answers a day before any data with an empty report that says so', async () => {
    const app = await reportApp();
    const body = (await (await app.request('/reports/daily?date=2020-01-01', { headers: AUTH })).json()) as ReportJson;
    expect(body).toMatchObject({ hasData: false, totals: { opened: 0 } });
    const page = await (await app.request('/reports/daily/2020-01-01', { headers: AUTH })).text();
    expect(page).toContain('No data: no alert had been received yet by the end of this period.');
  });
});

describe('weekly and monthly reports', () => {
  it('serves the week holding the day as JSON with a per-day trend and the previous week', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/weekly?week=2026-W49', { headers: AUTH });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReportJson;
    expect(body).toMatchObject({ interval: 'weekly', period: '2026-W49', days: 7, percentiles: 'within_1_percent', from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
    expect(body.trend?.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(body.trend?.[0]).toMatchObject({ opened: 6, breaches: 3 });
    expect(body.previous?.label).toBe('2026-W48');
    // The budget of a week is seven days of the daily budget: the day with alerts by their
    // snapshot (2), the six without by the current policy (1).
    expect(body.priorities[1]).toMatchObject({ priority: 'high', breaches: 3, allowedBreaches: 2 + 6 * 1 });
    expect(body.navigation).toEqual({ previous: '2026-W48', next: null });
  });

  it('serves the month as an HTML page with an inline SVG trend', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/monthly/2026-11', { headers: AUTH });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Monthly SLA report: November 2026');
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/);
    expect(html).toContain('<title>2026-11-30: 6 alerts, 3 breached</title>');
  });
});

describe('GET /reports/daily/{date}.csv', () => {
  it('answers one row per alert of the day, quoted, with its outcomes', async () => {
    const app = await reportApp();
    const response = await app.request('/reports/daily/2026-11-30.csv', { headers: AUTH });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^"id","priority","title","integration","source","group","status","created_at",/);
    const e = lines.find((line) => line.includes('"Alert E"'));
    expect(e).toMatch(/"high","Alert E","kuma","checkout-http","","open","2026-11-30T23:50:00.000Z","2026-12-01T00:20:00.000Z","","","breached_open",/);
  });
});
