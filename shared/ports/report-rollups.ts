import type { DayRollup } from '../domain/report/day-rollup.ts';

/**
 * Stored per-day report summaries (day-rollup.ts), so weekly and monthly reports merge a few
 * dozen small items instead of reading every alert of the period again.
 *
 * Contract:
 * - `get` answers the rollups stored for these local dates of `timezone` (absent dates are
 *   missing from the map); a rollup is only a cache: losing one costs a rebuild, never a
 *   wrong report, since callers reuse only `final` ones of the current shape and settings.
 * - `put` stores or replaces the rollup of its date and zone (last writer wins: both are
 *   built from the same alerts).
 * - Failures are StoreUnavailableError with the SDK error as `cause`.
 */
export interface ReportRollups {
  get(timezone: string, dates: readonly string[]): Promise<ReadonlyMap<string, DayRollup>>;
  put(rollup: DayRollup): Promise<void>;
}
