/**
 * Intake counters in the alert table, one item per integration (`INTAKE#<id>`), written with
 * an UpdateItem that only ADDs and SETs: no condition, no read first, so concurrent
 * deliveries never conflict and each costs one write unit. The item carries no index keys
 * (it never shows up in an index query). Reads take every integration in one BatchGetItem.
 */
import { BatchGetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Instant } from '../../domain/instant.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { IntakeStatsStore, IntegrationIntakeStats } from '../../ports/intake-stats.ts';
import { intakeStatsPk } from '../../store/keys.ts';

/** A rejection reason is a debugging hint: a short line is enough, and bounds the item. */
const MAX_REASON_CHARS = 300;

export class DynamoIntakeStats implements IntakeStatsStore {
  constructor(private readonly options: { client: DynamoDBClient; tableName: string }) {}

  async recordAccepted(integrationId: string, count: number, at: Instant): Promise<void> {
    await this.update(integrationId, 'ADD accepted :n SET lastAcceptedAt = :at', { ':n': { N: String(count) }, ':at': { N: String(at) } });
  }

  async recordRejected(integrationId: string, reason: string, at: Instant): Promise<void> {
    await this.update(integrationId, 'ADD rejected :one SET lastRejectedAt = :at, lastRejection = :reason', {
      ':one': { N: '1' },
      ':at': { N: String(at) },
      ':reason': { S: reason.slice(0, MAX_REASON_CHARS) || 'unknown' },
    });
  }

  async read(integrationIds: readonly string[]): Promise<readonly IntegrationIntakeStats[]> {
    if (integrationIds.length === 0) return [];
    const found = new Map<string, Record<string, { N?: string; S?: string }>>();
    // Integrations are few (tens): one request of at most 100 keys per slice.
    for (let i = 0; i < integrationIds.length; i += 100) {
      let keys = integrationIds.slice(i, i + 100).map((id) => ({ pk: { S: intakeStatsPk(id) } }));
      for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
        const answer = await this.send(() =>
          this.options.client.send(new BatchGetItemCommand({ RequestItems: { [this.options.tableName]: { Keys: keys, ConsistentRead: false } } })),
        );
        for (const item of answer.Responses?.[this.options.tableName] ?? []) found.set(item['pk']?.S ?? '', item as Record<string, { N?: string; S?: string }>);
        keys = (answer.UnprocessedKeys?.[this.options.tableName]?.Keys ?? []) as typeof keys;
      }
    }
    return integrationIds.map((integrationId) => {
      const item = found.get(intakeStatsPk(integrationId));
      const n = (name: string): number | null => (item?.[name]?.N === undefined ? null : Number(item[name].N));
      return {
        integrationId,
        accepted: n('accepted') ?? 0,
        rejected: n('rejected') ?? 0,
        lastAcceptedAt: n('lastAcceptedAt'),
        lastRejectedAt: n('lastRejectedAt'),
        lastRejection: item?.['lastRejection']?.S ?? null,
      };
    });
  }

  private async update(integrationId: string, expression: string, values: Record<string, { N: string } | { S: string }>): Promise<void> {
    await this.send(() =>
      this.options.client.send(
        new UpdateItemCommand({ TableName: this.options.tableName, Key: { pk: { S: intakeStatsPk(integrationId) } }, UpdateExpression: expression, ExpressionAttributeValues: values }),
      ),
    );
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('intake stats unavailable', error);
    }
  }
}
