/**
 * A report counts each alert from its report view: the view must tell every clock's outcome,
 * answer time and overrun exactly as the alert would, at whatever instant the report is made,
 * for alerts open, answered by a person, closed by their source, and counting on a calendar.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import { evaluateView, isSettled, isUsableView, reportViewOf } from '../../shared/domain/report/report-view.ts';
import { evaluateAlertSla } from '../../shared/domain/sla/alert-sla.ts';
import { CRITICAL_OFFICE_POLICY, reportAlert } from '../support/report-fixtures.ts';

const MONDAY_9 = Date.parse('2026-11-30T09:00:00Z');

function response(alert: Alert, n: number, type: Response['type'], at: number, via: Response['via']): Response {
  return { id: `${alert.id}_${n}`, type, by: via === 'webhook' ? 'alertmanager' : 'ana@example.com', note: null, at, via };
}

function sourceResolved(key: string, resolvedAt: number): Alert {
  const alert = reportAlert({ key, createdAt: MONDAY_9 });
  return { ...alert, status: 'resolved', acknowledgedAt: resolvedAt, resolvedAt, responses: [response(alert, 1, 'resolution', resolvedAt, 'webhook')] };
}

const ALERTS: Record<string, Alert> = {
  'open, nobody answered': reportAlert({ key: 'open', createdAt: MONDAY_9 }),
  'acknowledged late, not resolved': reportAlert({ key: 'late', createdAt: MONDAY_9, acknowledgedAt: MONDAY_9 + 45 * MINUTE_MS }),
  'answered and resolved by a person': reportAlert({ key: 'done', createdAt: MONDAY_9, acknowledgedAt: MONDAY_9 + 5 * MINUTE_MS, resolvedAt: MONDAY_9 + 5 * HOUR_MS }),
  'resolved by its source before the deadline': sourceResolved('source-early', MONDAY_9 + 10 * MINUTE_MS),
  'resolved by its source after the deadline': sourceResolved('source-late', MONDAY_9 + 2 * HOUR_MS),
  // Friday 16:30 on a Mon-Fri 09-17 calendar: the weekend stops both clocks.
  'open on the office calendar over a weekend': reportAlert({ key: 'office', createdAt: Date.parse('2026-12-04T16:30:00Z'), policy: CRITICAL_OFFICE_POLICY }),
  'acknowledged on the office calendar': reportAlert({
    key: 'office-ack',
    createdAt: Date.parse('2026-12-04T16:30:00Z'),
    acknowledgedAt: Date.parse('2026-12-07T09:10:00Z'),
    policy: CRITICAL_OFFICE_POLICY,
  }),
};

/** Before at-risk, at risk, at and after each deadline, days later. */
const INSTANTS = [0, 20, 29, 30, 31, 200, 240, 241, 3 * 24 * 60, 5 * 24 * 60].map((minutes) => MONDAY_9 + minutes * MINUTE_MS);

describe('a report view', () => {
  for (const [name, alert] of Object.entries(ALERTS)) {
    it(`evaluates like its alert at every instant: ${name}`, () => {
      // Stored as JSON text: evaluated from what is read back.
      const view = JSON.parse(JSON.stringify(reportViewOf(alert, null))) as ReturnType<typeof reportViewOf>;
      for (const now of [...INSTANTS, alert.createdAt + 7 * 24 * HOUR_MS]) {
        expect(evaluateView(view, now), new Date(now).toISOString()).toEqual(evaluateAlertSla(alert, now));
      }
    });
  }

  it('of a resolved alert keeps its evaluation and not its calendar; an open one keeps the calendar', () => {
    const resolved = reportViewOf(sourceResolved('resolved', MONDAY_9 + 10 * MINUTE_MS), null);
    expect(resolved.open).toBeNull();
    expect(resolved.settled?.acknowledgment.state).toBe('closed_by_source');
    const open = reportViewOf(ALERTS['open on the office calendar over a weekend'] as Alert, null);
    expect(open.settled).toBeNull();
    expect(open.open?.calendar?.name).toBe('office');
    expect(open.calendarName).toBe('office');
  });

  it('keeps the value of the label grouped by, and is not used for another grouping or version', () => {
    const alert = reportAlert({ key: 'grouped', createdAt: MONDAY_9, patch: { labels: { team: 'payments' } } });
    const view = reportViewOf(alert, 'team');
    expect(view.group).toEqual({ by: 'team', value: 'payments' });
    expect(reportViewOf(alert, 'service').group).toEqual({ by: 'service', value: null });
    expect(isUsableView(view, 'team')).toBe(true);
    expect(isUsableView(view, 'service')).toBe(false);
    expect(isUsableView(view, null)).toBe(false);
    expect(isUsableView(reportViewOf(alert, null), null)).toBe(true);
    expect(isUsableView({ ...view, v: 2 }, 'team')).toBe(false);
    expect(isUsableView('{"v":1}', 'team')).toBe(false);
    expect(isUsableView(null, null)).toBe(false);
  });

  it('is settled once its alert is resolved and every delivery is made, not before', () => {
    const resolved = sourceResolved('settling', MONDAY_9 + 10 * MINUTE_MS);
    const delivery = (state: 'pending' | 'retrying' | 'sent' | 'failed') => ({
      seq: 1,
      notification: { kind: 'resolved' as const, alertId: resolved.id, dueAt: MONDAY_9 },
      channel: 'email' as const,
      recipient: 'oncall@example.com',
      claimedAt: MONDAY_9,
      state,
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      messageId: null,
      doneAt: null,
      reason: null,
      leaseUntil: null,
    });
    expect(isSettled(ALERTS['acknowledged late, not resolved'] as Alert)).toBe(false);
    expect(isSettled(resolved)).toBe(true);
    expect(isSettled({ ...resolved, outbox: [delivery('pending')] })).toBe(false);
    expect(isSettled({ ...resolved, outbox: [delivery('retrying')] })).toBe(false);
    expect(isSettled({ ...resolved, outbox: [delivery('sent'), { ...delivery('failed'), seq: 2 }] })).toBe(true);
  });
});
