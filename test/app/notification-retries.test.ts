/**
 * A notification whose email is refused for now is sent by the retry, once: whatever its kind,
 * the claim recorded its delivery, a throttled send leaves that delivery retrying, and the
 * sender's retry (the local loop, the queue's delayed message, the sweeper's re-feed) makes it;
 * the timer that claimed it is not due again, so nothing is claimed or sent twice. Also when a
 * later claim moved the alert on while the first email was failing: each reminder goes once,
 * in the order claimed.
 */
import { describe, expect, it } from 'vitest';
import { processDue } from '../../shared/app/process-due.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS, type NotificationMarks } from '../../shared/domain/alert/notification-marks.ts';
import { HOUR_MS, MINUTE_MS, toIso, type Instant } from '../../shared/domain/instant.ts';
import type { NotificationKind } from '../../shared/domain/notifications/notification.ts';
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

/** Past the first backoff (at most 2 s on the test's fixed jitter). */
const RETRY_MS = 5_000;

describe('a notification whose email was refused for now', () => {
  it.each(CASES)('$kind: is sent by the retry, once', async ({ kind, alert: patch, dueAt }) => {
    const t = testDeps({ now: dueAt, sender: { failEmailTimes: 1 } });
    const alert = await storeAlert(t, patch);

    await processDue(t.deps, alert.id, dueAt);
    expect(t.sender.refused.map((r) => r.notification.kind)).toEqual([kind]);
    const refusedTo = t.sender.refused[0]?.delivery.recipient ?? '';
    expect(t.sender.to('email', refusedTo).filter((s) => s.notification.kind === kind)).toEqual([]);
    const delivery = (await reload(t, alert.id)).outbox?.find((d) => d.notification.kind === kind && d.channel === 'email' && d.recipient === refusedTo);
    expect(delivery?.state).toBe('retrying');
    // Claimed once: the timer that fired is not due again, the delivery is the senders' now.
    expect((await t.store.listDue(dueAt, 10)).alerts).toEqual([]);

    t.clock.set(dueAt + RETRY_MS);
    await t.queue.drain();
    await processDue(t.deps, alert.id, dueAt + RETRY_MS);
    t.clock.set(dueAt + 2 * RETRY_MS);
    await t.queue.drain();
    expect(t.sender.to('email', refusedTo).filter((s) => s.notification.kind === kind)).toHaveLength(1);
    expect(t.sender.duplicates()).toEqual([]);
    expect((await reload(t, alert.id)).outbox?.find((d) => d.seq === delivery?.seq)?.state).toBe('sent');
  });

  it('acknowledgment breach: escalates once, however many attempts its email takes', async () => {
    const t = testDeps({ now: min(30), sender: { failEmailTimes: 3 } });
    const alert = await storeAlert(t, { notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }) });
    await processDue(t.deps, alert.id, min(30));
    for (let i = 1; i <= 4; i += 1) {
      t.clock.set(min(30) + i * 20_000);
      await t.queue.drain();
      await processDue(t.deps, alert.id, t.clock.now());
    }
    expect(t.sender.kinds(alert.id)).toEqual(['acknowledgment-breach']);
    expect(t.sender.duplicates()).toEqual([]);
    expect((await reload(t, alert.id)).responses.map((r) => `${r.type} by ${r.by}`)).toEqual(['escalation by sla-watch']);
  });
});

describe('a failing email while a later claim moved the alert on', () => {
  it('sends each reminder once, in the order claimed', async () => {
    // Reminder 1 is claimed at 12:10 and its email is throttled; at 12:20 reminder 2 is
    // claimed while reminder 1 still waits for its retry.
    const t = testDeps({ now: min(10), sender: { failEmailTimes: 1 } });
    const alert = await storeAlert(t, { notified: marks({ newAlertAt: C }) });
    await processDue(t.deps, alert.id, min(10));
    t.clock.set(min(20));
    await processDue(t.deps, alert.id, min(20));
    await t.queue.drain();
    t.clock.set(min(21));
    await t.queue.drain();
    await processDue(t.deps, alert.id, min(21));

    const emails = t.sender.sent.filter((s) => s.delivery.channel === 'email' && s.notification.kind === 'reminder');
    expect(emails.map((s) => `#${s.notification.reminderNumber} due ${toIso(s.notification.dueAt).slice(11, 16)}`)).toEqual(['#1 due 12:10', '#2 due 12:20']);
    expect(t.sender.duplicates()).toEqual([]);
    // What comes next is the at-risk warning at 12:24, not a reminder again.
    const next = (await reload(t, alert.id)).timer;
    expect(next === null ? null : `${next.kind} ${toIso(next.dueAt).slice(11, 16)}`).toBe('at-risk 12:24');
  });
});
