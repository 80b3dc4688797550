/**
 * The one DynamoDB table of sla-watch, as plain data: the local bootstrap creates it from
 * `createTableInput` and the CDK stack builds the same keys, indexes and TTL from the
 * constants, so the two never drift.
 *
 * Items (simple primary key `pk`, no sort key: every item is read and written alone):
 * - alert `ALERT#<id>`: the whole alert as one JSON string `doc`, plus the top-level
 *   attributes that indexes and filters need (`version`, `createdAt`, `status`, `priority`,
 *   the index keys below, `expiresAt` once resolved);
 * - dedup pointer `DEDUP#<integrationId>#<sha256(dedupKey)>` with `latest` (N);
 * - local timer `TIMER#<name>` (local stack only) with `name`, `dueAt`, `kind`, `payload` and
 *   its `due` index keys;
 * - `META#table` (local stack): the shape and the index shard count the table was made with.
 *
 * Index partition keys are sharded (shard-keys.ts): DynamoDB writes at most 1,000 write units
 * a second to one partition of an index, so a key shared by every alert (or by every alert of
 * a day) caps the whole service there. Each shared key carries a shard suffix from a hash of
 * the alert id (a timer's name), `INDEX_SHARDS` of them; readers query every shard in
 * parallel and merge by sort key. Every sort key ends with the alert id (or timer name) so it
 * is unique per item: index entries are totally ordered, a cursor is one key, and dynalite
 * (which tells equal index keys apart by a 24-bit hash only) never drops an entry.
 *
 * Projections are as narrow as each query allows, and whole alerts are read from the table by
 * key (BatchGetItem) where a reader needs them. An index entry is rewritten whenever a
 * projected attribute changes, and an alert is written about a dozen times in its life
 * (claims, reminders, responses, repeats), each time whole: projecting ALL made each index
 * pay the item's size again on every one of those writes. A keys-only entry is written once
 * when the alert enters the index and once when it leaves, and one more read unit per alert
 * read back is far cheaper than the write units (a fifth the price each) saved.
 * `npm run bench -- dynamo-heat` compares both from the counted writes.
 *
 * - `by-day` (`dayPk` = day#shard, `createdKey`), keys plus a settled alert's `reportView`:
 *   the reports read the UTC days overlapping a local day, settled alerts' views from the
 *   index alone, the others' by key (see BY_DAY_INDEX);
 * - `due` (`duePk` = ALERT#shard | TIMER#shard, `dueKey` = dueAt#id), sparse, keys plus a
 *   local timer's name and payload: the sweeper reads alert keys (then each alert, strongly
 *   consistent, which it wants anyway), the local timer loop its timers;
 * - `by-created` (`listPk` = ALERT#shard, `createdKey`), keys plus `status` and `priority`
 *   (what `GET /alerts` filters on): newest first;
 * - `open` (`openPk` = OPEN#shard, `createdKey`), sparse, keys plus `openView`: every alert
 *   not yet resolved, oldest first, with what the metrics and the backlog evaluate; an alert
 *   leaves it when resolved, so reading it costs what is open, never the history;
 * - `outbox` (`outboxPk` = OUTBOX#shard, `outboxKey` = readyAt#id), sparse, keys only: alerts
 *   with a delivery to make, by when the next one is ready (outbox-index.ts).
 *
 * Also `COUNTERS#<zone>#<date>#<shard>`: a day's SLA counters (dynamo-day-counters.ts), no index.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { OUTBOX_INDEX } from './outbox-index.ts';

export type KeyAttributeType = 'S' | 'N';

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: { readonly name: string; readonly type: KeyAttributeType };
  readonly sortKey: { readonly name: string; readonly type: KeyAttributeType };
  /** `ALL` copies the whole item, `KEYS_ONLY` the table and index keys, a list those keys and
   * the attributes named. */
  readonly projection: 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };
  /** Its readers fetch the whole items from the table by key (BatchGetItem): a function that
   * queries it needs that action too (infra/aws/permissions.ts). */
  readonly readsItems: boolean;
}

export const PARTITION_KEY = { name: 'pk', type: 'S' } as const;

/** Index shards of a new table; fixed once the table exists (checked at start, create-table.ts). */
export const INDEX_SHARDS = 16;

/**
 * Bumped whenever an index's keys change: DynamoDB (and dynalite) cannot change an index's
 * keys in place, so the local stack keeps each shape in a table of its own name and copies an
 * older table's items over (table-migration.ts).
 */
export const TABLE_SHAPE = 5;

const CREATED_KEY = { name: 'createdKey', type: 'S' } as const;

/** A settled alert's report view (report-view.ts), a few hundred bytes of JSON text: copied
 * into the day index. */
export const REPORT_VIEW_ATTRIBUTE = 'reportView';
/** The report view of an alert not yet settled: on the item only. */
export const LIVE_VIEW_ATTRIBUTE = 'liveView';

/**
 * Carries each settled alert's report view (resolved, nothing left to deliver), so that a
 * day's report reads those from the index alone, and the others' views by key (only that
 * attribute): reading 100,000 alerts whole by key took the daily report 24 s on dynalite. An
 * open alert's view changes with nearly every write (repeats, claims, each delivery's outcome);
 * copied here it cost a storm 5.7 index write units per new alert on a day's 16 partitions
 * instead of 1, and a lifecycle 30 instead of 1 (`npm run bench -- dynamo-heat`). A settled
 * view is written here once, when the alert settles.
 */
export const BY_DAY_INDEX: IndexDefinition = {
  indexName: 'by-day',
  partitionKey: { name: 'dayPk', type: 'S' },
  sortKey: CREATED_KEY,
  projection: { include: [REPORT_VIEW_ATTRIBUTE] },
  readsItems: true,
};

/**
 * Its key moves with almost every write of an alert (each claim plans the next timer), which
 * DynamoDB bills as a delete and a put in the index: copying only keys (and a local timer's
 * name and payload) keeps that at one write unit each instead of the whole item twice.
 */
export const DUE_INDEX: IndexDefinition = {
  indexName: 'due',
  partitionKey: { name: 'duePk', type: 'S' },
  sortKey: { name: 'dueKey', type: 'S' },
  projection: { include: ['name', 'payload'] },
  readsItems: true,
};

export const BY_CREATED_INDEX: IndexDefinition = {
  indexName: 'by-created',
  partitionKey: { name: 'listPk', type: 'S' },
  sortKey: CREATED_KEY,
  projection: { include: ['status', 'priority'] },
  readsItems: true,
};

/** The view of an open alert its open index entry carries (open-alert-view.ts). */
export const OPEN_VIEW_ATTRIBUTE = 'openView';

/**
 * Carries each open alert's view (about 150 bytes), rewritten only when the view changes
 * (an acknowledgment), so the metrics and the backlog read the index alone.
 */
export const OPEN_INDEX: IndexDefinition = {
  indexName: 'open',
  partitionKey: { name: 'openPk', type: 'S' },
  sortKey: CREATED_KEY,
  projection: { include: [OPEN_VIEW_ATTRIBUTE] },
  readsItems: true,
};

/** `outbox` (outbox-index.ts): alerts with deliveries to make, for the senders and the sweeper. */
export const GLOBAL_SECONDARY_INDEXES: readonly IndexDefinition[] = [BY_DAY_INDEX, DUE_INDEX, BY_CREATED_INDEX, OPEN_INDEX, OUTBOX_INDEX];

/** Epoch seconds after which DynamoDB may delete the item (set on resolved alerts). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** How long a resolved alert is kept: a year of reports plus a margin. */
export const RESOLVED_RETENTION_DAYS = 400;

/** Partition key prefixes of the sharded indexes (the shard number follows a `#`). */
export const ALERT_LIST_PK = 'ALERT';
export const OPEN_PK = 'OPEN';
export const DUE_ALERT = 'ALERT';
export const DUE_TIMER = 'TIMER';

/** Every attribute used as a key of the table or an index, once, with its type. */
export const KEY_ATTRIBUTES: readonly { readonly name: string; readonly type: KeyAttributeType }[] = [
  PARTITION_KEY,
  ...GLOBAL_SECONDARY_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
].filter((attribute, i, all) => all.findIndex((other) => other.name === attribute.name) === i);

/** The projection of an index as DynamoDB's API spells it. */
export function projectionOf(index: IndexDefinition): { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } {
  if (index.projection === 'ALL' || index.projection === 'KEYS_ONLY') return { ProjectionType: index.projection };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.include] };
}

/** The CreateTable request for the local stack and tests (on demand; TTL is set separately on AWS). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: PARTITION_KEY.name, KeyType: 'HASH' }],
    AttributeDefinitions: KEY_ATTRIBUTES.map(({ name, type }) => ({ AttributeName: name, AttributeType: type })),
    GlobalSecondaryIndexes: GLOBAL_SECONDARY_INDEXES.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: projectionOf(index),
    })),
  };
}
