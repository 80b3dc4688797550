import type { Instant } from '../domain/instant.ts';

/**
 * The only way application code learns the time. Production reads the system clock; tests
 * and scenario runs use a manual clock they move. Never throws.
 */
export interface Clock {
  now(): Instant;
}
