/**
 * The AlertStore on DynamoDB (and dynalite locally): one item per alert, written whole under
 * a condition (`attribute_not_exists(pk)` to create, `version = :expected` to update), read
 * strongly consistent by key (reads made together share one BatchGetItem, batch-reads.ts),
 * listed through the sharded indexes of table-definition.ts (alert-index-reads.ts). Nothing here scans the table or
 * uses transactions (dynalite has none).
 *
 * A lost condition becomes AlreadyExistsError or VersionConflictError; every other failure
 * becomes StoreUnavailableError keeping the SDK error as `cause`.
 */
import { PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import type { Instant } from '../../domain/instant.ts';
import type { ReportView } from '../../domain/report/report-view.ts';
import { AlreadyExistsError, StoreUnavailableError, VersionConflictError, type SlaWatchError } from '../../errors.ts';
import type { AlertListQuery, AlertPage, AlertStore, DueCursor, DuePage } from '../../ports/alert-store.ts';
import { alertPk, dedupPk } from '../../store/keys.ts';
import { assertShardCount } from '../../store/shard-keys.ts';
import { INDEX_SHARDS } from '../../store/table-definition.ts';
import { assertAlertFits, assertVersionStep } from '../../store/write-rules.ts';
import { AlertIndexReads } from './alert-index-reads.ts';
import { BatchReads } from './batch-reads.ts';
import { fromAlertItem, toAlertItem, type Item } from './alert-item.ts';

export interface DynamoAlertStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** The table's index shard count (default INDEX_SHARDS); the local stack passes what the
   * table records (create-table.ts). */
  readonly indexShards?: number;
  /** Called after each stored write with the alert as it was (null for a create) and as it is
   * now: the day counters' hook (dynamo-live-figures.ts). Awaited; it must not throw. */
  readonly afterWrite?: (before: Alert | null, after: Alert) => Promise<void>;
  /** The label reports group by (`reporting.group_by`): each alert's stored report view is
   * made with it, so that reports read the day index alone (report-view.ts). */
  readonly reportGroupBy?: string | null;
  /** Keys per BatchGetItem of the listings (default DynamoDB's 100): smaller where the store
   * shares one thread with intake (the local report thread), so that no read holds it long. */
  readonly listBatchKeys?: number;
}

export class DynamoAlertStore implements AlertStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly shards: number;
  private readonly reads: BatchReads;
  private readonly indexes: AlertIndexReads;
  private readonly afterWrite: DynamoAlertStoreOptions['afterWrite'];
  private readonly reportGroupBy: string | null;

  constructor(options: DynamoAlertStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.shards = options.indexShards ?? INDEX_SHARDS;
    assertShardCount(this.shards);
    this.reads = new BatchReads(options);
    this.indexes = new AlertIndexReads({
      client: options.client,
      tableName: options.tableName,
      shards: this.shards,
      consistentReads: this.reads,
      ...(options.listBatchKeys === undefined ? {} : { listBatchKeys: options.listBatchKeys }),
    });
    this.afterWrite = options.afterWrite;
    this.reportGroupBy = options.reportGroupBy ?? null;
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
          new PutItemCommand({ TableName: this.tableName, Item: toAlertItem(alert, doc, this.shards, this.reportGroupBy), ConditionExpression: 'attribute_not_exists(pk)' }),
        ),
      (cause) => new AlreadyExistsError(`alert ${alert.id} already exists`, cause),
    );
    await this.afterWrite?.(null, alert);
  }

  async update(alert: Alert, expectedVersion: number): Promise<void> {
    assertVersionStep(alert, expectedVersion);
    const doc = JSON.stringify(alert);
    assertAlertFits(alert.id, doc);
    let old: Item | undefined;
    await this.write(
      'update',
      async () => {
        const out = await this.client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: toAlertItem(alert, doc, this.shards, this.reportGroupBy),
            // Fails when the item is missing too: an update never creates.
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
            // The version replaced, for the counters' delta (free: returned values cost no read units).
            ...(this.afterWrite === undefined ? {} : { ReturnValues: 'ALL_OLD' as const }),
          }),
        );
        old = out.Attributes;
      },
      (cause) => new VersionConflictError(`alert ${alert.id} is not at version ${expectedVersion}`, cause),
    );
    if (this.afterWrite !== undefined && old !== undefined) await this.afterWrite(this.read(old), alert);
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

  firstCreatedAt(): Promise<Instant | null> {
    return this.indexes.firstCreatedAt();
  }

  list(query: AlertListQuery): Promise<AlertPage> {
    return this.indexes.list(query);
  }

  listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<readonly Alert[]> {
    return this.indexes.listCreatedBetween(fromAt, toAt, pageSize);
  }

  listReportViews(fromAt: Instant, toAt: Instant, pageSize: number, groupBy: string | null): AsyncIterable<readonly ReportView[]> {
    return this.indexes.listReportViews(fromAt, toAt, pageSize, groupBy);
  }

  listOpen(pageSize: number): AsyncIterable<readonly Alert[]> {
    return this.indexes.listOpen(pageSize);
  }

  listDue(dueBy: Instant, limit: number, after?: DueCursor): Promise<DuePage> {
    return this.indexes.listDue(dueBy, limit, after);
  }

  listOutboxDue(dueBy: Instant, limit: number): Promise<string[]> {
    return this.indexes.listOutboxDue(dueBy, limit);
  }

  private read(item: Item): Alert {
    try {
      return fromAlertItem(item);
    } catch (error) {
      throw new StoreUnavailableError(`stored item ${item.pk?.S ?? ''} is not a readable alert`, error);
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
