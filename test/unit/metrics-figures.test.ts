/**
 * The metrics' figures agree with the daily report over the report fixture's day (the same
 * alerts, the same instant), count business time where a policy uses a calendar, and ignore
 * what an eventually consistent index may hand over (neighbouring days, an alert resolved a
 * moment ago still in the open index).
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { afterAttempt, DEFAULT_RETRY_POLICY, skipped } from '../../shared/domain/delivery/delivery-outcome.ts';
import { recordDeliveries, updateDelivery } from '../../shared/domain/delivery/outbox.ts';
import { DeliveryTally } from '../../shared/domain/metrics/delivery-figures.ts';
import { OpenAlertTally } from '../../shared/domain/metrics/open-alert-figures.ts';
import { openAlertView } from '../../shared/domain/metrics/open-alert-view.ts';
import type { HistogramSnapshot } from '../../shared/domain/metrics/response-time-histogram.ts';
import { TodayTally } from '../../shared/domain/metrics/today-figures.ts';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import { PRIORITIES } from '../../shared/domain/sla/priority.ts';
import { reportDay } from '../../shared/domain/report/report-day.ts';
import { REPORT_DATE, REPORT_NOW, reportAlert, reportDayAlerts } from '../support/report-fixtures.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';

const ALLOWED = { critical: 0, high: 2, medium: 2, low: 3 };
const day = reportDay(REPORT_DATE, 'UTC');

describe("today's figures", () => {
  it('count what the daily report counts: opened, breaches and their budget', () => {
    const tally = new TodayTally(day, REPORT_NOW, ALLOWED);
    tally.add(reportDayAlerts());
    const figures = tally.finish();
    const report = new DayTally({ date: REPORT_DATE, timezone: 'UTC', fromAt: day.fromAt, toAt: day.toAt, now: REPORT_NOW, linkBaseUrl: 'https://x.test', groupBy: null });
    report.add(reportDayAlerts().map((alert) => reportViewOf(alert, null)));
    const rolled = report.rollup().priorities;
    for (const p of PRIORITIES) {
      const r = rolled[p];
      expect([figures.priorities[p].opened, figures.priorities[p].breaches, figures.priorities[p].allowedBreaches], p).toEqual([r.opened, r.breaches, r.allowedBreaches ?? ALLOWED[p]]);
    }
    expect(figures.priorities.high.breaches).toBe(3);
  });

  it('name each clock outcome: met, missed, breached and still open, pending', () => {
    const tally = new TodayTally(day, REPORT_NOW, ALLOWED);
    tally.add(reportDayAlerts());
    const high = tally.finish().priorities.high;
    // A, C, D acknowledged in time, B late, E never; A resolved in time, B late, C breached, D and E running.
    expect(high.outcomes.acknowledgment).toEqual({ met: 3, missed: 1, breached_open: 1, pending: 0, closed_by_source: 0 });
    expect(high.outcomes.resolution).toEqual({ met: 1, missed: 1, breached_open: 1, pending: 2, closed_by_source: 0 });
  });

  it('time responses in business seconds on a calendar, real seconds around the clock', () => {
    const tally = new TodayTally(day, REPORT_NOW, ALLOWED);
    tally.add(reportDayAlerts());
    const figures = tally.finish();
    const le = (snapshot: HistogramSnapshot, bound: number) => snapshot.buckets.find((b) => b.le === bound)?.count;
    // F: created 08:00 before the office opens, acknowledged 09:30 (30 business minutes, not 90), resolved 11:00 (2 h).
    const critical = figures.priorities.critical.responseTimes;
    expect([critical.acknowledgment.count, critical.acknowledgment.sum, le(critical.acknowledgment, 900), le(critical.acknowledgment, 1800)]).toEqual([1, 1800, 0, 1]);
    expect([critical.resolution.count, critical.resolution.sum, le(critical.resolution, 3600), le(critical.resolution, 7200)]).toEqual([1, 7200, 0, 1]);
    // Around the clock: A 10 min, B 45 min, C 20 min, D 5 min to acknowledge; buckets are cumulative.
    const high = figures.priorities.high.responseTimes.acknowledgment;
    expect([high.count, high.sum]).toEqual([4, 300 + 600 + 1200 + 2700]);
    expect([300, 600, 900, 1800, 3600, Number.POSITIVE_INFINITY].map((bound) => le(high, bound))).toEqual([1, 2, 2, 3, 4, 4]);
  });

  it('leave out alerts of the neighbouring days the index hands over', () => {
    const tally = new TodayTally(day, REPORT_NOW, ALLOWED);
    tally.add([reportAlert({ key: 'before', createdAt: day.fromAt - 1 }), reportAlert({ key: 'after', createdAt: day.toAt })]);
    expect(tally.finish().priorities.high.opened).toBe(0);
  });
});

describe('open alert figures', () => {
  it('count open and acknowledged alerts and the state of their running clocks only', () => {
    const tally = new OpenAlertTally(REPORT_NOW);
    tally.add(reportDayAlerts().flatMap((alert) => openAlertView(alert) ?? []));
    const figures = tally.finish();
    // C and D acknowledged, E open; A, B and F resolved (they have no view).
    expect(figures.open.high).toEqual({ open: 1, acknowledged: 2 });
    expect(figures.open.critical).toEqual({ open: 0, acknowledged: 0 });
    // Only E's acknowledgment clock still runs (breached); C breached, D at risk, E compliant to resolve.
    expect(figures.clocks.high.acknowledgment).toEqual({ compliant: 0, at_risk: 0, breached: 1 });
    expect(figures.clocks.high.resolution).toEqual({ compliant: 1, at_risk: 1, breached: 1 });
  });
});

describe('delivery health', () => {
  it('counts the deliveries recorded on the alerts per channel and state, leaving stale ones out', () => {
    const at = REPORT_NOW - 60_000;
    const policy = DEFAULT_RETRY_POLICY;
    const targets = (): readonly DeliveryTarget[] => [
      { channel: 'email', recipient: 'ana@example.test' },
      { channel: 'email', recipient: 'unverified@example.test' },
      { channel: 'slack', recipient: 'default' },
    ];
    let outbox = recordDeliveries([], [{ kind: 'new-alert', alertId: 'a', dueAt: at }, { kind: 'reminder', alertId: 'a', dueAt: at, reminderNumber: 1 }], targets, at);
    outbox = updateDelivery(outbox, 1, (d) => afterAttempt(d, { kind: 'accepted', messageId: 'm-1' }, at, policy, 0));
    outbox = updateDelivery(outbox, 2, (d) => afterAttempt(d, { kind: 'permanent', error: 'SES MessageRejected' }, at, policy, 0));
    outbox = updateDelivery(outbox, 3, (d) => afterAttempt(d, { kind: 'transient', error: 'HTTP 429', retryAfterMs: 1_000 }, at, policy, 0));
    outbox = updateDelivery(outbox, 4, (d) => skipped(d, 'the alert was acknowledged before it was sent', at));
    const tally = new DeliveryTally();
    tally.add([reportAlert({ key: 'with-deliveries', createdAt: at, patch: { outbox } }), reportAlert({ key: 'none-yet', createdAt: at })]);
    expect(tally.finish()).toEqual({
      email: { pending: 1, sent: 1, retrying: 0, failed: 1 },
      slack: { pending: 1, sent: 0, retrying: 1, failed: 0 },
    });
  });

  it('shows no delivery series while no alert counted has a delivery', () => {
    const tally = new DeliveryTally();
    tally.add(reportDayAlerts().map((alert) => ({ ...alert, outbox: [] })));
    expect(tally.finish()).toBeNull();
  });
});
