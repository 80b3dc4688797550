/**
 * DayCounters on the one DynamoDB table: each local day (in the reporting zone) has its
 * counters in INDEX_SHARDS items, `COUNTERS#<zone>#<date>#<shard>`, an alert counting in the
 * shard its id hashes to, as the indexes shard it: one item per day would take every write of a
 * storm, and DynamoDB writes at most 1,000 units a second to one item's partition. Counters are
 * added with `ADD` in an UpdateItem made right after the alert's own write (the store calls
 * `record`); DynamoDB has no transaction across the two items worth paying double for, and
 * dynalite has none at all. Deltas made while an update of the same item is in flight wait and
 * go together in the next one, so a storm costs one counter write per shard per round trip,
 * not one per alert.
 *
 * What this costs in exactness: a crash between the alert's write and its counter update loses
 * that write's delta, and an update the SDK retried after DynamoDB applied it (a timeout on the
 * way back) counts twice. Only the metrics' "today" figures read the counters, and only those
 * of the current local day: a drift lasts until local midnight, when the next day's counters
 * start from zero. Reports never read them: a day's report, and the rollup weeks and months
 * merge, are computed from the alerts themselves and are the authoritative figures of a day.
 * Counting starts with the first write of a version that keeps counters (or of a new
 * `reporting.timezone`): that day's figures leave out alerts written before, until midnight.
 * A day's items carry the table's TTL attribute, a week after the day: nothing reads them then.
 *
 * A day's breach budget is the latest alert's snapshot: each create sets its priority's
 * `allowed_<p>` and `allowedAt_<p>` in its shard (last writer wins, and creates come in time
 * order), and a reader keeps the latest over the shards.
 */
import { BatchGetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { counterDelta, sumCounters } from '../../domain/metrics/day-counts.ts';
import type { DayBudget, DayCounts } from '../../domain/metrics/live-today.ts';
import { reportDay } from '../../domain/report/report-day.ts';
import { localDate } from '../../domain/report/report-period.ts';
import { PRIORITIES, type Priority } from '../../domain/sla/priority.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { DayCounters } from '../../ports/live-figures.ts';
import { dayCountersPk } from '../../store/keys.ts';
import { assertShardCount, shardOf } from '../../store/shard-keys.ts';
import { INDEX_SHARDS, TTL_ATTRIBUTE } from '../../store/table-definition.ts';
import { sendUntilProcessed } from './unprocessed.ts';

type Item = Record<string, AttributeValue>;

interface PendingUpdate {
  /** Epoch seconds after which DynamoDB may delete the item (its day is long over). */
  readonly expiresAt: number;
  readonly adds: Record<string, number>;
  readonly budgets: Partial<Record<Priority, DayBudget>>;
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

export interface DynamoDayCountersOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** The reporting time zone: counters are kept per local date in it. */
  readonly timezone: string;
  readonly shards?: number;
}

/** How long after its day a counter item is kept: only the current day's are read. */
const KEPT_SECONDS = 7 * 24 * 3600;
const BUDGET = (p: Priority) => `allowed_${p}`;
const BUDGET_AT = (p: Priority) => `allowedAt_${p}`;

export class DynamoDayCounters implements DayCounters {
  private readonly options: Required<DynamoDayCountersOptions>;
  /** Per counter item: the deltas waiting for its next update. */
  private readonly pending = new Map<string, PendingUpdate>();
  /** Counter items with an update in flight. */
  private readonly inFlight = new Set<string>();

  constructor(options: DynamoDayCountersOptions) {
    this.options = { shards: INDEX_SHARDS, ...options };
    assertShardCount(this.options.shards);
  }

  record(before: Alert | null, after: Alert): Promise<void> {
    const delta = counterDelta(before, after);
    const created = before === null;
    if (Object.keys(delta).length === 0 && !created) return Promise.resolve();
    const { timezone, shards } = this.options;
    const date = localDate(after.createdAt, timezone);
    const pk = dayCountersPk(timezone, date, shardOf(after.id, shards));
    return new Promise<void>((resolve, reject) => {
      let update = this.pending.get(pk);
      if (update === undefined) {
        update = { expiresAt: Math.floor(reportDay(date, timezone).toAt / 1000) + KEPT_SECONDS, adds: {}, budgets: {}, waiters: [] };
        this.pending.set(pk, update);
      }
      for (const [name, value] of Object.entries(delta)) update.adds[name] = (update.adds[name] ?? 0) + value;
      const budget = update.budgets[after.priority];
      if (created && (budget === undefined || budget.createdAt <= after.createdAt)) {
        update.budgets[after.priority] = { allowedBreaches: after.sla.allowedBreaches, createdAt: after.createdAt };
      }
      update.waiters.push({ resolve, reject });
      if (!this.inFlight.has(pk)) queueMicrotask(() => void this.flush(pk));
    });
  }

  async read(date: string): Promise<DayCounts> {
    const { client, tableName, timezone, shards } = this.options;
    const keys: Item[] = Array.from({ length: shards }, (_, shard) => ({ pk: { S: dayCountersPk(timezone, date, shard) } }));
    const items: Item[] = [];
    try {
      for (let start = 0; start < keys.length; start += 100) {
        const left = await sendUntilProcessed(keys.slice(start, start + 100), async (pending) => {
          const out = await client.send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: [...pending], ConsistentRead: true } } }));
          items.push(...(out.Responses?.[tableName] ?? []));
          return (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Item[];
        });
        if (left.length > 0) throw new Error(`${left.length} counter items left unread`);
      }
    } catch (error) {
      throw new StoreUnavailableError(`DynamoDB read of the ${date} counters on ${tableName} failed`, error);
    }
    return countsOf(items);
  }

  private async flush(pk: string): Promise<void> {
    const update = this.pending.get(pk);
    if (update === undefined || this.inFlight.has(pk)) return;
    this.pending.delete(pk);
    this.inFlight.add(pk);
    try {
      await this.send(pk, update);
      for (const waiter of update.waiters) waiter.resolve();
    } catch (error) {
      const failure = new StoreUnavailableError(`DynamoDB counter update ${pk} on ${this.options.tableName} failed`, error);
      for (const waiter of update.waiters) waiter.reject(failure);
    } finally {
      this.inFlight.delete(pk);
      if (this.pending.has(pk)) void this.flush(pk);
    }
  }

  private async send(pk: string, update: PendingUpdate): Promise<void> {
    const names: Record<string, string> = {};
    const values: Item = {};
    const adds: string[] = [];
    const sets: string[] = [];
    let n = 0;
    for (const [name, value] of Object.entries(update.adds)) {
      if (value === 0) continue;
      names[`#n${n}`] = name;
      values[`:v${n}`] = { N: String(value) };
      adds.push(`#n${n} :v${n}`);
      n += 1;
    }
    for (const [priority, budget] of Object.entries(update.budgets) as [Priority, DayBudget][]) {
      names[`#n${n}`] = BUDGET(priority);
      values[`:v${n}`] = { N: String(budget.allowedBreaches) };
      names[`#n${n + 1}`] = BUDGET_AT(priority);
      values[`:v${n + 1}`] = { N: String(budget.createdAt) };
      sets.push(`#n${n} = :v${n}`, `#n${n + 1} = :v${n + 1}`);
      n += 2;
    }
    if (n === 0) return;
    names[`#n${n}`] = TTL_ATTRIBUTE;
    values[`:v${n}`] = { N: String(update.expiresAt) };
    sets.push(`#n${n} = :v${n}`);
    const expression = [adds.length > 0 ? `ADD ${adds.join(', ')}` : '', sets.length > 0 ? `SET ${sets.join(', ')}` : ''].filter(Boolean).join(' ');
    await this.options.client.send(
      new UpdateItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: pk } },
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

/** The counters and budgets of a day's shard items, summed. */
export function countsOf(items: readonly Item[]): DayCounts {
  const parts: Record<string, number>[] = [];
  const budgets: Partial<Record<Priority, DayBudget>> = {};
  for (const item of items) {
    const counters: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (name === 'pk' || name === TTL_ATTRIBUTE || value.N === undefined || name.startsWith('allowed')) continue;
      counters[name] = Number(value.N);
    }
    parts.push(counters);
    for (const p of PRIORITIES) {
      const allowed = item[BUDGET(p)]?.N;
      const at = item[BUDGET_AT(p)]?.N;
      if (allowed === undefined || at === undefined) continue;
      const latest = budgets[p];
      if (latest === undefined || Number(at) > latest.createdAt) budgets[p] = { allowedBreaches: Number(allowed), createdAt: Number(at) };
    }
  }
  return { counters: sumCounters(parts), budgets };
}
