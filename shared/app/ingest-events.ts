/**
 * Ingest: what an alerting tool reported becomes stored alerts and responses.
 *
 * - trigger: the current occurrence of (integration, dedup key) is found (the store's pointer,
 *   then probing forward, since the pointer is advanced only after a create). While it is open
 *   or acknowledged the delivery is a repeat: `deliveries` and `lastSeenAt` grow. With none, or
 *   after a resolution when the format reopens, occurrence n+1 is created with a conditional
 *   create; losing that race to a concurrent delivery re-reads and merges, so fifty copies of
 *   one alert make exactly one. A trigger after a resolution that must not reopen is ignored.
 * - acknowledge / resolve: recorded as the source's response (`via: webhook`, actor `source`,
 *   or `person` for acknowledgments of an integration with `sourceAcknowledgments`); for an alert
 *   never seen, or already in that state, nothing happens (`ignored`), never a 409, since
 *   tools repeat themselves.
 *
 * Events are applied in order and each is stored before the next, so when this resolves
 * everything the request carried is stored. Their first reads are started together up front
 * (find-occurrence.ts), so the store can answer a whole group in one round trip. A new alert
 * is created with its new-alert notification already claimed and its next timer planned (one
 * write), which records its deliveries; they are handed to the senders once everything is
 * stored. Nothing is sent inside the request: the senders make the deliveries at the
 * providers' rates (a crash after the write leaves them pending, never lost).
 */
import type { IntegrationConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import { alertId } from '../domain/alert/alert-id.ts';
import { newAlert } from '../domain/alert/new-alert.ts';
import type { Instant } from '../domain/instant.ts';
import { AlreadyExistsError, StoreUnavailableError } from '../errors.ts';
import type { IntakeEvent } from '../intake/intake-event.ts';
import { resolvePriority } from '../intake/priority-mapping.ts';
import { claimDue } from '../domain/timers/claim-due.ts';
import { decideDue, type NotifyDecision } from '../domain/timers/decide-due.ts';
import type { AppDeps } from './app-deps.ts';
import { Lookups } from './find-occurrence.ts';
import { afterClaims } from './process-due.ts';
import { deliveryTargets } from '../notify/delivery-targets.ts';
import { recordResponse } from './record-response.ts';
import { retryOnConflict, type Changed } from './retry-on-conflict.ts';

export type IngestOutcome = 'created' | 'merged' | 'acknowledged' | 'resolved' | 'ignored' | 'test';

export interface IngestResult {
  readonly outcome: IngestOutcome;
  readonly alertId: string | null;
  readonly dedupKey: string;
}

/** Rounds of find-then-create a trigger may take when other deliveries keep winning races. */
const MAX_TRIGGER_ROUNDS = 10;
/** Repeats of one alert may arrive all at once (a storm of retries): let every one land. */
const MERGE_MAX_ATTEMPTS = 100;

/** An event's result, and for a new alert the notification claimed in the write that created it. */
interface Ingested {
  readonly result: IngestResult;
  readonly claim: NewAlertClaim | null;
}

export async function ingestEvents(deps: AppDeps, integration: IntegrationConfig, events: readonly IntakeEvent[]): Promise<IngestResult[]> {
  const now = deps.clock.now();
  const lookups = new Lookups(deps, integration.id, events);
  const results: IngestResult[] = [];
  let claims: NewAlertClaim[] = [];
  try {
    for (const event of events) {
      // A response may concern an alert created earlier in this request: its new-alert
      // notification goes out first, and its timer is armed before the response re-plans it.
      if (event.action !== 'trigger' && claims.length > 0) {
        await notifyNew(deps, claims, now);
        claims = [];
      }
      const { result, claim } = await ingestOne(deps, lookups, integration, event, now);
      results.push(result);
      if (claim !== null) claims.push(claim);
    }
  } finally {
    // Stored claims are queued even when a later event failed (the sender's retry will only
    // merge into these alerts); were this lost too, the senders still find them stored.
    await notifyNew(deps, claims, now);
  }
  deps.logger.info('webhook ingested', { integrationId: integration.id, ...countOutcomes(results) });
  return results;
}

async function ingestOne(deps: AppDeps, lookups: Lookups, integration: IntegrationConfig, event: IntakeEvent, now: Instant): Promise<Ingested> {
  switch (event.action) {
    case 'trigger':
      return trigger(deps, lookups, integration, event, now);
    case 'acknowledge':
      return { result: await respond(deps, lookups, integration, event, 'acknowledgment'), claim: null };
    case 'resolve':
      return { result: await respond(deps, lookups, integration, event, 'resolution'), claim: null };
    case 'test':
      // A tool's test button proves the path (URL, secret, format) works; storing it would open
      // an incident with emails, reminders and a place in the report.
      deps.logger.info('test notification received: nothing stored', { integrationId: integration.id, title: event.title });
      return { result: { outcome: 'test', alertId: null, dedupKey: event.dedupKey }, claim: null };
  }
}

async function trigger(deps: AppDeps, lookups: Lookups, integration: IntegrationConfig, event: IntakeEvent, now: Instant): Promise<Ingested> {
  const result = (outcome: IngestOutcome, id: string | null, claim: NewAlertClaim | null = null): Ingested => ({
    result: { outcome, alertId: id, dedupKey: event.dedupKey },
    claim,
  });
  for (let round = 1; round <= MAX_TRIGGER_ROUNDS; round += 1) {
    const { current, next } = await lookups.find(event);
    if (current !== null && current.status !== 'resolved') {
      if (await merge(deps, current, now)) return result('merged', current.id);
      continue; // resolved between the read and the write: decide again
    }
    if (current !== null && !event.reopenAfterResolve) return result('ignored', current.id);
    const fresh = buildAlert(deps, integration, event, next, now);
    const claim = claimNewAlert(deps, fresh, now);
    const alert = claim.after;
    try {
      await deps.store.create(alert);
    } catch (error) {
      if (error instanceof AlreadyExistsError) continue; // a concurrent delivery created it: merge into it
      throw error;
    }
    if (event.reopenAfterResolve) await advancePointer(deps, integration.id, event.dedupKey, next);
    return result('created', alert.id, claim);
  }
  // Senders retry 5xx: the next attempt will find the alert settled.
  throw new StoreUnavailableError(`alert ${event.dedupKey} of ${integration.id} kept changing while it was stored`);
}

/**
 * The pointer only speeds up finding the latest occurrence (Lookups.find probes forward and
 * repairs it), so failing to advance it must not fail a request whose alert is stored.
 */
async function advancePointer(deps: AppDeps, integrationId: string, dedupKey: string, occurrence: number): Promise<void> {
  try {
    await deps.store.recordOccurrence(integrationId, dedupKey, occurrence);
  } catch (error) {
    deps.logger.warn('dedup pointer not advanced: the next delivery repairs it', {
      integrationId,
      occurrence,
      error: error instanceof Error ? error.message : String(error),
    });
  }
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

async function respond(deps: AppDeps, lookups: Lookups, integration: IntegrationConfig, event: IntakeEvent, type: 'acknowledgment' | 'resolution'): Promise<IngestResult> {
  const ignored: IngestResult = { outcome: 'ignored', alertId: null, dedupKey: event.dedupKey };
  const found = await lookups.find(event);
  // A read made when the request began may predate an alert a concurrent delivery has created
  // since, and nothing would repeat a response ignored now: read again before ignoring it.
  const { current } = found.current === null && found.early ? await lookups.find(event) : found;
  if (current === null) return ignored;
  const done = type === 'acknowledgment' ? current.status !== 'open' : current.status === 'resolved';
  if (done) return { ...ignored, alertId: current.id };
  // A source's acknowledgment counts as a person's only where the integration says its tool
  // relays people's acknowledgments (PagerDuty by default); a resolution is always the source's.
  const actor = type === 'acknowledgment' && integration.sourceAcknowledgments ? 'person' : 'source';
  const recorded = await recordResponse(deps, { alertId: current.id, type, by: event.by, note: null, via: 'webhook', actor });
  if (recorded.kind === 'already') return { ...ignored, alertId: current.id };
  return { outcome: type === 'acknowledgment' ? 'acknowledged' : 'resolved', alertId: current.id, dedupKey: event.dedupKey };
}

/**
 * A new alert is stored with its new-alert notification already claimed (and its timer planned
 * for what comes next), so creating and claiming are one write. The claim is sent once every
 * event of the request is stored.
 */
type NewAlertClaim = Changed<NotifyDecision>;

function claimNewAlert(deps: AppDeps, fresh: Alert, now: Instant): NewAlertClaim {
  const decision = decideDue(fresh, now);
  if (decision.kind !== 'notify') throw new Error(`a new alert must have its new-alert notification due, got ${decision.kind}`);
  const after = { ...claimDue(fresh, decision, now, deliveryTargets(deps.config)), version: fresh.version };
  return { before: fresh, after, written: true, result: decision };
}

/** Arms the new alerts' timers and queues their deliveries (already stored with them). */
async function notifyNew(deps: AppDeps, claims: readonly NewAlertClaim[], now: Instant): Promise<void> {
  await afterClaims(deps, claims, now);
}

function countOutcomes(results: readonly IngestResult[]): Record<IngestOutcome, number> {
  const counts: Record<IngestOutcome, number> = { created: 0, merged: 0, acknowledged: 0, resolved: 0, ignored: 0, test: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}
