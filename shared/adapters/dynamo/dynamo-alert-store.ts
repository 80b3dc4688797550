/**
 * The AlertStore on DynamoDB (and dynalite locally): one item per alert, written whole under
 * a condition (`attribute_not_exists(pk)` to create, `version = :expected` to update), read
 * strongly consistent by key (reads made together share one BatchGetItem, batch-reads.ts),
 * listed through the sparse indexes of table-definition.ts. Nothing here scans the table or
 * uses transactions (dynalite has none).
 *
 * A lost condition becomes AlreadyExistsError or VersionConflictError; every other failure
 * becomes StoreUnavailableError keeping the SDK error as `cause`.
 */
import { PutItemCommand, QueryCommand, UpdateItemCommand, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { DAY_MS, type Instant } from '../../domain/instant.ts';
import { AlreadyExistsError, StoreUnavailableError, VersionConflictError, type SlaWatchError } from '../../errors.ts';
import type { AlertListQuery, AlertPage, AlertStore, DueCursor, DuePage } from '../../ports/alert-store.ts';
import { alertIdOf, alertPk, dedupPk, utcDay } from '../../store/keys.ts';
import { ALERT_LIST_PK, BY_CREATED_INDEX, BY_DAY_INDEX, DUE_ALERT, DUE_INDEX, OPEN_INDEX, OPEN_PK, PARTITION_KEY } from '../../store/table-definition.ts';
import { assertAlertFits, assertPageSize, assertVersionStep } from '../../store/write-rules.ts';
import { BatchReads } from './batch-reads.ts';
import { fromAlertItem, toAlertItem, type Item } from './alert-item.ts';
import { decodeListCursor, encodeListCursor, listKeyOf, type ListKey } from './list-cursor.ts';

/** Items a list query evaluates per round trip, and round trips per page: a selective filter
 * over a long history returns a short page with a cursor instead of reading the whole index. */
const LIST_BATCH = 100;
const LIST_MAX_ROUNDS = 10;

export class DynamoAlertStore implements AlertStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly reads: BatchReads;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.reads = new BatchReads(options);
  }

  async get(id: string): Promise<Alert | null> {
    const item = await this.reads.read(alertPk(id));
    return item === null ? null : this.read(item);
  }

  async create(alert: Alert): Promise<void> {
    const doc = JSON.stringify(alert);
    assertAlertFits(alert.id, doc);
    await this.write(
      'create',
      () =>
        this.client.send(
          new PutItemCommand({ TableName: this.tableName, Item: toAlertItem(alert, doc), ConditionExpression: 'attribute_not_exists(pk)' }),
        ),
      (cause) => new AlreadyExistsError(`alert ${alert.id} already exists`, cause),
    );
  }

  async update(alert: Alert, expectedVersion: number): Promise<void> {
    assertVersionStep(alert, expectedVersion);
    const doc = JSON.stringify(alert);
    assertAlertFits(alert.id, doc);
    await this.write(
      'update',
      () =>
        this.client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: toAlertItem(alert, doc),
            // Fails when the item is missing too: an update never creates.
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
          }),
        ),
      (cause) => new VersionConflictError(`alert ${alert.id} is not at version ${expectedVersion}`, cause),
    );
  }

  async latestOccurrence(integrationId: string, dedupKey: string): Promise<number> {
    const pointer = await this.reads.read(dedupPk(integrationId, dedupKey));
    const latest = pointer?.latest?.N;
    return latest === undefined ? 0 : Number(latest);
  }

  async recordOccurrence(integrationId: string, dedupKey: string, occurrence: number): Promise<void> {
    await this.write(
      'recordOccurrence',
      () =>
        this.client.send(
          new UpdateItemCommand({
            TableName: this.tableName,
            Key: { pk: { S: dedupPk(integrationId, dedupKey) } },
            UpdateExpression: 'SET latest = :occurrence',
            ConditionExpression: 'attribute_not_exists(latest) OR latest < :occurrence',
            ExpressionAttributeValues: { ':occurrence': { N: String(occurrence) } },
          }),
        ),
      // The pointer is already at or past `occurrence`: raising it is done.
      () => null,
    );
  }

  async firstCreatedAt(): Promise<Instant | null> {
    const out = await this.query('firstCreatedAt', {
      IndexName: BY_CREATED_INDEX.indexName,
      KeyConditionExpression: '#listPk = :list',
      ExpressionAttributeNames: { '#listPk': BY_CREATED_INDEX.partitionKey.name, '#createdAt': BY_CREATED_INDEX.sortKey.name },
      ExpressionAttributeValues: { ':list': { S: ALERT_LIST_PK } },
      ProjectionExpression: '#createdAt',
      ScanIndexForward: true,
      Limit: 1,
    });
    const first = out.Items?.[0]?.[BY_CREATED_INDEX.sortKey.name]?.N;
    return first === undefined ? null : Number(first);
  }

  async list(query: AlertListQuery): Promise<AlertPage> {
    assertPageSize(query.limit);
    const names: Record<string, string> = { '#listPk': BY_CREATED_INDEX.partitionKey.name };
    const values: Item = { ':list': { S: ALERT_LIST_PK } };
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
    const alerts: Alert[] = [];
    let startKey: ListKey | undefined = query.cursor === undefined ? undefined : decodeListCursor(query.cursor);
    for (let round = 0; round < LIST_MAX_ROUNDS; round += 1) {
      const out = await this.query('list', {
        IndexName: BY_CREATED_INDEX.indexName,
        KeyConditionExpression: '#listPk = :list',
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: LIST_BATCH,
        ExclusiveStartKey: startKey,
      });
      const items = out.Items ?? [];
      for (const [i, item] of items.entries()) {
        alerts.push(this.read(item));
        if (alerts.length < query.limit) continue;
        const indexEnded = i === items.length - 1 && out.LastEvaluatedKey === undefined;
        // Full: resume right after the last alert returned (the rest of this batch is read
        // again next time, so nothing is skipped).
        return { alerts, nextCursor: indexEnded ? null : encodeListCursor(listKeyOf(item)) };
      }
      startKey = out.LastEvaluatedKey;
      if (startKey === undefined) return { alerts, nextCursor: null };
    }
    return { alerts, nextCursor: startKey === undefined ? null : encodeListCursor(startKey) };
  }

  async *listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<readonly Alert[]> {
    assertPageSize(pageSize);
    if (toAt <= fromAt) return;
    // Every UTC day touching [fromAt, toAt); the range condition trims the first and last.
    for (let dayAt = fromAt - (fromAt % DAY_MS); dayAt < toAt; dayAt += DAY_MS) {
      let startKey: Item | undefined;
      do {
        const out = await this.query('listCreatedBetween', {
          IndexName: BY_DAY_INDEX.indexName,
          KeyConditionExpression: '#day = :day AND #createdAt BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#day': BY_DAY_INDEX.partitionKey.name, '#createdAt': BY_DAY_INDEX.sortKey.name },
          ExpressionAttributeValues: { ':day': { S: utcDay(dayAt) }, ':from': { N: String(fromAt) }, ':to': { N: String(toAt - 1) } },
          Limit: pageSize,
          ExclusiveStartKey: startKey,
        });
        const items = out.Items ?? [];
        if (items.length > 0) yield items.map((item) => this.read(item));
        startKey = out.LastEvaluatedKey;
      } while (startKey !== undefined);
    }
  }

  async *listOpen(pageSize: number): AsyncIterable<readonly Alert[]> {
    assertPageSize(pageSize);
    let startKey: Item | undefined;
    do {
      const out = await this.query('listOpen', {
        IndexName: OPEN_INDEX.indexName,
        KeyConditionExpression: '#openPk = :open',
        ExpressionAttributeNames: { '#openPk': OPEN_INDEX.partitionKey.name },
        ExpressionAttributeValues: { ':open': { S: OPEN_PK } },
        Limit: pageSize,
        ExclusiveStartKey: startKey,
      });
      // The index lags the table a little: an alert resolved a moment ago may still be listed.
      const alerts = (out.Items ?? []).map((item) => this.read(item)).filter((alert) => alert.status !== 'resolved');
      if (alerts.length > 0) yield alerts;
      startKey = out.LastEvaluatedKey;
    } while (startKey !== undefined);
  }

  async listDue(dueBy: Instant, limit: number, after?: DueCursor): Promise<DuePage> {
    assertPageSize(limit);
    const ids: string[] = [];
    let startKey: Item | undefined = after === undefined ? undefined : dueIndexKey(after);
    do {
      const out = await this.query('listDue', {
        IndexName: DUE_INDEX.indexName,
        KeyConditionExpression: '#duePk = :due AND #dueAt <= :dueBy',
        ExpressionAttributeNames: { '#duePk': DUE_INDEX.partitionKey.name, '#dueAt': DUE_INDEX.sortKey.name },
        ExpressionAttributeValues: { ':due': { S: DUE_ALERT }, ':dueBy': { N: String(dueBy) } },
        Limit: limit - ids.length,
        ExclusiveStartKey: startKey,
      });
      for (const item of out.Items ?? []) {
        const pk = item[PARTITION_KEY.name]?.S;
        if (pk !== undefined) ids.push(alertIdOf(pk));
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey !== undefined && ids.length < limit);
    // The index holds keys only: read the alerts (together, so in batches of 100), strongly
    // consistent, and keep those still due (the index lags the table a little).
    const read = await Promise.all(ids.map((id) => this.get(id)));
    const alerts = read.filter((alert): alert is Alert => alert !== null && alert.timer !== null && alert.timer.dueAt <= dueBy);
    return { alerts, next: startKey === undefined ? null : dueCursorOf(startKey) };
  }

  private query(operation: string, input: Omit<QueryCommandInput, 'TableName'>) {
    return this.call(operation, () => this.client.send(new QueryCommand({ TableName: this.tableName, ...input })));
  }

  private read(item: Item): Alert {
    try {
      return fromAlertItem(item);
    } catch (error) {
      throw new StoreUnavailableError(`stored item ${item.pk?.S ?? ''} is not a readable alert`, error);
    }
  }

  /** Runs one SDK call; any failure is StoreUnavailableError with the SDK error as cause. */
  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StoreUnavailableError(`DynamoDB ${operation} on ${this.tableName} failed`, error);
    }
  }

  /** Runs one conditional write: a failed condition goes to `onConditionFailed` (thrown unless null). */
  private async write(operation: string, run: () => Promise<unknown>, onConditionFailed: (cause: unknown) => SlaWatchError | null): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!isConditionFailed(error)) throw new StoreUnavailableError(`DynamoDB ${operation} on ${this.tableName} failed`, error);
      const typed = onConditionFailed(error);
      if (typed !== null) throw typed;
    }
  }
}

function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The due index's key of an entry (index keys plus the table key), to resume a query after it. */
function dueIndexKey(cursor: DueCursor): Item {
  return {
    [PARTITION_KEY.name]: { S: alertPk(cursor.alertId) },
    [DUE_INDEX.partitionKey.name]: { S: DUE_ALERT },
    [DUE_INDEX.sortKey.name]: { N: String(cursor.dueAt) },
  };
}

/** The entry a due-index query stopped at (its LastEvaluatedKey). */
function dueCursorOf(key: Item): DueCursor {
  return { dueAt: Number(key[DUE_INDEX.sortKey.name]?.N), alertId: alertIdOf(key[PARTITION_KEY.name]?.S ?? '') };
}
