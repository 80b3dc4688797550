/**
 * The DynamoDB side of the `outbox` index (shared/store/outbox-index.ts): the attributes an
 * alert item carries while it has deliveries to make, and the query that lists the alerts
 * whose next delivery is ready, every shard in parallel, merged oldest first.
 */
import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { nextReadyAt, outboxOf } from '../../domain/delivery/outbox.ts';
import type { Instant } from '../../domain/instant.ts';
import { StoreUnavailableError } from '../../errors.ts';
import { OUTBOX_INDEX, OUTBOX_SHARDS, outboxPkOf, outboxShardPk, outboxSortKey, outboxUpperBound, parseOutboxSortKey } from '../../store/outbox-index.ts';

type Item = Record<string, AttributeValue>;

/** `outboxPk`/`outboxAt` while the alert has an open delivery; nothing otherwise (sparse). */
export function outboxAttributes(alert: Alert): Item {
  const readyAt = nextReadyAt(outboxOf(alert));
  if (readyAt === null) return {};
  return { [OUTBOX_INDEX.partitionKey.name]: { S: outboxPkOf(alert.id) }, [OUTBOX_INDEX.sortKey.name]: { S: outboxSortKey(readyAt, alert.id) } };
}

/** Ids of alerts whose next delivery is ready by `dueBy`, oldest first, at most `limit`. */
export async function listOutboxDue(client: DynamoDBClient, tableName: string, dueBy: Instant, limit: number): Promise<string[]> {
  const shards = Array.from({ length: OUTBOX_SHARDS }, (_, shard) => queryShard(client, tableName, shard, dueBy, limit));
  const entries = (await Promise.all(shards)).flat();
  entries.sort((a, b) => a.readyAt - b.readyAt || a.alertId.localeCompare(b.alertId));
  return entries.slice(0, limit).map((e) => e.alertId);
}

async function queryShard(client: DynamoDBClient, tableName: string, shard: number, dueBy: Instant, limit: number) {
  const found: { readyAt: Instant; alertId: string }[] = [];
  let startKey: Item | undefined;
  do {
    let out;
    try {
      out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: OUTBOX_INDEX.indexName,
          KeyConditionExpression: '#pk = :pk AND #at < :upper',
          ExpressionAttributeNames: { '#pk': OUTBOX_INDEX.partitionKey.name, '#at': OUTBOX_INDEX.sortKey.name },
          ExpressionAttributeValues: { ':pk': { S: outboxShardPk(shard) }, ':upper': { S: outboxUpperBound(dueBy) } },
          Limit: limit - found.length,
          ExclusiveStartKey: startKey,
        }),
      );
    } catch (error) {
      throw new StoreUnavailableError(`DynamoDB listOutboxDue on ${tableName} failed`, error);
    }
    for (const item of out.Items ?? []) {
      const key = item[OUTBOX_INDEX.sortKey.name]?.S;
      if (key !== undefined) found.push(parseOutboxSortKey(key));
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey !== undefined && found.length < limit);
  return found;
}
