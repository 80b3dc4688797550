import type { TimerKind } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';

/** What a timer delivers to its function: the same JSON on AWS and locally. */
export interface TimerPayload {
  readonly alertId: string;
  readonly kind: TimerKind;
  readonly generation: number;
  /** ISO 8601 UTC, the instant it was armed for. */
  readonly dueAt: string;
}

export interface TimerRequest {
  /** Deterministic, 1..64 characters of [0-9a-zA-Z-_.] (see domain/timers/timer-name.ts). */
  readonly name: string;
  readonly at: Instant;
  readonly payload: TimerPayload;
}

/**
 * One-shot durable timers. Delivery is at least once, possibly late (up to about a minute on
 * AWS), possibly after the alert moved on: receivers re-read state and decide.
 *
 * Contract:
 * - `schedule` of a name that already exists succeeds and changes nothing (idempotent).
 * - `cancel` of a name that is gone (fired, deleted, never made) succeeds.
 * - Other failures throw TimersUnavailableError with the cause.
 */
export interface Timers {
  schedule(request: TimerRequest): Promise<void>;
  cancel(name: string): Promise<void>;
}
