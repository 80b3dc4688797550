/**
 * Moves the items of a table of an older shape into the current one. DynamoDB (and dynalite)
 * cannot change the keys of an index in place, so each shape lives in a table of its own name
 * (local-table.ts) and a start that finds only an older table copies its items over: alerts and
 * local timers get their index keys derived anew (sharded, unique sort keys), every other item
 * (dedup pointers) is copied as it is. Copying is idempotent (each item is put whole), so a
 * copy cut short is simply done again at the next start; the caller records the new table as
 * complete (table-meta.ts) only after the copy, and deletes the old table only after that.
 *
 * This is the one place that scans a table: once, at a start that migrates.
 */
import { BatchWriteItemCommand, DeleteTableCommand, ScanCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError } from '../../errors.ts';
import { fromTimerItem, toTimerItem } from '../local-timers/timer-item.ts';
import { fromAlertItem, toAlertItem, type Item } from './alert-item.ts';
import { sendUntilProcessed } from './unprocessed.ts';

/** Index key attributes of every shape so far: an item's old ones are dropped before the new ones are derived. */
const INDEX_ATTRIBUTES = ['day', 'dayPk', 'createdKey', 'listPk', 'openPk', 'openView', 'duePk', 'dueKey'];
const MAX_ITEMS_PER_WRITE = 25;

/** The item as the current shape stores it. Anything else the item carries is kept. */
export function migrateItem(item: Item, shards: number): Item {
  const pk = item.pk?.S ?? '';
  if (!pk.startsWith('ALERT#') && !pk.startsWith('TIMER#')) return item;
  const kept = Object.fromEntries(Object.entries(item).filter(([name]) => !INDEX_ATTRIBUTES.includes(name)));
  if (pk.startsWith('TIMER#')) {
    const timer = fromTimerItem(item);
    return { ...kept, ...toTimerItem({ name: timer.name, at: timer.at, payload: timer.payload }, shards) };
  }
  // An alert's old `dueAt` was its due index key; the timer's instant is in the document.
  delete kept.dueAt;
  return { ...kept, ...toAlertItem(fromAlertItem(item), item.doc?.S, shards) };
}

/** Copies every item of `from` into `to`; resolves with how many were copied. */
export async function copyTable(client: DynamoDBClient, from: string, to: string, shards: number): Promise<number> {
  let copied = 0;
  let startKey: Item | undefined;
  try {
    do {
      const page = await client.send(new ScanCommand({ TableName: from, ExclusiveStartKey: startKey }));
      const writes: WriteRequest[] = (page.Items ?? []).map((item) => ({ PutRequest: { Item: migrateItem(item, shards) } }));
      for (let start = 0; start < writes.length; start += MAX_ITEMS_PER_WRITE) {
        const left = await sendUntilProcessed(writes.slice(start, start + MAX_ITEMS_PER_WRITE), async (pending) => {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: [...pending] } }));
          return out.UnprocessedItems?.[to] ?? [];
        });
        if (left.length > 0) throw new Error(`${left.length} items left unwritten`);
      }
      copied += writes.length;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
  } catch (error) {
    throw new StoreUnavailableError(`could not copy the items of table ${from} into ${to} (nothing was deleted; the next start copies again)`, error);
  }
  return copied;
}

export async function deleteTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return;
    throw new StoreUnavailableError(`could not delete table ${tableName} after copying its items`, error);
  }
}
