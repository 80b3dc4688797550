/**
 * An AlertStore in memory, honouring the port's contract (AlreadyExists on a duplicate
 * create, optimistic versions, newest-first listing with opaque cursors, listDue, a dedup
 * pointer that only rises, the same size limit) so use-case tests exercise the same
 * outcomes the DynamoDB store produces. Alerts are copied in and out: a caller mutating an
 * object it passed or got back never changes what is stored.
 *
 * `failNext(operation)` makes the next call of one operation throw (StoreUnavailableError by
 * default), for tests of what a use case does when the store is down or a write loses a race.
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { nextReadyAt, outboxOf } from '../../shared/domain/delivery/outbox.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { reportViewOf, type ReportView } from '../../shared/domain/report/report-view.ts';
import { AlreadyExistsError, StoreUnavailableError, VersionConflictError } from '../../shared/errors.ts';
import type { AlertListQuery, AlertPage, AlertStore, DueCursor, DuePage } from '../../shared/ports/alert-store.ts';
import { assertAlertFits, assertPageSize, assertVersionStep, invalidCursor } from '../../shared/store/write-rules.ts';

export type StoreOperation = keyof AlertStore;

interface ListCursor {
  readonly createdAt: Instant;
  readonly id: string;
}

export class InMemoryAlertStore implements AlertStore {
  private readonly alerts = new Map<string, Alert>();
  private readonly pointers = new Map<string, number>();
  private readonly failures = new Map<StoreOperation, Error[]>();

  /** The next call of `operation` throws `error` (queued: call twice to fail twice). */
  failNext(operation: StoreOperation, error: Error = new StoreUnavailableError(`injected ${operation} failure`)): void {
    this.failures.set(operation, [...(this.failures.get(operation) ?? []), error]);
  }

  /** Every stored alert, oldest first (copies). */
  all(): Alert[] {
    return [...this.alerts.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map(copy);
  }

  async get(id: string): Promise<Alert | null> {
    this.maybeFail('get');
    const alert = this.alerts.get(id);
    return alert === undefined ? null : copy(alert);
  }

  async create(alert: Alert): Promise<void> {
    this.maybeFail('create');
    assertAlertFits(alert.id, JSON.stringify(alert));
    if (this.alerts.has(alert.id)) throw new AlreadyExistsError(`alert ${alert.id} already exists`);
    this.alerts.set(alert.id, copy(alert));
  }

  async update(alert: Alert, expectedVersion: number): Promise<void> {
    this.maybeFail('update');
    assertVersionStep(alert, expectedVersion);
    assertAlertFits(alert.id, JSON.stringify(alert));
    const stored = this.alerts.get(alert.id);
    if (stored === undefined || stored.version !== expectedVersion) {
      throw new VersionConflictError(`alert ${alert.id} is not at version ${expectedVersion}`);
    }
    this.alerts.set(alert.id, copy(alert));
  }

  async latestOccurrence(integrationId: string, dedupKey: string): Promise<number> {
    this.maybeFail('latestOccurrence');
    return this.pointers.get(pointerKey(integrationId, dedupKey)) ?? 0;
  }

  async recordOccurrence(integrationId: string, dedupKey: string, occurrence: number): Promise<void> {
    this.maybeFail('recordOccurrence');
    const key = pointerKey(integrationId, dedupKey);
    this.pointers.set(key, Math.max(this.pointers.get(key) ?? 0, occurrence));
  }

  async firstCreatedAt(): Promise<Instant | null> {
    this.maybeFail('firstCreatedAt');
    const all = [...this.alerts.values()];
    return all.length === 0 ? null : Math.min(...all.map((a) => a.createdAt));
  }

  async list(query: AlertListQuery): Promise<AlertPage> {
    this.maybeFail('list');
    assertPageSize(query.limit);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const matching = [...this.alerts.values()]
      .filter((a) => (query.status === undefined || a.status === query.status) && (query.priority === undefined || a.priority === query.priority))
      .sort(newestFirst)
      .filter((a) => after === null || newestFirst(a, { createdAt: after.createdAt, id: after.id }) > 0);
    const page = matching.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = matching.length > page.length && last !== undefined ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { alerts: page.map(copy), nextCursor };
  }

  async *listCreatedBetween(fromAt: Instant, toAt: Instant, pageSize: number): AsyncIterable<readonly Alert[]> {
    this.maybeFail('listCreatedBetween');
    assertPageSize(pageSize);
    const inRange = [...this.alerts.values()]
      .filter((a) => a.createdAt >= fromAt && a.createdAt < toAt)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    for (let i = 0; i < inRange.length; i += pageSize) yield inRange.slice(i, i + pageSize).map(copy);
  }

  async *listReportViews(fromAt: Instant, toAt: Instant, pageSize: number, groupBy: string | null): AsyncIterable<readonly ReportView[]> {
    for await (const page of this.listCreatedBetween(fromAt, toAt, pageSize)) yield page.map((alert) => reportViewOf(alert, groupBy));
  }

  async *listOpen(pageSize: number): AsyncIterable<readonly Alert[]> {
    this.maybeFail('listOpen');
    assertPageSize(pageSize);
    const open = [...this.alerts.values()].filter((a) => a.status !== 'resolved').sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    for (let i = 0; i < open.length; i += pageSize) yield open.slice(i, i + pageSize).map(copy);
  }

  async listOutboxDue(dueBy: Instant, limit: number): Promise<string[]> {
    this.maybeFail('listOutboxDue');
    assertPageSize(limit);
    return [...this.alerts.values()]
      .flatMap((a) => {
        const readyAt = nextReadyAt(outboxOf(a));
        return readyAt !== null && readyAt <= dueBy ? [{ readyAt, id: a.id }] : [];
      })
      .sort((a, b) => a.readyAt - b.readyAt || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((e) => e.id);
  }

  async listDue(dueBy: Instant, limit: number, after?: DueCursor): Promise<DuePage> {
    this.maybeFail('listDue');
    assertPageSize(limit);
    const order = (a: DueCursor, b: DueCursor) => a.dueAt - b.dueAt || a.alertId.localeCompare(b.alertId);
    const entries = [...this.alerts.values()]
      .flatMap((a) => (a.timer !== null && a.timer.dueAt <= dueBy ? [{ dueAt: a.timer.dueAt, alertId: a.id }] : []))
      .sort(order)
      .filter((entry) => after === undefined || order(entry, after) > 0);
    const page = entries.slice(0, limit);
    return {
      alerts: page.map((entry) => copy(this.alerts.get(entry.alertId) as Alert)),
      next: entries.length > limit ? (page.at(-1) ?? null) : null,
    };
  }

  private maybeFail(operation: StoreOperation): void {
    const queued = this.failures.get(operation);
    const error = queued?.shift();
    if (error !== undefined) throw error;
  }
}

function newestFirst(a: { createdAt: Instant; id: string }, b: { createdAt: Instant; id: string }): number {
  return b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}

function pointerKey(integrationId: string, dedupKey: string): string {
  return JSON.stringify([integrationId, dedupKey]);
}

function copy(alert: Alert): Alert {
  return structuredClone(alert);
}

function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { createdAt, id } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof createdAt !== 'number' || typeof id !== 'string') throw invalidCursor();
  return { createdAt, id };
}
