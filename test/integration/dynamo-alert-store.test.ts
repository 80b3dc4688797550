import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { alertPk } from '../../shared/store/keys.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { alertStoreContract } from '../support/alert-store-contract.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { InMemoryAlertStore } from '../support/in-memory-alert-store.ts';
import { shardEquivalence } from '../support/shard-equivalence.ts';

let dynalite: Dynalite;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

alertStoreContract('InMemoryAlertStore', async () => new InMemoryAlertStore());
alertStoreContract('DynamoAlertStore on dynalite', async () => new DynamoAlertStore({ client: dynalite.client, tableName: await dynalite.createTable() }));
alertStoreContract('DynamoAlertStore on dynalite, one index shard', async () =>
  new DynamoAlertStore({ client: dynalite.client, tableName: await dynalite.createTable(1), indexShards: 1 }),
);
shardEquivalence('DynamoAlertStore on dynalite', async (shards) =>
  new DynamoAlertStore({ client: dynalite.client, tableName: await dynalite.createTable(shards), indexShards: shards }),
);

describe('DynamoAlertStore failures', () => {
  it('reports a missing table as store unavailable, keeping the SDK error', async () => {
    const store = new DynamoAlertStore({ client: dynalite.client, tableName: 'no-such-table' });
    const error = await store.get('a1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(store.create(makeAlert())).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('reports an item that is not an alert as store unavailable instead of returning garbage', async () => {
    const tableName = await dynalite.createTable();
    await dynalite.client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: alertPk('a-broken') }, doc: { S: '{not json' } } }));
    const store = new DynamoAlertStore({ client: dynalite.client, tableName });
    await expect(store.get('a-broken')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
