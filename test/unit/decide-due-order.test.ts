/**
 * Notifications that fall on one instant go out in the order a responder should read them:
 * the new alert, a reminder or an update nudge, then a warning, then a breach, and the
 * resolution last. Each case is a configuration a user can write (reminders every 6 min meet
 * the at-risk and the deadline of a 30 min acknowledgment SLA).
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS, type NotificationMarks } from '../../shared/domain/alert/notification-marks.ts';
import { HOUR_MS, MINUTE_MS, toIso } from '../../shared/domain/instant.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import { decideDue, type DueDecision } from '../../shared/domain/timers/decide-due.ts';
import { FIXTURE_CREATED_AT as C, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';

// Fixture policy from C, around the clock: acknowledgment at risk +24 min, due +30 min;
// resolution at risk +3 h 12 min, due +4 h; an update due 1 h after the last.
const min = (n: number) => C + n * MINUTE_MS;
const marks = (patch: Partial<NotificationMarks>): NotificationMarks => ({ ...NO_NOTIFICATIONS, ...patch });

/** Reminders every 6 min, at most 5: +6, +12, +18, +24 (the at-risk), +30 (the deadline). */
const EVERY_6_MIN = { ...HIGH_24X7_POLICY, reminders: { ...HIGH_24X7_POLICY.reminders, firstAfterSeconds: 360, intervalSeconds: 360, max: 5 } };
const remindedAlert = (patch: Partial<Alert>) => makeAlert({ sla: EVERY_6_MIN, timeline: slaTimeline(EVERY_6_MIN, C), ...patch });

const acknowledged = (patch: Partial<Alert>) =>
  makeAlert({ status: 'acknowledged', acknowledgedAt: min(12), acknowledgedBy: 'dana', lastUpdateAt: min(12), ...patch });

function sent(decision: DueDecision): string[] {
  if (decision.kind !== 'notify') return [];
  return decision.notifications.map((n) => `${n.kind}@${toIso(n.dueAt).slice(11, 19)}${n.reminderNumber === undefined ? '' : `#${n.reminderNumber}`}`);
}

describe('decideDue: the order of notifications due on one instant', () => {
  const table: [string, Alert, number, string[]][] = [
    [
      'the 4th reminder on the at-risk instant: the reminder, then the warning',
      remindedAlert({ notified: marks({ newAlertAt: C, remindersSent: 3 }) }),
      min(24),
      ['reminder@12:24:00#4', 'acknowledgment-at-risk@12:24:00'],
    ],
    [
      'the 5th reminder on the deadline: the reminder, then the breach',
      remindedAlert({ notified: marks({ newAlertAt: C, remindersSent: 4, acknowledgmentAtRiskAt: min(24) }) }),
      min(30),
      ['reminder@12:30:00#5', 'acknowledgment-breach@12:30:00'],
    ],
    [
      'an update due on the resolution at-risk instant: the nudge, then the warning',
      acknowledged({ lastUpdateAt: min(132), notified: marks({ newAlertAt: C }) }),
      min(192),
      ['update-due@15:12:00', 'resolution-at-risk@15:12:00'],
    ],
    [
      'an update due on the resolution deadline: the nudge, then the breach',
      acknowledged({ lastUpdateAt: min(180), notified: marks({ newAlertAt: C, resolutionAtRiskAt: min(192) }) }),
      C + 4 * HOUR_MS,
      ['update-due@16:00:00', 'resolution-breach@16:00:00'],
    ],
    [
      'resolved exactly at the resolution deadline (missed): the breach, then the resolution',
      acknowledged({ status: 'resolved', resolvedAt: C + 4 * HOUR_MS, resolvedBy: 'lee', notified: marks({ newAlertAt: C, resolutionAtRiskAt: min(192) }) }),
      C + 4 * HOUR_MS,
      ['resolution-breach@16:00:00', 'resolved@16:00:00'],
    ],
    [
      'acknowledged 20 s late and the breach timer lost for an hour: the breach first, then the update nudge it is older than',
      acknowledged({
        acknowledgedAt: min(30) + 20_000,
        lastUpdateAt: min(30) + 20_000,
        notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }),
      }),
      min(91),
      ['acknowledgment-breach@12:30:00', 'update-due@13:30:20'],
    ],
  ];

  it.each(table)('%s', (_name, alert, now, expected) => {
    expect(sent(decideDue(alert, now))).toEqual(expected);
  });
});
