/**
 * The SuppressionList in the one table: an item `SUPPRESS#<address, lower-cased>` per address,
 * with no index attribute, so it appears in no index. Reads use BatchGetItem, which every
 * mailing function may already call, so checking recipients needs no new permission.
 */
import { BatchGetItemCommand, DeleteItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import type { Suppression, SuppressionList } from '../../ports/suppression-list.ts';
import { PARTITION_KEY } from '../../store/table-definition.ts';
import { sendUntilProcessed } from './unprocessed.ts';

const PREFIX = 'SUPPRESS#';
/** BatchGetItem's own limit. */
const MAX_KEYS = 100;

export function suppressionPk(address: string): string {
  return `${PREFIX}${address.trim().toLowerCase()}`;
}

type Key = Record<string, AttributeValue>;

export class DynamoSuppressionList implements SuppressionList {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async isSuppressed(address: string): Promise<boolean> {
    return (await this.suppressedAmong([address])).size > 0;
  }

  async suppressedAmong(addresses: readonly string[]): Promise<ReadonlySet<string>> {
    const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
    if (wanted.length === 0) return new Set();
    if (wanted.length > MAX_KEYS) throw new RangeError(`at most ${MAX_KEYS} addresses at a time`);
    const found = new Set<string>();
    const left = await this.attempt('check', () =>
      sendUntilProcessed<Key>(
        wanted.map((a) => ({ [PARTITION_KEY.name]: { S: suppressionPk(a) } })),
        async (keys) => {
          const answer = await this.client.send(
            new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: [...keys], ProjectionExpression: PARTITION_KEY.name, ConsistentRead: true } } }),
          );
          for (const item of answer.Responses?.[this.tableName] ?? []) found.add(String(item[PARTITION_KEY.name]?.S).slice(PREFIX.length));
          return answer.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
        },
      ),
    );
    // Not knowing is not "not suppressed": the caller must not mail.
    if (left.length > 0) throw new StoreUnavailableError(`suppression check: ${left.length} addresses left unprocessed`);
    return found;
  }

  async suppress(entry: Suppression): Promise<void> {
    await this.attempt('suppress', () =>
      this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            [PARTITION_KEY.name]: { S: suppressionPk(entry.address) },
            reason: { S: entry.reason },
            at: { N: String(entry.at) },
            detail: { S: entry.detail.slice(0, 500) },
          },
        }),
      ),
    );
  }

  async clear(address: string): Promise<void> {
    await this.attempt('clear', () => this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: { [PARTITION_KEY.name]: { S: suppressionPk(address) } } })));
  }

  private async attempt<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`suppression list: ${what} failed`, error);
    }
  }
}
