/**
 * Creates the table of table-definition.ts when it is missing and waits until it and its
 * indexes are ACTIVE: the local stack calls it at every start (dynalite on disk keeps the
 * table between runs). On AWS the CDK stack owns the table and this is never called.
 *
 * At every start it also settles what the table is made with (table-meta.ts):
 * - a new table records the index shard count asked for (INDEX_SHARDS by default);
 * - an existing table answers the count it recorded; asking for another is refused, since
 *   items already stored sit in the shards of the old count;
 * - a new table next to a table of an older shape (`migrateFrom`) first receives that
 *   table's items (table-migration.ts), which is deleted once the copy is recorded complete.
 * A table under this name whose indexes are not the current ones is refused with a message
 * saying so, rather than failing later on the first query of an index.
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import { assertShardCount } from '../../store/shard-keys.ts';
import { createTableInput, GLOBAL_SECONDARY_INDEXES, INDEX_SHARDS } from '../../store/table-definition.ts';
import { readTableMeta, recordTableMeta } from './table-meta.ts';
import { copyTable, deleteTable } from './table-migration.ts';

export interface EnsureTableOptions {
  /** How long to wait for ACTIVE (default 30 s). */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  /** The index shard count asked for: a new table records it (default INDEX_SHARDS); an
   * existing one must have been made with it. Absent: whatever the table records. */
  readonly indexShards?: number;
  /** Tables of older shapes whose items move into this one when it has none yet, newest first. */
  readonly migrateFrom?: readonly string[];
}

export interface ReadyTable {
  readonly indexShards: number;
  /** Set when this start copied an older table's items over. */
  readonly migrated?: { readonly from: string; readonly items: number };
}

export async function ensureTable(client: DynamoDBClient, tableName: string, options: EnsureTableOptions = {}): Promise<ReadyTable> {
  if (options.indexShards !== undefined) assertShardCount(options.indexShards);
  await createAndWait(client, tableName, options);
  const meta = await readTableMeta(client, tableName);
  if (meta !== null) {
    if (options.indexShards !== undefined && options.indexShards !== meta.indexShards) {
      throw new StoreUnavailableError(
        `table ${tableName} was made with ${meta.indexShards} index shards and this start asks for ${options.indexShards}: the count is fixed when the table is made (its items sit in the shards of that count); start with ${meta.indexShards}, or move the data away to start afresh`,
      );
    }
    return { indexShards: meta.indexShards };
  }
  const indexShards = options.indexShards ?? INDEX_SHARDS;
  let migrated: ReadyTable['migrated'];
  for (const legacy of options.migrateFrom ?? []) {
    if ((await describe(client, legacy)) === null) continue;
    migrated = { from: legacy, items: await copyTable(client, legacy, tableName, indexShards) };
    break;
  }
  const recorded = await recordTableMeta(client, tableName, indexShards);
  if (migrated !== undefined) await deleteTable(client, migrated.from);
  return { indexShards: recorded.indexShards, ...(migrated === undefined ? {} : { migrated }) };
}

async function createAndWait(client: DynamoDBClient, tableName: string, options: EnsureTableOptions): Promise<void> {
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
  const wrong = GLOBAL_SECONDARY_INDEXES.filter((index) => {
    const found = table?.GlobalSecondaryIndexes?.find((present) => present.IndexName === index.indexName);
    const keys = found?.KeySchema?.map((key) => key.AttributeName);
    return keys?.[0] !== index.partitionKey.name || keys[1] !== index.sortKey.name;
  });
  if (wrong.length > 0) {
    throw new StoreUnavailableError(
      `table ${tableName} lacks the index(es) ${wrong.map((index) => index.indexName).join(', ')} as this version keys them: it was made by another version; delete it (or the local data directory) to recreate it`,
    );
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
