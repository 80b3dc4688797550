/**
 * Makes every delivery of one alert that is ready now, lane by lane in claim order: the
 * lanes (recipient and channel) go in parallel, and when a delivery is made the next of its
 * lane, if ready, follows in the next round. What the sender Lambda does with a queued alert,
 * and what tests do in place of the queue.
 */
import type { Instant } from '../domain/instant.ts';
import { nextReadyAt, outboxOf, readyDeliveries } from '../domain/delivery/outbox.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { deliverOne, type DeliverOneOptions, type DeliverOneResult } from './deliver-one.ts';

/** Rounds per call: one alert's lane rarely holds more than a few deliveries at once. */
const MAX_ROUNDS = 20;

export interface DeliverReadyResult {
  readonly counts: Readonly<Record<DeliverOneResult, number>>;
  /** Some delivery was ready but its rate had no slot soon enough: try the alert again shortly. */
  readonly busy: boolean;
  /** When the alert next has a delivery to make (a retry); null when nothing is open. */
  readonly nextReadyAt: Instant | null;
}

export async function deliverReady(deps: DeliveryDeps, alertId: string, options: DeliverOneOptions): Promise<DeliverReadyResult> {
  const counts: Record<DeliverOneResult, number> = { sent: 0, retrying: 0, failed: 0, skipped: 0, busy: 0, taken: 0 };
  let busy = false;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const alert = await deps.store.get(alertId);
    if (alert === null) return { counts, busy, nextReadyAt: null };
    const ready = readyDeliveries(outboxOf(alert), deps.clock.now());
    if (ready.length === 0) break;
    const results = await Promise.all(ready.map((d) => deliverOne(deps, alertId, d.seq, options)));
    for (const result of results) counts[result] += 1;
    busy ||= results.includes('busy');
    if (results.every((r) => r === 'busy' || r === 'taken')) break;
  }
  const after = await deps.store.get(alertId);
  return { counts, busy, nextReadyAt: after === null ? null : nextReadyAt(outboxOf(after)) };
}
