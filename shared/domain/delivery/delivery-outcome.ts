/**
 * What one attempt at a delivery did to it. A sender reports the provider's answer as an
 * attempt outcome; this decides the delivery's next state:
 * - accepted: `sent`, with the provider's message id;
 * - permanent (a refused or malformed address, an unverified identity, an unknown Slack
 *   channel): `failed` at once, never tried again;
 * - transient (throttling, 5xx, network, timeout): `retrying` after an exponential backoff
 *   with jitter, or after the provider's Retry-After when longer; past the retry horizon
 *   (counted from the claim) it becomes `failed`.
 */
import type { Instant } from '../instant.ts';
import type { Delivery } from './delivery.ts';

export type AttemptOutcome =
  | { readonly kind: 'accepted'; readonly messageId: string | null }
  | { readonly kind: 'permanent'; readonly error: string }
  | { readonly kind: 'transient'; readonly error: string; readonly retryAfterMs: number | null };

export interface RetryPolicy {
  /** Transient failures are retried until this long after the claim (default 24 h). */
  readonly horizonMs: number;
  /** First backoff; doubles with every attempt (default 2 s). */
  readonly baseDelayMs: number;
  /** Longest backoff (default 15 min). */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { horizonMs: 24 * 3600_000, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };

/**
 * The wait before attempt `attempts + 1`: `base * 2^(attempts-1)` capped, "equal jitter"
 * (half fixed, half random from `jitter` in [0, 1)) so that senders throttled together do not
 * retry together; never shorter than the provider's Retry-After.
 */
export function backoffMs(attempts: number, policy: RetryPolicy, jitter: number, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  const jittered = exponential / 2 + (exponential / 2) * Math.min(Math.max(jitter, 0), 1);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}

/** The delivery after one attempt made at `now` (`jitter` in [0, 1), from the caller). */
export function afterAttempt(delivery: Delivery, outcome: AttemptOutcome, now: Instant, policy: RetryPolicy, jitter: number): Delivery {
  const attempts = delivery.attempts + 1;
  const base = { ...delivery, attempts, leaseUntil: null };
  switch (outcome.kind) {
    case 'accepted':
      return { ...base, state: 'sent', messageId: outcome.messageId, doneAt: now, nextAttemptAt: null };
    case 'permanent':
      return { ...base, state: 'failed', lastError: outcome.error, reason: outcome.error, doneAt: now, nextAttemptAt: null };
    case 'transient': {
      const nextAttemptAt = now + backoffMs(attempts, policy, jitter, outcome.retryAfterMs);
      if (nextAttemptAt > delivery.claimedAt + policy.horizonMs) {
        const hours = Math.round(policy.horizonMs / 3600_000);
        const reason = `gave up after ${attempts} attempts over ${hours} h: ${outcome.error}`;
        return { ...base, state: 'failed', lastError: outcome.error, reason, doneAt: now, nextAttemptAt: null };
      }
      return { ...base, state: 'retrying', lastError: outcome.error, nextAttemptAt };
    }
  }
}

/** The delivery skipped as stale at `now`. */
export function skipped(delivery: Delivery, reason: string, now: Instant): Delivery {
  return { ...delivery, state: 'skipped', reason, doneAt: now, nextAttemptAt: null, leaseUntil: null };
}
