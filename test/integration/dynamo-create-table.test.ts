import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { createTableInput, GLOBAL_SECONDARY_INDEXES } from '../../shared/store/table-definition.ts';
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
});
