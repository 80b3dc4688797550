/**
 * dynalite 4 never closed the LevelDB iterator behind a Query or Scan: each kept its snapshot,
 * and with it blocks, memtables and table files, so the local stack's memory and database grew
 * with every listing, report and sweep. The embedded dynalite gives the iterators the
 * `return()` its streams call (infra/local/embedded-dynamodb.ts); here the same fix runs on an
 * in-process dynalite, and every iterator its queries open must be closed again.
 */
import { PutItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abstractLevelOf, CLOSE_LEVEL_ITERATORS_ON_RETURN } from '../../infra/local/embedded-dynamodb.ts';
import { BY_DAY_INDEX } from '../../shared/store/table-definition.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';

const require = createRequire(import.meta.url);
const dynalitePath = require.resolve('dynalite');

interface Iterator {
  close(): Promise<void>;
}
type IteratorFactory = (this: unknown, ...args: unknown[]) => Iterator;

/** Counts the iterators dynalite's in-memory store opens and those closed since. */
function countIterators(): { opened: number; closed: number } {
  const counts = { opened: 0, closed: 0 };
  const { MemoryLevel } = require(createRequire(dynalitePath).resolve('memory-level')) as { MemoryLevel: { prototype: Record<string, IteratorFactory> } };
  for (const method of ['iterator', 'keys', 'values']) {
    const open = MemoryLevel.prototype[method] as IteratorFactory;
    MemoryLevel.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const iterator = open.apply(this, args);
      counts.opened += 1;
      const close = iterator.close.bind(iterator);
      let closed = false;
      iterator.close = async () => {
        if (!closed) counts.closed += 1;
        closed = true;
        return close();
      };
      return iterator;
    };
  }
  return counts;
}

let dynalite: Dynalite;
let counts: { opened: number; closed: number };

beforeAll(async () => {
  new Function('iterators', CLOSE_LEVEL_ITERATORS_ON_RETURN)(require(abstractLevelOf(dynalitePath)));
  counts = countIterators();
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});

describe('the embedded dynalite', () => {
  it('closes every LevelDB iterator its queries and scans open, whether they end or stop at a limit', async () => {
    const { client, tableName } = dynalite;
    const { indexName, partitionKey, sortKey } = BY_DAY_INDEX;
    for (let i = 0; i < 5; i += 1) {
      const item = { pk: { S: `alert#a${i}` }, [partitionKey.name]: { S: '2026-12-05#0' }, [sortKey.name]: { S: `2026-12-05T10:00:0${i}.000Z#a${i}` } };
      await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    }
    const query = (limit: number) =>
      new QueryCommand({
        TableName: tableName,
        IndexName: indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': partitionKey.name },
        ExpressionAttributeValues: { ':p': { S: '2026-12-05#0' } },
        Limit: limit,
      });
    const stopped = await client.send(query(2));
    const ended = await client.send(query(50));
    await client.send(new ScanCommand({ TableName: tableName, Limit: 3 }));
    // The stream closes its iterator as it ends, after the answer is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(stopped.Items).toHaveLength(2);
    expect(ended.Items).toHaveLength(5);
    expect(counts.opened).toBeGreaterThanOrEqual(3);
    expect(counts.closed).toBe(counts.opened);
  });
});
