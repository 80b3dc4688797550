/**
 * The local timers due by an instant, oldest first, read from every `TIMER#<shard>` partition
 * of the `due` index and merged (shard-merge.ts): what the timer loop fires, in the order one
 * unsharded partition gave.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Instant } from '../../domain/instant.ts';
import { timerPk } from '../../store/keys.ts';
import { allShardKeys, instantKey, parseInstantIdKey } from '../../store/shard-keys.ts';
import { DUE_INDEX, DUE_TIMER } from '../../store/table-definition.ts';
import type { Item } from '../dynamo/alert-item.ts';
import { ShardMerge } from '../dynamo/shard-merge.ts';
import { shardQuery } from '../dynamo/shard-query.ts';

export interface DueTimersOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly shards: number;
  /** Timers due at or before this instant; every timer when absent. */
  readonly dueBy?: Instant;
  /** Entries per shard query. */
  readonly batch: number;
}

export function dueTimers(options: DueTimersOptions): ShardMerge<Item> {
  const { dueBy } = options;
  const fetchers = allShardKeys(DUE_TIMER, options.shards).map((partition) =>
    shardQuery(
      {
        client: options.client,
        tableName: options.tableName,
        index: DUE_INDEX,
        operation: 'local timer query',
        order: 'asc',
        ...(dueBy === undefined ? {} : { range: { expression: '#sk < :before', values: { ':before': { S: instantKey(dueBy + 1) } } } }),
        tablePkOf: (sortKey) => timerPk(parseInstantIdKey(sortKey)?.id ?? ''),
      },
      partition,
    ),
  );
  return new ShardMerge<Item>({
    shards: options.shards,
    order: 'asc',
    batch: options.batch,
    fetch: (shard, after, limit) => (fetchers[shard] as (typeof fetchers)[number])(after, limit),
  });
}
