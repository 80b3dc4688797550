import { describe, expect, it } from 'vitest';
import { processDue } from '../../shared/app/process-due.ts';
import { recordResponse } from '../../shared/app/record-response.ts';
import { MAX_RESPONSES } from '../../shared/domain/alert/alert.ts';
import { RESERVED_FOR_CLOSING } from '../../shared/domain/alert/apply-response.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
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
    expect(t.sender.kinds()).toEqual(['new-alert']);
    const stored = await reload(t, alert.id);
    expect(stored.notified.newAlertAt).toBe(C);
    expect(t.timers.pending().map((p) => ({ at: p.at, kind: p.payload.kind }))).toEqual([{ at: min(10), kind: 'reminder' }]);
    expect(stored.timer?.name).toBe(t.timers.pending()[0]?.name);
  });

  it('of two deliveries racing on one alert, only one sends', async () => {
    const t = testDeps({ now: C });
    const alert = await storeAlert(t);
    const results = await Promise.all([processDue(t.deps, alert.id, C), processDue(t.deps, alert.id, C), processDue(t.deps, alert.id, C)]);
    expect(t.sender.kinds()).toEqual(['new-alert']);
    expect(results.map((r) => r.kind).sort()).toEqual(['nothing-due', 'nothing-due', 'notified']);
  });

  it('a claim records the deliveries; a refused email stays claimed, is retried with backoff, and is sent once', async () => {
    const t = testDeps({ now: C, sender: { failEmailTimes: 1 } });
    const alert = await storeAlert(t);
    const result = await processDue(t.deps, alert.id, C);
    expect(result.kind).toBe('notified');
    const claimed = await reload(t, alert.id);
    expect(claimed.notified.newAlertAt).toBe(C);
    expect(claimed.outbox?.map((d) => [d.channel, d.recipient, d.state, d.attempts])).toEqual([['email', 'oncall-high@example.test', 'retrying', 1]]);
    const retryAt = claimed.outbox?.[0]?.nextAttemptAt as number;
    expect(retryAt - C).toBeGreaterThanOrEqual(1000);
    // The next timer is the reminder's: the email is the senders' business now.
    expect(claimed.timer?.dueAt).toBe(min(10));

    t.clock.set(retryAt - 1);
    expect(await t.queue.drain()).toBe(0);
    t.clock.set(retryAt);
    expect(await t.queue.drain()).toBe(1);
    await processDue(t.deps, alert.id, retryAt + 1000);
    expect(t.sender.kinds()).toEqual(['new-alert']);
    expect((await reload(t, alert.id)).outbox?.[0]).toMatchObject({ state: 'sent', attempts: 2, lastError: 'SES Throttling: Maximum sending rate exceeded' });
  });

  it('a crash before the queue is fed loses nothing: the stored deliveries are found and made', async () => {
    const t = testDeps({ now: min(35) });
    const alert = await storeAlert(t);
    t.queue.deliverAtOnce = false;
    await processDue(t.deps, alert.id, min(35));
    expect(t.sender.sent).toEqual([]);
    expect(await t.store.listOutboxDue(min(35), 10)).toEqual([alert.id]);
    await t.queue.drain();
    // One recipient's lane: new-alert, reminder, breach in claim order; the manager gets the breach.
    expect(t.sender.to('email', 'oncall-high@example.test').map((s) => s.notification.kind)).toEqual(['new-alert', 'reminder', 'acknowledgment-breach']);
    expect(t.sender.to('email', 'manager@example.test').map((s) => s.notification.kind)).toEqual(['acknowledgment-breach']);
    expect(t.sender.duplicates()).toEqual([]);
    expect(await t.store.listOutboxDue(min(40), 10)).toEqual([]);
  });

  it('escalates an unacknowledged alert at its deadline with a system response', async () => {
    const t = testDeps({ now: min(30) });
    const alert = await storeAlert(t, { notified: { ...NO_NOTIFICATIONS, newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) } });
    const result = await processDue(t.deps, alert.id, min(30));
    expect(result).toMatchObject({ kind: 'notified', escalated: true });
    expect(t.sender.kinds()).toEqual(['acknowledgment-breach']);
    expect((await reload(t, alert.id)).responses).toEqual([
      { id: `${alert.id}_1`, type: 'escalation', by: 'sla-watch', note: 'Not acknowledged by the acknowledgment deadline: escalated.', at: min(30), via: 'system', actor: 'system' },
    ]);
    // The notifier saw the escalation already recorded (it renders it).
    expect(t.sender.sent[0]?.alert.responses).toHaveLength(1);
  });

  it('an alert near the response cap is still escalated by email, and its acknowledgment and resolution still fit', async () => {
    const t = testDeps({ now: min(30) });
    const room = MAX_RESPONSES - RESERVED_FOR_CLOSING;
    const responses: Response[] = Array.from({ length: room }, (_, i) => ({ id: `x_${i + 1}`, type: 'update', by: 'bot', note: null, at: C, via: 'api' }));
    const alert = await storeAlert(t, { responses, notified: { ...NO_NOTIFICATIONS, newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) } });
    const result = await processDue(t.deps, alert.id, min(30));
    expect(result).toMatchObject({ kind: 'notified', escalated: true });
    expect(t.sender.kinds()).toEqual(['acknowledgment-breach']);
    // The escalation is told but not recorded: the last two places stay for the people closing it.
    expect((await reload(t, alert.id)).responses).toHaveLength(room);
    await recordResponse(t.deps, { alertId: alert.id, type: 'acknowledgment', by: 'dana', note: null, via: 'api' });
    await recordResponse(t.deps, { alertId: alert.id, type: 'resolution', by: 'lee', note: null, via: 'api' });
    expect(await reload(t, alert.id)).toMatchObject({ status: 'resolved', acknowledgedBy: 'dana', resolvedBy: 'lee' });
  });

  it('a Slack failure is retried on its own; email is not held back by it', async () => {
    const t = testDeps({ now: min(30), sender: { failSlack: true } });
    const alert = await storeAlert(t, { notified: { ...NO_NOTIFICATIONS, newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) } });
    await processDue(t.deps, alert.id, min(30));
    const stored = await reload(t, alert.id);
    expect(stored.outbox?.map((d) => `${d.channel}:${d.recipient} ${d.state}`)).toEqual([
      'email:oncall-high@example.test sent',
      'email:manager@example.test sent',
      'slack:default retrying',
    ]);
    expect(stored.outbox?.[2]?.lastError).toContain('HTTP 500');
  });

  it('gives an alert stored without a timer the one it should have, sending nothing early', async () => {
    const t = testDeps({ now: min(2) });
    const alert = await storeAlert(t, { notified: { ...NO_NOTIFICATIONS, newAlertAt: C }, timer: null });
    const result = await processDue(t.deps, alert.id, min(2));
    expect(result.kind).toBe('nothing-due');
    expect(t.sender.sent).toEqual([]);
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
    expect(t.sender.kinds()).toEqual(['new-alert']);
    expect(t.timers.pending()).toEqual([]);
    expect((await reload(t, alert.id)).timer?.dueAt).toBe(min(10));
    expect(t.logger.matching('sweeper will handle it')).toHaveLength(1);
  });
});
