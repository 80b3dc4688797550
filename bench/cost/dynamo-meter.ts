/**
 * Counts what DynamoDB would bill for every request the store makes, by instrumenting the
 * DynamoDBClient itself (SDK middleware; nothing of ours is replaced):
 *
 * - at the `initialize` step every item or query request asks for `ReturnConsumedCapacity:
 *   'INDEXES'`, and an UpdateItem that asks for nothing back gets `ReturnValues: 'ALL_NEW'`,
 *   so the item it produced is known (the store ignores both in the answer);
 * - at the end of `finalizeRequest` (inside the SDK's retry loop, so once per attempt) the
 *   answer's ConsumedCapacity is read: table units as dynalite reports them (BatchGetItem
 *   strongly consistent, per key read, Query eventually consistent at half a unit per 4 KB, writes per 1 KB of the
 *   larger of the old and the new item). A Query that reads nothing is still billed the
 *   minimum read (half a unit), which dynalite reports as 0: the minimum is applied here.
 *
 * Index write units are computed here, because dynalite reports none. An index entry holds
 * the attributes the index projects (table-definition.ts), and per index (DynamoDB Developer
 * Guide, "Provisioned throughput considerations for global secondary indexes"): an item
 * entering the index costs one write of its size, one leaving it one write of its old size,
 * one whose index key changed costs both (a delete and a put), and one that stays under the
 * same key with other attributes changed one write of the larger size. Sizes follow
 * DynamoDB's rules (item-size.ts); the item before a write is the one this meter saw written
 * last (the table starts empty and every write goes through this client).
 *
 * A conditional write that fails still costs the table one write per 1 KB of the existing
 * item (at least 1); it is counted as such, and in `ddb.conditionFailures`.
 */
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IndexDefinition } from '../../shared/store/table-definition.ts';
import type { Meter } from './counts.ts';
import { itemSize, readUnits, writeUnits, type Item } from './item-size.ts';

const READS = new Set(['BatchGetItemCommand', 'QueryCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

interface Capacity {
  readonly CapacityUnits?: number;
  readonly Table?: { readonly CapacityUnits?: number };
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number }>;
}

interface ItemRequest {
  readonly Key?: Item;
  readonly Item?: Item;
  readonly IndexName?: string;
  readonly ConsistentRead?: boolean;
}

interface ItemAnswer {
  /** One for an item or query request; one per table for a batch. */
  readonly ConsumedCapacity?: Capacity | readonly Capacity[];
  readonly Attributes?: Item;
}

/**
 * Write units one index is charged when an item goes from `before` to `after` (undefined:
 * absent), per DynamoDB's rules: the index entry holds the projected attributes only (the
 * table key, the index key, and `ALL` or the included ones); a moved index key is a delete
 * plus a put; an update that changes nothing projected writes nothing to the index.
 */
export function indexWriteUnits(index: IndexDefinition, partitionKey: string, before: Item | undefined, after: Item | undefined): number {
  return indexWriteParts(index, partitionKey, before, after).reduce((sum, part) => sum + part.units, 0);
}

/** The index entry of an item: the projected attributes only (the table key, the index key,
 * and `ALL` or the included ones). */
export function projectedItem(index: IndexDefinition, partitionKey: string, item: Item): Item {
  if (index.projection === 'ALL') return item;
  const names = [partitionKey, index.partitionKey.name, index.sortKey.name, ...(index.projection === 'KEYS_ONLY' ? [] : index.projection.include)];
  return Object.fromEntries(names.filter((name) => item[name] !== undefined).map((name) => [name, item[name] as AttributeValue]));
}

/**
 * `indexWriteUnits` split by where they land: the entry deleted (under the old key) and the
 * entry put (under the new key) are charged to their own index partitions; `entry` is the item
 * whose index key names the partition.
 */
export function indexWriteParts(index: IndexDefinition, partitionKey: string, before: Item | undefined, after: Item | undefined): { units: number; entry: Item }[] {
  const keyOf = (item: Item | undefined): string | null => {
    const partition = item?.[index.partitionKey.name];
    const sort = item?.[index.sortKey.name];
    return partition === undefined || sort === undefined ? null : JSON.stringify([partition, sort]);
  };
  const units = (item: Item) => writeUnits(itemSize(projectedItem(index, partitionKey, item)));
  const was = keyOf(before);
  const is = keyOf(after);
  if (was === null && is === null) return [];
  if (was === null) return [{ units: units(after as Item), entry: after as Item }];
  if (is === null) return [{ units: units(before as Item), entry: before as Item }];
  const old = projectedItem(index, partitionKey, before as Item);
  const fresh = projectedItem(index, partitionKey, after as Item);
  if (was !== is) return [{ units: units(before as Item), entry: before as Item }, { units: units(after as Item), entry: after as Item }];
  if (index.projection !== 'ALL' && JSON.stringify(old) === JSON.stringify(fresh)) return [];
  return [{ units: writeUnits(Math.max(itemSize(old), itemSize(fresh))), entry: after as Item }];
}

/** One item write as the table saw it: the item before and after (undefined: absent). */
export interface MeteredWrite {
  readonly at: number;
  readonly before: Item | undefined;
  readonly after: Item | undefined;
}

export class DynamoMeter {
  private readonly items = new Map<string, Item>();
  /** Every successful item write, in order: what the partition-heat model replays. */
  readonly writes: MeteredWrite[] = [];

  constructor(
    client: DynamoDBClient,
    private readonly meter: Meter,
    private readonly partitionKey: string,
    private readonly indexes: readonly IndexDefinition[],
    private readonly now: () => number = () => 0,
  ) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        if (!READS.has(command) && !WRITES.has(command)) return next(args);
        const input: Record<string, unknown> = { ...args.input, ReturnConsumedCapacity: 'INDEXES' };
        if (command === 'UpdateItemCommand' && input['ReturnValues'] === undefined) input['ReturnValues'] = 'ALL_NEW';
        return next({ ...args, input: input as typeof args.input });
      },
      { step: 'initialize', name: 'costMeterAskCapacity' },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const request = args.input as ItemRequest;
        this.meter.count('ddb.requests');
        this.meter.count(`ddb.call.${command.replace(/Command$/, '')}`);
        try {
          const answer = await next(args);
          this.record(command, request, answer.output as ItemAnswer);
          return answer;
        } catch (error) {
          if (WRITES.has(command) && error instanceof Error && error.name === 'ConditionalCheckFailedException') {
            const existing = this.items.get(this.keyOf(request));
            this.meter.count('ddb.conditionFailures');
            this.meter.count('ddb.wru.table', writeUnits(existing === undefined ? 0 : itemSize(existing)));
          }
          throw error;
        }
      },
      { step: 'finalizeRequest', name: 'costMeterReadCapacity', priority: 'low' },
    );
  }

  /** Every item as last written: what the table holds now. */
  storedItems(): Item[] {
    return [...this.items.values()];
  }

  private keyOf(request: ItemRequest): string {
    return JSON.stringify((request.Key ?? request.Item)?.[this.partitionKey] ?? null);
  }

  private record(command: string, request: ItemRequest, answer: ItemAnswer): void {
    const given = answer.ConsumedCapacity;
    if (command === 'BatchGetItemCommand') {
      // One capacity per table, the sum of its keys read (strongly consistent: a unit per 4 KB).
      const perTable: readonly Capacity[] = isCapacityList(given) ? given : [];
      this.meter.count('ddb.rru.table', perTable.reduce((sum, table) => sum + (table.CapacityUnits ?? 0), 0));
      return;
    }
    const capacity = isCapacityList(given) ? undefined : given;
    const tableUnits = capacity?.Table?.CapacityUnits ?? capacity?.CapacityUnits ?? 0;
    if (command === 'QueryCommand') {
      const indexUnits = Object.values(capacity?.GlobalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
      const minimum = readUnits(0, request.ConsistentRead === true);
      if (request.IndexName === undefined) this.meter.count('ddb.rru.table', Math.max(tableUnits, minimum));
      else {
        this.meter.count('ddb.rru.index', tableUnits + Math.max(indexUnits, minimum));
        this.meter.count(`ddb.rru.index.${request.IndexName}`, tableUnits + Math.max(indexUnits, minimum));
      }
    } else if (WRITES.has(command)) {
      this.meter.count('ddb.wru.table', tableUnits);
      const key = this.keyOf(request);
      const before = this.items.get(key);
      const after = command === 'PutItemCommand' ? request.Item : command === 'UpdateItemCommand' ? answer.Attributes : undefined;
      this.writes.push({ at: this.now(), before, after });
      for (const index of this.indexes) {
        const units = indexWriteUnits(index, this.partitionKey, before, after);
        this.meter.count('ddb.wru.index', units);
        this.meter.count(`ddb.wru.index.${index.indexName}`, units);
      }
      if (after === undefined) this.items.delete(key);
      else this.items.set(key, after);
    }
  }
}

function isCapacityList(capacity: Capacity | readonly Capacity[] | undefined): capacity is readonly Capacity[] {
  return Array.isArray(capacity);
}
