/**
 * Which occurrence of (integration, dedup key) a delivery concerns: the highest stored, and
 * the number a new one would take.
 *
 * Formats that never reopen (Alertmanager, Grafana) put the occurrence in the key itself
 * (`fingerprint@startsAt`): there is only ever occurrence 1, so its id is known before
 * anything is read, and a request's alerts are all read at once up front (`Lookups`), which
 * the store can answer in one round trip instead of one per alert of a group. Formats that
 * reopen keep a pointer to the latest occurrence, advanced only after a create, and probe
 * forward from it.
 */
import type { Alert } from '../domain/alert/alert.ts';
import { alertId } from '../domain/alert/alert-id.ts';
import type { IntakeEvent } from '../intake/intake-event.ts';
import type { AppDeps } from './app-deps.ts';

export interface Occurrence {
  /** The highest occurrence stored, or null when the key was never seen. */
  readonly current: Alert | null;
  /** The occurrence number a new alert would take. */
  readonly next: number;
  /** Whether `current` was read when the request began rather than just now. */
  readonly early: boolean;
}

/**
 * The first reads of one request, started together. Each is used once, by the first event
 * that needs that alert; an alert a request names twice, or one read again after losing a
 * race, is read afresh, since by then this request may have changed it.
 */
export class Lookups {
  private readonly pending = new Map<string, Promise<Alert | null>>();

  constructor(
    private readonly deps: AppDeps,
    private readonly integrationId: string,
    events: readonly IntakeEvent[],
  ) {
    for (const event of events) {
      if (event.reopenAfterResolve || event.action === 'test') continue;
      const id = alertId(integrationId, event.dedupKey, 1);
      if (this.pending.has(id)) continue;
      const read = deps.store.get(id);
      // A read no event gets to (an earlier one failed) must not be an unhandled rejection.
      read.catch(() => undefined);
      this.pending.set(id, read);
    }
  }

  async find(event: IntakeEvent): Promise<Occurrence> {
    const { deps, integrationId } = this;
    const { dedupKey } = event;
    if (!event.reopenAfterResolve) {
      const id = alertId(integrationId, dedupKey, 1);
      const early = this.pending.has(id);
      const current = await this.read(id);
      return { current, next: current === null ? 1 : 2, early };
    }
    const pointer = await deps.store.latestOccurrence(integrationId, dedupKey);
    let current: Alert | null = null;
    let next = Math.max(pointer, 1);
    for (;;) {
      const found = await this.read(alertId(integrationId, dedupKey, next));
      if (found === null) break;
      current = found;
      next += 1;
    }
    // A pointer left behind (a crash between create and recordOccurrence) is moved up here.
    if (current !== null && current.occurrence > pointer) await deps.store.recordOccurrence(integrationId, dedupKey, current.occurrence);
    return { current, next, early: false };
  }

  private read(id: string): Promise<Alert | null> {
    const started = this.pending.get(id);
    if (started === undefined) return this.deps.store.get(id);
    this.pending.delete(id);
    return started;
  }
}
