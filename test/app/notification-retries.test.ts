/**
 * A notification whose email is refused is sent by the next attempt, once: whatever its kind,
 * a failed send leaves it due (the claim is released), and the retry (the timer redelivered,
 * or the sweeper) sends it and nothing twice. Also when another delivery moved the alert on
 * in between: the failed attempt must not undo what that one sent.
 */
import { describe, expect, it } from 'vitest';
import { processDue } from '../../shared/app/process-due.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS, type NotificationMarks } from '../../shared/domain/alert/notification-marks.ts';
import { HOUR_MS, MINUTE_MS, toIso, type Instant } from '../../shared/domain/instant.ts';
import type { NotificationKind } from '../../shared/domain/notifications/notification.ts';
import { MailError } from '../../shared/errors.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';
import { reload, storeAlert } from './stored-alert.ts';

// Fixture policy from C, around the clock: reminders +10, +20 min; acknowledgment at risk +24,
// due +30 min; resolution at risk +3 h 12 min, due +4 h; an update due 1 h after the last.
const min = (n: number) => C + n * MINUTE_MS;
const marks = (patch: Partial<NotificationMarks>): NotificationMarks => ({ ...NO_NOTIFICATIONS, ...patch });
const acknowledged = (patch: Partial<Alert>): Partial<Alert> => ({
  status: 'acknowledged',
  acknowledgedAt: min(5),
  acknowledgedBy: 'dana',
  lastUpdateAt: min(5),
  ...patch,
});

interface RetryCase {
  readonly kind: NotificationKind;
  readonly alert: Partial<Alert>;
  readonly dueAt: Instant;
}

const CASES: RetryCase[] = [
  { kind: 'reminder', alert: { notified: marks({ newAlertAt: C }) }, dueAt: min(10) },
  { kind: 'acknowledgment-at-risk', alert: { notified: marks({ newAlertAt: C, remindersSent: 2 }) }, dueAt: min(24) },
  { kind: 'acknowledgment-breach', alert: { notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }) }, dueAt: min(30) },
  { kind: 'update-due', alert: acknowledged({ notified: marks({ newAlertAt: C }) }), dueAt: min(65) },
  {
    kind: 'resolution-at-risk',
    alert: acknowledged({ notified: marks({ newAlertAt: C, updateDueNotifiedFor: min(65) }) }),
    dueAt: C + 3 * HOUR_MS + 12 * MINUTE_MS,
  },
  {
    kind: 'resolution-breach',
    alert: acknowledged({ notified: marks({ newAlertAt: C, updateDueNotifiedFor: min(65), resolutionAtRiskAt: C + 3 * HOUR_MS + 12 * MINUTE_MS }) }),
    dueAt: C + 4 * HOUR_MS,
  },
  {
    kind: 'resolved',
    alert: { status: 'resolved', acknowledgedAt: min(5), acknowledgedBy: 'dana', resolvedAt: min(50), resolvedBy: 'dana', notified: marks({ newAlertAt: C }) },
    dueAt: min(50),
  },
];

describe('a notification whose email was refused', () => {
  it.each(CASES)('$kind: is sent by the retry, once', async ({ kind, alert: patch, dueAt }) => {
    const t = testDeps({ now: dueAt, notifier: { failEmailTimes: 1 } });
    const alert = await storeAlert(t, patch);

    await expect(processDue(t.deps, alert.id, dueAt)).rejects.toBeInstanceOf(MailError);
    expect(t.notifier.refused.map((r) => r.notification.kind)).toEqual([kind]);
    expect(t.notifier.sent).toEqual([]);
    // Still due: the sweeper lists it even if the timer is not redelivered.
    expect((await t.store.listDue(dueAt, 10)).alerts.map((a) => a.id)).toEqual([alert.id]);

    await processDue(t.deps, alert.id, dueAt + 30_000);
    await processDue(t.deps, alert.id, dueAt + 60_000);
    expect(t.notifier.kinds()).toEqual([kind]);
    expect((await t.store.listDue(dueAt + 60_000, 10)).alerts).toEqual([]);
  });

  it('acknowledgment breach: the retry escalates once, as the first attempt recorded', async () => {
    const t = testDeps({ now: min(30), notifier: { failEmailTimes: 1 } });
    const alert = await storeAlert(t, { notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }) });
    await expect(processDue(t.deps, alert.id, min(30))).rejects.toBeInstanceOf(MailError);
    await processDue(t.deps, alert.id, min(31));
    expect(t.notifier.kinds()).toEqual(['acknowledgment-breach']);
    expect((await reload(t, alert.id)).responses.map((r) => `${r.type} by ${r.by}`)).toEqual(['escalation by sla-watch']);
  });
});

describe('a failed attempt while another delivery moved the alert on', () => {
  it('does not bring back a reminder the other delivery already sent', async () => {
    // The 12:10 delivery claims reminder 1; while its email is on its way, a late 12:20 delivery
    // claims and sends reminder 2; then the 12:10 email is refused.
    const t = testDeps({ now: min(10) });
    const alert = await storeAlert(t, { notified: marks({ newAlertAt: C }) });
    t.notifier.beforeSend = async (notification) => {
      if (notification.kind !== 'reminder' || notification.reminderNumber !== 1) return;
      t.notifier.beforeSend = undefined;
      await processDue(t.deps, alert.id, min(20));
      t.notifier.failEmail(1);
    };
    await expect(processDue(t.deps, alert.id, min(10))).rejects.toBeInstanceOf(MailError);

    // Retries (the redelivered timer, the sweeper) find nothing left to send.
    await processDue(t.deps, alert.id, min(21));
    await processDue(t.deps, alert.id, min(22));
    const reminders = t.notifier.ofKind('reminder').map((s) => `#${s.notification.reminderNumber} due ${toIso(s.notification.dueAt).slice(11, 16)}`);
    expect(reminders).toEqual(['#2 due 12:20']);
    expect(t.timers.pending().map((p) => toIso(p.at).slice(11, 16))).toEqual(['12:24']);
  });
});
