/**
 * Business time on a calendar: deadlines, elapsed business time and window edges, walking the
 * cached business intervals of consecutive local days.
 *
 * Business time is real elapsed milliseconds inside windows. A deadline is the first instant
 * at which the business ms elapsed since the start reach the duration, so a duration that
 * runs out exactly at a window's close is that close, and a zero duration is the start
 * itself. Whole days are skipped by their totals, so the cost grows with the days spanned,
 * not with the length of the duration.
 */
import type { Instant } from '../instant.ts';
import type { BusinessClock } from './business-clock.ts';
import type { BusinessDays } from './business-days.ts';

/** Consecutive days without business time after which a calendar is declared empty. */
const MAX_IDLE_DAYS = 3700;

function assertInstant(at: Instant, what: string): void {
  if (!Number.isFinite(at)) throw new RangeError(`${what} must be a finite epoch-ms instant, got ${at}`);
}

export class CalendarClock implements BusinessClock {
  constructor(
    readonly name: string,
    readonly timezone: string,
    private readonly days: BusinessDays,
  ) {}

  deadline(startAt: Instant, durationMs: number): Instant {
    assertInstant(startAt, 'startAt');
    if (!(durationMs >= 0) || !Number.isFinite(durationMs)) {
      throw new RangeError(`durationMs must be a finite number >= 0, got ${durationMs}`);
    }
    if (durationMs === 0) return startAt;
    let remaining = durationMs;
    let day = this.days.dayAt(startAt);
    let bounds = day.bounds;
    for (let i = 0; i < bounds.length; i += 2) {
      const end = bounds[i + 1] as number;
      if (end <= startAt) continue;
      const from = Math.max(bounds[i] as number, startAt);
      if (end - from >= remaining) return from + remaining;
      remaining -= end - from;
    }
    let idle = 0;
    for (;;) {
      day = this.days.day(day.day + 1);
      if (day.totalMs < remaining) {
        remaining -= day.totalMs;
        idle = day.totalMs === 0 ? idle + 1 : 0;
        if (idle > MAX_IDLE_DAYS) throw new Error(`Calendar "${this.name}" has no business time for ${MAX_IDLE_DAYS} days`);
        continue;
      }
      bounds = day.bounds;
      for (let i = 0; i < bounds.length; i += 2) {
        const start = bounds[i] as number;
        const length = (bounds[i + 1] as number) - start;
        if (length >= remaining) return start + remaining;
        remaining -= length;
      }
    }
  }

  elapsed(fromAt: Instant, toAt: Instant): number {
    assertInstant(fromAt, 'fromAt');
    assertInstant(toAt, 'toAt');
    if (toAt <= fromAt) return 0;
    const first = this.days.dayAt(fromAt);
    const last = this.days.dayAt(toAt);
    if (first.day === last.day) return clippedSum(first.bounds, fromAt, toAt);
    let total = clippedSum(first.bounds, fromAt, toAt) + clippedSum(last.bounds, fromAt, toAt);
    for (let d = first.day + 1; d < last.day; d++) total += this.days.day(d).totalMs;
    return total;
  }

  nextBusinessInstant(at: Instant): Instant {
    assertInstant(at, 'at');
    let day = this.days.dayAt(at);
    for (let idle = 0; idle <= MAX_IDLE_DAYS; idle++) {
      const bounds = day.bounds;
      for (let i = 0; i < bounds.length; i += 2) {
        if ((bounds[i + 1] as number) > at) return Math.max(bounds[i] as number, at);
      }
      day = this.days.day(day.day + 1);
    }
    throw new Error(`Calendar "${this.name}" has no business time for ${MAX_IDLE_DAYS} days`);
  }

  isBusinessTime(at: Instant): boolean {
    assertInstant(at, 'at');
    const bounds = this.days.dayAt(at).bounds;
    for (let i = 0; i < bounds.length; i += 2) {
      if ((bounds[i] as number) <= at && at < (bounds[i + 1] as number)) return true;
    }
    return false;
  }
}

/** Business ms of `bounds` inside `[fromAt, toAt)`. */
function clippedSum(bounds: readonly number[], fromAt: Instant, toAt: Instant): number {
  let total = 0;
  for (let i = 0; i < bounds.length; i += 2) {
    const start = Math.max(bounds[i] as number, fromAt);
    const end = Math.min(bounds[i + 1] as number, toAt);
    if (end > start) total += end - start;
  }
  return total;
}
