/**
 * The `at(yyyy-mm-ddThh:mm:ss)` expression of a one-time EventBridge Scheduler schedule, in
 * UTC (the schedules say `ScheduleExpressionTimezone: 'UTC'`).
 *
 * The expression has whole seconds, so the instant is rounded UP: a timer may fire late
 * (Scheduler already fires within about a minute), never before its instant, when the
 * receiver would find nothing due yet. Months are 1-based: a known sample formats them from
 * `getMonth()` and fires every schedule a month early.
 */
import type { Instant } from '../../domain/instant.ts';

export function atExpression(at: Instant): string {
  if (!Number.isFinite(at)) throw new RangeError(`cannot schedule at ${at}`);
  const date = new Date(Math.ceil(at / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`cannot schedule at ${date.toISOString()}: outside four-digit years`);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `at(${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())})`
  );
}
