import { describe, expect, it } from 'vitest';
import { processDue } from '../../shared/app/process-due.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { MailError } from '../../shared/errors.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';
import { reload, storeAlert } from './stored-alert.ts';

// Fixture policy from C, around the clock: reminders +10, +20 min; acknowledgment at risk +24,
// due +30 min; resolution at risk +3 h 12 min, due +4 h.
const min = (n: number) => C + n * MINUTE_MS;

describe('processDue', () => {
  it('sends the new-alert notification, marks it, and arms the first reminder', async () => {
    const t = testDeps({ now: C });
    const alert = await storeAlert(t);
    const result = await processDue(t.deps, alert.id, C);
    expect(result.kind).toBe('notified');
    expect(t.notifier.kinds()).toEqual(['new-alert']);
    const stored = await reload(t, alert.id);
    expect(stored.notified.newAlertAt).toBe(C);
    expect(t.timers.pending().map((p) => ({ at: p.at, kind: p.payload.kind }))).toEqual([{ at: min(10), kind: 'reminder' }]);
    expect(stored.timer?.name).toBe(t.timers.pending()[0]?.name);
  });

  it('of two deliveries racing on one alert, only one sends', async () => {
    const t = testDeps({ now: C });
    const alert = await storeAlert(t);
    const results = await Promise.all([processDue(t.deps, alert.id, C), processDue(t.deps, alert.id, C), processDue(t.deps, alert.id, C)]);
    expect(t.notifier.kinds()).toEqual(['new-alert']);
    expect(results.map((r) => r.kind).sort()).toEqual(['nothing-due', 'nothing-due', 'notified']);
  });

  it('when email is refused it releases the claim and rethrows, and the retry sends once', async () => {
    const t = testDeps({ now: C, notifier: { failEmailTimes: 1 } });
    const alert = await storeAlert(t);
    await expect(processDue(t.deps, alert.id, C)).rejects.toBeInstanceOf(MailError);
    const released = await reload(t, alert.id);
    expect(released.notified.newAlertAt).toBeNull();
    // Still due, so the sweeper lists it even if no timer is retried.
    expect(released.timer?.dueAt).toBe(C);
    expect((await t.store.listDue(C, 10)).alerts).toHaveLength(1);

    await processDue(t.deps, alert.id, C + 5000);
    await processDue(t.deps, alert.id, C + 6000);
    expect(t.notifier.kinds()).toEqual(['new-alert']);
  });

  it('after a partial failure it retries only what was not sent', async () => {
    const t = testDeps({ now: min(35) });
    const alert = await storeAlert(t);
    t.notifier.beforeSend = (notification) => {
      if (notification.kind === 'reminder') {
        t.notifier.beforeSend = undefined;
        t.notifier.failEmail(1);
      }
    };
    await expect(processDue(t.deps, alert.id, min(35))).rejects.toBeInstanceOf(MailError);
    expect(t.notifier.kinds()).toEqual(['new-alert']);
    await processDue(t.deps, alert.id, min(36));
    expect(t.notifier.kinds()).toEqual(['new-alert', 'reminder', 'acknowledgment-breach']);
    const stored = await reload(t, alert.id);
    // The escalation was recorded with the first claim and not again with the retry.
    expect(stored.responses.filter((r) => r.type === 'escalation')).toHaveLength(1);
  });

  it('escalates an unacknowledged alert at its deadline with a system response', async () => {
    const t = testDeps({ now: min(30) });
    const alert = await storeAlert(t, { notified: { ...NO_NOTIFICATIONS, newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) } });
    const result = await processDue(t.deps, alert.id, min(30));
    expect(result).toMatchObject({ kind: 'notified', escalated: true });
    expect(t.notifier.kinds()).toEqual(['acknowledgment-breach']);
    expect((await reload(t, alert.id)).responses).toEqual([
      { id: `${alert.id}_1`, type: 'escalation', by: 'sla-watch', note: expect.any(String), at: min(30), via: 'system', actor: 'system' },
    ]);
    // The notifier saw the escalation already recorded (it renders it).
    expect(t.notifier.sent[0]?.alert.responses).toHaveLength(1);
  });

  it('records Slack failures on the alert without failing the notification', async () => {
    const t = testDeps({ now: C, notifier: { failSlack: true } });
    const alert = await storeAlert(t);
    await processDue(t.deps, alert.id, C);
    const stored = await reload(t, alert.id);
    expect(stored.notified.newAlertAt).toBe(C);
    expect(stored.notified.failures).toEqual([{ kind: 'new-alert', channel: 'slack', at: C, error: 'slack webhook answered 500' }]);
  });

  it('gives an alert stored without a timer the one it should have, sending nothing early', async () => {
    const t = testDeps({ now: min(2) });
    const alert = await storeAlert(t, { notified: { ...NO_NOTIFICATIONS, newAlertAt: C }, timer: null });
    const result = await processDue(t.deps, alert.id, min(2));
    expect(result.kind).toBe('nothing-due');
    expect(t.notifier.sent).toEqual([]);
    expect((await reload(t, alert.id)).timer).toMatchObject({ dueAt: min(10), kind: 'reminder' });
    expect(t.timers.pending().map((p) => p.at)).toEqual([min(10)]);
  });

  it('answers not-found for an alert that does not exist', async () => {
    const t = testDeps({ now: C });
    expect(await processDue(t.deps, 'aaaaaaaaaaaaaaaaaaaaa', C)).toEqual({ kind: 'not-found' });
  });

  it('leaves the next timer to the sweeper when the scheduler is down, and still sends', async () => {
    const t = testDeps({ now: C });
    const alert = await storeAlert(t);
    t.timers.failNext('schedule');
    await processDue(t.deps, alert.id, C);
    expect(t.notifier.kinds()).toEqual(['new-alert']);
    expect(t.timers.pending()).toEqual([]);
    expect((await reload(t, alert.id)).timer?.dueAt).toBe(min(10));
    expect(t.logger.matching('sweeper will handle it')).toHaveLength(1);
  });
});
