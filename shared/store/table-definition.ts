/**
 * The one DynamoDB table of sla-watch, as plain data: the local bootstrap creates it from
 * `createTableInput` and the CDK stack builds the same keys, indexes and TTL from the
 * constants, so the two never drift.
 *
 * Items (simple primary key `pk`, no sort key: every item is read and written alone):
 * - alert `ALERT#<id>`: the whole alert as one JSON string `doc`, plus the top-level
 *   attributes that indexes and filters need (`version`, `createdAt`, `day`, `listPk`,
 *   `status`, `priority`, and `duePk`/`dueAt` while a timer is pending, `expiresAt` once resolved);
 * - dedup pointer `DEDUP#<integrationId>#<sha256(dedupKey)>` with `latest` (N);
 * - local timer `TIMER#<name>` (local stack only) with `duePk` `TIMER`, `dueAt`, `kind`, `payload`.
 *
 * Indexes (all project ALL: every reader needs the whole alert or timer, and a second read per
 * item would cost more than the replicated bytes):
 * - `by-day` (`day`, `createdAt`): the daily report reads the UTC days overlapping a local day;
 * - `due` (`duePk`, `dueAt`), sparse: the sweeper reads `ALERT`, the local timer loop `TIMER`;
 * - `by-created` (`listPk`, `createdAt`): `GET /alerts` newest first. One partition value
 *   (`ALERT`) keeps the order global; it takes about 1,000 writes a second, far above any
 *   alert rate this service sees.
 * - `open` (`openPk`, `createdAt`), sparse: every alert not yet resolved, oldest first, for the
 *   report's backlog, the console's board and the metrics; an alert leaves it when resolved, so
 *   reading it costs what is open, never the history.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { OUTBOX_INDEX } from './outbox-index.ts';

export type KeyAttributeType = 'S' | 'N';

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: { readonly name: string; readonly type: KeyAttributeType };
  readonly sortKey: { readonly name: string; readonly type: KeyAttributeType };
  /** `ALL` copies the whole item; a list names the only attributes copied besides the keys. */
  readonly projection: 'ALL' | { readonly include: readonly string[] };
}

export const PARTITION_KEY = { name: 'pk', type: 'S' } as const;

export const BY_DAY_INDEX: IndexDefinition = {
  indexName: 'by-day',
  partitionKey: { name: 'day', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
  projection: 'ALL',
};

/**
 * Its key moves with almost every write of an alert (each claim plans the next timer), which
 * DynamoDB bills as a delete and a put in the index: copying only keys (and a local timer's
 * name and payload) keeps that at one write unit each instead of the whole item twice. The
 * sweeper reads each due alert itself, strongly consistent, which it wants anyway.
 */
export const DUE_INDEX: IndexDefinition = {
  indexName: 'due',
  partitionKey: { name: 'duePk', type: 'S' },
  sortKey: { name: 'dueAt', type: 'N' },
  projection: { include: ['name', 'payload'] },
};

export const BY_CREATED_INDEX: IndexDefinition = {
  indexName: 'by-created',
  partitionKey: { name: 'listPk', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
  projection: 'ALL',
};

export const OPEN_INDEX: IndexDefinition = {
  indexName: 'open',
  partitionKey: { name: 'openPk', type: 'S' },
  sortKey: { name: 'createdAt', type: 'N' },
  projection: 'ALL',
};

/** `outbox` (outbox-index.ts): alerts with deliveries to make, for the senders and the sweeper. */
export const GLOBAL_SECONDARY_INDEXES: readonly IndexDefinition[] = [BY_DAY_INDEX, DUE_INDEX, BY_CREATED_INDEX, OPEN_INDEX, OUTBOX_INDEX];

/** Epoch seconds after which DynamoDB may delete the item (set on resolved alerts). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** How long a resolved alert is kept: a year of reports plus a margin. */
export const RESOLVED_RETENTION_DAYS = 400;

/** `listPk` of every alert (the `by-created` index has one partition). */
export const ALERT_LIST_PK = 'ALERT';
/** `openPk` of every alert not yet resolved (the sparse `open` index). */
export const OPEN_PK = 'OPEN';
/** `duePk` values of the sparse `due` index. */
export const DUE_ALERT = 'ALERT';
export const DUE_TIMER = 'TIMER';

/** Every attribute used as a key of the table or an index, once, with its type. */
export const KEY_ATTRIBUTES: readonly { readonly name: string; readonly type: KeyAttributeType }[] = [
  PARTITION_KEY,
  ...GLOBAL_SECONDARY_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
].filter((attribute, i, all) => all.findIndex((other) => other.name === attribute.name) === i);

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
      Projection: index.projection === 'ALL' ? { ProjectionType: 'ALL' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.include] },
    })),
  };
}
