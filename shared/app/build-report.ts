/**
 * Use case: build the daily SLA report of one local day in the reporting time zone (by
 * default yesterday, at the clock's now). Reads the day's alerts with the store's day-index
 * query, page by page, into the domain's accumulator. Never a table scan.
 *
 * The day is read as READ_SLICES consecutive time slices queried at once, so that one page is
 * parsed here while the store produces the next: with 100,000 alerts in dynalite, 2 or 4
 * slices built the report in about 35% less time than one query after another. The
 * accumulator does not care in which order alerts arrive, and memory stays bounded by
 * READ_SLICES pages in flight plus the report's own counters and durations.
 */
import type { Instant } from '../domain/instant.ts';
import type { DailyReport } from '../domain/report/daily-report.ts';
import { ReportAccumulator } from '../domain/report/report-accumulator.ts';
import { DeliveryTally } from '../domain/report/delivery-tally.ts';
import { isReportDate, previousReportDate, reportDay } from '../domain/report/report-day.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import { InvalidRequestError } from '../errors.ts';
import type { AppDeps } from './app-deps.ts';

/** Alerts read per store query: big enough to keep round trips few, small enough for memory. */
export const REPORT_PAGE_SIZE = 500;
/** Parts of the day read concurrently. */
export const READ_SLICES = 4;

export type BuildReportDeps = Pick<AppDeps, 'config' | 'store' | 'clock'>;

export interface BuildReportRequest {
  /** Local date `YYYY-MM-DD` in the reporting zone; default: the day before today there. */
  readonly date?: string;
}

export async function buildDailyReport(deps: BuildReportDeps, request: BuildReportRequest = {}): Promise<DailyReport> {
  const { config, store, clock } = deps;
  const now = clock.now();
  const zone = config.reporting.timezone;
  if (request.date !== undefined && !isReportDate(request.date)) {
    throw new InvalidRequestError('invalid report date', ['date: expected an existing date YYYY-MM-DD, e.g. 2026-11-30']);
  }
  const day = reportDay(request.date ?? previousReportDate(now, zone), zone);
  const allowedBreaches = Object.fromEntries(PRIORITIES.map((p) => [p, config.policies[p].allowedBreaches])) as Record<Priority, number>;
  const accumulator = new ReportAccumulator({
    day,
    now,
    includeDetails: config.reporting.includeDetails,
    linkBaseUrl: config.links.baseUrl,
    allowedBreaches,
  });
  const deliveries = new DeliveryTally();
  await Promise.all(
    daySlices(day.fromAt, day.toAt, READ_SLICES).map(async ([fromAt, toAt]) => {
      for await (const page of store.listCreatedBetween(fromAt, toAt, REPORT_PAGE_SIZE)) {
        accumulator.add(page);
        deliveries.add(page);
      }
    }),
  );
  return { ...accumulator.finish(), deliveries: deliveries.finish() };
}

/** `[fromAt, toAt)` cut into `count` adjacent slices of (nearly) equal length that cover it exactly. */
export function daySlices(fromAt: Instant, toAt: Instant, count: number): [Instant, Instant][] {
  const edges = Array.from({ length: count + 1 }, (_, i) => fromAt + Math.floor(((toAt - fromAt) * i) / count));
  return edges.slice(1).map((end, i) => [edges[i] as Instant, end]);
}
