/**
 * DynamoAlertStore reads made together share BatchGetItem calls (shared/adapters/dynamo/
 * batch-reads.ts): against dynalite, each caller still gets exactly its own alert, strongly
 * consistent, and what DynamoDB leaves unprocessed is read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { countingClient } from '../support/command-counter.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

async function freshStore() {
  const counting = countingClient(dynalite.endpoint);
  const store = new DynamoAlertStore({ client: counting.client, tableName: await dynalite.createTable() });
  return { store, counting };
}

describe('DynamoAlertStore reads made together', () => {
  it('go out as one BatchGetItem, and every caller gets its own alert, or null', async () => {
    const { store, counting } = await freshStore();
    const alerts = Array.from({ length: 30 }, (_, i) => makeAlert({ dedupKey: `host-${i}`, title: `alert ${i}` }));
    for (const alert of alerts) await store.create(alert);
    const asked = [...alerts.map((a) => a.id), 'missing-1', alerts[3]?.id ?? '', 'missing-2'];

    const read = await Promise.all(asked.map((id) => store.get(id)));

    expect(read.map((alert) => alert?.title ?? null)).toEqual([...alerts.map((a) => a.title), null, 'alert 3', null]);
    // 32 distinct keys (one asked twice) in one round trip.
    expect(counting.batchSizes('BatchGetItem')).toEqual([32]);
  });

  it('split more than 100 keys into calls of at most 100', async () => {
    const { store, counting } = await freshStore();
    const read = await Promise.all(Array.from({ length: 250 }, (_, i) => store.get(`never-${i}`)));
    expect(read.every((alert) => alert === null)).toBe(true);
    expect(counting.batchSizes('BatchGetItem')).toEqual([100, 100, 50]);
  });

  it('see the latest write: strongly consistent, never a copy of an earlier read', async () => {
    const { store, counting } = await freshStore();
    const alert = makeAlert();
    await store.create(alert);
    expect((await store.get(alert.id))?.deliveries).toBe(1);
    await store.update({ ...alert, version: alert.version + 1, deliveries: 2 }, alert.version);
    const [first, second] = await Promise.all([store.get(alert.id), store.get(alert.id)]);
    expect([first?.deliveries, second?.deliveries]).toEqual([2, 2]);
    const asked = counting.inputs('BatchGetItem').flatMap((input) => Object.values((input as { RequestItems: Record<string, { ConsistentRead?: boolean }> }).RequestItems));
    expect(asked.map((table) => table.ConsistentRead)).toEqual([true, true]);
  });

  it('read again what DynamoDB leaves unprocessed: five 300 KB alerts are more than one answer may carry', async () => {
    const { store, counting } = await freshStore();
    const big = Array.from({ length: 5 }, (_, i) => makeAlert({ dedupKey: `big-${i}`, description: String(i).repeat(300 * 1024) }));
    for (const alert of big) await store.create(alert);

    const read = await Promise.all(big.map((alert) => store.get(alert.id)));

    expect(read.map((alert) => alert?.description?.length)).toEqual(big.map(() => 300 * 1024));
    expect(read.map((alert) => alert?.id)).toEqual(big.map((alert) => alert.id));
    // dynalite answers at most 1 MB (plus an item) at a time, DynamoDB 16 MB: the rest came
    // in a second round.
    const [first, ...again] = counting.batchSizes('BatchGetItem');
    expect(first).toBe(5);
    expect(again.length).toBeGreaterThanOrEqual(1);
    expect(again.every((keys) => keys < 5)).toBe(true);
  });

  it('fail every read of a batch whose call failed as store unavailable', async () => {
    const store = new DynamoAlertStore({ client: dynalite.client, tableName: 'no-such-table' });
    const read = await Promise.allSettled([store.get('a1'), store.get('a2')]);
    expect(read.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of read) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StoreUnavailableError);
  });
});
