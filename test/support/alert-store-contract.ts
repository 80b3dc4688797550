/**
 * The AlertStore contract as one test suite, run against every implementation (the in-memory
 * fake use-case tests rely on, and the DynamoDB store on dynalite), so the fake cannot drift
 * from what production does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertStatus } from '../../shared/domain/alert/alert.ts';
import { responseId } from '../../shared/domain/alert/response.ts';
import { HOUR_MS, MINUTE_MS, type Instant } from '../../shared/domain/instant.ts';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';
import { AlreadyExistsError, ConflictError, InvalidRequestError, VersionConflictError } from '../../shared/errors.ts';
import type { AlertStore } from '../../shared/ports/alert-store.ts';
import { FIXTURE_CREATED_AT, makeAlert } from './alert-fixtures.ts';

/** Returns a store over empty storage. */
export type StoreFactory = () => Promise<AlertStore>;

export function alertStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} honours the AlertStore contract`, () => {
    let store: AlertStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('returns a created alert exactly as it was stored, and null for an unknown id', async () => {
      const alert = fullAlert();
      await store.create(alert);
      expect(await store.get(alert.id)).toEqual(alert);
      expect(await store.get('a-never-stored')).toBeNull();
    });

    it('refuses a second create of one id and keeps the first', async () => {
      const first = makeAlert({ title: 'first delivery' });
      await store.create(first);
      await expect(store.create({ ...first, title: 'second delivery' })).rejects.toBeInstanceOf(AlreadyExistsError);
      expect((await store.get(first.id))?.title).toBe('first delivery');
    });

    it('lets exactly one of 50 concurrent creates of one alert win', async () => {
      const alert = makeAlert();
      const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.create({ ...alert, title: `delivery ${i}` })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const losers = results.filter((r) => r.status === 'rejected');
      expect(losers).toHaveLength(49);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(AlreadyExistsError);
    });

    it('refuses a stale update and changes nothing', async () => {
      const alert = makeAlert();
      await store.create(alert);
      const acked: Alert = { ...alert, version: 2, status: 'acknowledged', acknowledgedAt: alert.createdAt + MINUTE_MS, acknowledgedBy: 'ana' };
      await store.update(acked, 1);
      const stale: Alert = { ...alert, version: 2, title: 'written from a stale read' };
      await expect(store.update(stale, 1)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.get(alert.id)).toEqual(acked);
    });

    it('refuses to update an alert that was never created', async () => {
      const alert = makeAlert({ version: 2 });
      await expect(store.update(alert, 1)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.get(alert.id)).toBeNull();
    });

    it('keeps all of 50 concurrent responses when writers re-read and retry on conflict', async () => {
      const alert = makeAlert();
      await store.create(alert);
      await Promise.all(Array.from({ length: 50 }, (_, i) => appendResponse(store, alert.id, `responder-${i}`)));
      const stored = await store.get(alert.id);
      expect(stored?.version).toBe(51);
      expect(stored?.responses.map((r) => r.by).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `responder-${i}`).sort());
      expect(stored?.responses.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => responseId(alert.id, i + 1)));
    });

    it('refuses an alert too large to store, with a conflict rather than an outage', async () => {
      const alert = makeAlert();
      await store.create(alert);
      const note = 'é'.repeat(2_000);
      const responses = Array.from({ length: 200 }, (_, i) => ({ id: responseId(alert.id, i + 1), type: 'update' as const, by: 'ana', note, at: alert.createdAt + i, via: 'api' as const }));
      await expect(store.update({ ...alert, version: 2, responses }, 1)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get(alert.id))?.version).toBe(1);
    });

    it('lists newest first, filtered by status and priority, page by page with cursors', async () => {
      const statuses: AlertStatus[] = ['open', 'acknowledged', 'resolved'];
      const priorities: Priority[] = ['critical', 'high'];
      const alerts = Array.from({ length: 24 }, (_, i) =>
        makeAlert({ dedupKey: `list-${i}`, createdAt: FIXTURE_CREATED_AT + i * MINUTE_MS, status: statuses[i % 3], priority: priorities[i % 2] }),
      );
      for (const alert of alerts) await store.create(alert);
      const newestFirst = [...alerts].reverse();

      expect(await listAll(store, {}, 5)).toEqual(newestFirst.map((a) => a.id));
      expect(await listAll(store, { status: 'open' }, 3)).toEqual(newestFirst.filter((a) => a.status === 'open').map((a) => a.id));
      expect(await listAll(store, { status: 'acknowledged', priority: 'high' }, 2)).toEqual(
        newestFirst.filter((a) => a.status === 'acknowledged' && a.priority === 'high').map((a) => a.id),
      );
      expect(await listAll(store, { priority: 'low' }, 5)).toEqual([]);
      const first = await store.list({ limit: 10 });
      expect(first.alerts).toHaveLength(10);
      expect(first.nextCursor).not.toBeNull();
    });

    it('ends with a null cursor when the last page is exactly full', async () => {
      for (let i = 0; i < 8; i += 1) await store.create(makeAlert({ dedupKey: `exact-${i}`, createdAt: FIXTURE_CREATED_AT + i * MINUTE_MS }));
      const first = await store.list({ limit: 4 });
      expect(first.nextCursor).not.toBeNull();
      const second = await store.list({ limit: 4, cursor: first.nextCursor ?? undefined });
      expect(second.alerts.map((a) => a.createdAt)).toEqual([3, 2, 1, 0].map((i) => FIXTURE_CREATED_AT + i * MINUTE_MS));
      expect(second.nextCursor).toBeNull();
    });

    it('refuses a cursor it did not make as a bad request', async () => {
      await expect(store.list({ limit: 5, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(store.list({ limit: 5, cursor: Buffer.from('{"pk":{"S":"DEDUP#x"}}').toString('base64url') })).rejects.toBeInstanceOf(InvalidRequestError);
    });

    it('reads the alerts created in a range spanning two UTC days, page by page, bounds [from, to)', async () => {
      const fromAt = Date.UTC(2026, 11, 1, 20, 0); // a local day in New York: 20:00Z to 20:00Z next day (EST = UTC-5 would be 05:00Z; any range works)
      const toAt = fromAt + 24 * HOUR_MS;
      const at = [fromAt - 1, fromAt, fromAt + HOUR_MS, Date.UTC(2026, 11, 1, 23, 59, 59, 999), Date.UTC(2026, 11, 2), Date.UTC(2026, 11, 2, 12), toAt - 1, toAt, toAt + HOUR_MS];
      for (const [i, createdAt] of at.entries()) await store.create(makeAlert({ dedupKey: `day-${i}`, createdAt }));
      const pages: Instant[][] = [];
      for await (const page of store.listCreatedBetween(fromAt, toAt, 2)) {
        expect(page.length).toBeGreaterThan(0);
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(page.map((a) => a.createdAt));
      }
      expect(pages.flat().sort((a, b) => a - b)).toEqual([fromAt, fromAt + HOUR_MS, Date.UTC(2026, 11, 1, 23, 59, 59, 999), Date.UTC(2026, 11, 2), Date.UTC(2026, 11, 2, 12), toAt - 1]);
      const empty: Alert[] = [];
      for await (const page of store.listCreatedBetween(toAt + 2 * HOUR_MS, toAt + 3 * HOUR_MS, 10)) empty.push(...page);
      expect(empty).toEqual([]);
    });

    it('gives the report views of the alerts created in a range, the latest state of each, as a report reads them', async () => {
      const fromAt = Date.UTC(2026, 11, 1, 20, 0);
      const toAt = fromAt + 24 * HOUR_MS;
      const at = [fromAt - 1, fromAt, fromAt + HOUR_MS, Date.UTC(2026, 11, 2, 12), toAt - 1, toAt];
      const created = at.map((createdAt, i) => makeAlert({ dedupKey: `view-${i}`, createdAt, labels: { team: i % 2 === 0 ? 'payments' : 'search' } }));
      for (const alert of created) await store.create(alert);
      // The one created at fromAt is acknowledged and resolved since: its view says so.
      const answered = created[1] as Alert;
      const resolved: Alert = { ...answered, version: 2, status: 'resolved', acknowledgedAt: fromAt + MINUTE_MS, resolvedAt: fromAt + 2 * MINUTE_MS };
      await store.update(resolved, 1);
      const views = [];
      for await (const page of store.listReportViews(fromAt, toAt, 2, 'team')) {
        expect(page.length).toBeLessThanOrEqual(2);
        views.push(...page);
      }
      const inRange = [resolved, ...created.slice(2, 5)];
      expect(views.sort((a, b) => a.createdAt - b.createdAt)).toEqual(inRange.map((alert) => reportViewOf(alert, 'team')));
      expect(views.map((view) => view.group?.value)).toEqual(['search', 'payments', 'search', 'payments']);
      expect(views[0]?.status).toBe('resolved');
    });

    it('lists every alert not yet resolved, oldest first, page by page, and forgets one once it is resolved', async () => {
      const createdAts = [3, 0, 4, 1, 2].map((i) => FIXTURE_CREATED_AT - i * 2 * 86_400_000 + i * MINUTE_MS);
      const open = createdAts.map((createdAt, i) => makeAlert({ dedupKey: `open-${i}`, createdAt }));
      const acknowledged = makeAlert({ dedupKey: 'acked', createdAt: FIXTURE_CREATED_AT + MINUTE_MS, status: 'acknowledged', acknowledgedAt: FIXTURE_CREATED_AT + 2 * MINUTE_MS, acknowledgedBy: 'alice' });
      const resolved = makeAlert({ dedupKey: 'resolved', createdAt: FIXTURE_CREATED_AT - HOUR_MS, status: 'resolved', resolvedAt: FIXTURE_CREATED_AT, resolvedBy: 'alice' });
      for (const alert of [...open, acknowledged, resolved]) await store.create(alert);

      const pages: Instant[][] = [];
      for await (const page of store.listOpen(2)) {
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(page.map((a) => a.createdAt));
      }
      expect(pages.flat()).toEqual([...createdAts, acknowledged.createdAt].sort((a, b) => a - b));

      const first = open[0] as Alert;
      await store.update({ ...first, version: 2, status: 'resolved', resolvedAt: FIXTURE_CREATED_AT, resolvedBy: 'bob' }, 1);
      const after: string[] = [];
      for await (const page of store.listOpen(100)) after.push(...page.map((a) => a.id));
      expect(after).toHaveLength(5);
      expect(after).not.toContain(first.id);
      expect(after).not.toContain(resolved.id);
    });

    it('lists alerts whose timer is due by an instant, oldest due first, and forgets them once the timer is cleared', async () => {
      const now = FIXTURE_CREATED_AT + HOUR_MS;
      const dueAts = [now - 10 * MINUTE_MS, now, now - 30 * MINUTE_MS, now + 1, now - 20 * MINUTE_MS];
      const alerts = dueAts.map((dueAt, i) => makeAlert({ dedupKey: `due-${i}`, generation: 1, timer: { name: `t${i}.breach.1`, dueAt, kind: 'breach', generation: 1 } }));
      for (const alert of [...alerts, makeAlert({ dedupKey: 'no-timer' })]) await store.create(alert);

      const due = await store.listDue(now, 10);
      expect(due.alerts.map((a) => a.timer?.dueAt)).toEqual([now - 30 * MINUTE_MS, now - 20 * MINUTE_MS, now - 10 * MINUTE_MS, now]);
      expect((await store.listDue(now, 2)).alerts.map((a) => a.timer?.dueAt)).toEqual([now - 30 * MINUTE_MS, now - 20 * MINUTE_MS]);

      const handled = alerts[2] as Alert;
      await store.update({ ...handled, version: 2, timer: null }, 1);
      expect((await store.listDue(now, 10)).alerts.map((a) => a.id)).not.toContain(handled.id);
      expect((await store.listDue(now, 10)).alerts).toHaveLength(3);
    });

    it('lists due alerts page after page from a cursor, each once, to the end of the index', async () => {
      const now = FIXTURE_CREATED_AT + HOUR_MS;
      // Seven due, two of them at the same instant, one not yet due.
      const dueAts = [1, 2, 3, 3, 4, 5, 6].map((m) => now - 10 * MINUTE_MS + m * MINUTE_MS);
      const alerts = [...dueAts, now + MINUTE_MS].map((dueAt, i) =>
        makeAlert({ dedupKey: `page-${i}`, generation: 1, timer: { name: `p${i}.breach.1`, dueAt, kind: 'breach', generation: 1 } }),
      );
      for (const alert of alerts) await store.create(alert);

      const seen: string[] = [];
      let page = await store.listDue(now, 3);
      let pages = 1;
      seen.push(...page.alerts.map((a) => a.id));
      while (page.next !== null) {
        page = await store.listDue(now, 3, page.next);
        pages += 1;
        seen.push(...page.alerts.map((a) => a.id));
      }
      expect(seen.sort()).toEqual(alerts.slice(0, 7).map((a) => a.id).sort());
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(4);
    });

    it('leaves out of a later page an alert whose timer was cleared after the first page was read', async () => {
      const now = FIXTURE_CREATED_AT + HOUR_MS;
      const alerts = [1, 2, 3, 4].map((m) =>
        makeAlert({ dedupKey: `moved-${m}`, generation: 1, timer: { name: `m${m}.breach.1`, dueAt: now - 10 * MINUTE_MS + m * MINUTE_MS, kind: 'breach', generation: 1 } }),
      );
      for (const alert of alerts) await store.create(alert);
      const first = await store.listDue(now, 2);
      expect(first.alerts.map((a) => a.id)).toEqual([alerts[0]?.id, alerts[1]?.id]);
      const handled = alerts[3] as Alert;
      await store.update({ ...handled, version: 2, timer: null }, 1);
      const rest: string[] = [];
      for (let page = first; page.next !== null; ) {
        page = await store.listDue(now, 2, page.next);
        rest.push(...page.alerts.map((a) => a.id));
      }
      expect(rest).toEqual([alerts[2]?.id]);
    });

    it('keeps the highest occurrence of a dedup key, per integration', async () => {
      const longKey = 'k'.repeat(255);
      expect(await store.latestOccurrence('pagerduty', longKey)).toBe(0);
      await store.recordOccurrence('pagerduty', longKey, 2);
      await store.recordOccurrence('pagerduty', longKey, 1);
      expect(await store.latestOccurrence('pagerduty', longKey)).toBe(2);
      await store.recordOccurrence('pagerduty', longKey, 2);
      await store.recordOccurrence('pagerduty', longKey, 3);
      expect(await store.latestOccurrence('pagerduty', longKey)).toBe(3);
      expect(await store.latestOccurrence('grafana', longKey)).toBe(0);
      expect(await store.latestOccurrence('pagerduty', `${longKey}x`)).toBe(0);
    });
  });
}

/** A use case's read-modify-write loop: re-read and re-apply on every version conflict, with
 * exponential backoff and full jitter so 50 writers do not all re-read in lockstep. */
async function appendResponse(store: AlertStore, id: string, by: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));
    const current = await store.get(id);
    if (current === null) throw new Error(`alert ${id} vanished`);
    const n = current.responses.length + 1;
    const next: Alert = {
      ...current,
      version: current.version + 1,
      responses: [...current.responses, { id: responseId(id, n), type: 'update', by, note: `update from ${by}`, at: current.createdAt + n, via: 'api' }],
    };
    try {
      await store.update(next, current.version);
      return;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

async function listAll(store: AlertStore, filter: { status?: AlertStatus; priority?: Priority }, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await store.list({ ...filter, limit, ...(cursor === undefined ? {} : { cursor }) });
    expect(page.alerts.length).toBeLessThanOrEqual(limit);
    ids.push(...page.alerts.map((a) => a.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('list never reached its last page');
}

/** An alert with every optional part filled, including text DynamoDB maps would choke on. */
function fullAlert(): Alert {
  const base = makeAlert();
  const createdAt = base.createdAt;
  return {
    ...base,
    version: 7,
    description: null,
    severity: null,
    labels: { '': 'empty label name', 'team/owner': 'payments', emoji: 'fire 🔥', empty: '' },
    annotations: {},
    links: [{ href: 'https://example.com/a?b=c&d=e' }],
    status: 'acknowledged',
    acknowledgedAt: createdAt + 5 * MINUTE_MS,
    acknowledgedBy: 'ana@example.com',
    lastUpdateAt: createdAt + 5 * MINUTE_MS,
    responses: [
      { id: responseId(base.id, 1), type: 'acknowledgment', by: 'ana@example.com', note: null, at: createdAt + 5 * MINUTE_MS, via: 'link' },
      { id: responseId(base.id, 2), type: 'update', by: 'ana@example.com', note: 'rolled back "v2.3"\nline two <b>', at: createdAt + 9 * MINUTE_MS, via: 'api' },
    ],
    notified: {
      ...base.notified,
      newAlertAt: createdAt + 1_000,
      remindersSent: 0,
      failures: [{ kind: 'new-alert', channel: 'slack', at: createdAt + 1_000, error: 'HTTP 500' }],
    },
    generation: 3,
    timer: { name: `${base.id}.at-risk.3`, dueAt: base.timeline.resolution.atRiskAt, kind: 'at-risk', generation: 3 },
  };
}
