/**
 * One shard of a sharded index as a `fetch` for ShardMerge: a Query of one partition key
 * value, with an optional range and filter, resuming after a sort key. The resume point goes
 * in as ExclusiveStartKey (the table key is derived from the sort key, which ends with the
 * item's id), so the range condition stays the caller's own.
 */
import { QueryCommand, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import { PARTITION_KEY, type IndexDefinition } from '../../store/table-definition.ts';
import type { Item } from './alert-item.ts';
import type { ShardPage } from './shard-merge.ts';

export interface ShardQuerySpec {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly index: IndexDefinition;
  /** The operation, for the error message. */
  readonly operation: string;
  readonly order: 'asc' | 'desc';
  /** A condition on `#sk` added to the partition key's, with its values. */
  readonly range?: { readonly expression: string; readonly values: Item };
  readonly filter?: { readonly expression: string; readonly names: Record<string, string>; readonly values: Item };
  /** The table key (`pk`) of the item whose index sort key is `sortKey`. */
  readonly tablePkOf: (sortKey: string) => string;
  /** Adds ReturnConsumedCapacity and the like; for benchmarks. */
  readonly extra?: Partial<QueryCommandInput>;
}

export function shardQuery(spec: ShardQuerySpec, partitionKeyValue: string): (after: string | null, limit: number) => Promise<ShardPage<Item>> {
  const { index } = spec;
  const sk = index.sortKey.name;
  return async (after, limit) => {
    const input: QueryCommandInput = {
      TableName: spec.tableName,
      IndexName: index.indexName,
      KeyConditionExpression: spec.range === undefined ? '#pk = :pk' : `#pk = :pk AND ${spec.range.expression}`,
      ExpressionAttributeNames: { '#pk': index.partitionKey.name, ...(spec.range === undefined ? {} : { '#sk': sk }), ...spec.filter?.names },
      ExpressionAttributeValues: { ':pk': { S: partitionKeyValue }, ...spec.range?.values, ...spec.filter?.values },
      ...(spec.filter === undefined ? {} : { FilterExpression: spec.filter.expression }),
      ScanIndexForward: spec.order === 'asc',
      Limit: limit,
      ...spec.extra,
      ...(after === null
        ? {}
        : { ExclusiveStartKey: { [PARTITION_KEY.name]: { S: spec.tablePkOf(after) }, [index.partitionKey.name]: { S: partitionKeyValue }, [sk]: { S: after } } }),
    };
    let out;
    try {
      out = await spec.client.send(new QueryCommand(input));
    } catch (error) {
      throw new StoreUnavailableError(`DynamoDB ${spec.operation} on ${spec.tableName} failed`, error);
    }
    const entries = (out.Items ?? []).flatMap((item) => {
      const key = item[sk]?.S;
      return key === undefined ? [] : [{ key, value: item }];
    });
    return { entries, lastKey: out.LastEvaluatedKey?.[sk]?.S ?? null };
  };
}

/** Entries per shard query for `wanted` entries over `shards` shards: their share with room for
 * uneven shards, so most reads take one round, capped at what one round should carry. */
export function shardBatch(wanted: number, shards: number, cap = 1_000): number {
  return Math.min(cap, Math.ceil((wanted * 1.5) / shards) + 1);
}
