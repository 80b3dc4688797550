/**
 * The business intervals of each local day of one calendar, as UTC epoch-ms pairs, computed
 * lazily and cached by local day number.
 *
 * A day runs from its local midnight to the next one (both resolved like any wall time), and
 * its intervals are sorted, disjoint and inside that span, so walking consecutive days walks
 * business time in order with no overlap, even where DST moves window edges around. A window
 * 24:00 end is the next day's midnight. Only computing a day reads time zone offsets (luxon,
 * Intl); a cached day is plain numbers, which keeps deadline arithmetic at array speed.
 *
 * The cache is direct-mapped: day `d` lives in slot `d mod 2048`, so it holds any 5.6 years
 * of days at once, never grows, and needs no bookkeeping on a hit.
 */
import { DAY_MS, type Instant } from '../instant.ts';
import { MINUTES_PER_DAY, weekdayOfLocalDay, type CalendarRules } from './calendar-rules.ts';
import { dayResolver, zoneOffsets, type OffsetAt } from './wall-time.ts';

export interface BusinessDay {
  /** Local day number (days since 1970-01-01 in local dates). */
  readonly day: number;
  /** The instant of this day's local midnight. */
  readonly startAt: Instant;
  /** The instant of the next day's local midnight (exclusive end of this day). */
  readonly endAt: Instant;
  /** `[start, end, start, end, ...]` business intervals, sorted, disjoint, non-empty. */
  readonly bounds: readonly number[];
  /** Sum of the intervals' lengths: real ms of business time on this day. */
  readonly totalMs: number;
}

const SLOT_COUNT = 2048;
const SLOT_MASK = SLOT_COUNT - 1;

export class BusinessDays {
  private readonly slots: (BusinessDay | undefined)[] = new Array<BusinessDay | undefined>(SLOT_COUNT).fill(undefined);
  private readonly offsetAt: OffsetAt;

  constructor(private readonly rules: CalendarRules) {
    this.offsetAt = zoneOffsets(rules.timezone);
  }

  day(localDay: number): BusinessDay {
    const slot = localDay & SLOT_MASK;
    const cached = this.slots[slot];
    if (cached !== undefined && cached.day === localDay) return cached;
    const computed = this.compute(localDay);
    this.slots[slot] = computed;
    return computed;
  }

  /** The local day whose span `[startAt, endAt)` holds `at`. */
  dayAt(at: Instant): BusinessDay {
    // Offsets are under a day, so the local date is the UTC date or one of its neighbours.
    let found = this.day(Math.floor(at / DAY_MS));
    while (at < found.startAt) found = this.day(found.day - 1);
    while (at >= found.endAt) found = this.day(found.day + 1);
    return found;
  }

  private compute(localDay: number): BusinessDay {
    const resolve = dayResolver(this.offsetAt, localDay);
    const startAt = resolve(0);
    const endAt = resolve(MINUTES_PER_DAY);
    const edges = this.rules.holidays.has(localDay) ? [] : (this.rules.windows[weekdayOfLocalDay(localDay)] ?? []);
    const pairs: [number, number][] = [];
    for (let i = 0; i < edges.length; i += 2) {
      // Clamping to the day keeps days disjoint even when a gap pushes an edge past midnight.
      const start = Math.max(startAt, Math.min(endAt, resolve(edges[i] as number)));
      const end = Math.max(startAt, Math.min(endAt, resolve(edges[i + 1] as number)));
      if (end > start) pairs.push([start, end]);
    }
    // A window edge inside a DST gap moves forward, which can reorder or overlap windows.
    pairs.sort((a, b) => a[0] - b[0]);
    const bounds: number[] = [];
    let totalMs = 0;
    for (const [start, end] of pairs) {
      const last = bounds.length - 1;
      if (last > 0 && start <= (bounds[last] as number)) {
        const mergedEnd = Math.max(bounds[last] as number, end);
        totalMs += mergedEnd - (bounds[last] as number);
        bounds[last] = mergedEnd;
      } else {
        bounds.push(start, end);
        totalMs += end - start;
      }
    }
    return { day: localDay, startAt, endAt, bounds, totalMs };
  }
}
