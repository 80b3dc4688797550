import type { Alert } from '../domain/alert/alert.ts';
import type { AttemptOutcome } from '../domain/delivery/delivery-outcome.ts';
import type { Delivery } from '../domain/delivery/delivery.ts';
import type { Instant } from '../domain/instant.ts';

/**
 * Makes one attempt at one delivery: renders its notification for its recipient and hands it
 * to the provider once (no retries of its own: the outbox retries, paced). Contract: resolves
 * with what the provider did (accepted, a transient or a permanent failure, with the reason in
 * words and without secrets); throws only on a programming error. `now` signs links.
 */
export interface DeliverySender {
  attempt(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome>;
}
