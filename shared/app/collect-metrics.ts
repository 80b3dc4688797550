/**
 * Use case: the figures `GET /metrics` exposes, computed from the store at one instant, so
 * every instance (one local process, many Lambdas) answers the same and nothing lives only in a
 * process's memory. Where the store keeps day counters (`deps.live`), a computation reads, all
 * at once:
 * - today's counters (one BatchGetItem of the day's counter shards): opened, settled
 *   outcomes, breaches, response-time histograms (day-counts.ts);
 * - the views of every open alert, from the sparse open index alone (what is open decides the
 *   running clocks' states, of today's alerts and of all others);
 * - the oldest still-due pending timers, from the due index (at most DUE_PAGES small pages).
 * So its cost follows what is open, not how many alerts the day had. Without counters (a store
 * that keeps none) it reads every alert of today from the day index, as the daily report does.
 * Index queries and key reads only, never a Scan.
 */
import type { Alert } from '../domain/alert/alert.ts';
import type { Instant } from '../domain/instant.ts';
import { addDeliveryFigures, DeliveryTally, type DeliveryFigures } from '../domain/metrics/delivery-figures.ts';
import { deliveryCounts } from '../domain/metrics/day-counts.ts';
import { metricsDay } from '../domain/metrics/metrics-day.ts';
import { LiveTodayTally } from '../domain/metrics/live-today.ts';
import { OpenAlertTally, type OpenAlertFigures } from '../domain/metrics/open-alert-figures.ts';
import { openAlertView } from '../domain/metrics/open-alert-view.ts';
import { TodayTally, type TodayFigures } from '../domain/metrics/today-figures.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import type { AlertStore } from '../ports/alert-store.ts';
import type { LiveFigures } from '../ports/live-figures.ts';
import type { AppDeps } from './app-deps.ts';
import { daySlices, READ_SLICES, REPORT_PAGE_SIZE } from './build-report.ts';

/** Open alerts' views per page: they are small, and the index hands over up to 1,000 a shard. */
const VIEW_PAGE_SIZE = 2_000;
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

export type CollectMetricsDeps = Pick<AppDeps, 'config' | 'store' | 'clock' | 'live'>;

export async function collectMetrics(deps: CollectMetricsDeps): Promise<MetricsFigures> {
  return deps.live === undefined ? fromEveryAlert(deps) : fromCounters(deps, deps.live);
}

async function fromCounters(deps: CollectMetricsDeps, live: LiveFigures): Promise<MetricsFigures> {
  const { config, store, clock } = deps;
  const now = clock.now();
  const day = metricsDay(now, config.reporting.timezone);
  const open = new OpenAlertTally(now);
  const today = new LiveTodayTally(day, now);
  const earlierOpen: string[] = [];
  const readOpen = async () => {
    for await (const views of live.openViews.list(VIEW_PAGE_SIZE)) {
      open.add(views);
      today.add(views);
      for (const view of views) if (view.createdAt < day.fromAt || view.createdAt >= day.toAt) earlierOpen.push(view.id);
    }
  };
  const [counts, , oldestDueAt] = await Promise.all([live.counters.read(day.date), readOpen(), oldestDue(store, now)]);
  // Deliveries of today's alerts are counted; those of alerts still open from earlier days
  // are read from the alerts themselves (the backlog of earlier days, usually a handful).
  const earlier = new DeliveryTally();
  const alerts = await Promise.all(earlierOpen.map((id) => store.get(id)));
  earlier.add(alerts.flatMap((alert) => (alert === null || alert.status === 'resolved' ? [] : [alert])));
  return {
    computedAt: now,
    open: open.finish(),
    today: today.finish(counts, allowedBreachesOf(deps)),
    deliveries: addDeliveryFigures(deliveryCounts(counts.counters), earlier.finish()),
    oldestDueLatenessSeconds: oldestDueAt === null ? 0 : Math.max(0, now - oldestDueAt) / 1000,
  };
}

function allowedBreachesOf(deps: CollectMetricsDeps): Record<Priority, number> {
  return Object.fromEntries(PRIORITIES.map((p) => [p, deps.config.policies[p].allowedBreaches])) as Record<Priority, number>;
}

async function fromEveryAlert(deps: CollectMetricsDeps): Promise<MetricsFigures> {
  const { config, store, clock } = deps;
  const now = clock.now();
  const day = metricsDay(now, config.reporting.timezone);
  const allowedBreaches = allowedBreachesOf(deps);
  const open = new OpenAlertTally(now);
  const today = new TodayTally(day, now, allowedBreaches);
  const deliveries = new DeliveryTally();

  const readOpen = async () => {
    for await (const page of store.listOpen(REPORT_PAGE_SIZE)) {
      open.add(page.flatMap((alert) => openAlertView(alert) ?? []));
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
