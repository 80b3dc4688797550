/**
 * Makes one delivery of an alert's outbox, at most once per call:
 *
 * 1. read the alert; the delivery must still be its lane's next, ready and not leased;
 *    a stale one (a reminder about a clock that stopped) is marked skipped instead;
 * 2. lease it with a conditional write (another sender racing for it loses here, before it
 *    takes a send slot it would waste);
 * 3. reserve a slot of the shared rate (`email`, or `slack:<destination>`): when the next
 *    free slot is further than `maxWaitMs`, the lease is given back (`busy`: try later);
 * 4. wait for the slot, make one attempt, and record what the provider did (sent, retrying
 *    with backoff, failed for good) with a conditional write.
 *
 * A crash after the provider accepted and before step 4's write leaves the lease to run out;
 * the delivery is then made again: at least once, never lost. A permanent failure is logged
 * once, at error, with the reason.
 */
import type { Alert } from '../domain/alert/alert.ts';
import { afterAttempt, skipped, type AttemptOutcome, type RetryPolicy } from '../domain/delivery/delivery-outcome.ts';
import type { Delivery } from '../domain/delivery/delivery.ts';
import { outboxOf, readyDeliveries, staleReason, updateDelivery } from '../domain/delivery/outbox.ts';
import { DEFAULT_RETRY_POLICY } from '../domain/delivery/delivery-outcome.ts';
import type { Instant } from '../domain/instant.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';

export type DeliverOneResult = 'sent' | 'retrying' | 'failed' | 'skipped' | 'busy' | 'taken';

export interface DeliverOneOptions {
  /** Longest wait for a send slot; past it the delivery is left for later (`busy`). */
  readonly maxWaitMs: number;
  /** How long a lease outlives the slot: a send must be over by then (default 60 s). */
  readonly leaseMs?: number;
}

/** The shared rate a delivery counts against, and its sends per second. */
export function rateOf(delivery: Delivery, rates: { readonly email: number; readonly slack: number }): { key: string; perSecond: number } {
  return delivery.channel === 'email' ? { key: 'email', perSecond: rates.email } : { key: `slack:${delivery.recipient}`, perSecond: rates.slack };
}

export function retryPolicyOf(deps: DeliveryDeps): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, horizonMs: deps.config.notifications.retryHorizonSeconds * 1000 };
}

function readyOne(alert: Alert, seq: number, now: Instant): Delivery | null {
  return readyDeliveries(outboxOf(alert), now).find((d) => d.seq === seq) ?? null;
}

export async function deliverOne(deps: DeliveryDeps, alertId: string, seq: number, options: DeliverOneOptions): Promise<DeliverOneResult> {
  const first = await deps.store.get(alertId);
  const now = deps.clock.now();
  const candidate = first === null ? null : readyOne(first, seq, now);
  if (first === null || candidate === null) return 'taken';

  const stale = staleReason(candidate, first);
  if (stale !== null) return skip(deps, first, seq, stale);

  const leaseUntil = now + options.maxWaitMs + (options.leaseMs ?? 60_000);
  const leased = await retryOnConflict(
    deps.store,
    alertId,
    (current) => {
      const ready = readyOne(current, seq, deps.clock.now());
      if (ready === null) return { kind: 'keep', result: null };
      const outbox = updateDelivery(outboxOf(current), seq, (d) => ({ ...d, leaseUntil }));
      return { kind: 'write', alert: { ...current, version: current.version + 1, outbox }, result: ready };
    },
    { first },
  );
  const delivery = leased.result;
  if (delivery === null) return 'taken';

  const rate = rateOf(delivery, deps.config.notifications.rates);
  const slotAt = await deps.rate.reserve(rate.key, rate.perSecond, deps.clock.now(), options.maxWaitMs);
  if (slotAt === null) {
    await unlease(deps, leased.after, seq, leaseUntil);
    return 'busy';
  }

  const waitMs = slotAt - deps.clock.now();
  if (waitMs > 0) await deps.wait(waitMs);
  const attemptAt = deps.clock.now();
  // A sender slowed down so much that its lease is nearly over must not send: another sender
  // may take the delivery once the lease runs out, and both would send it.
  if (attemptAt > leaseUntil - (options.leaseMs ?? 60_000) / 2) {
    deps.logger.warn('delivery lease nearly over before its send: left for the next sender', { alertId, seq });
    return 'taken';
  }
  const outcome = await deps.sender.attempt(delivery, leased.after, attemptAt);
  return record(deps, leased.after, delivery, outcome, attemptAt);
}

/** Gives a lease back (only if it is still ours), so the delivery is ready again at once. */
async function unlease(deps: DeliveryDeps, known: Alert, seq: number, leaseUntil: Instant): Promise<void> {
  await retryOnConflict(
    deps.store,
    known.id,
    (current) => {
      const stored = outboxOf(current).find((d) => d.seq === seq);
      if (stored?.leaseUntil !== leaseUntil) return { kind: 'keep', result: null };
      return { kind: 'write', alert: { ...current, version: current.version + 1, outbox: updateDelivery(outboxOf(current), seq, (d) => ({ ...d, leaseUntil: null })) }, result: null };
    },
    { first: known },
  );
}

async function skip(deps: DeliveryDeps, first: Alert, seq: number, reason: string): Promise<DeliverOneResult> {
  const changed = await retryOnConflict(
    deps.store,
    first.id,
    (current) => {
      if (readyOne(current, seq, deps.clock.now()) === null) return { kind: 'keep', result: false };
      const outbox = updateDelivery(outboxOf(current), seq, (d) => skipped(d, reason, deps.clock.now()));
      return { kind: 'write', alert: { ...current, version: current.version + 1, outbox }, result: true };
    },
    { first },
  );
  if (!changed.result) return 'taken';
  deps.logger.info('delivery skipped', { alertId: first.id, seq, reason });
  return 'skipped';
}

/** `known`: the alert as leased (saves a read; a race re-reads). */
async function record(deps: DeliveryDeps, known: Alert, attempted: Delivery, outcome: AttemptOutcome, at: Instant): Promise<DeliverOneResult> {
  const alertId = known.id;
  const jitter = deps.random();
  const changed = await retryOnConflict(deps.store, alertId, (current) => {
    const stored = outboxOf(current).find((d) => d.seq === attempted.seq);
    // Marked by another sender meanwhile (our lease ran out): what it recorded stands.
    if (stored === undefined || (stored.state !== 'pending' && stored.state !== 'retrying')) return { kind: 'keep', result: null };
    const next = afterAttempt(stored, outcome, at, retryPolicyOf(deps), jitter);
    const outbox = updateDelivery(outboxOf(current), attempted.seq, () => next);
    return { kind: 'write', alert: { ...current, version: current.version + 1, outbox }, result: next };
  }, { first: known });
  const next = changed.result;
  const fields = {
    alertId,
    seq: attempted.seq,
    kind: attempted.notification.kind,
    channel: attempted.channel,
    recipient: attempted.recipient,
    attempts: next?.attempts ?? attempted.attempts + 1,
  };
  if (next === null) return 'taken';
  switch (next.state) {
    case 'sent':
      deps.logger.debug('delivery sent', { ...fields, messageId: next.messageId });
      return 'sent';
    case 'retrying':
      deps.logger.warn('delivery failed; retrying', { ...fields, error: next.lastError, nextAttemptAt: next.nextAttemptAt });
      return 'retrying';
    case 'failed':
      deps.logger.error('delivery failed for good', { ...fields, reason: next.reason });
      return 'failed';
    case 'pending':
    case 'skipped':
      return 'taken';
  }
}
