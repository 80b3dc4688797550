/**
 * How many local timers the stack's table holds (due by `dueBy`, when given), counted from
 * every shard of the due index: what a benchmark checks was armed, or is still waiting to be
 * delivered.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dueTimers } from '../../shared/adapters/local-timers/due-timers.ts';
import { INDEX_SHARDS } from '../../shared/store/table-definition.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-table.ts';

export async function countTimers(client: DynamoDBClient, dueBy?: number): Promise<number> {
  const due = dueTimers({ client, tableName: LOCAL_TABLE_NAME, shards: INDEX_SHARDS, batch: 1_000, ...(dueBy === undefined ? {} : { dueBy }) });
  let count = 0;
  for (let entry = await due.next(); entry !== null && entry !== 'paused'; entry = await due.next()) count += 1;
  return count;
}
