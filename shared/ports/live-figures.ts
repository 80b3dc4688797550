import type { Alert } from '../domain/alert/alert.ts';
import type { DayCounts } from '../domain/metrics/live-today.ts';
import type { OpenAlertView } from '../domain/metrics/open-alert-view.ts';

/**
 * Per-day SLA counters kept up to date as alerts are written (day-counts.ts), in one time
 * zone (the reporting zone), so today's figures cost a few counter reads instead of reading
 * every alert of the day.
 *
 * Contract:
 * - `record(before, after)` adds what a stored write changed (`before` null for a create) to
 *   the counters of the local day `after` was created on; it is called once per stored write,
 *   after it. It is not idempotent: called twice for one write, it counts twice.
 * - `read(date)` answers the counters of a local date, summed over whatever parts they are kept
 *   in, with each priority's latest breach budget; zero counters for a day nothing was written.
 * - Failures are StoreUnavailableError with the SDK error as `cause`.
 */
export interface DayCounters {
  record(before: Alert | null, after: Alert): Promise<void>;
  read(date: string): Promise<DayCounts>;
}

/**
 * The views of every alert not yet resolved (open-alert-view.ts), oldest created first, page by
 * page, from an index that lags the table a little (an alert resolved a moment ago may still be
 * listed, as the store's `listOpen` may). Failures are StoreUnavailableError.
 */
export interface OpenAlertViews {
  list(pageSize: number): AsyncIterable<readonly OpenAlertView[]>;
}

/** What the metrics read instead of every alert of the day, where the store keeps it. */
export interface LiveFigures {
  readonly counters: DayCounters;
  readonly openViews: OpenAlertViews;
}
