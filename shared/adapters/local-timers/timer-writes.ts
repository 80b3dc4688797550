/**
 * Arms and cancels local timers in batches: the arms and cancels asked for while the event
 * loop works through one round of I/O, or while the previous batch was being written, are
 * carried out together (up to 100 at a time): one existence check (a keys-only BatchGetItem) and BatchWriteItem
 * calls of up to 25 items, instead of one conditional PutItem or DeleteItem each. Under a
 * storm every new alert arms a timer, and each SDK call costs far more than the item it writes.
 *
 * Batches are written one after another, so writes to one name always take effect in the
 * order they were asked for (within a batch, only the last state of each name is written).
 * BatchWriteItem takes no conditions, so the port's "arming a name that exists changes
 * nothing" is kept by the existence check: a name found in the table, or armed earlier in the
 * batch, is left as it is.
 *
 * A write resolves once it is stored. When a batch cannot be stored, every write in it fails
 * with TimersUnavailableError, including those whose items did get written: a caller told so
 * leaves the change to the sweeper, which is always safe.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { TimersUnavailableError } from '../../errors.ts';
import type { TimerRequest } from '../../ports/timers.ts';
import { timerPk } from '../../store/keys.ts';
import { INDEX_SHARDS, PARTITION_KEY } from '../../store/table-definition.ts';
import { BatchReads } from '../dynamo/batch-reads.ts';
import { sendUntilProcessed, UNPROCESSED_ROUNDS } from '../dynamo/unprocessed.ts';
import { toTimerItem } from './timer-item.ts';

export type TimerWrite = { readonly kind: 'arm'; readonly request: TimerRequest } | { readonly kind: 'cancel'; readonly name: string };

interface Asked {
  readonly write: TimerWrite;
  readonly done: () => void;
  readonly failed: (error: Error) => void;
}

/** DynamoDB's limit on items per BatchWriteItem. */
const MAX_ITEMS_PER_WRITE = 25;
/** Writes taken into one batch at most (four BatchWriteItem calls): one failure fails no more. */
const MAX_WRITES_PER_BATCH = 100;
/** Names an error message lists before it only counts the rest. */
const NAMES_IN_MESSAGE = 5;

export class TimerWrites {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly shards: number;
  private readonly existing: BatchReads;
  private queue: Asked[] = [];
  private draining = false;

  constructor(options: { client: DynamoDBClient; tableName: string; indexShards?: number }) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.shards = options.indexShards ?? INDEX_SHARDS;
    this.existing = new BatchReads({ ...options, keysOnly: true });
  }

  write(write: TimerWrite): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ write, done, failed });
      if (this.draining) return;
      this.draining = true;
      // Wait for the rest of this round of I/O, so concurrent requests share one batch.
      setImmediate(() => void this.drain());
    });
  }

  /** Writes batch after batch until nothing is left to write; never rejects. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_WRITES_PER_BATCH);
        try {
          await this.writeBatch(batch.map((asked) => asked.write));
          for (const asked of batch) asked.done();
        } catch (error) {
          const failure = new TimersUnavailableError(`could not write local timers ${describe(batch.map((asked) => asked.write))}`, error);
          for (const asked of batch) asked.failed(failure);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(writes: readonly TimerWrite[]): Promise<void> {
    const requests = await this.finalWrites(writes);
    const chunks: WriteRequest[][] = [];
    for (let start = 0; start < requests.length; start += MAX_ITEMS_PER_WRITE) chunks.push(requests.slice(start, start + MAX_ITEMS_PER_WRITE));
    // Every chunk is finished, written or failed, before the batch ends: the next batch may
    // write the same names, and must land after this one.
    const settled = await Promise.allSettled(
      chunks.map(async (chunk) => {
        const left = await sendUntilProcessed(chunk, async (pending) => {
          const out = await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: [...pending] } }));
          return out.UnprocessedItems?.[this.tableName] ?? [];
        });
        if (left.length > 0) throw new Error(`${left.length} timer writes left unprocessed after ${UNPROCESSED_ROUNDS} rounds`);
      }),
    );
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }

  /** One write per name: its state after the batch's writes in order, arms of existing names skipped. */
  private async finalWrites(writes: readonly TimerWrite[]): Promise<WriteRequest[]> {
    const armed = [...new Set(writes.flatMap((w) => (w.kind === 'arm' ? [timerPk(w.request.name)] : [])))];
    const found = await Promise.all(armed.map((pk) => this.existing.read(pk)));
    const exists = new Map(armed.map((pk, i) => [pk, found[i] !== null]));
    const last = new Map<string, WriteRequest>();
    for (const w of writes) {
      if (w.kind === 'cancel') {
        const pk = timerPk(w.name);
        exists.set(pk, false);
        last.set(pk, { DeleteRequest: { Key: { [PARTITION_KEY.name]: { S: pk } } } });
        continue;
      }
      const pk = timerPk(w.request.name);
      if (exists.get(pk) === true) continue;
      exists.set(pk, true);
      last.set(pk, { PutRequest: { Item: toTimerItem(w.request, this.shards) } });
    }
    return [...last.values()];
  }
}

/** `a.breach.1, b.reminder.2 and 98 more`: which writes failed, without a line per write. */
function describe(writes: readonly TimerWrite[]): string {
  const names = writes.map((write) => (write.kind === 'arm' ? write.request.name : write.name));
  const listed = names.slice(0, NAMES_IN_MESSAGE).join(', ');
  return names.length > NAMES_IN_MESSAGE ? `${listed} and ${names.length - NAMES_IN_MESSAGE} more` : listed;
}
