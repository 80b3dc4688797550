/**
 * The AlertStore's listings, read from the sharded indexes (table-definition.ts): every shard
 * queried in parallel and merged by sort key (shard-merge.ts), so a listing returns the same
 * alerts in the same order whatever the shard count. The indexes hold keys (and the list
 * filters' attributes, the day index the alerts' report views); the alerts themselves are read from the table by key, batched
 * (batch-reads.ts): eventually consistent for listings, which follow a lagging index anyway,
 * strongly consistent for the due sweep, whose writes are conditional on what it read.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { reportViewOf, type ReportView } from '../../domain/report/report-view.ts';
import { DAY_MS, type Instant } from '../../domain/instant.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { AlertListQuery, AlertPage, DueCursor, DuePage } from '../../ports/alert-store.ts';
import { alertPk, utcDay } from '../../store/keys.ts';
import { allShardKeys, instantIdKey, instantKey, parseInstantIdKey } from '../../store/shard-keys.ts';
import { OUTBOX_INDEX, OUTBOX_PK, outboxUpperBound, parseOutboxSortKey } from '../../store/outbox-index.ts';
import { ALERT_LIST_PK, BY_CREATED_INDEX, BY_DAY_INDEX, DUE_ALERT, DUE_INDEX, OPEN_INDEX, OPEN_PK } from '../../store/table-definition.ts';
import { assertPageSize } from '../../store/write-rules.ts';
import { fromAlertItem, storedView, type Item } from './alert-item.ts';
import { BatchReads } from './batch-reads.ts';
import { decodeListCursor, encodeListCursor } from './list-cursor.ts';
import { ShardMerge, type ShardEntry, type ShardPosition } from './shard-merge.ts';
import { shardBatch, shardQuery, type ShardQuerySpec } from './shard-query.ts';

/** Entries a filtered list query evaluates per shard and round, and rounds per page: a
 * selective filter over a long history returns a short page with a cursor instead of reading
 * the whole index. */
const LIST_FILTER_BATCH = 100;
const LIST_MAX_ROUNDS = 10;

/** The table key of an alert from an index sort key `<instant>#<alertId>`. */
function alertPkOfKey(sortKey: string): string {
  const parsed = parseInstantIdKey(sortKey);
  if (parsed === null) throw new TypeError(`${sortKey} is not an index sort key`);
  return alertPk(parsed.id);
}

export interface AlertIndexReadsOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly shards: number;
  /** Strongly consistent reads by key, shared with the store's `get`. */
  readonly consistentReads: BatchReads;
  /** Keys per BatchGetItem of the listings (default DynamoDB's 100). */
  readonly listBatchKeys?: number;
}

export class AlertIndexReads {
  private readonly options: AlertIndexReadsOptions;
  private readonly listReads: BatchReads;
  private readonly viewReads: BatchReads;

  constructor(options: AlertIndexReadsOptions) {
    this.options = options;
    const listing = { client: options.client, tableName: options.tableName, consistent: false, ...(options.listBatchKeys === undefined ? {} : { maxKeys: options.listBatchKeys }) };
    this.listReads = new BatchReads({ ...listing, docOnly: true });
    this.viewReads = new BatchReads({ ...listing, viewsOnly: true });
  }

  async list(query: AlertListQuery): Promise<AlertPage> {
    assertPageSize(query.limit);
    const { shards } = this.options;
    const names: Record<string, string> = {};
    const values: Item = {};
    const filters: string[] = [];
    if (query.status !== undefined) {
      names['#status'] = 'status';
      values[':status'] = { S: query.status };
      filters.push('#status = :status');
    }
    if (query.priority !== undefined) {
      names['#priority'] = 'priority';
      values[':priority'] = { S: query.priority };
      filters.push('#priority = :priority');
    }
    const start = query.cursor === undefined ? undefined : decodeListCursor(query.cursor, shards);
    const merge = this.merge('list', BY_CREATED_INDEX, allShardKeys(ALERT_LIST_PK, shards), 'desc', {
      batch: filters.length > 0 ? LIST_FILTER_BATCH : shardBatch(query.limit + 1, shards),
      ...(start === undefined ? {} : { start }),
      ...(filters.length > 0 ? { filter: { expression: filters.join(' AND '), names, values } } : {}),
    });
    const taken: ShardEntry<Item>[] = [];
    while (taken.length < query.limit) {
      const entry = await merge.next(LIST_MAX_ROUNDS);
      if (entry === null || entry === 'paused') break;
      taken.push(entry);
    }
    // Anything left (or unread, when the rounds ran out) makes a cursor; nothing, the last page.
    const more = await merge.peek(LIST_MAX_ROUNDS);
    const alerts = (await this.readAll(this.listReads, taken)).filter(
      (alert) => (query.status === undefined || alert.status === query.status) && (query.priority === undefined || alert.priority === query.priority),
    );
    return { alerts, nextCursor: more === null ? null : encodeListCursor(merge.positions()) };
  }

  async *listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<readonly Alert[]> {
    for await (const entries of this.createdBetween('listCreatedBetween', fromAt, toAt, pageSize)) {
      const alerts = await this.readAll(this.listReads, entries);
      if (alerts.length > 0) yield alerts;
    }
  }

  /**
   * The report views of the alerts created in [fromAt, toAt), in index order: the views the
   * day index carries (table-definition.ts), and for an entry whose view is missing, of
   * another version or grouped by another label, one made from the alert read by key.
   */
  async *listReportViews(fromAt: Instant, toAt: Instant, pageSize: number, groupBy: string | null): AsyncIterable<readonly ReportView[]> {
    for await (const entries of this.createdBetween('listReportViews', fromAt, toAt, pageSize)) {
      const views = await this.viewsOf(entries, groupBy);
      if (views.length > 0) yield views;
    }
  }

  /** The day index's entries of [fromAt, toAt), `pageSize` at a time. */
  private async *createdBetween(operation: string, fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<ShardEntry<Item>[]> {
    assertPageSize(pageSize);
    if (toAt <= fromAt) return;
    // Every UTC day touching [fromAt, toAt), in order; the range trims the first and last.
    // Keys of an instant sort after its bare instantKey, so [from, to) is BETWEEN the two.
    const range = { expression: '#sk BETWEEN :from AND :to', values: { ':from': { S: instantKey(fromAt) }, ':to': { S: instantKey(toAt) } } };
    for (let dayAt = fromAt - (fromAt % DAY_MS); dayAt < toAt; dayAt += DAY_MS) {
      const merge = this.merge(operation, BY_DAY_INDEX, allShardKeys(utcDay(dayAt), this.options.shards), 'asc', {
        batch: shardBatch(pageSize, this.options.shards),
        range,
      });
      yield* this.entryPages(merge, pageSize);
    }
  }

  /**
   * The entries' views, in their order: a settled alert's from its entry, the others' read by
   * key (the views alone), and where no usable view is stored, made from the alert read whole.
   * An alert gone from the table (expired) is left out.
   */
  private async viewsOf(entries: readonly ShardEntry<Item>[], groupBy: string | null): Promise<ReportView[]> {
    const pkOf = (entry: ShardEntry<Item>) => entry.value.pk?.S ?? alertPkOfKey(entry.key);
    const views = await Promise.all(
      entries.map(async (entry): Promise<ReportView | 'whole' | null> => {
        const indexed = storedView(entry.value, groupBy);
        if (indexed !== null) return indexed;
        const item = await this.viewReads.read(pkOf(entry));
        if (item === null) return null;
        return storedView(item, groupBy) ?? 'whole';
      }),
    );
    const whole = entries.filter((_, i) => views[i] === 'whole');
    const alerts = whole.length === 0 ? new Map<string, Alert>() : new Map((await this.readAll(this.listReads, whole)).map((alert) => [alert.id, alert]));
    return entries.flatMap((entry, i) => {
      const view = views[i] ?? null;
      if (view === null) return [];
      if (view !== 'whole') return [view];
      const alert = alerts.get(parseInstantIdKey(entry.key)?.id ?? '');
      return alert === undefined ? [] : [reportViewOf(alert, groupBy)];
    });
  }

  /** The creation instant of the oldest alert kept: the first entry of the shards merged oldest first. */
  async firstCreatedAt(): Promise<Instant | null> {
    const merge = this.merge('firstCreatedAt', BY_CREATED_INDEX, allShardKeys(ALERT_LIST_PK, this.options.shards), 'asc', { batch: 1 });
    const first = await merge.next();
    if (first === null || first === 'paused') return null;
    return parseInstantIdKey(first.key)?.at ?? null;
  }

  async *listOpen(pageSize: number): AsyncIterable<readonly Alert[]> {
    assertPageSize(pageSize);
    const merge = this.merge('listOpen', OPEN_INDEX, allShardKeys(OPEN_PK, this.options.shards), 'asc', { batch: shardBatch(pageSize, this.options.shards) });
    // The index lags the table a little: an alert resolved a moment ago may still be listed.
    yield* this.pages(merge, pageSize, (alert) => alert.status !== 'resolved');
  }

  async listDue(dueBy: Instant, limit: number, after?: DueCursor): Promise<DuePage> {
    assertPageSize(limit);
    if (after !== undefined && after.dueAt > dueBy) return { alerts: [], next: null };
    const { shards } = this.options;
    const startKey = after === undefined ? null : instantIdKey(after.dueAt, after.alertId);
    // Every index key is unique and the page took every entry up to the cursor from every
    // shard, so each shard resumes after the cursor itself.
    const merge = this.merge('listDue', DUE_INDEX, allShardKeys(DUE_ALERT, shards), 'asc', {
      batch: shardBatch(limit, shards),
      range: { expression: '#sk < :before', values: { ':before': { S: instantKey(dueBy + 1) } } },
      ...(startKey === null ? {} : { start: new Array<ShardPosition>(shards).fill(startKey) }),
    });
    const taken: ShardEntry<Item>[] = [];
    while (taken.length < limit) {
      const entry = await merge.next();
      if (entry === null || entry === 'paused') break;
      taken.push(entry);
    }
    const last = taken.at(-1);
    const lastKey = last === undefined ? null : parseInstantIdKey(last.key);
    const ended = (await merge.peek()) === null;
    // Read strongly consistent, and keep those still due (the index lags the table a little).
    const alerts = (await this.readAll(this.options.consistentReads, taken)).filter((alert) => alert.timer !== null && alert.timer.dueAt <= dueBy);
    return { alerts, next: ended || lastKey === null ? null : { dueAt: lastKey.at, alertId: lastKey.id } };
  }

  /** Ids of alerts whose next delivery is ready by `dueBy`, soonest first, at most `limit`
   * (keys only: the sender reads each alert itself, strongly consistent). */
  async listOutboxDue(dueBy: Instant, limit: number): Promise<string[]> {
    assertPageSize(limit);
    const merge = this.merge('listOutboxDue', OUTBOX_INDEX, allShardKeys(OUTBOX_PK, this.options.shards), 'asc', {
      batch: shardBatch(limit, this.options.shards),
      range: { expression: '#sk < :before', values: { ':before': { S: outboxUpperBound(dueBy) } } },
    });
    const ids: string[] = [];
    while (ids.length < limit) {
      const entry = await merge.next();
      if (entry === null || entry === 'paused') break;
      const parsed = parseOutboxSortKey(entry.key);
      if (parsed !== null) ids.push(parsed.alertId);
    }
    return ids;
  }

  private merge(
    operation: string,
    index: ShardQuerySpec['index'],
    partitions: readonly string[],
    order: 'asc' | 'desc',
    options: { batch: number; start?: readonly ShardPosition[]; range?: ShardQuerySpec['range']; filter?: ShardQuerySpec['filter'] },
  ): ShardMerge<Item> {
    const { client, tableName } = this.options;
    const spec: ShardQuerySpec = {
      client,
      tableName,
      index,
      operation,
      order,
      tablePkOf: alertPkOfKey,
      ...(options.range === undefined ? {} : { range: options.range }),
      ...(options.filter === undefined ? {} : { filter: options.filter }),
    };
    const fetchers = partitions.map((partition) => shardQuery(spec, partition));
    return new ShardMerge<Item>({
      shards: partitions.length,
      order,
      batch: options.batch,
      fetch: (shard, after, limit) => (fetchers[shard] as (typeof fetchers)[number])(after, limit),
      ...(options.start === undefined ? {} : { start: options.start }),
    });
  }

  /** The merge's entries, `pageSize` at a time, until it ends. */
  private async *entryPages(merge: ShardMerge<Item>, pageSize: number): AsyncIterable<ShardEntry<Item>[]> {
    for (;;) {
      const taken: ShardEntry<Item>[] = [];
      while (taken.length < pageSize) {
        const entry = await merge.next();
        if (entry === null || entry === 'paused') break;
        taken.push(entry);
      }
      if (taken.length === 0) return;
      yield taken;
      if (taken.length < pageSize) return;
    }
  }

  /** The merge's entries, `pageSize` at a time, as the alerts they key (those `keep` accepts). */
  private async *pages(merge: ShardMerge<Item>, pageSize: number, keep: (alert: Alert) => boolean): AsyncIterable<readonly Alert[]> {
    for await (const entries of this.entryPages(merge, pageSize)) {
      const alerts = (await this.readAll(this.listReads, entries)).filter(keep);
      if (alerts.length > 0) yield alerts;
    }
  }

  /** The alerts the entries key, in their order; an alert gone from the table (expired) is left out. */
  private async readAll(reads: BatchReads, entries: readonly ShardEntry<Item>[]): Promise<Alert[]> {
    const items = await Promise.all(entries.map((entry) => reads.read(entry.value.pk?.S ?? alertPkOfKey(entry.key))));
    return items.flatMap((item) => {
      if (item === null) return [];
      try {
        return [fromAlertItem(item)];
      } catch (error) {
        throw new StoreUnavailableError(`stored item ${item.pk?.S ?? ''} is not a readable alert`, error);
      }
    });
  }
}
