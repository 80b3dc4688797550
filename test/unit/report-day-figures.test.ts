import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import type { PeriodReport, PriorityReport } from '../../shared/domain/report/period-report.ts';
import { HIGH_24X7_POLICY } from '../support/alert-fixtures.ts';
import { composeDayReport, CRITICAL_OFFICE_POLICY, reportAlert, reportDayAlerts } from '../support/report-fixtures.ts';

function build(pages: readonly (readonly Alert[])[], options: { includeDetails?: boolean } = {}): PeriodReport {
  return composeDayReport(pages, options);
}

function priority(report: PeriodReport, name: PriorityReport['priority']): PriorityReport {
  const found = report.priorities.find((p) => p.priority === name);
  if (found === undefined) throw new Error(`no ${name} in the report`);
  return found;
}

describe('the daily report of a known day', () => {
  // Built before each test rather than once at collection: `npm run mutation` credits a test
  // only with the code that runs while it runs.
  let report: PeriodReport;
  beforeEach(() => {
    report = build([reportDayAlerts()]);
  });

  it('counts the four outcomes per clock, a breach still open against compliance', () => {
    const high = priority(report, 'high');
    expect(high.opened).toBe(5);
    // E was never acknowledged and is past its deadline: breached and still open, not "open".
    expect(high.acknowledgment).toEqual({ met: 3, missed: 1, breached_open: 1, pending: 0, closed_by_source: 0, compliance: 0.6 });
    // C is past its resolution deadline; D (at risk) and E are still within theirs.
    expect(high.resolution).toEqual({ met: 1, missed: 1, breached_open: 1, pending: 2, closed_by_source: 0, compliance: 1 / 3 });
  });

  it('gives nearest-rank medians and 90th percentiles of the wall-clock response times', () => {
    const high = priority(report, 'high');
    expect(high.mtta.wall).toEqual({ count: 4, medianMs: 10 * MINUTE_MS, p90Ms: 45 * MINUTE_MS });
    expect(high.mttr.wall).toEqual({ count: 2, medianMs: HOUR_MS, p90Ms: 6 * HOUR_MS });
    expect(high.mtta.business).toBeNull();
    expect(high.calendars).toEqual(['24x7']);
    expect(report.percentiles).toBe('exact');
  });

  it('counts business time on the calendar for an SLA that has one', () => {
    const critical = priority(report, 'critical');
    expect(critical.mtta.wall).toEqual({ count: 1, medianMs: 90 * MINUTE_MS, p90Ms: 90 * MINUTE_MS });
    expect(critical.mtta.business).toEqual({ count: 1, medianMs: 30 * MINUTE_MS, p90Ms: 30 * MINUTE_MS });
    expect(critical.mttr.business).toEqual({ count: 1, medianMs: 2 * HOUR_MS, p90Ms: 2 * HOUR_MS });
    expect(critical.acknowledgment.compliance).toBe(1);
  });

  it('counts an alert with a missed or breached clock once, against the budget of its snapshot', () => {
    const high = priority(report, 'high');
    expect(high).toMatchObject({ breaches: 3, allowedBreaches: 2, budget: 'over_budget' });
    expect(priority(report, 'critical')).toMatchObject({ breaches: 0, allowedBreaches: 0, budget: 'within_budget' });
  });

  it('lists what is still open, oldest first, each marked breached, at risk or on track', () => {
    expect(report.backlog.total).toEqual({ open: 3, breached: 2, atRisk: 1 });
    expect(report.backlog.items.map((i) => [i.title, i.state])).toEqual([
      ['Alert C', 'breached'],
      ['Alert D', 'at_risk'],
      ['Alert E', 'breached'],
    ]);
    expect(report.backlog.items[2]?.breachedClocks).toEqual(['acknowledgment']);
  });

  it('lists every priority, those without alerts with the current budget', () => {
    expect(report.priorities.map((p) => p.priority)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(priority(report, 'low')).toMatchObject({ opened: 0, allowedBreaches: 5, budget: 'within_budget', mtta: { wall: null, business: null } });
    expect(priority(report, 'low').acknowledgment.compliance).toBeNull();
  });

  it('lists breached alerts with the clock, its outcome, the overrun and a link', () => {
    const breached = report.breachedAlerts ?? [];
    expect(breached.map((a) => a.title)).toEqual(['Alert B', 'Alert C', 'Alert E']);
    expect(breached[0]?.clocks).toEqual([
      { clock: 'acknowledgment', outcome: 'missed', deadlineAt: Date.parse('2026-11-30T10:30:00Z'), overrunMs: 15 * MINUTE_MS },
      { clock: 'resolution', outcome: 'missed', deadlineAt: Date.parse('2026-11-30T14:00:00Z'), overrunMs: 2 * HOUR_MS },
    ]);
    expect(breached[1]?.clocks).toEqual([{ clock: 'resolution', outcome: 'breached_open', deadlineAt: Date.parse('2026-11-30T16:00:00Z'), overrunMs: 10.5 * HOUR_MS }]);
    expect(breached[2]?.clocks).toMatchObject([{ clock: 'acknowledgment', outcome: 'breached_open', overrunMs: 130 * MINUTE_MS }]);
    expect(breached[2]?.link).toBe(`https://sla.example.test/alerts/${breached[2]?.id}`);
  });

  it('ranks the noisiest sources by alerts and by deliveries', () => {
    const names = (list: PeriodReport['noisiestByAlerts']) => list.map((s) => `${s.integrationId}/${s.sourceName}:${s.alerts}/${s.deliveries}`);
    expect(names(report.noisiestByAlerts)).toEqual(['alertmanager-main/HighErrorRate:3/3', 'alertmanager-main/DiskFull:1/7', 'kuma/checkout-http:1/2', 'pd/payments:1/1']);
    expect(names(report.noisiestByDeliveries)[0]).toBe('alertmanager-main/DiskFull:1/7');
  });
});

describe('building the report', () => {
  it('counts as resolved by its source, never acknowledged, only an alert the source resolved: not one it only acknowledged', () => {
    const at = (time: string) => Date.parse(`2026-11-30T${time}:00Z`);
    const bySource = (type: 'acknowledgment' | 'resolution', time: string) => [{ id: `r_${type}`, type, by: 'pagerduty', note: null, at: at(time), via: 'webhook' as const, actor: 'source' as const }];
    const report = build([
      [
        reportAlert({ key: 'acknowledged by its source', createdAt: at('09:00'), acknowledgedAt: at('09:05'), patch: { responses: bySource('acknowledgment', '09:05') } }),
        reportAlert({ key: 'resolved by its source', createdAt: at('10:00'), resolvedAt: at('10:05'), patch: { responses: bySource('resolution', '10:05') } }),
      ],
    ]);
    expect(priority(report, 'high').resolvedBySourceUnacknowledged).toBe(1);
    expect(report.totals.resolvedBySourceUnacknowledged).toBe(1);
  });

  it('gives the same report page by page as in one go', () => {
    const alerts = reportDayAlerts();
    expect(build(alerts.map((a) => [a]))).toEqual(build([alerts]));
  });

  it('ignores alerts created outside the day', () => {
    const before = reportAlert({ key: 'before', createdAt: Date.parse('2026-11-29T23:59:59.999Z'), resolvedAt: Date.parse('2026-11-29T23:59:59.999Z') });
    const after = reportAlert({ key: 'after', createdAt: Date.parse('2026-12-01T00:00:00.000Z'), resolvedAt: Date.parse('2026-12-01T00:00:01.000Z') });
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
    const high = priority(build([[late], [early]]), 'high');
    expect(high.allowedBreaches).toBe(1);
    expect(high.budget).toBe('budget_used_up');
  });

  it('lists at most 100 breached alerts, the most urgent and oldest, and counts the rest', () => {
    const never = (key: string, minute: number, policy = HIGH_24X7_POLICY) => reportAlert({ key, createdAt: Date.parse('2026-11-30T08:00:00Z') + minute * MINUTE_MS, policy });
    const highs = Array.from({ length: 190 }, (_, i) => never(`h${i}`, 190 - i));
    const criticals = Array.from({ length: 60 }, (_, i) => never(`c${i}`, i, { ...CRITICAL_OFFICE_POLICY, calendar: null }));
    const report = build([highs.slice(0, 120), criticals, highs.slice(120)]);
    expect(report.totals.breaches).toBe(250);
    expect(report.breachedAlertsOmitted).toBe(150);
    const listed = report.breachedAlerts ?? [];
    expect(listed).toHaveLength(100);
    expect(listed.slice(0, 60).every((a) => a.priority === 'critical')).toBe(true);
    expect(listed.slice(60).map((a) => a.title)).toEqual(Array.from({ length: 40 }, (_, i) => `Alert h${189 - i}`));
    // The backlog lists the 50 oldest of the 250 open alerts and counts the rest.
    expect(report.backlog.items).toHaveLength(50);
    expect(report.backlog.omitted).toBe(200);
  });
});

describe('the noisiest sources', () => {
  it('ranks a tie on one count by the other, before any name', () => {
    const from = (key: string, sourceName: string, deliveries: number) =>
      reportAlert({ key, createdAt: Date.parse('2026-11-30T09:00:00Z'), patch: { integrationId: 'am', sourceName, deliveries } });
    const report = build([[from('a1', 'A', 1), from('a2', 'A', 1), from('b1', 'B', 5), from('c1', 'C', 2), from('c2', 'C', 3)]]);
    const rank = (sources: PeriodReport['noisiestByAlerts']) => sources.map((s) => `${s.sourceName} ${s.alerts}/${s.deliveries}`);
    expect(rank(report.noisiestByAlerts)).toEqual(['C 2/5', 'A 2/2', 'B 1/5']);
    expect(rank(report.noisiestByDeliveries)).toEqual(['C 2/5', 'B 1/5', 'A 2/2']);
  });
});
