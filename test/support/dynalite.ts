/**
 * dynalite in this process, in memory, on a free loopback port, with the table of
 * shared/store/table-definition.ts created: what adapter tests run against. `createTable()`
 * makes another empty table (a fresh name each call) so tests can isolate from each other
 * without starting another server.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { ensureTable } from '../../shared/adapters/dynamo/create-table.ts';

export interface Dynalite {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  /** The table created at start. */
  readonly tableName: string;
  /** Creates one more empty table (with `indexShards` index shards, default 16) and returns its name. */
  createTable(indexShards?: number): Promise<string>;
  stop(): Promise<void>;
}

let tables = 0;

export async function startDynalite(): Promise<Dynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const createTable = async (indexShards?: number): Promise<string> => {
    tables += 1;
    const tableName = `sla-watch-test-${tables}`;
    await ensureTable(client, tableName, { pollMs: 5, ...(indexShards === undefined ? {} : { indexShards }) });
    return tableName;
  };
  const tableName = await createTable();
  return {
    endpoint,
    client,
    tableName,
    createTable,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve())));
    },
  };
}
