/**
 * Use case: the figures `GET /metrics` exposes, computed from the store at one instant, so
 * every instance (one local process, many Lambdas) answers the same and nothing lives only in a
 * process's memory. Reads, all at once:
 * - every open alert, from the sparse open index (cost bounded by what is open);
 * - today's alerts (the report's local day), from the day index in READ_SLICES slices, as the
 *   daily report reads them (build-report.ts);
 * - the oldest still-due pending timers, from the due index (at most DUE_PAGES small pages).
 * Index queries only, never a Scan; memory bounded by the pages in flight plus today's
 * response times (8 bytes each).
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';
import { DeliveryTally, type DeliveryFigures } from '../domain/metrics/delivery-figures.ts';
import { metricsDay } from '../domain/metrics/metrics-day.ts';
import { OpenAlertTally, type OpenAlertFigures } from '../domain/metrics/open-alert-figures.ts';
import { TodayTally, type TodayFigures } from '../domain/metrics/today-figures.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import type { AlertStore } from '../ports/alert-store.ts';
import type { AppDeps } from './app-deps.ts';
import { daySlices, READ_SLICES, REPORT_PAGE_SIZE } from './build-report.ts';

/** Due-index entries read per page while looking for the oldest timer still due. */
const DUE_PAGE_SIZE = 25;
/** Pages of the due index read at most: entries whose alert moved on are skipped, so a page can come back empty. */
const DUE_PAGES = 4;

export interface MetricsFigures {
  /** The instant every figure describes. */
  readonly computedAt: Instant;
  readonly open: OpenAlertFigures;
  readonly today: TodayFigures;
  readonly deliveries: DeliveryFigures;
  /** How long the oldest pending timer has been due and not handled (0 when none is). */
  readonly oldestDueLatenessSeconds: number;
}

export type CollectMetricsDeps = Pick<AppDeps, 'config' | 'store' | 'clock'>;

export async function collectMetrics(deps: CollectMetricsDeps): Promise<MetricsFigures> {
  const { config, store, clock } = deps;
  const now = clock.now();
  const day = metricsDay(now, config.reporting.timezone);
  const allowedBreaches = Object.fromEntries(PRIORITIES.map((p) => [p, config.policies[p].allowedBreaches])) as Record<Priority, number>;
  const open = new OpenAlertTally(now);
  const today = new TodayTally(day, now, allowedBreaches);
  const deliveries = new DeliveryTally();

  const readOpen = async () => {
    for await (const page of store.listOpen(REPORT_PAGE_SIZE)) {
      open.add(page);
      // Open alerts created today are counted with today's alerts.
      deliveries.add(page.filter((alert) => alert.createdAt < day.fromAt || alert.createdAt >= day.toAt));
    }
  };
  const readToday = daySlices(day.fromAt, day.toAt, READ_SLICES).map(async ([fromAt, toAt]) => {
    for await (const page of store.listCreatedBetween(fromAt, toAt, REPORT_PAGE_SIZE)) {
      today.add(page);
      deliveries.add(page.filter((alert) => alert.createdAt >= day.fromAt && alert.createdAt < day.toAt));
    }
  });
  const [, , oldestDueAt] = await Promise.all([readOpen(), Promise.all(readToday), oldestDue(store, now)]);

  return {
    computedAt: now,
    open: open.finish(),
    today: today.finish(),
    deliveries: deliveries.finish(),
    oldestDueLatenessSeconds: oldestDueAt === null ? 0 : Math.max(0, now - oldestDueAt) / 1000,
  };
}

async function oldestDue(store: AlertStore, now: Instant): Promise<Instant | null> {
  let page = await store.listDue(now, DUE_PAGE_SIZE);
  for (let read = 1; ; read += 1) {
    const dueAt = firstDueAt(page.alerts);
    if (dueAt !== null || page.next === null || read === DUE_PAGES) return dueAt;
    page = await store.listDue(now, DUE_PAGE_SIZE, page.next);
  }
}

function firstDueAt(alerts: readonly Alert[]): Instant | null {
  let oldest: Instant | null = null;
  for (const alert of alerts) {
    const dueAt = alert.timer?.dueAt;
    if (dueAt !== undefined && (oldest === null || dueAt < oldest)) oldest = dueAt;
  }
  return oldest;
}
