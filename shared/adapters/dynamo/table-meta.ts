/**
 * `META#table`: what a table was made with, kept in the table itself so it lives and dies with
 * the data: its shape (TABLE_SHAPE) and its index shard count. Items land in the shard their id
 * hashes to modulo the count, so reading with another count would silently miss entries: the
 * count is fixed when the table is made and every start checks it.
 */
import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import { PARTITION_KEY, TABLE_SHAPE } from '../../store/table-definition.ts';

export const META_PK = 'META#table';

export interface TableMeta {
  readonly shape: number;
  readonly indexShards: number;
}

export async function readTableMeta(client: DynamoDBClient, tableName: string): Promise<TableMeta | null> {
  let out;
  try {
    out = await client.send(new GetItemCommand({ TableName: tableName, Key: { [PARTITION_KEY.name]: { S: META_PK } }, ConsistentRead: true }));
  } catch (error) {
    throw new StoreUnavailableError(`could not read what table ${tableName} was made with`, error);
  }
  const item = out.Item;
  if (item === undefined) return null;
  const shape = Number(item.shape?.N);
  const indexShards = Number(item.indexShards?.N);
  if (!Number.isSafeInteger(shape) || !Number.isSafeInteger(indexShards)) throw new StoreUnavailableError(`table ${tableName} holds an unreadable ${META_PK} item`);
  return { shape, indexShards };
}

/** Records the shard count once; resolves with what the table records (the first writer's). */
export async function recordTableMeta(client: DynamoDBClient, tableName: string, indexShards: number): Promise<TableMeta> {
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { [PARTITION_KEY.name]: { S: META_PK }, shape: { N: String(TABLE_SHAPE) }, indexShards: { N: String(indexShards) } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw new StoreUnavailableError(`could not record what table ${tableName} is made with`, error);
  }
  const meta = await readTableMeta(client, tableName);
  if (meta === null) throw new StoreUnavailableError(`table ${tableName} lost its ${META_PK} item`);
  return meta;
}
