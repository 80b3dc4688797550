/**
 * The `outbox` index: alerts that have deliveries to make, by the instant the next one is
 * ready. Sparse (only alerts with an open delivery carry its keys) and sharded: the partition
 * key is `OUTBOX#<shard>` from a hash of the alert id, so a breach wave of thousands of
 * alerts spreads its index writes over several partitions; readers query the shards in
 * parallel and merge. The sort key is `<ready instant, 13 digits>#<alert id>`: ordered by
 * time, and unique per alert (dynalite tells equal index keys apart only by a 24-bit hash).
 *
 * The index copies keys only (plus `version`, to keep the INCLUDE projection non-empty): the
 * sender reads each alert itself, strongly consistent.
 */
import { createHash } from 'node:crypto';
import type { Instant } from '../domain/instant.ts';
import type { IndexDefinition } from './table-definition.ts';

export const OUTBOX_INDEX: IndexDefinition = {
  indexName: 'outbox',
  partitionKey: { name: 'outboxPk', type: 'S' },
  sortKey: { name: 'outboxAt', type: 'S' },
  projection: { include: ['version'] },
};

export const OUTBOX_SHARDS = 4;

export function outboxShardPk(shard: number): string {
  return `OUTBOX#${shard}`;
}

export function outboxPkOf(alertId: string): string {
  return outboxShardPk((createHash('sha256').update(alertId).digest()[0] as number) % OUTBOX_SHARDS);
}

const pad = (at: Instant): string => String(Math.max(0, Math.floor(at))).padStart(13, '0');

export function outboxSortKey(readyAt: Instant, alertId: string): string {
  return `${pad(readyAt)}#${alertId}`;
}

/** Every sort key of an entry ready at or before `dueBy` is below this. */
export function outboxUpperBound(dueBy: Instant): string {
  return pad(dueBy + 1);
}

/** The alert id and ready instant of a sort key. */
export function parseOutboxSortKey(key: string): { readyAt: Instant; alertId: string } {
  const hash = key.indexOf('#');
  return { readyAt: Number(key.slice(0, hash)), alertId: key.slice(hash + 1) };
}
