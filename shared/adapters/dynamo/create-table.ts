/**
 * Creates the table of table-definition.ts when it is missing and waits until it and its
 * indexes are ACTIVE: the local stack calls it at every start (dynalite on disk keeps the
 * table between runs). On AWS the CDK stack owns the table and this is never called.
 *
 * An existing table that lacks one of the indexes (made by an older version) is refused
 * with a message saying so, rather than failing later on the first query of that index.
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import { createTableInput, GLOBAL_SECONDARY_INDEXES } from '../../store/table-definition.ts';

export interface EnsureTableOptions {
  /** How long to wait for ACTIVE (default 30 s). */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

export async function ensureTable(client: DynamoDBClient, tableName: string, options: EnsureTableOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 25;
  let table = await describe(client, tableName);
  if (table === null) {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      // Another process created it between our describe and create: wait for it like ours.
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) {
        throw new StoreUnavailableError(`could not create table ${tableName}`, error);
      }
    }
    table = await describe(client, tableName);
  }
  const waitUntil = performance.now() + timeoutMs;
  while (!isActive(table)) {
    if (performance.now() > waitUntil) throw new StoreUnavailableError(`table ${tableName} did not become ACTIVE within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    table = await describe(client, tableName);
  }
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = GLOBAL_SECONDARY_INDEXES.map((index) => index.indexName).filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new StoreUnavailableError(`table ${tableName} lacks the index(es) ${missing.join(', ')}: it was made by an older version; delete it (or the local data directory) to recreate it`);
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | null> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table ?? null;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return null;
    throw new StoreUnavailableError(`could not describe table ${tableName}`, error);
  }
}

function isActive(table: TableDescription | null): boolean {
  return table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
}
