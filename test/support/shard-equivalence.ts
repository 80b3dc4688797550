/**
 * Sharding must not change what a listing returns: the same alerts written to a store of one
 * index shard and to stores of more shards are listed, swept and reported identically, in the
 * same order, page after page through cursors. The alerts are placed on purpose: most in one
 * shard, a few oldest in a second (which runs out first reading oldest first), a few newest in
 * a third (which runs out first reading newest first), alerts of different shards created in
 * the same millisecond, and every other shard empty.
 */
import { describe, expect, it } from 'vitest';
import type { Alert, AlertStatus } from '../../shared/domain/alert/alert.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Instant } from '../../shared/domain/instant.ts';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import type { AlertListQuery, AlertStore, DueCursor } from '../../shared/ports/alert-store.ts';
import { shardOf } from '../../shared/store/shard-keys.ts';
import { FIXTURE_CREATED_AT, makeAlert } from './alert-fixtures.ts';

export type ShardedStoreFactory = (shards: number) => Promise<AlertStore>;

const SHARDS = 16;
const T = FIXTURE_CREATED_AT;

/** `count` dedup keys whose alerts fall into `shard` of SHARDS. */
function keysInShard(shard: number, count: number, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < count; i += 1) {
    const key = `${prefix}-${i}`;
    if (shardOf(makeAlert({ dedupKey: key }).id, SHARDS) === shard) keys.push(key);
  }
  return keys;
}

function placedAlerts(): Alert[] {
  const statuses: AlertStatus[] = ['open', 'acknowledged', 'resolved'];
  const priorities: Priority[] = ['critical', 'high', 'low'];
  const make = (dedupKey: string, i: number, createdAt: Instant): Alert =>
    makeAlert({
      dedupKey,
      createdAt,
      status: statuses[i % 3],
      priority: priorities[i % 3],
      ...(statuses[i % 3] === 'resolved' ? { resolvedAt: createdAt + HOUR_MS, resolvedBy: 'ana' } : {}),
      generation: 1,
      // Every other alert has a timer; due times interleave across shards, some equal.
      timer: i % 2 === 0 ? { name: `${dedupKey}.breach.1`, dueAt: T + DAY_MS + (i % 5) * MINUTE_MS, kind: 'breach', generation: 1 } : null,
    });
  const busy = keysInShard(3, 14, 'busy').map((key, i) => make(key, i, T + i * 10 * MINUTE_MS));
  // Oldest, and across a UTC day boundary.
  const old = keysInShard(7, 2, 'old').map((key, i) => make(key, i + 1, T - 13 * HOUR_MS + i));
  // Newest; the first in the same millisecond as an alert of the busy shard.
  const fresh = keysInShard(11, 3, 'fresh').map((key, i) => make(key, i + 2, i === 0 ? T + 13 * 10 * MINUTE_MS : T + 3 * HOUR_MS + i));
  return [...busy, ...old, ...fresh];
}

async function listIds(store: AlertStore, query: Omit<AlertListQuery, 'cursor'>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n += 1) {
    const page = await store.list({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page.alerts.map((a) => a.id));
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('list never reached its last page');
}

async function dueIds(store: AlertStore, dueBy: Instant, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: DueCursor | undefined;
  for (let n = 0; n < 100; n += 1) {
    const page = await store.listDue(dueBy, limit, after);
    pages.push(page.alerts.map((a) => a.id));
    if (page.next === null) return pages;
    after = page.next;
  }
  throw new Error('listDue never reached its end');
}

async function collect(pages: AsyncIterable<readonly Alert[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const page of pages) out.push(page.map((a) => a.id));
  return out;
}

export function shardEquivalence(name: string, factory: ShardedStoreFactory): void {
  describe(`${name} across ${SHARDS} index shards`, () => {
    it('lists, sweeps and reports exactly what one shard does, in order, page after page', async () => {
      const alerts = placedAlerts();
      const one = await factory(1);
      const many = await factory(SHARDS);
      const three = await factory(3);
      for (const store of [one, many, three]) for (const alert of alerts) await store.create(alert);

      const newestFirst = [...alerts].sort((a, b) => b.createdAt - a.createdAt || (b.id < a.id ? -1 : 1)).map((a) => a.id);
      const readings = async (store: AlertStore) => ({
        list: await listIds(store, { limit: 4 }),
        listOne: await listIds(store, { limit: 1 }),
        listOpenHigh: await listIds(store, { limit: 2, status: 'open' }),
        listLow: await listIds(store, { limit: 3, priority: 'low' }),
        due: await dueIds(store, T + DAY_MS + 3 * MINUTE_MS, 3),
        report: await collect(store.listCreatedBetween(T - DAY_MS, T + DAY_MS, 5)),
        open: await collect(store.listOpen(4)),
      });
      const expected = await readings(one);
      expect(expected.list.flat()).toEqual(newestFirst);
      expect(expected.listOne).toEqual(newestFirst.map((id) => [id]));
      expect(expected.report.flat()).toEqual([...newestFirst].reverse());
      expect(await readings(many)).toEqual(expected);
      expect(await readings(three)).toEqual(expected);
    });

    it('refuses a cursor made for another shard count, or with a position it did not make, as a bad request', async () => {
      const store = await factory(SHARDS);
      for (const alert of placedAlerts().slice(0, 6)) await store.create(alert);
      const first = await store.list({ limit: 2 });
      const positions = (JSON.parse(Buffer.from(first.nextCursor ?? '', 'base64url').toString()) as { shards: unknown[] }).shards;
      expect(positions).toHaveLength(SHARDS);
      const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const bad of [
        cursor({ shards: positions.slice(1) }),
        cursor({ shards: positions.map(() => '000001764504000000#DEDUP') }),
        cursor({ shards: positions.map(() => 42) }),
        cursor({ shards: positions, extra: 1 }),
      ]) {
        await expect(store.list({ limit: 2, cursor: bad })).rejects.toMatchObject({ name: 'InvalidRequestError' });
      }
      const second = await store.list({ limit: 2, cursor: first.nextCursor ?? '' });
      expect(second.alerts.map((a) => a.id)).not.toContain(first.alerts[0]?.id);
    });
  });
}
