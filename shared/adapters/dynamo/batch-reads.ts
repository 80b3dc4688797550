/**
 * Reads by key, gathered into BatchGetItem calls: every `read(pk)` made while the event loop
 * works through one round of I/O (all the requests that arrived together, or all the alerts
 * of one webhook group read at once) goes out as one round trip of up to 100 keys instead of
 * one GetItem each. Under a storm that is most of the cost of a read: each SDK call spends far
 * more on building, signing and sending the request than DynamoDB spends on the item.
 *
 * Reads stay strongly consistent (`ConsistentRead` per table), as GetItem was: the writes
 * that follow are conditional on what was read. Keys DynamoDB leaves unprocessed (throttling)
 * are asked again with a short backoff; whatever is still unread after that fails with
 * StoreUnavailableError, as does every read of a batch whose call failed.
 */
import { BatchGetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import DataLoader from 'dataloader';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from '../../errors.ts';

type Item = Record<string, AttributeValue>;

/** DynamoDB's limit on keys per BatchGetItem. */
const MAX_KEYS_PER_BATCH = 100;
/** Rounds for keys left unprocessed, and the first pause between them (doubling). */
const UNPROCESSED_ROUNDS = 6;
const UNPROCESSED_FIRST_DELAY_MS = 20;

export class BatchReads {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly loader: DataLoader<string, Item | null>;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.loader = new DataLoader((pks) => this.readBatch(pks), {
      // Not a cache: every read must see the latest write, so each load goes to the table.
      cache: false,
      maxBatchSize: MAX_KEYS_PER_BATCH,
      // Wait for the rest of this round of I/O, so concurrent requests share one call.
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  /** The item under `pk` (the table's only key), or null when there is none. */
  read(pk: string): Promise<Item | null> {
    return this.loader.load(pk);
  }

  private async readBatch(pks: readonly string[]): Promise<(Item | null | Error)[]> {
    const found = new Map<string, Item>();
    let pending: Item[] = [...new Set(pks)].map((pk) => ({ pk: { S: pk } }));
    try {
      for (let round = 0; pending.length > 0 && round < UNPROCESSED_ROUNDS; round += 1) {
        if (round > 0) await sleep(UNPROCESSED_FIRST_DELAY_MS * 2 ** (round - 1));
        const out = await this.client.send(
          new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const pk = item.pk?.S;
          if (pk !== undefined) found.set(pk, item);
        }
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    } catch (error) {
      const failure = new StoreUnavailableError(`DynamoDB get on ${this.tableName} failed`, error);
      return pks.map(() => failure);
    }
    const unread = new Set(pending.map((key) => key.pk?.S));
    const throttled = new StoreUnavailableError(`DynamoDB get on ${this.tableName} failed: keys left unprocessed after ${UNPROCESSED_ROUNDS} rounds`);
    return pks.map((pk) => (unread.has(pk) ? throttled : (found.get(pk) ?? null)));
  }
}
