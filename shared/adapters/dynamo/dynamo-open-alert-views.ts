/**
 * OpenAlertViews from the sparse `open` index, whose entries carry each open alert's view
 * (`openView`, open-alert-view.ts: priority, status, the clocks' instants, who closed the
 * acknowledgment), so a listing reads only the index: about 200 bytes an open alert, against
 * its whole item (1.5 KB and up) fetched by key. The shards are queried in parallel and merged
 * oldest created first (shard-merge.ts), as the store's `listOpen` merges them.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { decodeOpenAlertView, type OpenAlertView } from '../../domain/metrics/open-alert-view.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { OpenAlertViews } from '../../ports/live-figures.ts';
import { alertPk } from '../../store/keys.ts';
import { allShardKeys, assertShardCount, parseInstantIdKey } from '../../store/shard-keys.ts';
import { assertPageSize } from '../../store/write-rules.ts';
import { INDEX_SHARDS, OPEN_INDEX, OPEN_PK, OPEN_VIEW_ATTRIBUTE } from '../../store/table-definition.ts';
import type { Item } from './alert-item.ts';
import { ShardMerge, type ShardEntry } from './shard-merge.ts';
import { shardQuery } from './shard-query.ts';

/** Index entries a shard query asks for: a view is about 200 bytes with its keys, so a page
 * of a shard is a few hundred KB (DynamoDB stops at 1 MB), and 16,000 open alerts take one
 * query per shard. */
const SHARD_BATCH = 1_000;

export class DynamoOpenAlertViews implements OpenAlertViews {
  private readonly shards: number;

  constructor(private readonly options: { readonly client: DynamoDBClient; readonly tableName: string; readonly shards?: number }) {
    this.shards = options.shards ?? INDEX_SHARDS;
    assertShardCount(this.shards);
  }

  async *list(pageSize: number): AsyncIterable<readonly OpenAlertView[]> {
    assertPageSize(pageSize);
    const spec = {
      client: this.options.client,
      tableName: this.options.tableName,
      index: OPEN_INDEX,
      operation: 'listOpenViews',
      order: 'asc' as const,
      tablePkOf: (sortKey: string) => alertPk(idOf(sortKey)),
      // The sort key (the alert's id ends it) and the view: the other keys are not needed.
      extra: { ProjectionExpression: `${OPEN_INDEX.sortKey.name}, ${OPEN_VIEW_ATTRIBUTE}` },
    };
    const partitions = allShardKeys(OPEN_PK, this.shards);
    const fetchers = partitions.map((partition) => shardQuery(spec, partition));
    const merge = new ShardMerge<Item>({
      shards: partitions.length,
      order: 'asc',
      batch: SHARD_BATCH,
      fetch: (shard, after, limit) => (fetchers[shard] as (typeof fetchers)[number])(after, limit),
    });
    for (;;) {
      const page: OpenAlertView[] = [];
      while (page.length < pageSize) {
        const entry = await merge.next();
        if (entry === null || entry === 'paused') break;
        page.push(viewOf(entry));
      }
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
    }
  }
}

function idOf(sortKey: string): string {
  const parsed = parseInstantIdKey(sortKey);
  if (parsed === null) throw new TypeError(`${sortKey} is not an index sort key`);
  return parsed.id;
}

function viewOf(entry: ShardEntry<Item>): OpenAlertView {
  const id = idOf(entry.key);
  const text = entry.value[OPEN_VIEW_ATTRIBUTE]?.S;
  try {
    if (text === undefined) throw new TypeError(`the open index entry of ${id} carries no view`);
    return decodeOpenAlertView(id, text);
  } catch (error) {
    throw new StoreUnavailableError(`open index entry of alert ${id} is not a readable view`, error);
  }
}
