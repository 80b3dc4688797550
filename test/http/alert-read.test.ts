import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { PRIORITIES } from '../../shared/domain/sla/priority.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import type { AlertSummaryView, AlertView } from '../../shared/http/alert-view.ts';
import { createApp } from '../../shared/http/app.ts';
import { processDue } from '../../shared/app/process-due.ts';
import type { ErrorBody } from '../../shared/http/error-response.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

interface AlertPageBody {
  readonly alerts: AlertSummaryView[];
  readonly nextCursor: string | null;
}

const AUTH = { authorization: `Bearer ${TEST_SECRETS.apiKey}` };

function setup(now: number | string = FIXTURE_CREATED_AT) {
  const t = testDeps({ now });
  const app = createApp(t.deps, { linkSecret: 'read-test-link-secret-0123456789abcdef' });
  const get = async <T = AlertView>(path: string, headers: Record<string, string> = AUTH) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as T };
  };
  const list = (query: string) => get<AlertPageBody>(`/alerts${query}`);
  const error = (path: string) => get<ErrorBody>(path);
  return { ...t, app, get, list, error };
}

describe('GET /alerts/:id', () => {
  it('lists every delivery with its state, attempts and last error: a refused recipient shows why, the others were sent', async () => {
    const t = setup(FIXTURE_CREATED_AT + 30 * MINUTE_MS);
    t.sender.refuse('manager@example.test');
    t.sender.failSlack = true;
    const alert = makeAlert({ notified: { ...NO_NOTIFICATIONS, newAlertAt: FIXTURE_CREATED_AT, remindersSent: 2, acknowledgmentAtRiskAt: FIXTURE_CREATED_AT + 24 * MINUTE_MS } });
    await t.store.create(alert);
    await processDue(t.deps, alert.id, t.clock.now());
    const { status, body } = await t.get(`/alerts/${alert.id}`);
    expect(status).toBe(200);
    expect(body.outbox.map((d) => [d.kind, d.channel, d.recipient, d.state, d.attempts])).toEqual([
      ['acknowledgment-breach', 'email', 'oncall-high@example.test', 'sent', 1],
      ['acknowledgment-breach', 'email', 'manager@example.test', 'failed', 1],
      ['acknowledgment-breach', 'slack', 'default', 'retrying', 1],
    ]);
    expect(body.outbox[0]).toMatchObject({ messageId: expect.stringMatching(/^recorded-/), lastError: null, doneAt: expect.any(String) });
    expect(body.outbox[1]).toMatchObject({ reason: 'SES MessageRejected: Email address is not verified', lastError: 'SES MessageRejected: Email address is not verified' });
    expect(body.outbox[2]).toMatchObject({ lastError: expect.stringContaining('HTTP 500'), nextAttemptAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('hooks.slack');
  });

  it('shows the alert with ISO instants and where both SLA clocks stand now', async () => {
    const { store, clock, get } = setup();
    const alert = makeAlert({
      notified: { ...NO_NOTIFICATIONS, newAlertAt: FIXTURE_CREATED_AT, remindersSent: 2, acknowledgmentAtRiskAt: FIXTURE_CREATED_AT + 24 * MINUTE_MS },
      timer: { name: 't', dueAt: FIXTURE_CREATED_AT + 30 * MINUTE_MS, kind: 'breach', generation: 3 },
    });
    await store.create(alert);
    clock.set(FIXTURE_CREATED_AT + 25 * MINUTE_MS);

    const { status, body } = await get(`/alerts/${alert.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: alert.id,
      title: alert.title,
      priority: 'high',
      status: 'open',
      integration: 'alertmanager-main',
      dedupKey: alert.dedupKey,
      labels: alert.labels,
      annotations: alert.annotations,
      links: alert.links,
      createdAt: '2026-11-30T12:00:00.000Z',
      lastSeenAt: '2026-11-30T12:00:00.000Z',
      acknowledgedAt: null,
      resolvedAt: null,
      deliveries: 1,
      responses: [],
      nextTimer: { kind: 'breach', dueAt: '2026-11-30T12:30:00.000Z' },
    });
    expect(body.sla).toEqual({
      calendar: '24x7',
      timezone: 'UTC',
      warningThreshold: 0.8,
      acknowledgment: {
        state: 'at_risk',
        outcome: 'pending',
        answeredBy: null,
        atRiskAt: '2026-11-30T12:24:00.000Z',
        deadline: '2026-11-30T12:30:00.000Z',
        answeredAt: null,
        allowedSeconds: 1800,
        elapsedSeconds: 1500,
        remainingSeconds: 300,
        overrunSeconds: 0,
      },
      resolution: expect.objectContaining({ state: 'compliant', deadline: '2026-11-30T16:00:00.000Z', remainingSeconds: 4 * 3600 - 1500 }),
      reminders: [
        { number: 1, dueAt: '2026-11-30T12:10:00.000Z', sent: true },
        { number: 2, dueAt: '2026-11-30T12:20:00.000Z', sent: true },
      ],
      nextUpdateDueAt: null,
    });
    expect(body.notified).toMatchObject({ newAlertAt: '2026-11-30T12:00:00.000Z', acknowledgmentAtRiskAt: '2026-11-30T12:24:00.000Z', acknowledgmentBreachAt: null, remindersSent: 2 });
    // Internal bookkeeping stays out of the API.
    expect(body).not.toHaveProperty('version');
    expect(body).not.toHaveProperty('generation');
    expect(JSON.stringify(body.nextTimer)).not.toContain('"name"');
  });

  it('shows a breached clock with its overrun, evaluated at read time', async () => {
    const { store, clock, get } = setup();
    const alert = makeAlert();
    await store.create(alert);
    clock.set(FIXTURE_CREATED_AT + 31 * MINUTE_MS);
    const { body } = await get(`/alerts/${alert.id}`);
    expect(body.sla.acknowledgment).toMatchObject({ state: 'breached', remainingSeconds: 0, overrunSeconds: 60 });
  });

  it('counts business seconds on the calendar of the alert and names it', async () => {
    const { store, clock, get, deps } = setup();
    const policy = deps.config.policies.medium;
    const createdAt = Date.parse('2026-11-27T16:30:00Z'); // a Friday, 30 minutes before the close
    const alert = makeAlert({ dedupKey: 'cal', priority: 'medium', sla: policy, createdAt, lastSeenAt: createdAt, timeline: slaTimeline(policy, createdAt) });
    await store.create(alert);
    clock.set('2026-11-30T09:10:00Z'); // Monday, 10 minutes after opening
    const { body } = await get(`/alerts/${alert.id}`);
    expect(body.sla.calendar).toBe('default');
    expect(body.sla.acknowledgment).toMatchObject({
      state: 'compliant',
      deadline: '2026-11-30T09:30:00.000Z',
      elapsedSeconds: 40 * 60,
      remainingSeconds: 20 * 60,
    });
  });

  it('shows when the next update is due once acknowledged', async () => {
    const { store, get } = setup();
    const ackAt = FIXTURE_CREATED_AT + 5 * MINUTE_MS;
    const alert = makeAlert({ status: 'acknowledged', acknowledgedAt: ackAt, acknowledgedBy: 'alice', lastUpdateAt: ackAt });
    await store.create(alert);
    const { body } = await get(`/alerts/${alert.id}`);
    expect(body.sla.nextUpdateDueAt).toBe('2026-11-30T13:05:00.000Z');
  });

  it('answers 404 for an unknown alert and 401 without the API key', async () => {
    const { store, get } = setup();
    const alert = makeAlert();
    await store.create(alert);
    expect((await get(`/alerts/${makeAlert({ dedupKey: 'other' }).id}`)).status).toBe(404);
    expect((await get(`/alerts/${alert.id}`, {})).status).toBe(401);
    expect((await get('/alerts', { authorization: 'Bearer wrong' })).status).toBe(401);
  });
});

describe('GET /alerts', () => {
  /** 30 alerts a minute apart: priorities cycle, every third is resolved. */
  async function seed(store: ReturnType<typeof setup>['store']): Promise<Alert[]> {
    const alerts = Array.from({ length: 30 }, (_, i) =>
      makeAlert({
        dedupKey: `k${i}`,
        createdAt: FIXTURE_CREATED_AT + i * MINUTE_MS,
        lastSeenAt: FIXTURE_CREATED_AT + i * MINUTE_MS,
        priority: PRIORITIES[i % 4],
        ...(i % 3 === 0 ? { status: 'resolved' as const, resolvedAt: FIXTURE_CREATED_AT + i * MINUTE_MS + 1000, acknowledgedAt: FIXTURE_CREATED_AT + i * MINUTE_MS + 1000 } : {}),
      }),
    );
    for (const a of alerts) await store.create(a);
    return alerts;
  }

  it('pages newest first with a cursor, each alert exactly once', async () => {
    const { store, list } = setup(FIXTURE_CREATED_AT + 60 * MINUTE_MS);
    const alerts = await seed(store);
    const seen: string[] = [];
    let query = '?limit=7';
    let pages = 0;
    for (;;) {
      const { status, body } = await list(query);
      expect(status).toBe(200);
      expect(body.alerts.length).toBeLessThanOrEqual(7);
      seen.push(...body.alerts.map((a) => a.id));
      pages += 1;
      if (body.nextCursor === null) break;
      query = `?limit=7&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual([...alerts].reverse().map((a) => a.id));
  });

  it('defaults to 25 per page and shows summaries with SLA states', async () => {
    const { store, list } = setup(FIXTURE_CREATED_AT + 60 * MINUTE_MS);
    const alerts = await seed(store);
    const { body } = await list('');
    expect(body.alerts).toHaveLength(25);
    expect(body.nextCursor).toEqual(expect.any(String));
    const newest = alerts[29] as Alert;
    expect(body.alerts[0]).toEqual({
      id: newest.id,
      title: newest.title,
      priority: newest.priority,
      status: 'open',
      integration: 'alertmanager-main',
      createdAt: '2026-11-30T12:29:00.000Z',
      lastSeenAt: '2026-11-30T12:29:00.000Z',
      acknowledgedAt: null,
      resolvedAt: null,
      responses: 0,
      sla: {
        acknowledgment: { state: 'breached', deadline: '2026-11-30T12:59:00.000Z' },
        resolution: { state: 'compliant', deadline: '2026-11-30T16:29:00.000Z' },
      },
    });
  });

  it('filters by status and priority', async () => {
    const { store, list } = setup();
    const alerts = await seed(store);
    const { body } = await list('?status=open&priority=critical&limit=100');
    const expected = alerts.filter((a) => a.status === 'open' && a.priority === 'critical').reverse().map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.alerts.map((a) => a.id)).toEqual(expected);
    expect(body.nextCursor).toBeNull();

    const resolved = await list('?status=resolved&limit=100');
    expect(resolved.body.alerts).toHaveLength(10);
    expect(resolved.body.alerts.every((a) => a.status === 'resolved')).toBe(true);
  });

  it('answers 400 naming each bad parameter', async () => {
    const { store, error } = setup();
    await seed(store);
    for (const [query, names] of [
      ['status=closed', ['status']],
      ['priority=urgent', ['priority']],
      ['limit=0', ['limit']],
      ['limit=101', ['limit']],
      ['limit=ten', ['limit']],
      ['limit=2.5', ['limit']],
      ['status=closed&priority=p1&limit=-1', ['status', 'priority', 'limit']],
      ['status=open&status=resolved', ['status']],
      ['cursor=not-a-cursor', ['cursor']],
    ] as const) {
      const { status, body } = await error(`/alerts?${query}`);
      expect(status, query).toBe(400);
      expect(body.error).toBe('invalid_request');
      for (const name of names) expect(body.message + JSON.stringify(body.details), query).toContain(name);
    }
  });
});
