/**
 * Arms and cancels local timers in batches: every arm and cancel asked for while the event
 * loop works through one round of I/O is carried out with one BatchGetItem (which of the
 * names to arm exist already) and BatchWriteItem calls of up to 25 items, instead of one
 * conditional PutItem or DeleteItem each. Under a storm every new alert arms a timer, and
 * each SDK call costs far more than the item it writes.
 *
 * BatchWriteItem takes no conditions, so the port's "arming a name that exists changes
 * nothing" is kept by reading first: a name found in the table, or armed earlier in the
 * batch, is left as it is. Within a batch, writes to one name take effect in the order they
 * were asked for (only the last state of each name is written). A write resolves once it is
 * stored; when a batch cannot be stored, every write in it fails with TimersUnavailableError.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import DataLoader from 'dataloader';
import { setTimeout as sleep } from 'node:timers/promises';
import { TimersUnavailableError } from '../../errors.ts';
import type { TimerRequest } from '../../ports/timers.ts';
import { timerPk } from '../../store/keys.ts';
import { BatchReads } from '../dynamo/batch-reads.ts';
import { toTimerItem } from './timer-item.ts';

export type TimerWrite = { readonly kind: 'arm'; readonly request: TimerRequest } | { readonly kind: 'cancel'; readonly name: string };

/** DynamoDB's limit on items per BatchWriteItem. */
const MAX_ITEMS_PER_WRITE = 25;
/** Rounds for items left unprocessed, and the first pause between them (doubling). */
const UNPROCESSED_ROUNDS = 6;
const UNPROCESSED_FIRST_DELAY_MS = 20;
/** Writes gathered into one batch at most. */
const MAX_WRITES_PER_BATCH = 100;

export class TimerWrites {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly reads: BatchReads;
  private readonly loader: DataLoader<TimerWrite, void>;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.reads = new BatchReads(options);
    this.loader = new DataLoader((writes) => this.writeBatch(writes), {
      cache: false,
      maxBatchSize: MAX_WRITES_PER_BATCH,
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  write(write: TimerWrite): Promise<void> {
    return this.loader.load(write);
  }

  private async writeBatch(writes: readonly TimerWrite[]): Promise<(void | Error)[]> {
    try {
      const requests = await this.finalWrites(writes);
      await Promise.all(chunks(requests, MAX_ITEMS_PER_WRITE).map((chunk) => this.writeChunk(chunk)));
      return writes.map(() => undefined);
    } catch (error) {
      const names = writes.map((w) => (w.kind === 'arm' ? w.request.name : w.name));
      const failure = new TimersUnavailableError(`could not write local timers ${names.join(', ')}`, error);
      return writes.map(() => failure);
    }
  }

  /** One write per name: its state after the batch's writes in order, arms of existing names skipped. */
  private async finalWrites(writes: readonly TimerWrite[]): Promise<WriteRequest[]> {
    const armed = [...new Set(writes.flatMap((w) => (w.kind === 'arm' ? [timerPk(w.request.name)] : [])))];
    const found = await Promise.all(armed.map((pk) => this.reads.read(pk)));
    const exists = new Map(armed.map((pk, i) => [pk, found[i] !== null]));
    const last = new Map<string, WriteRequest>();
    for (const w of writes) {
      if (w.kind === 'cancel') {
        const pk = timerPk(w.name);
        exists.set(pk, false);
        last.set(pk, { DeleteRequest: { Key: { pk: { S: pk } } } });
        continue;
      }
      const pk = timerPk(w.request.name);
      if (exists.get(pk) === true) continue;
      exists.set(pk, true);
      last.set(pk, { PutRequest: { Item: toTimerItem(w.request) } });
    }
    return [...last.values()];
  }

  private async writeChunk(chunk: WriteRequest[]): Promise<void> {
    let pending = chunk;
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === UNPROCESSED_ROUNDS) throw new Error(`${pending.length} timer writes left unprocessed after ${UNPROCESSED_ROUNDS} rounds`);
      if (round > 0) await sleep(UNPROCESSED_FIRST_DELAY_MS * 2 ** (round - 1));
      const out = await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }));
      pending = out.UnprocessedItems?.[this.tableName] ?? [];
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
