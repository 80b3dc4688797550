/**
 * The partition-heat model: how many new alerts, and how many whole alert lifecycles, a second
 * the table's indexes sustain before one index partition passes DynamoDB's per-partition limit
 * (1,000 write units a second; a throttled index write fails the table write).
 *
 * It replays counted writes, not estimates: the item writes the cost run made (every write of
 * every alert, before and after, bench/cost/dynamo-meter.ts), charged to index partitions by
 * DynamoDB's rules (indexWriteParts) under a table shape (shard count and projections).
 * Profiles are taken per alert (the writes of its first delivery: a storm; every write of its
 * life: a lifecycle), then laid onto `replayAlerts` fresh alert ids, so each lands in the shard
 * its own id hashes to, as in production. The busiest partition's units per alert give the
 * rate: limit / (busiest units / alerts). Every alert of a storm, and every lifecycle of a
 * steady day, writes to the same day's `by-day` partitions, so days are not told apart.
 *
 * The table itself is keyed by alert id (one item per alert), so its writes spread over all of
 * its partitions; it is not what limits.
 */
import { alertId } from '../../shared/domain/alert/alert-id.ts';
import { shardOf } from '../../shared/store/shard-keys.ts';
import type { IndexDefinition } from '../../shared/store/table-definition.ts';
import { indexWriteParts, type MeteredWrite } from '../cost/dynamo-meter.ts';
import type { Item } from '../cost/item-size.ts';

export const PARTITION_WRITE_UNITS_PER_SECOND = 1_000;
export const PARTITION_READ_UNITS_PER_SECOND = 3_000;

export interface TableShape {
  readonly name: string;
  readonly shards: number;
  readonly indexes: readonly IndexDefinition[];
}

/** Index write units one alert puts on each index, by partition base (the key without its shard). */
type Profile = readonly { readonly index: string; readonly base: string; readonly units: number }[];

export interface IndexHeat {
  readonly index: string;
  /** Index write units per alert, all partitions. */
  readonly unitsPerAlert: number;
  /** Units per alert on its busiest partition (its share of the alerts included). */
  readonly busiestPerAlert: number;
  /** Alerts a second at which that partition reaches the limit. */
  readonly sustainable: number;
}

export interface HeatResult {
  readonly shape: TableShape;
  readonly perIndex: readonly IndexHeat[];
  /** The lowest over the indexes, and which index it is. */
  readonly sustainable: number;
  readonly bottleneck: string;
  readonly unitsPerAlert: number;
}

const itemId = (item: Item | undefined): string | null => {
  const pk = item?.['pk']?.S ?? '';
  return pk.startsWith('ALERT#') ? pk.slice('ALERT#'.length) : null;
};

/** The partition key without its shard suffix; every day's key as one (see above). */
function baseOf(index: IndexDefinition, entry: Item): string {
  const value = entry[index.partitionKey.name]?.S ?? '';
  const base = value.replace(/#\d+$/, '');
  return /^\d{4}-\d\d-\d\d$/.test(base) ? 'DAY' : base;
}

/** What each alert's writes (those `keep` accepts) cost the indexes of `shape`, per alert id. */
export function profiles(writes: readonly MeteredWrite[], shape: TableShape, keep: (write: MeteredWrite, alertId: string) => boolean): Profile[] {
  const byAlert = new Map<string, { index: string; base: string; units: number }[]>();
  for (const write of writes) {
    const id = itemId(write.after) ?? itemId(write.before);
    if (id === null || !keep(write, id)) continue;
    const profile = byAlert.get(id) ?? [];
    byAlert.set(id, profile);
    for (const index of shape.indexes) {
      for (const part of indexWriteParts(index, 'pk', write.before, write.after)) profile.push({ index: index.indexName, base: baseOf(index, part.entry), units: part.units });
    }
  }
  return [...byAlert.values()];
}

/** Lays the profiles onto `replayAlerts` fresh ids and finds each index's busiest partition. */
export function heat(shape: TableShape, alertProfiles: readonly Profile[], replayAlerts: number): HeatResult {
  if (alertProfiles.length === 0) throw new Error('no alert writes to replay');
  const load = new Map<string, number>();
  const total = new Map<string, number>();
  for (let i = 0; i < replayAlerts; i += 1) {
    const shard = shardOf(alertId('heat-replay', `alert-${i}`, 1), shape.shards);
    for (const { index, base, units } of alertProfiles[i % alertProfiles.length] as Profile) {
      const partition = `${index}|${base}#${shard}`;
      load.set(partition, (load.get(partition) ?? 0) + units);
      total.set(index, (total.get(index) ?? 0) + units);
    }
  }
  const perIndex = shape.indexes.map((index): IndexHeat => {
    const busiest = Math.max(0, ...[...load].filter(([partition]) => partition.startsWith(`${index.indexName}|`)).map(([, units]) => units));
    const busiestPerAlert = busiest / replayAlerts;
    return {
      index: index.indexName,
      unitsPerAlert: (total.get(index.indexName) ?? 0) / replayAlerts,
      busiestPerAlert,
      sustainable: busiestPerAlert === 0 ? Number.POSITIVE_INFINITY : PARTITION_WRITE_UNITS_PER_SECOND / busiestPerAlert,
    };
  });
  const limiting = perIndex.reduce((low, index) => (index.sustainable < low.sustainable ? index : low));
  return {
    shape,
    perIndex,
    sustainable: limiting.sustainable,
    bottleneck: limiting.index,
    unitsPerAlert: perIndex.reduce((sum, index) => sum + index.unitsPerAlert, 0),
  };
}
