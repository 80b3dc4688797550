/**
 * Partition keys and index values of the items in the one table. Kept apart from the
 * adapters so the DynamoDB store, the local timers and any maintenance script agree on them.
 * Dedup keys are hashed: a PagerDuty dedup key alone may be 255 characters, and the pointer
 * only ever needs to be found again, never read back as text.
 */
import { createHash } from 'node:crypto';
import type { Instant } from '../domain/instant.ts';

export function alertPk(alertId: string): string {
  return `ALERT#${alertId}`;
}

/** The alert id of an `ALERT#<id>` key. */
export function alertIdOf(pk: string): string {
  if (!pk.startsWith('ALERT#')) throw new TypeError(`${pk} is not an alert key`);
  return pk.slice('ALERT#'.length);
}

export function dedupPk(integrationId: string, dedupKey: string): string {
  return `DEDUP#${integrationId}#${createHash('sha256').update(dedupKey).digest('base64url')}`;
}

export function timerPk(name: string): string {
  return `TIMER#${name}`;
}

/** The UTC date `YYYY-MM-DD` of an instant: the `day` of the `by-day` index. */
export function utcDay(at: Instant): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A stored day rollup of the report (zone names hold `/`, never `#`). */
export function rollupPk(timezone: string, date: string): string {
  return `ROLLUP#${timezone}#${date}`;
}

/** The intake counters of one integration (ports/intake-stats.ts). */
export function intakeStatsPk(integrationId: string): string {
  return `INTAKE#${integrationId}`;
}

/** One shard of a day's SLA counters, by the local date in the reporting zone (ports/live-figures.ts). */
export function dayCountersPk(timezone: string, date: string, shard: number): string {
  return `COUNTERS#${timezone}#${date}#${shard}`;
}
