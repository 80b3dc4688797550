/**
 * Reads by key, gathered into BatchGetItem calls: every `read(pk)` made while the event loop
 * works through one round of I/O (all the requests that arrived together, or all the alerts
 * of one webhook group read at once) goes out in calls of up to 100 keys instead of one
 * GetItem each. Under a storm that is most of the cost of a read: each SDK call spends far
 * more on building, signing and sending the request than DynamoDB spends on the item.
 *
 * Reads stay strongly consistent (`ConsistentRead` per table), as GetItem was: the writes
 * that follow are conditional on what was read. Keys DynamoDB leaves unprocessed are asked
 * again (unprocessed.ts); a key still unread after that fails with StoreUnavailableError, as
 * does every read of a call that failed.
 */
import { BatchGetItemCommand, type AttributeValue, type DynamoDBClient, type KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import DataLoader from 'dataloader';
import { StoreUnavailableError } from '../../errors.ts';
import { LIVE_VIEW_ATTRIBUTE, PARTITION_KEY, REPORT_VIEW_ATTRIBUTE } from '../../store/table-definition.ts';
import { sendUntilProcessed, UNPROCESSED_ROUNDS } from './unprocessed.ts';

type Item = Record<string, AttributeValue>;

/** DynamoDB's limit on keys per BatchGetItem. */
const MAX_KEYS_PER_BATCH = 100;

export interface BatchReadsOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Read only the key of each item: enough to know which exist. */
  readonly keysOnly?: boolean;
  /** Read only the key and the alert document (`doc`): what a listing parses, without the
   * index attributes beside it. */
  readonly docOnly?: boolean;
  /** Read only the key and the report views (settled or live): what a report counts. */
  readonly viewsOnly?: boolean;
  /** Keys per BatchGetItem, at most DynamoDB's 100 (the default). */
  readonly maxKeys?: number;
  /** Strongly consistent (the default: writes that follow are conditional on what was read);
   * false for listings, which follow an index that lags anyway, at half the read units. */
  readonly consistent?: boolean;
}

export class BatchReads {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly projection: Pick<KeysAndAttributes, 'ProjectionExpression' | 'ExpressionAttributeNames'>;
  private readonly consistent: boolean;
  private readonly loader: DataLoader<string, Item | null>;

  constructor(options: BatchReadsOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.consistent = options.consistent ?? true;
    this.projection =
      options.keysOnly === true
        ? { ProjectionExpression: '#pk', ExpressionAttributeNames: { '#pk': PARTITION_KEY.name } }
        : options.docOnly === true
          ? { ProjectionExpression: '#pk, #doc', ExpressionAttributeNames: { '#pk': PARTITION_KEY.name, '#doc': 'doc' } }
          : options.viewsOnly === true
            ? {
                ProjectionExpression: '#pk, #settled, #live',
                ExpressionAttributeNames: { '#pk': PARTITION_KEY.name, '#settled': REPORT_VIEW_ATTRIBUTE, '#live': LIVE_VIEW_ATTRIBUTE },
              }
            : {};
    this.loader = new DataLoader((pks) => this.readBatch(pks), {
      // Not a cache: every read must see the latest write, so each load goes to the table.
      cache: false,
      maxBatchSize: Math.min(MAX_KEYS_PER_BATCH, options.maxKeys ?? MAX_KEYS_PER_BATCH),
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
    let unread: readonly Item[];
    try {
      const keys: Item[] = [...new Set(pks)].map((pk) => ({ [PARTITION_KEY.name]: { S: pk } }));
      unread = await sendUntilProcessed(keys, async (pending) => {
        const out = await this.client.send(
          new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: [...pending], ConsistentRead: this.consistent, ...this.projection } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const pk = item[PARTITION_KEY.name]?.S;
          if (pk !== undefined) found.set(pk, item);
        }
        return out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      });
    } catch (error) {
      const failure = new StoreUnavailableError(`DynamoDB read on ${this.tableName} failed`, error);
      return pks.map(() => failure);
    }
    const left = new Set(unread.map((key) => key[PARTITION_KEY.name]?.S));
    const throttled = new StoreUnavailableError(`DynamoDB read on ${this.tableName} failed: keys left unprocessed after ${UNPROCESSED_ROUNDS} rounds`);
    return pks.map((pk) => (left.has(pk) ? throttled : (found.get(pk) ?? null)));
  }
}
