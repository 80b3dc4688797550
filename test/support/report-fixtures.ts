/**
 * A day of alerts with known report numbers, for the report's unit, app and HTTP tests. The
 * day is Monday 2026-11-30 in UTC and the report is evaluated at 2026-12-01T02:30:00Z.
 *
 * `high` (around the clock: acknowledge within 30m, resolve within 4h, 2 breaches allowed):
 * - A 09:00, acknowledged 09:10, resolved 10:00: both met;
 * - B 10:00, acknowledged 10:45, resolved 16:00: both missed (15m and 2h over);
 * - C 12:00, acknowledged 12:20, not resolved: resolution breached (10h30m over at 02:30);
 * - D 23:00, acknowledged 23:05, not resolved: resolution at risk (since 02:12);
 * - E 23:50, nobody acknowledged: acknowledgment breached (2h10m over), resolution compliant.
 * `critical` on the OFFICE calendar (Mon-Fri 09:00-17:00 UTC; acknowledge within 1h, resolve
 * within 8h): F 08:00, acknowledged 09:30 (1h30m wall, 30m business), resolved 11:00 (3h wall,
 * 2h business).
 */
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { CalendarSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import type { SlaPolicy } from '../../shared/domain/sla/sla-policy.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import { HIGH_24X7_POLICY, makeAlert } from './alert-fixtures.ts';
import { openAlertView } from '../../shared/domain/metrics/open-alert-view.ts';
import { BacklogTally } from '../../shared/domain/report/backlog.ts';
import { composeReport } from '../../shared/domain/report/compose-report.ts';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import type { PeriodReport } from '../../shared/domain/report/period-report.ts';
import { previousPeriod, reportPeriod } from '../../shared/domain/report/report-period.ts';
import type { Priority } from '../../shared/domain/sla/priority.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';

export const REPORT_DATE = '2026-11-30';
export const REPORT_NOW = Date.parse('2026-12-01T02:30:00Z');

export const OFFICE: CalendarSpec = {
  name: 'office',
  timezone: 'UTC',
  windows: {
    mon: [{ start: '09:00', end: '17:00' }],
    tue: [{ start: '09:00', end: '17:00' }],
    wed: [{ start: '09:00', end: '17:00' }],
    thu: [{ start: '09:00', end: '17:00' }],
    fri: [{ start: '09:00', end: '17:00' }],
  },
  holidays: [],
};

export const CRITICAL_OFFICE_POLICY: SlaPolicy = {
  ...HIGH_24X7_POLICY,
  priority: 'critical',
  acknowledgmentSeconds: 60 * 60,
  resolutionSeconds: 8 * 60 * 60,
  calendar: OFFICE,
  allowedBreaches: 0,
};

const at = (time: string) => Date.parse(`2026-11-30T${time}:00Z`);

/** An alert of `policy` created at `createdAt`, its timeline computed, answered as given. */
export function reportAlert(options: {
  key: string;
  createdAt: number;
  acknowledgedAt?: number | null;
  resolvedAt?: number | null;
  policy?: SlaPolicy;
  patch?: Partial<Alert>;
}): Alert {
  const policy = options.policy ?? HIGH_24X7_POLICY;
  const acknowledgedAt = options.acknowledgedAt ?? null;
  const resolvedAt = options.resolvedAt ?? null;
  return makeAlert({
    dedupKey: options.key,
    title: `Alert ${options.key}`,
    createdAt: options.createdAt,
    priority: policy.priority,
    sla: policy,
    timeline: slaTimeline(policy, options.createdAt),
    status: resolvedAt !== null ? 'resolved' : acknowledgedAt !== null ? 'acknowledged' : 'open',
    acknowledgedAt: acknowledgedAt ?? resolvedAt,
    resolvedAt,
    ...options.patch,
  });
}

/** The six alerts of the day described above, in creation order. */
export function reportDayAlerts(): Alert[] {
  return [
    reportAlert({ key: 'A', createdAt: at('09:00'), acknowledgedAt: at('09:10'), resolvedAt: at('10:00') }),
    reportAlert({ key: 'B', createdAt: at('10:00'), acknowledgedAt: at('10:45'), resolvedAt: at('16:00') }),
    reportAlert({ key: 'C', createdAt: at('12:00'), acknowledgedAt: at('12:20') }),
    reportAlert({
      key: 'D',
      createdAt: at('23:00'),
      acknowledgedAt: at('23:05'),
      patch: { sourceName: 'DiskFull', deliveries: 7 },
    }),
    reportAlert({ key: 'E', createdAt: at('23:50'), patch: { integrationId: 'kuma', sourceName: 'checkout-http', deliveries: 2 } }),
    reportAlert({
      key: 'F',
      createdAt: at('08:00'),
      acknowledgedAt: at('09:30'),
      resolvedAt: at('11:00'),
      policy: CRITICAL_OFFICE_POLICY,
      patch: { integrationId: 'pd', sourceName: 'payments' },
    }),
  ];
}

/** The daily report of REPORT_DATE (UTC) from `pages` of alerts, as the use case composes it, evaluated at `now`. */
export function composeDayReport(
  pages: readonly (readonly Alert[])[],
  options: { includeDetails?: boolean; groupBy?: string | null; now?: number; allowedBreaches?: Record<Priority, number>; date?: string; zone?: string } = {},
): PeriodReport {
  const now = options.now ?? REPORT_NOW;
  const date = options.date ?? REPORT_DATE;
  const zone = options.zone ?? 'UTC';
  const period = reportPeriod('daily', date, zone);
  const tally = new DayTally({
    date,
    timezone: zone,
    fromAt: period.fromAt,
    toAt: period.toAt,
    now,
    linkBaseUrl: 'https://sla.example.test',
    groupBy: options.groupBy ?? null,
  });
  const backlog = new BacklogTally(now, 'https://sla.example.test');
  const titles = new Map<string, string>();
  for (const page of pages) {
    tally.add(page.map((alert) => reportViewOf(alert, options.groupBy ?? null)));
    backlog.add(page.flatMap((alert) => openAlertView(alert) ?? []));
    for (const alert of page) titles.set(alert.id, alert.title);
  }
  return composeReport({
    period,
    now,
    days: [tally.rollup()],
    exact: tally.exactTimes(),
    previous: null,
    backlog: backlog.finish(titles),
    hasData: true,
    allowedBreaches: options.allowedBreaches ?? { critical: 0, high: 2, medium: 3, low: 5 },
    groupBy: options.groupBy ?? null,
    includeDetails: options.includeDetails ?? true,
    navigation: { previous: previousPeriod(period).label, next: null },
  });
}
