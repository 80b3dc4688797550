import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import type { DailyReport, PriorityReport } from '../../shared/domain/report/daily-report.ts';
import { ReportAccumulator } from '../../shared/domain/report/report-accumulator.ts';
import { reportDay } from '../../shared/domain/report/report-day.ts';
import { HIGH_24X7_POLICY } from '../support/alert-fixtures.ts';
import { CRITICAL_OFFICE_POLICY, REPORT_DATE, REPORT_NOW, reportAlert, reportDayAlerts } from '../support/report-fixtures.ts';

const ALLOWED = { critical: 0, high: 2, medium: 3, low: 5 };

function build(pages: readonly (readonly Alert[])[], options: { includeDetails?: boolean } = {}): DailyReport {
  const accumulator = new ReportAccumulator({
    day: reportDay(REPORT_DATE, 'UTC'),
    now: REPORT_NOW,
    includeDetails: options.includeDetails ?? true,
    linkBaseUrl: 'https://sla.example.test',
    allowedBreaches: ALLOWED,
  });
  for (const page of pages) accumulator.add(page);
  return accumulator.finish();
}

function priority(report: DailyReport, name: PriorityReport['priority']): PriorityReport {
  const found = report.priorities.find((p) => p.priority === name);
  if (found === undefined) throw new Error(`no ${name} in the report`);
  return found;
}

describe('the daily report of a known day', () => {
  const report = build([reportDayAlerts()]);

  it('counts met, missed and still-open clocks per priority', () => {
    const high = priority(report, 'high');
    expect(high.opened).toBe(5);
    expect(high.acknowledgment).toEqual({ met: 3, missed: 1, open: 1, metShare: 0.75 });
    expect(high.resolution).toEqual({ met: 1, missed: 1, open: 3, metShare: 0.5 });
  });

  it('gives nearest-rank medians and 90th percentiles of the wall-clock response times', () => {
    const high = priority(report, 'high');
    // Acknowledged after 5m, 10m, 20m, 45m; resolved after 1h and 6h.
    expect(high.mtta.wall).toEqual({ count: 4, medianMs: 10 * MINUTE_MS, p90Ms: 45 * MINUTE_MS });
    expect(high.mttr.wall).toEqual({ count: 2, medianMs: HOUR_MS, p90Ms: 6 * HOUR_MS });
    // Around the clock there is no separate business time.
    expect(high.mtta.business).toBeNull();
    expect(high.calendars).toEqual(['24x7']);
  });

  it('counts business time on the calendar for an SLA that has one', () => {
    const critical = priority(report, 'critical');
    // Created 08:00 before the 09:00 opening, acknowledged 09:30, resolved 11:00.
    expect(critical.mtta.wall).toEqual({ count: 1, medianMs: 90 * MINUTE_MS, p90Ms: 90 * MINUTE_MS });
    expect(critical.mtta.business).toEqual({ count: 1, medianMs: 30 * MINUTE_MS, p90Ms: 30 * MINUTE_MS });
    expect(critical.mttr.business).toEqual({ count: 1, medianMs: 2 * HOUR_MS, p90Ms: 2 * HOUR_MS });
    expect(critical.calendars).toEqual(['office']);
    expect(critical.acknowledgment.metShare).toBe(1);
  });

  it('counts an alert with a missed or breached clock once, against the budget of its snapshot', () => {
    const high = priority(report, 'high');
    expect(high.breaches).toBe(3); // B (both missed), C (resolution breached), E (acknowledgment breached)
    expect(high.allowedBreaches).toBe(2);
    expect(high.budget).toBe('over_budget');
    const critical = priority(report, 'critical');
    expect(critical).toMatchObject({ breaches: 0, allowedBreaches: 0, budget: 'within_budget' });
  });

  it('shows what is still open and what is at risk at the moment of the report', () => {
    expect(priority(report, 'high')).toMatchObject({ stillOpen: 3, atRisk: 1 });
    expect(report.totals).toEqual({ opened: 6, breaches: 3, stillOpen: 3, atRisk: 1 });
  });

  it('lists every priority, those without alerts with the current budget', () => {
    expect(report.priorities.map((p) => p.priority)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(priority(report, 'low')).toMatchObject({ opened: 0, allowedBreaches: 5, budget: 'within_budget', mtta: { wall: null, business: null } });
    expect(priority(report, 'low').acknowledgment.metShare).toBeNull();
  });

  it('lists breached alerts with the clock, the overrun and a link', () => {
    const breached = report.breachedAlerts ?? [];
    expect(breached.map((a) => a.title)).toEqual(['Alert B', 'Alert C', 'Alert E']);
    expect(report.breachedAlertsOmitted).toBe(0);
    expect(breached[0]?.clocks).toEqual([
      { clock: 'acknowledgment', state: 'missed', deadlineAt: Date.parse('2026-11-30T10:30:00Z'), overrunMs: 15 * MINUTE_MS },
      { clock: 'resolution', state: 'missed', deadlineAt: Date.parse('2026-11-30T14:00:00Z'), overrunMs: 2 * HOUR_MS },
    ]);
    expect(breached[1]?.clocks).toEqual([
      { clock: 'resolution', state: 'breached', deadlineAt: Date.parse('2026-11-30T16:00:00Z'), overrunMs: 10.5 * HOUR_MS },
    ]);
    expect(breached[2]?.clocks).toMatchObject([{ clock: 'acknowledgment', state: 'breached', overrunMs: 130 * MINUTE_MS }]);
    expect(breached[2]?.link).toBe(`https://sla.example.test/alerts/${breached[2]?.id}`);
  });

  it('ranks the noisiest sources by alerts and by deliveries', () => {
    const names = (list: DailyReport['noisiestByAlerts']) => list.map((s) => `${s.integrationId}/${s.sourceName}:${s.alerts}/${s.deliveries}`);
    expect(names(report.noisiestByAlerts)).toEqual([
      'alertmanager-main/HighErrorRate:3/3',
      'alertmanager-main/DiskFull:1/7',
      'kuma/checkout-http:1/2',
      'pd/payments:1/1',
    ]);
    expect(names(report.noisiestByDeliveries)).toEqual([
      'alertmanager-main/DiskFull:1/7',
      'alertmanager-main/HighErrorRate:3/3',
      'kuma/checkout-http:1/2',
      'pd/payments:1/1',
    ]);
  });
});

describe('building the report', () => {
  it('gives the same report page by page as in one go', () => {
    const alerts = reportDayAlerts();
    expect(build(alerts.map((a) => [a]))).toEqual(build([alerts]));
  });

  it('ignores alerts created outside the day', () => {
    const before = reportAlert({ key: 'before', createdAt: Date.parse('2026-11-29T23:59:59.999Z') });
    const after = reportAlert({ key: 'after', createdAt: Date.parse('2026-12-01T00:00:00.000Z') });
    const first = reportAlert({ key: 'first', createdAt: Date.parse('2026-11-30T00:00:00.000Z') });
    expect(build([[before, first, after]]).totals.opened).toBe(1);
  });

  it('leaves breached alerts out unless details are asked for', () => {
    const report = build([reportDayAlerts()], { includeDetails: false });
    expect(report.breachedAlerts).toBeNull();
    expect(report.totals.breaches).toBe(3);
  });

  it('takes the budget from the snapshot of the latest alert of the day', () => {
    const early = reportAlert({ key: 'early', createdAt: Date.parse('2026-11-30T08:00:00Z') });
    const late = reportAlert({
      key: 'late',
      createdAt: Date.parse('2026-11-30T20:00:00Z'),
      acknowledgedAt: Date.parse('2026-11-30T20:05:00Z'),
      resolvedAt: Date.parse('2026-11-30T21:00:00Z'),
      policy: { ...HIGH_24X7_POLICY, allowedBreaches: 1 },
    });
    // Order of arrival does not matter: the store pages need not be sorted.
    const high = priority(build([[late], [early]]), 'high');
    expect(high.allowedBreaches).toBe(1);
    expect(high.budget).toBe('budget_used_up'); // `early` breached (never answered by 02:30 next day)
  });

  it('lists at most 100 breached alerts, the most urgent and oldest, and counts the rest', () => {
    const never = (key: string, minute: number, policy = HIGH_24X7_POLICY) =>
      reportAlert({ key, createdAt: Date.parse('2026-11-30T08:00:00Z') + minute * MINUTE_MS, policy });
    // Never answered: all 250 are breached by the next morning. Highs first, so trimming happens mid-way.
    const highs = Array.from({ length: 190 }, (_, i) => never(`h${i}`, 190 - i));
    const criticals = Array.from({ length: 60 }, (_, i) => never(`c${i}`, i, { ...CRITICAL_OFFICE_POLICY, calendar: null }));
    const report = build([highs.slice(0, 120), criticals, highs.slice(120)]);
    expect(report.totals.breaches).toBe(250);
    expect(report.breachedAlertsOmitted).toBe(150);
    const listed = report.breachedAlerts ?? [];
    expect(listed).toHaveLength(100);
    expect(listed.slice(0, 60).every((a) => a.priority === 'critical')).toBe(true);
    // The 40 oldest highs: created at minutes 1..40, i.e. h189 down to h150.
    expect(listed.slice(60).map((a) => a.title)).toEqual(Array.from({ length: 40 }, (_, i) => `Alert h${189 - i}`));
  });

  it('keeps the five noisiest sources', () => {
    const alerts = Array.from({ length: 8 }, (_, i) =>
      reportAlert({ key: `s${i}`, createdAt: Date.parse('2026-11-30T08:00:00Z') + i, patch: { sourceName: `source-${i}`, deliveries: i + 1 } }),
    );
    const report = build([alerts]);
    expect(report.noisiestByDeliveries.map((s) => s.sourceName)).toEqual(['source-7', 'source-6', 'source-5', 'source-4', 'source-3']);
    expect(report.noisiestByAlerts).toHaveLength(5);
  });
});
