/**
 * A weekly report composed from its days' rollups, as the use case does once the days are
 * stored: counts summed over the days, response times merged from histograms (within 1%),
 * a point per day, the team table and the breached list across days.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { BacklogTally } from '../../shared/domain/report/backlog.ts';
import { composeReport } from '../../shared/domain/report/compose-report.ts';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import { MAX_BREACHED_LISTED, MAX_GROUPS_LISTED, type PeriodReport, type PriorityReport } from '../../shared/domain/report/period-report.ts';
import { reportPeriod } from '../../shared/domain/report/report-period.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';
import { HIGH_24X7_POLICY } from '../support/alert-fixtures.ts';
import { composeDayReport, CRITICAL_OFFICE_POLICY, OFFICE, reportAlert } from '../support/report-fixtures.ts';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const LINKS = 'https://sla.example.test';
const at = (iso: string) => Date.parse(iso);

/** The week of Monday 30 November 2026 (UTC), composed from one rollup per day. */
function composeWeek(alerts: readonly Alert[], groupBy: string | null = null): PeriodReport {
  const period = reportPeriod('weekly', '2026-W49', 'UTC');
  const days = period.dates.map((date) => {
    const day = reportPeriod('daily', date, 'UTC');
    const tally = new DayTally({ date, timezone: 'UTC', fromAt: day.fromAt, toAt: day.toAt, now: NOW, linkBaseUrl: LINKS, groupBy });
    tally.add(alerts.map((alert) => reportViewOf(alert, groupBy)));
    return tally.rollup();
  });
  return composeReport({
    period,
    now: NOW,
    days,
    exact: null,
    previous: null,
    backlog: new BacklogTally(NOW, LINKS).finish(new Map()),
    hasData: true,
    allowedBreaches: { critical: 0, high: 2, medium: 3, low: 5 },
    groupBy,
    includeDetails: true,
    navigation: { previous: '2026-W48', next: null },
  });
}

function priority(report: PeriodReport, name: PriorityReport['priority']): PriorityReport {
  return report.priorities.find((p) => p.priority === name) as PriorityReport;
}

const team = (name: string) => ({ labels: { alertname: 'x', team: name } });
const HIGH_OFFICE = { ...HIGH_24X7_POLICY, calendar: OFFICE };
const CRITICAL_24X7 = { ...CRITICAL_OFFICE_POLICY, calendar: null };
const resolvedBySource = (resolvedAt: number): Response[] => [{ id: 'r_1', type: 'resolution', by: 'alertmanager', note: null, at: resolvedAt, via: 'webhook', actor: 'source' }];

/** Mon: one on the office calendar, met. Tue: one breached, one met, one the source resolved. Wed: a critical breached. */
function week(): Alert[] {
  return [
    reportAlert({ key: 's1', createdAt: at('2026-11-30T10:00:00Z'), acknowledgedAt: at('2026-11-30T10:20:00Z'), resolvedAt: at('2026-11-30T11:00:00Z'), policy: HIGH_OFFICE, patch: team('search') }),
    reportAlert({ key: 'p1', createdAt: at('2026-12-01T09:00:00Z'), patch: team('payments') }),
    reportAlert({ key: 'p2', createdAt: at('2026-12-01T09:30:00Z'), acknowledgedAt: at('2026-12-01T09:40:00Z'), resolvedAt: at('2026-12-01T10:00:00Z'), patch: team('payments') }),
    reportAlert({ key: 'r1', createdAt: at('2026-12-01T11:00:00Z'), resolvedAt: at('2026-12-01T11:10:00Z'), patch: { labels: { alertname: 'x' }, responses: resolvedBySource(at('2026-12-01T11:10:00Z')) } }),
    reportAlert({ key: 'c1', createdAt: at('2026-12-02T08:00:00Z'), policy: CRITICAL_24X7, patch: team('search') }),
  ];
}

const within1Percent = (actual: number | undefined, expected: number) => expect(Math.abs((actual ?? Number.NaN) - expected) / expected).toBeLessThan(0.01);

describe('the weekly report of known days', () => {
  // Composed before each test, not once at collection, so `npm run mutation` credits the tests with it.
  let report: PeriodReport;
  beforeEach(() => {
    report = composeWeek(week(), 'team');
  });

  it('has a point per day with what opened and breached, and sums the days', () => {
    expect(report.trend?.map((d) => [d.date, d.opened, d.breaches])).toEqual([
      ['2026-11-30', 1, 0],
      ['2026-12-01', 3, 1],
      ['2026-12-02', 1, 1],
      ['2026-12-03', 0, 0],
      ['2026-12-04', 0, 0],
      ['2026-12-05', 0, 0],
      ['2026-12-06', 0, 0],
    ]);
    expect(report.totals).toEqual({ opened: 5, breaches: 2, resolvedBySourceUnacknowledged: 1 });
    expect(report.previous).toBeNull();
  });

  it('merges response times within 1%, says so, and has none where nobody answered', () => {
    expect(report.percentiles).toBe('within_1_percent');
    const high = priority(report, 'high');
    // A person answered s1 after 20 min and p2 after 10 min; the source's resolution of r1 is no answer.
    expect(high.mtta.wall?.count).toBe(2);
    within1Percent(high.mtta.wall?.medianMs, 10 * MINUTE_MS);
    within1Percent(high.mtta.wall?.p90Ms, 20 * MINUTE_MS);
    expect(priority(report, 'low').mtta).toEqual({ wall: null, business: null });
  });

  it('names the calendars of a priority once each, sorted, whichever day they came from', () => {
    expect(priority(report, 'high').calendars).toEqual(['24x7', 'office']);
  });

  it('has a row per team, most breaches first, then by name, alerts without the label last', () => {
    const rows = report.groups?.rows ?? [];
    expect(rows.map((r) => [r.group, r.alerts, r.breaches, r.acknowledgment.compliance, r.resolution.compliance])).toEqual([
      ['payments', 2, 1, 0.5, 0.5],
      ['search', 2, 1, 0.5, 0.5],
      [null, 1, 0, null, 1],
    ]);
    expect(rows[0]?.resolution).toEqual({ met: 1, missed: 0, breached_open: 1, pending: 0, closed_by_source: 0, compliance: 0.5 });
    within1Percent(rows[0]?.mtta?.medianMs, 10 * MINUTE_MS);
    within1Percent(rows[1]?.mtta?.medianMs, 20 * MINUTE_MS);
    // Only the source answered r1: no MTTA for its row.
    expect(rows[2]?.mtta).toBeNull();
    expect(report.groups?.omitted).toBe(0);
  });

  it('lists the breached alerts across days, the most urgent first', () => {
    expect(report.breachedAlerts?.map((a) => a.title)).toEqual(['Alert c1', 'Alert p1']);
  });
});

describe('the weekly report at its limits', () => {
  it(`lists ${MAX_BREACHED_LISTED} breached alerts of the whole week and counts the rest`, () => {
    const never = (day: string, i: number) => reportAlert({ key: `${day}-${i}`, createdAt: at(`${day}T08:00:00Z`) + i * MINUTE_MS });
    const report = composeWeek([...Array.from({ length: 70 }, (_, i) => never('2026-11-30', i)), ...Array.from({ length: 70 }, (_, i) => never('2026-12-01', i))]);
    expect(report.breachedAlerts).toHaveLength(MAX_BREACHED_LISTED);
    expect(report.breachedAlertsOmitted).toBe(140 - MAX_BREACHED_LISTED);
    expect(report.breachedAlerts?.at(-1)?.title).toBe('Alert 2026-12-01-29');
  });

  it(`shows ${MAX_GROUPS_LISTED} teams and counts the rest; teams alike are listed by name, the unlabelled last`, () => {
    const names = Array.from({ length: MAX_GROUPS_LISTED }, (_, i) => `team-${String(i).padStart(2, '0')}`);
    const alerts = [...names].reverse().map((name, i) => reportAlert({ key: name, createdAt: at('2026-12-01T09:00:00Z') + i * MINUTE_MS, patch: team(name) }));
    const unlabelled = reportAlert({ key: 'none', createdAt: at('2026-12-01T08:00:00Z'), patch: { labels: { alertname: 'x' } } });
    const all = composeWeek([unlabelled, ...alerts], 'team');
    expect(all.groups?.rows.map((r) => r.group)).toEqual(names);
    expect(all.groups?.omitted).toBe(1);
    const few = composeWeek([unlabelled, ...alerts.slice(-2)], 'team');
    expect(few.groups?.rows.map((r) => r.group)).toEqual(['team-00', 'team-01', null]);
  });

  it('keeps a source that floods deliveries with few alerts, on a day of more sources than a day keeps', () => {
    const source = (name: string, alerts: number, deliveries: number) =>
      Array.from({ length: alerts }, (_, i) =>
        reportAlert({ key: `${name}-${i}`, createdAt: at('2026-12-01T09:00:00Z') + i * MINUTE_MS, patch: { integrationId: 'am', sourceName: name, deliveries } }),
      );
    const busy = Array.from({ length: 60 }, (_, i) => source(`busy-${String(i).padStart(2, '0')}`, 2, 1)).flat();
    const report = composeWeek([...busy, ...source('flood', 1, 500)]);
    expect(report.noisiestByDeliveries[0]).toEqual({ integrationId: 'am', sourceName: 'flood', alerts: 1, deliveries: 500 });
    expect(report.noisiestByAlerts.map((s) => `${s.sourceName} ${s.alerts}`)).toEqual(['busy-00 2', 'busy-01 2', 'busy-02 2', 'busy-03 2', 'busy-04 2']);
  });

  it('keeps the source with the most alerts on a day of more sources than a day keeps, however few its deliveries', () => {
    const source = (name: string, alerts: number, deliveries: number) =>
      Array.from({ length: alerts }, (_, i) =>
        reportAlert({ key: `${name}-${i}`, createdAt: at('2026-12-01T09:00:00Z') + i * MINUTE_MS, patch: { integrationId: 'am', sourceName: name, deliveries } }),
      );
    const chatty = Array.from({ length: 59 }, (_, i) => source(`chatty-${String(i).padStart(2, '0')}`, 1, 20)).flat();
    const report = composeWeek([...chatty, ...source('often', 10, 1)]);
    expect(report.noisiestByAlerts[0]).toEqual({ integrationId: 'am', sourceName: 'often', alerts: 10, deliveries: 10 });
  });

  it("takes a day's budget from its latest alert's snapshot, whatever order the store returns them in", () => {
    const budget = (allowedBreaches: number) => ({ ...HIGH_24X7_POLICY, allowedBreaches });
    const alerts = [
      reportAlert({ key: 'after the change', createdAt: at('2026-12-01T15:00:00Z'), policy: budget(1) }),
      reportAlert({ key: 'before the change', createdAt: at('2026-12-01T09:00:00Z'), policy: budget(4) }),
    ];
    const report = composeWeek(alerts);
    // Tuesday's budget is 1 (the configuration changed that day); the six other days take the current 2.
    expect(priority(report, 'high').allowedBreaches).toBe(1 + 6 * 2);
  });

  it('a team with more alerts comes first among teams with as many breaches', () => {
    const alerts = [
      reportAlert({ key: 'a1', createdAt: at('2026-12-01T09:00:00Z'), patch: team('alpha') }),
      reportAlert({ key: 'b1', createdAt: at('2026-12-01T09:01:00Z'), patch: team('beta') }),
      reportAlert({ key: 'b2', createdAt: at('2026-12-01T09:02:00Z'), acknowledgedAt: at('2026-12-01T09:05:00Z'), resolvedAt: at('2026-12-01T09:10:00Z'), patch: team('beta') }),
    ];
    expect(composeWeek(alerts, 'team').groups?.rows.map((r) => [r.group, r.alerts, r.breaches])).toEqual([
      ['beta', 2, 1],
      ['alpha', 1, 1],
    ]);
  });
});

describe('the daily report', () => {
  it('has no trend and no comparison: one day is one point', () => {
    const report = composeDayReport([[reportAlert({ key: 'one', createdAt: at('2026-11-30T09:00:00Z') })]]);
    expect(report.trend).toBeNull();
    expect(report.previous).toBeNull();
    expect(report.percentiles).toBe('exact');
  });
});
