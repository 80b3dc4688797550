import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { TimerLoop } from '../../shared/adapters/local-timers/timer-loop.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import type { TimerPayload } from '../../shared/ports/timers.ts';
import { alertPk, dedupPk, timerPk } from '../../shared/store/keys.ts';
import { createTableInput, GLOBAL_SECONDARY_INDEXES } from '../../shared/store/table-definition.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { MemoryLogger } from '../support/memory-logger.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

describe('ensureTable', () => {
  it('creates the table with every index active, and leaves an existing one alone on the next start', async () => {
    await ensureTable(dynalite.client, 'fresh');
    await ensureTable(dynalite.client, 'fresh');
    const { Table } = await dynalite.client.send(new DescribeTableCommand({ TableName: 'fresh' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus]).sort()).toEqual([
      ['by-created', 'ACTIVE'],
      ['by-day', 'ACTIVE'],
      ['due', 'ACTIVE'],
      ['open', 'ACTIVE'],
      ['outbox', 'ACTIVE'],
    ]);
  });

  it('refuses a table made without one of the indexes, naming it', async () => {
    const input = createTableInput('old');
    const withoutDue = GLOBAL_SECONDARY_INDEXES.filter((index) => index.indexName !== 'due').map((index) => index.indexName);
    await dynalite.client.send(
      new CreateTableCommand({
        ...input,
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.filter((index) => withoutDue.includes(index.IndexName ?? '')),
        AttributeDefinitions: input.AttributeDefinitions?.filter((a) => a.AttributeName !== 'duePk' && a.AttributeName !== 'dueAt'),
      }),
    );
    const error = await ensureTable(dynalite.client, 'old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/lacks the index\(es\) due/);
  });

  it('records the shard count of a new table, keeps it at the next start, and refuses another count, naming both', async () => {
    expect(await ensureTable(dynalite.client, 'counted', { indexShards: 4 })).toEqual({ indexShards: 4 });
    expect(await ensureTable(dynalite.client, 'counted')).toEqual({ indexShards: 4 });
    expect(await ensureTable(dynalite.client, 'counted', { indexShards: 4 })).toEqual({ indexShards: 4 });
    const error = await ensureTable(dynalite.client, 'counted', { indexShards: 16 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/made with 4 index shards and this start asks for 16/);
    expect(await ensureTable(dynalite.client, 'defaulted')).toEqual({ indexShards: 16 });
  });

  it('moves the alerts, dedup pointers and timers of a table of the unsharded shape into a new table, then deletes the old one', async () => {
    // The first shape: unsharded indexes keyed by plain numbers, as an earlier version made them.
    const old = 'sla-watch-old-shape';
    await dynalite.client.send(
      new CreateTableCommand({
        TableName: old,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'day', AttributeType: 'S' },
          { AttributeName: 'createdAt', AttributeType: 'N' },
          { AttributeName: 'duePk', AttributeType: 'S' },
          { AttributeName: 'dueAt', AttributeType: 'N' },
          { AttributeName: 'listPk', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [
          { IndexName: 'by-day', KeySchema: [{ AttributeName: 'day', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
          { IndexName: 'due', KeySchema: [{ AttributeName: 'duePk', KeyType: 'HASH' }, { AttributeName: 'dueAt', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
          { IndexName: 'by-created', KeySchema: [{ AttributeName: 'listPk', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
        ],
      }),
    );
    const dueAt = FIXTURE_CREATED_AT + HOUR_MS;
    const alerts = Array.from({ length: 30 }, (_, i) =>
      makeAlert({
        dedupKey: `old-${i}`,
        createdAt: FIXTURE_CREATED_AT + i * MINUTE_MS,
        ...(i % 3 === 2 ? { status: 'resolved' as const, resolvedAt: FIXTURE_CREATED_AT + HOUR_MS, resolvedBy: 'ana' } : {}),
        generation: 1,
        timer: i % 2 === 0 ? { name: `t${i}.breach.1`, dueAt: dueAt + i, kind: 'breach' as const, generation: 1 } : null,
      }),
    );
    const put = (item: Record<string, AttributeValue>) => dynalite.client.send(new PutItemCommand({ TableName: old, Item: item }));
    for (const alert of alerts) {
      await put({
        pk: { S: alertPk(alert.id) },
        doc: { S: JSON.stringify(alert) },
        version: { N: '1' },
        createdAt: { N: String(alert.createdAt) },
        day: { S: '2026-11-30' },
        listPk: { S: 'ALERT' },
        status: { S: alert.status },
        priority: { S: alert.priority },
        ...(alert.timer === null ? {} : { duePk: { S: 'ALERT' }, dueAt: { N: String(alert.timer.dueAt) } }),
      });
    }
    await put({ pk: { S: dedupPk('am', 'fp-1') }, latest: { N: '3' } });
    const payload: TimerPayload = { alertId: alerts[0]?.id ?? '', kind: 'breach', generation: 1, dueAt: new Date(dueAt).toISOString() };
    await put({ pk: { S: timerPk('t0.breach.1') }, name: { S: 't0.breach.1' }, duePk: { S: 'TIMER' }, dueAt: { N: String(dueAt) }, kind: { S: 'breach' }, payload: { S: JSON.stringify(payload) } });

    const ready = await ensureTable(dynalite.client, 'sla-watch-new-shape', { migrateFrom: ['sla-watch-never-made', old] });
    expect(ready).toEqual({ indexShards: 16, migrated: { from: old, items: 32 } });
    const { TableNames } = await dynalite.client.send(new ListTablesCommand({}));
    expect(TableNames).not.toContain(old);

    // Everything reads back through the new indexes, as it did.
    const store = new DynamoAlertStore({ client: dynalite.client, tableName: 'sla-watch-new-shape' });
    const listed: string[] = [];
    for (let page = await store.list({ limit: 7 }); ; page = await store.list({ limit: 7, cursor: page.nextCursor })) {
      listed.push(...page.alerts.map((a) => a.id));
      if (page.nextCursor === null) break;
    }
    expect(listed).toEqual([...alerts].reverse().map((a) => a.id));
    const open: string[] = [];
    for await (const page of store.listOpen(10)) open.push(...page.map((a) => a.id));
    expect(open).toEqual(alerts.filter((a) => a.status !== 'resolved').map((a) => a.id));
    expect((await store.listDue(dueAt + 100, 100)).alerts.map((a) => a.id)).toEqual(alerts.filter((a) => a.timer !== null).map((a) => a.id));
    expect(await store.latestOccurrence('am', 'fp-1')).toBe(3);
    const delivered: TimerPayload[] = [];
    const loop = new TimerLoop({ client: dynalite.client, tableName: 'sla-watch-new-shape', clock: new ManualClock(dueAt), logger: new MemoryLogger(), deliver: async (p) => void delivered.push(p) });
    expect(await loop.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(delivered).toEqual([payload]);
    // The next start finds the new table complete and copies nothing again.
    expect(await ensureTable(dynalite.client, 'sla-watch-new-shape', { migrateFrom: [old] })).toEqual({ indexShards: 16 });
  });
});
