import { describe, expect, it } from 'vitest';
import { sweep } from '../../shared/app/sweep.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';
import { reload, storeAlert } from './stored-alert.ts';

const min = (n: number) => C + n * MINUTE_MS;

describe('sweep', () => {
  it('handles every due alert no timer handled, and leaves the rest', async () => {
    const t = testDeps({ now: min(1) });
    const due = await storeAlert(t, { dedupKey: 'due' });
    const later = await storeAlert(t, { dedupKey: 'later', createdAt: min(5) });
    const result = await sweep(t.deps, { pageSize: 10 });
    expect(result).toEqual({ examined: 1, notified: 1, failed: [], requeued: 0, more: false });
    expect(t.sender.sent.map((s) => [s.alertId, s.notification.kind])).toEqual([[due.id, 'new-alert']]);
    expect((await reload(t, later.id)).notified.newAlertAt).toBeNull();
  });

  it('one alert failing does not stop the others; it is reported with its id and retried next time', async () => {
    const t = testDeps({ now: min(1) });
    for (const key of ['a', 'b', 'c']) await storeAlert(t, { dedupKey: key });
    t.store.failNext('update');
    const first = await sweep(t.deps, { pageSize: 10, concurrency: 1 });
    expect(first).toMatchObject({ examined: 3, notified: 2, failed: [{ alertId: expect.any(String) }] });
    const failing = first.failed[0]?.alertId;
    expect(t.logger.at('error').some((e) => e.fields.alertId === failing)).toBe(true);

    const second = await sweep(t.deps, { pageSize: 10 });
    expect(second).toMatchObject({ examined: 1, notified: 1, failed: [] });
    expect(t.sender.kinds().sort()).toEqual(['new-alert', 'new-alert', 'new-alert']);
  });

  it('queues again the deliveries that waited past the grace (their queue message was lost)', async () => {
    const t = testDeps({ now: min(1) });
    const alert = await storeAlert(t, { dedupKey: 'lost' });
    t.queue.deliverAtOnce = false;
    await sweep(t.deps, { pageSize: 10, graceMs: 0 });
    expect(new Set(t.queue.queued)).toEqual(new Set([alert.id]));
    t.queue.queued.length = 0;
    t.queue.deliverAtOnce = true;
    t.clock.set(min(1) + 10_000);
    // Not yet: a queue message may still be on its way.
    expect(await sweep(t.deps, { pageSize: 10, graceMs: 30_000 })).toMatchObject({ examined: 0, requeued: 0 });
    t.clock.set(min(2));
    expect(await sweep(t.deps, { pageSize: 10, graceMs: 30_000 })).toMatchObject({ examined: 0, requeued: 1 });
    expect(t.queue.queued).toEqual([alert.id]);
    expect(t.sender.kinds()).toEqual(['new-alert']);
  });

  it('takes at most `limit` alerts, oldest due first, and says more are waiting', async () => {
    const t = testDeps({ now: min(5) });
    for (const [i, key] of ['a', 'b', 'c'].entries()) await storeAlert(t, { dedupKey: key, createdAt: min(i) });
    expect(await sweep(t.deps, { pageSize: 2 })).toMatchObject({ examined: 2, more: true });
    expect(t.sender.sent.map((s) => s.notification.dueAt)).toEqual([min(0), min(1)]);
  });

  it('drains a backlog page after page in one run while its budget lasts', async () => {
    const t = testDeps({ now: min(5) });
    for (let i = 0; i < 250; i += 1) await storeAlert(t, { dedupKey: `backlog-${i}`, createdAt: min(i % 5) });
    expect(await sweep(t.deps, { pageSize: 100, budgetMs: MINUTE_MS })).toMatchObject({ examined: 250, notified: 250, failed: [], more: false });
    expect(t.sender.kinds()).toHaveLength(250);
  });

  it('does not list a failed alert again in the same run: later pages go on after it', async () => {
    const t = testDeps({ now: min(5) });
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) await storeAlert(t, { dedupKey: key, createdAt: min(i) });
    t.store.failNext('update');
    const result = await sweep(t.deps, { pageSize: 2, budgetMs: MINUTE_MS, concurrency: 1 });
    expect(result).toMatchObject({ examined: 5, notified: 4, failed: [{ alertId: expect.any(String) }], more: false });
  });

  it('starts no page once its budget is spent, and says more are waiting', async () => {
    const t = testDeps({ now: min(5) });
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) await storeAlert(t, { dedupKey: key, createdAt: min(i) });
    // Each send takes a (manual) minute: the first page of two spends the two-minute budget.
    t.sender.beforeSend = () => t.clock.advance(MINUTE_MS);
    expect(await sweep(t.deps, { pageSize: 2, budgetMs: 2 * MINUTE_MS, concurrency: 1 })).toMatchObject({ examined: 2, notified: 2, more: true });
  });

  it('starts no page once its signal is aborted (the process is stopping)', async () => {
    const t = testDeps({ now: min(5) });
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) await storeAlert(t, { dedupKey: key, createdAt: min(i) });
    const stopping = new AbortController();
    t.sender.beforeSend = () => stopping.abort();
    expect(await sweep(t.deps, { pageSize: 2, budgetMs: MINUTE_MS, signal: stopping.signal })).toMatchObject({ examined: 2, more: true });
  });

  it('throws when the due index cannot be read, so the run is retried', async () => {
    const t = testDeps({ now: min(1) });
    t.store.failNext('listDue');
    await expect(sweep(t.deps, { pageSize: 10 })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
