import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS, type NotificationMarks } from '../../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS, HOUR_MS, toIso } from '../../shared/domain/instant.ts';
import { nextDue } from '../../shared/domain/timers/next-due.ts';
import { planTimer, replanTimer } from '../../shared/domain/timers/plan-timer.ts';
import { FIXTURE_CREATED_AT as C, HIGH_24X7_POLICY, high24x7Timeline, makeAlert } from '../support/alert-fixtures.ts';

// The fixture policy, around the clock from C: reminders at +10 and +20 min (max 2), acknowledgment
// at risk at +24 min and due at +30 min, resolution at risk at +3 h 12 min and due at +4 h,
// an update due 1 h after each acknowledgment or update.
const marks = (patch: Partial<NotificationMarks>): NotificationMarks => ({ ...NO_NOTIFICATIONS, ...patch });
const ackMarks = marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: C + 24 * MINUTE_MS, acknowledgmentBreachAt: C + 30 * MINUTE_MS });
const acked = (atMin: number, patch: Partial<Alert> = {}): Alert =>
  makeAlert({
    status: 'acknowledged',
    acknowledgedAt: C + atMin * MINUTE_MS,
    acknowledgedBy: 'dana',
    lastUpdateAt: C + atMin * MINUTE_MS,
    notified: marks({ newAlertAt: C }),
    ...patch,
  });

const iso = (next: ReturnType<typeof nextDue>) => (next === null ? null : { at: toIso(next.at), kind: next.kind });

describe('nextDue', () => {
  const table: [string, Alert, { at: string; kind: string } | null][] = [
    ['a fresh alert: the new-alert notification, at creation', makeAlert(), { at: '2026-11-30T12:00:00.000Z', kind: 'reminder' }],
    ['after the new-alert notification: the first reminder', makeAlert({ notified: marks({ newAlertAt: C }) }), { at: '2026-11-30T12:10:00.000Z', kind: 'reminder' }],
    ['after one reminder: the second', makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 1 }) }), { at: '2026-11-30T12:20:00.000Z', kind: 'reminder' }],
    ['after both reminders: acknowledgment at risk', makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 2 }) }), { at: '2026-11-30T12:24:00.000Z', kind: 'at-risk' }],
    [
      'after the acknowledgment at-risk: its breach',
      makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: C + 24 * MINUTE_MS }) }),
      { at: '2026-11-30T12:30:00.000Z', kind: 'breach' },
    ],
    ['after the acknowledgment breach: resolution at risk', makeAlert({ notified: ackMarks }), { at: '2026-11-30T15:12:00.000Z', kind: 'at-risk' }],
    ['acknowledged at +5 min: the update due an hour later', acked(5), { at: '2026-11-30T13:05:00.000Z', kind: 'reminder' }],
    [
      'acknowledged, that update-due notified: resolution at risk',
      acked(5, { notified: marks({ newAlertAt: C, updateDueNotifiedFor: C + 65 * MINUTE_MS }) }),
      { at: '2026-11-30T15:12:00.000Z', kind: 'at-risk' },
    ],
    ['acknowledged, then an update at +2 h: the update due at +3 h', acked(5, { lastUpdateAt: C + 2 * HOUR_MS, notified: marks({ newAlertAt: C, updateDueNotifiedFor: C + 65 * MINUTE_MS }) }), { at: '2026-11-30T15:00:00.000Z', kind: 'reminder' }],
    [
      'resolved, resolved notification not sent: due at the resolution',
      makeAlert({ status: 'resolved', acknowledgedAt: C + 15 * MINUTE_MS, resolvedAt: C + 15 * MINUTE_MS, notified: marks({ newAlertAt: C }) }),
      { at: '2026-11-30T12:15:00.000Z', kind: 'reminder' },
    ],
    [
      'resolved and its notification sent: nothing, ever',
      makeAlert({ status: 'resolved', acknowledgedAt: C + 15 * MINUTE_MS, resolvedAt: C + 15 * MINUTE_MS, notified: marks({ newAlertAt: C, resolvedAt: C + 15 * MINUTE_MS }) }),
      null,
    ],
    [
      'reminders disabled: straight to acknowledgment at risk',
      makeAlert({ sla: { ...HIGH_24X7_POLICY, reminders: { ...HIGH_24X7_POLICY.reminders, enabled: false } }, notified: marks({ newAlertAt: C }) }),
      { at: '2026-11-30T12:24:00.000Z', kind: 'at-risk' },
    ],
    [
      'a reminder on the at-risk instant: the timer targets at-risk',
      makeAlert({ timeline: { ...high24x7Timeline(C), reminderAts: [C + 24 * MINUTE_MS] }, notified: marks({ newAlertAt: C }) }),
      { at: '2026-11-30T12:24:00.000Z', kind: 'at-risk' },
    ],
    [
      'a reminder on the deadline: the timer targets breach',
      makeAlert({ timeline: { ...high24x7Timeline(C), reminderAts: [C + 30 * MINUTE_MS] }, notified: marks({ newAlertAt: C, acknowledgmentAtRiskAt: C }) }),
      { at: '2026-11-30T12:30:00.000Z', kind: 'breach' },
    ],
    [
      'a reminder, still unacknowledged, on the resolution at-risk instant: the timer targets at-risk',
      makeAlert({
        timeline: { ...high24x7Timeline(C), reminderAts: [C + 192 * MINUTE_MS] },
        notified: marks({ newAlertAt: C, acknowledgmentAtRiskAt: C + 24 * MINUTE_MS, acknowledgmentBreachAt: C + 30 * MINUTE_MS }),
      }),
      { at: '2026-11-30T15:12:00.000Z', kind: 'at-risk' },
    ],
  ];

  it.each(table)('%s', (_name, alert, expected) => {
    expect(iso(nextDue(alert))).toEqual(expected);
  });
});

describe('planTimer / replanTimer', () => {
  it('a fresh alert is planned at generation 0 for its new-alert notification', () => {
    const alert = makeAlert();
    expect(planTimer(alert)).toEqual({ name: `${alert.id}.reminder.0`, dueAt: C, kind: 'reminder', generation: 0 });
  });

  it('keeps the alert (and its timer name) when the plan did not move', () => {
    const alert = makeAlert({ generation: 3 });
    const planned = { ...alert, timer: planTimer(alert) };
    expect(replanTimer(planned)).toBe(planned);
  });

  it('moves to a new generation and name when the plan moves', () => {
    const alert = makeAlert();
    const stored = { ...alert, timer: planTimer(alert) };
    const replanned = replanTimer({ ...stored, notified: marks({ newAlertAt: C }) });
    expect(replanned.generation).toBe(1);
    expect(replanned.timer).toEqual({ name: `${alert.id}.reminder.1`, dueAt: C + 10 * MINUTE_MS, kind: 'reminder', generation: 1 });
  });

  it('drops the timer when nothing more is due', () => {
    const alert = makeAlert({ status: 'resolved', acknowledgedAt: C, resolvedAt: C, notified: marks({ resolvedAt: C }), generation: 4 });
    const replanned = replanTimer({ ...alert, timer: { name: `${alert.id}.reminder.4`, dueAt: C, kind: 'reminder', generation: 4 } });
    expect(replanned.timer).toBeNull();
    expect(replanned.generation).toBe(5);
  });
});
