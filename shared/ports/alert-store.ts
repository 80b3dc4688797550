import type { Alert, AlertStatus } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';
import type { ReportView } from '../domain/report/report-view.ts';
import type { Priority } from '../domain/sla/priority.ts';

export interface AlertPage {
  readonly alerts: readonly Alert[];
  /** Opaque; pass back to get the next page. Null on the last page. */
  readonly nextCursor: string | null;
}

/** Where a listing of due alerts stopped: the last index entry it read. */
export interface DueCursor {
  readonly dueAt: Instant;
  readonly alertId: string;
}

export interface DuePage {
  /** Still due when read, oldest due first. */
  readonly alerts: readonly Alert[];
  /** Pass back to list the due alerts after this page; null once the index was read to its
   * end (a cursor may also lead to an empty page). */
  readonly next: DueCursor | null;
}

export interface AlertListQuery {
  readonly status?: AlertStatus;
  readonly priority?: Priority;
  /** 1..100 */
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Where alerts live. One alert is one item; every change is one conditional single-item write.
 *
 * Contract:
 * - `create` stores a new alert; if an alert with that id exists it throws AlreadyExistsError
 *   and changes nothing (so concurrent deliveries of one alert make exactly one).
 * - `update` replaces the alert only if the stored version is `expectedVersion`; the new
 *   alert's `version` must be `expectedVersion + 1`. Otherwise VersionConflictError and nothing
 *   changes: callers re-read, re-decide and retry.
 * - Reads are strongly consistent for `get`; index queries (`list`, `listCreatedBetween`,
 *   `listReportViews`, `listOpen`, `listDue`) are eventually consistent.
 * - Any other failure is StoreUnavailableError with the SDK error as `cause`.
 */
export interface AlertStore {
  get(id: string): Promise<Alert | null>;
  create(alert: Alert): Promise<void>;
  update(alert: Alert, expectedVersion: number): Promise<void>;

  /**
   * The highest occurrence number recorded for a dedup key (0 if none). May lag behind the
   * alerts actually stored (the pointer is advanced after the alert is created), so callers
   * probe forward from it.
   */
  latestOccurrence(integrationId: string, dedupKey: string): Promise<number>;
  /** Raises the pointer to `occurrence` if it is lower; idempotent. */
  recordOccurrence(integrationId: string, dedupKey: string, occurrence: number): Promise<void>;

  /** When the oldest alert stored was created; null when none is (a report says it has no data yet). */
  firstCreatedAt(): Promise<Instant | null>;
  /** Newest first, filtered by status and priority. */
  list(query: AlertListQuery): Promise<AlertPage>;
  /** Alerts created in [fromAt, toAt), page by page (memory bounded by the page size). */
  listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<readonly Alert[]>;
  /**
   * The report views (report-view.ts) of the alerts created in [fromAt, toAt), grouped by the
   * label `groupBy`, page by page: what a report reads, far smaller than the alerts.
   */
  listReportViews(fromAt: Instant, toAt: Instant, pageSize: number, groupBy: string | null): AsyncIterable<readonly ReportView[]>;
  /**
   * Every alert not yet resolved, oldest created first, page by page (memory bounded by the
   * page size; cost bounded by what is open, whatever the history holds).
   */
  listOpen(pageSize: number): AsyncIterable<readonly Alert[]>;
  /**
   * Alerts whose pending timer is due at or before `dueBy`, oldest due first, from at most
   * `limit` index entries after `after` (entries whose alert is no longer due are skipped, so
   * a page may hold fewer). Pages resume after the cursor, never repeating an entry.
   */
  listDue(dueBy: Instant, limit: number, after?: DueCursor): Promise<DuePage>;
  /**
   * Ids of alerts with a delivery ready by `dueBy` (pending, or retrying with its next attempt
   * due, and not leased), oldest first, at most `limit`. Eventually consistent: the sender
   * reads each alert before acting on it.
   */
  listOutboxDue(dueBy: Instant, limit: number): Promise<string[]>;
}
