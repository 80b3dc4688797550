/**
 * The `outbox` index: alerts that have deliveries to make, by the instant the next one is
 * ready. Sparse (only alerts with an open delivery carry its keys) and sharded like every
 * other index (shard-keys.ts): the partition key is `OUTBOX#<shard>`, so a breach wave of
 * thousands of alerts spreads its index writes over `INDEX_SHARDS` partitions; readers query
 * the shards in parallel and merge. The sort key is `<ready instant>#<alert id>`: ordered by
 * time and unique per alert.
 *
 * Keys only: the sender reads each alert itself, strongly consistent, before it sends.
 */
import type { Instant } from '../domain/instant.ts';
import { instantIdKey, instantKey, parseInstantIdKey, shardKey, shardOf } from './shard-keys.ts';
import type { IndexDefinition } from './table-definition.ts';

export const OUTBOX_INDEX: IndexDefinition = {
  indexName: 'outbox',
  partitionKey: { name: 'outboxPk', type: 'S' },
  sortKey: { name: 'outboxKey', type: 'S' },
  projection: 'KEYS_ONLY',
  // Readers take one alert at a time by key (GetItem), never a batch.
  readsItems: false,
};

export const OUTBOX_PK = 'OUTBOX';

/** The partition key value of an alert's outbox entry, among `shards`. */
export function outboxPkOf(alertId: string, shards: number): string {
  return shardKey(OUTBOX_PK, shardOf(alertId, shards));
}

export function outboxSortKey(readyAt: Instant, alertId: string): string {
  return instantIdKey(Math.max(0, Math.floor(readyAt)), alertId);
}

/** Every sort key of an entry ready at or before `dueBy` sorts below this. */
export function outboxUpperBound(dueBy: Instant): string {
  return instantKey(Math.max(0, Math.floor(dueBy)) + 1);
}

/** The alert id and ready instant of a sort key; null when it is not one. */
export function parseOutboxSortKey(key: string): { readyAt: Instant; alertId: string } | null {
  const parsed = parseInstantIdKey(key);
  return parsed === null ? null : { readyAt: parsed.at, alertId: parsed.id };
}
