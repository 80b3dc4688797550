/**
 * Ingest: what an alerting tool reported becomes stored alerts and responses.
 *
 * - trigger: the current occurrence of (integration, dedup key) is found (the store's pointer,
 *   then probing forward, since the pointer is advanced only after a create). While it is open
 *   or acknowledged the delivery is a repeat: `deliveries` and `lastSeenAt` grow. With none, or
 *   after a resolution when the format reopens, occurrence n+1 is created with a conditional
 *   create; losing that race to a concurrent delivery re-reads and merges, so fifty copies of
 *   one alert make exactly one. A trigger after a resolution that must not reopen is ignored.
 * - acknowledge / resolve: recorded as the source's response (`via: webhook`); for an alert
 *   never seen, or already in that state, nothing happens (`ignored`), never a 409, since
 *   tools repeat themselves.
 *
 * Events are applied in order and each is stored before the next, so when this resolves
 * everything the request carried is stored. Only then are new alerts' notifications sent
 * inline; a failure there does not fail the request: the alert is stored with its timer due,
 * so the timer or the sweeper sends it.
 */
import type { IntegrationConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import { alertId } from '../domain/alert/alert-id.ts';
import { newAlert } from '../domain/alert/new-alert.ts';
import type { Instant } from '../domain/instant.ts';
import { AlreadyExistsError, StoreUnavailableError } from '../errors.ts';
import type { IntakeEvent } from '../intake/intake-event.ts';
import { resolvePriority } from '../intake/priority-mapping.ts';
import type { AppDeps } from './app-deps.ts';
import { processDue } from './process-due.ts';
import { recordResponse } from './record-response.ts';
import { retryOnConflict } from './retry-on-conflict.ts';

export type IngestOutcome = 'created' | 'merged' | 'acknowledged' | 'resolved' | 'ignored';

export interface IngestResult {
  readonly outcome: IngestOutcome;
  readonly alertId: string | null;
  readonly dedupKey: string;
}

/** Rounds of find-then-create a trigger may take when other deliveries keep winning races. */
const MAX_TRIGGER_ROUNDS = 10;
/** Repeats of one alert may arrive all at once (a storm of retries): let every one land. */
const MERGE_MAX_ATTEMPTS = 100;
/** New-alert notifications sent at once after a group arrives. */
const NOTIFY_CONCURRENCY = 4;

export async function ingestEvents(deps: AppDeps, integration: IntegrationConfig, events: readonly IntakeEvent[]): Promise<IngestResult[]> {
  const now = deps.clock.now();
  const results: IngestResult[] = [];
  for (const event of events) results.push(await ingestOne(deps, integration, event, now));
  const created = results.filter((r) => r.outcome === 'created').map((r) => r.alertId as string);
  await notifyNew(deps, created, now);
  deps.logger.info('webhook ingested', { integrationId: integration.id, ...countOutcomes(results) });
  return results;
}

function ingestOne(deps: AppDeps, integration: IntegrationConfig, event: IntakeEvent, now: Instant): Promise<IngestResult> {
  switch (event.action) {
    case 'trigger':
      return trigger(deps, integration, event, now);
    case 'acknowledge':
      return respond(deps, integration, event, 'acknowledgment');
    case 'resolve':
      return respond(deps, integration, event, 'resolution');
  }
}

interface Occurrence {
  /** The highest occurrence stored, or null when the key was never seen. */
  readonly current: Alert | null;
  /** The occurrence number a new alert would take. */
  readonly next: number;
}

async function findOccurrence(deps: AppDeps, integrationId: string, dedupKey: string): Promise<Occurrence> {
  const pointer = await deps.store.latestOccurrence(integrationId, dedupKey);
  let current: Alert | null = null;
  let next = Math.max(pointer, 1);
  for (;;) {
    const found = await deps.store.get(alertId(integrationId, dedupKey, next));
    if (found === null) break;
    current = found;
    next += 1;
  }
  // A pointer left behind (a crash between create and recordOccurrence) is moved up here.
  if (current !== null && current.occurrence > pointer) await deps.store.recordOccurrence(integrationId, dedupKey, current.occurrence);
  return { current, next };
}

async function trigger(deps: AppDeps, integration: IntegrationConfig, event: IntakeEvent, now: Instant): Promise<IngestResult> {
  const result = (outcome: IngestOutcome, id: string | null): IngestResult => ({ outcome, alertId: id, dedupKey: event.dedupKey });
  for (let round = 1; round <= MAX_TRIGGER_ROUNDS; round += 1) {
    const { current, next } = await findOccurrence(deps, integration.id, event.dedupKey);
    if (current !== null && current.status !== 'resolved') {
      if (await merge(deps, current, now)) return result('merged', current.id);
      continue; // resolved between the read and the write: decide again
    }
    if (current !== null && !event.reopenAfterResolve) return result('ignored', current.id);
    const alert = buildAlert(deps, integration, event, next, now);
    try {
      await deps.store.create(alert);
    } catch (error) {
      if (error instanceof AlreadyExistsError) continue; // a concurrent delivery created it: merge into it
      throw error;
    }
    await deps.store.recordOccurrence(integration.id, event.dedupKey, next);
    return result('created', alert.id);
  }
  // Senders retry 5xx: the next attempt will find the alert settled.
  throw new StoreUnavailableError(`alert ${event.dedupKey} of ${integration.id} kept changing while it was stored`);
}

/** A repeat delivery; false when the alert was resolved meanwhile. */
async function merge(deps: AppDeps, current: Alert, now: Instant): Promise<boolean> {
  const changed = await retryOnConflict(
    deps.store,
    current.id,
    (alert) =>
      alert.status === 'resolved'
        ? { kind: 'keep', result: false }
        : { kind: 'write', alert: { ...alert, version: alert.version + 1, deliveries: alert.deliveries + 1, lastSeenAt: Math.max(alert.lastSeenAt, now) }, result: true },
    { first: current, maxAttempts: MERGE_MAX_ATTEMPTS },
  );
  return changed.result;
}

function buildAlert(deps: AppDeps, integration: IntegrationConfig, event: IntakeEvent, occurrence: number, now: Instant): Alert {
  const priority = resolvePriority(integration, event.severity, event.priority);
  return newAlert({
    ...event,
    id: alertId(integration.id, event.dedupKey, occurrence),
    integrationId: integration.id,
    format: integration.format,
    occurrence,
    priority,
    policy: deps.config.policies[priority],
    now,
  });
}

async function respond(deps: AppDeps, integration: IntegrationConfig, event: IntakeEvent, type: 'acknowledgment' | 'resolution'): Promise<IngestResult> {
  const ignored: IngestResult = { outcome: 'ignored', alertId: null, dedupKey: event.dedupKey };
  const { current } = await findOccurrence(deps, integration.id, event.dedupKey);
  if (current === null) return ignored;
  const done = type === 'acknowledgment' ? current.status !== 'open' : current.status === 'resolved';
  if (done) return { ...ignored, alertId: current.id };
  const recorded = await recordResponse(deps, { alertId: current.id, type, by: event.by, note: null, via: 'webhook' });
  if (recorded.kind === 'already') return { ...ignored, alertId: current.id };
  return { outcome: type === 'acknowledgment' ? 'acknowledged' : 'resolved', alertId: current.id, dedupKey: event.dedupKey };
}

async function notifyNew(deps: AppDeps, ids: readonly string[], now: Instant): Promise<void> {
  for (let start = 0; start < ids.length; start += NOTIFY_CONCURRENCY) {
    await Promise.all(ids.slice(start, start + NOTIFY_CONCURRENCY).map((id) => notifyOne(deps, id, now)));
  }
}

async function notifyOne(deps: AppDeps, id: string, now: Instant): Promise<void> {
  try {
    await processDue(deps, id, now);
  } catch (error) {
    // Deliberately not rethrown: the alert is stored with its timer due, so the timer or the
    // sweeper sends the notification; failing the request would only make the sender repeat it.
    deps.logger.error('new-alert notification not sent: left to its timer and the sweeper', {
      alertId: id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

function countOutcomes(results: readonly IngestResult[]): Record<IngestOutcome, number> {
  const counts: Record<IngestOutcome, number> = { created: 0, merged: 0, acknowledged: 0, resolved: 0, ignored: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}
