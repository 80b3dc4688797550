/**
 * SendRate on the one DynamoDB table (dynalite locally): a "next free slot" item per rate key
 * (`RATE#email`, `RATE#slack:<destination>`) holding `nextAt`, the earliest instant the next
 * send may happen. Reserving a slot is one conditional update, so every sender process (all
 * sender Lambdas, any number of local loops) shares one rate without a coordinator:
 *
 * - the frontier is ahead of `now` (sends are queued): `nextAt += interval`, under the
 *   condition that it is still within `maxWaitMs`; the slot is the old `nextAt`;
 * - the frontier is behind `now` (idle): `nextAt = now + interval`; the slot is `now`;
 * - both conditions failed: another sender moved it meanwhile, or it is too far ahead: read
 *   it and either give up (`null`, busy) or try again.
 *
 * Slots are `1000 / perSecond` ms apart, so in any second at most `perSecond` sends start
 * (plus the one on the second's edge). No burst is allowed beyond that: providers such as a
 * Slack webhook punish bursts with 429.
 */
import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Instant } from '../../domain/instant.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { SendRate } from '../../ports/send-rate.ts';

const MAX_ROUNDS = 50;

export function ratePk(key: string): string {
  return `RATE#${key}`;
}

function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

export class DynamoSendRate implements SendRate {
  constructor(private readonly options: { client: DynamoDBClient; tableName: string }) {}

  async reserve(key: string, perSecond: number, now: Instant, maxWaitMs: number): Promise<Instant | null> {
    if (!(perSecond > 0)) throw new RangeError(`a send rate must be positive, got ${perSecond}`);
    const interval = 1000 / perSecond;
    const latest = now + maxWaitMs;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const queued = await this.advance(key, interval, now, latest);
      if (queued !== null) return queued;
      if (await this.restart(key, now + interval, now)) return now;
      const frontier = await this.frontier(key);
      if (frontier !== null && frontier > latest) return null;
    }
    throw new StoreUnavailableError(`send rate ${key}: too much contention to reserve a slot`);
  }

  /** Takes the slot at the frontier when it lies in [now, latest]; null otherwise. */
  private async advance(key: string, interval: number, now: Instant, latest: Instant): Promise<Instant | null> {
    try {
      const out = await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: ratePk(key) } },
          UpdateExpression: 'SET nextAt = nextAt + :interval',
          ConditionExpression: 'nextAt >= :now AND nextAt <= :latest',
          ExpressionAttributeValues: { ':interval': { N: String(interval) }, ':now': { N: String(now) }, ':latest': { N: String(latest) } },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.nextAt?.N) - interval;
    } catch (error) {
      if (isConditionFailed(error)) return null;
      throw new StoreUnavailableError(`send rate ${key}: DynamoDB UpdateItem failed`, error);
    }
  }

  /** An idle rate (frontier in the past, or never used) starts again at `now`. */
  private async restart(key: string, nextAt: Instant, now: Instant): Promise<boolean> {
    try {
      await this.options.client.send(
        new UpdateItemCommand({
          TableName: this.options.tableName,
          Key: { pk: { S: ratePk(key) } },
          UpdateExpression: 'SET nextAt = :nextAt',
          ConditionExpression: 'attribute_not_exists(nextAt) OR nextAt < :now',
          ExpressionAttributeValues: { ':nextAt': { N: String(nextAt) }, ':now': { N: String(now) } },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw new StoreUnavailableError(`send rate ${key}: DynamoDB UpdateItem failed`, error);
    }
  }

  private async frontier(key: string): Promise<Instant | null> {
    try {
      const out = await this.options.client.send(
        new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: ratePk(key) } }, ConsistentRead: true }),
      );
      const value = out.Item?.nextAt?.N;
      return value === undefined ? null : Number(value);
    } catch (error) {
      throw new StoreUnavailableError(`send rate ${key}: DynamoDB GetItem failed`, error);
    }
  }
}
