/**
 * How many local timers the stack's table holds (due by `dueBy`, when given), counted from
 * the due index: what a benchmark checks was armed, or is still waiting to be delivered.
 */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DUE_INDEX, DUE_TIMER } from '../../shared/store/table-definition.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-table.ts';

export async function countTimers(client: DynamoDBClient, dueBy?: number): Promise<number> {
  let count = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const out = await client.send(
      new QueryCommand({
        TableName: LOCAL_TABLE_NAME,
        IndexName: DUE_INDEX.indexName,
        KeyConditionExpression: dueBy === undefined ? '#duePk = :timer' : '#duePk = :timer AND #dueAt <= :dueBy',
        ExpressionAttributeNames: { '#duePk': DUE_INDEX.partitionKey.name, ...(dueBy === undefined ? {} : { '#dueAt': DUE_INDEX.sortKey.name }) },
        ExpressionAttributeValues: { ':timer': { S: DUE_TIMER }, ...(dueBy === undefined ? {} : { ':dueBy': { N: String(dueBy) } }) },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey as typeof startKey;
  } while (startKey !== undefined);
  return count;
}
