/**
 * An alert as a DynamoDB item: the whole alert as one JSON string `doc`, plus top-level
 * attributes for the keys of the indexes and the list filters.
 *
 * Why one JSON document instead of native maps and lists: every write replaces the whole
 * alert under a version condition (no nested update expressions are ever needed), JSON
 * round-trips the domain type exactly (nulls, empty strings, label names DynamoDB would
 * refuse as map keys, numbers as JS numbers) without a marshaller to keep in step with the
 * type, and it is smaller on the wire than typed attribute values. The attributes outside
 * `doc` are derived from it on every write, so they never disagree.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../../domain/alert/alert.ts';
import { DAY_MS } from '../../domain/instant.ts';
import { alertPk, utcDay } from '../../store/keys.ts';
import { outboxAttributes } from './outbox-entries.ts';
import { instantIdKey, shardKey, shardOf } from '../../store/shard-keys.ts';
import { ALERT_LIST_PK, DUE_ALERT, INDEX_SHARDS, LIVE_VIEW_ATTRIBUTE, OPEN_PK, REPORT_VIEW_ATTRIBUTE, RESOLVED_RETENTION_DAYS, TTL_ATTRIBUTE } from '../../store/table-definition.ts';
import { isSettled, isUsableView, reportViewOf, type ReportView } from '../../domain/report/report-view.ts';
import { openViewAttributes } from './open-view-attributes.ts';

export type Item = Record<string, AttributeValue>;

/**
 * Serializes an alert (JSON text in `doc`) with its index attributes, sharded over `shards`,
 * and its report view (report-view.ts) grouped by the label `groupBy` (`reporting.group_by`).
 */
export function toAlertItem(alert: Alert, doc: string = JSON.stringify(alert), shards: number = INDEX_SHARDS, groupBy: string | null = null): Item {
  const shard = shardOf(alert.id, shards);
  const createdKey = instantIdKey(alert.createdAt, alert.id);
  const item: Item = {
    pk: { S: alertPk(alert.id) },
    doc: { S: doc },
    version: { N: String(alert.version) },
    createdAt: { N: String(alert.createdAt) },
    createdKey: { S: createdKey },
    dayPk: { S: shardKey(utcDay(alert.createdAt), shard) },
    listPk: { S: shardKey(ALERT_LIST_PK, shard) },
    status: { S: alert.status },
    priority: { S: alert.priority },
    // A settled view goes where the day index copies it; a live one changes too often for that.
    [isSettled(alert) ? REPORT_VIEW_ATTRIBUTE : LIVE_VIEW_ATTRIBUTE]: { S: JSON.stringify(reportViewOf(alert, groupBy)) },
  };
  // Sparse `due` index: only alerts with a pending timer appear in the sweeper's query.
  if (alert.timer !== null) {
    item.duePk = { S: shardKey(DUE_ALERT, shard) };
    item.dueKey = { S: instantIdKey(alert.timer.dueAt, alert.id) };
  }
  // Sparse `open` index: an alert leaves it when resolved.
  if (alert.status !== 'resolved') item.openPk = { S: shardKey(OPEN_PK, shard) };
  // Sparse `outbox` index: only alerts with deliveries to make (outbox-entries.ts).
  Object.assign(item, outboxAttributes(alert, shards));
  Object.assign(item, openViewAttributes(alert));
  if (alert.resolvedAt !== null) {
    item[TTL_ATTRIBUTE] = { N: String(Math.floor((alert.resolvedAt + RESOLVED_RETENTION_DAYS * DAY_MS) / 1000)) };
  }
  return item;
}

/** Reads an alert back from an item written by `toAlertItem`; throws when it is not one. */
export function fromAlertItem(item: Item): Alert {
  const doc = item.doc?.S;
  if (doc === undefined) throw new TypeError(`item ${item.pk?.S ?? '(no pk)'} has no alert document`);
  return JSON.parse(doc) as Alert;
}

/**
 * The report view an item (or its day index entry) carries, settled or live, when it stands for
 * the alert in a report grouped by `groupBy`; null when it is missing, unreadable, of another
 * version or grouping: the reader then makes one from the alert.
 */
export function storedView(item: Item, groupBy: string | null): ReportView | null {
  const text = item[REPORT_VIEW_ATTRIBUTE]?.S ?? item[LIVE_VIEW_ATTRIBUTE]?.S;
  if (text === undefined) return null;
  try {
    const view: unknown = JSON.parse(text);
    return isUsableView(view, groupBy) ? view : null;
  } catch {
    return null;
  }
}
