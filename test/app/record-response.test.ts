import { describe, expect, it } from 'vitest';
import { processDue } from '../../shared/app/process-due.ts';
import { recordResponse, type RecordResponseInput } from '../../shared/app/record-response.ts';
import { sweep } from '../../shared/app/sweep.ts';
import { MAX_RESPONSES } from '../../shared/domain/alert/alert.ts';
import { RESERVED_FOR_CLOSING } from '../../shared/domain/alert/apply-response.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../../shared/errors.ts';
import { FIXTURE_CREATED_AT as C, HIGH_24X7_POLICY } from '../support/alert-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';
import { reload, storeAlert } from './stored-alert.ts';

const min = (n: number) => C + n * MINUTE_MS;
const respond = (t: TestDeps, alertId: string, patch: Partial<RecordResponseInput> = {}) =>
  recordResponse(t.deps, { alertId, type: 'acknowledgment', by: 'dana', note: null, via: 'api', ...patch });

/** An alert whose new-alert notification went out at C, its timer armed for the first reminder. */
async function notifiedAlert(t: TestDeps) {
  const alert = await storeAlert(t);
  await processDue(t.deps, alert.id, C);
  t.sender.sent.length = 0;
  return alert;
}

describe('recordResponse', () => {
  it('an acknowledgment stops reminders and arms the update-due timer instead', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    const reminderTimer = t.timers.pending()[0]?.name;
    t.clock.set(min(5));
    const outcome = await respond(t, alert.id);
    expect(outcome).toMatchObject({ kind: 'recorded', response: { id: `${alert.id}_1`, by: 'dana', at: min(5) } });
    expect(t.timers.pending().map((p) => p.at)).toEqual([min(65)]);
    expect(t.timers.cancelled).toContain(reminderTimer);
  });

  it('records every one of 50 concurrent responses', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => respond(t, alert.id, { type: 'update', by: `responder-${i}` })));
    const stored = await reload(t, alert.id);
    expect(stored.responses).toHaveLength(50);
    expect(new Set(stored.responses.map((r) => r.by)).size).toBe(50);
    expect(stored.responses.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `${alert.id}_${i + 1}`));
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
  });

  it('a resolution sends one resolved notification and leaves no timer', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    t.clock.set(min(12));
    const outcome = await respond(t, alert.id, { type: 'resolution', by: 'lee' });
    expect(outcome.alert).toMatchObject({ status: 'resolved', resolvedBy: 'lee', timer: null });
    expect(t.sender.kinds()).toEqual(['resolved']);
    // Nothing is left to fire later (a timer already past its instant has fired or fires stale).
    expect(t.timers.pending().filter((timer) => timer.at > t.clock.now())).toEqual([]);
    t.clock.set(min(300));
    await sweep(t.deps, { pageSize: 10 });
    expect(t.sender.kinds()).toEqual(['resolved']);
  });

  it('a resolution whose email fails is still recorded, and its delivery is retried later', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    t.clock.set(min(12));
    t.sender.failEmail(1);
    const outcome = await respond(t, alert.id, { type: 'resolution', by: 'lee' });
    expect(outcome.kind).toBe('recorded');
    expect((await reload(t, alert.id)).resolvedBy).toBe('lee');
    expect(t.sender.to('email', 'oncall-high@example.test')).toEqual([]);
    t.clock.set(min(13));
    await t.queue.drain();
    await sweep(t.deps, { pageSize: 10 });
    expect(t.sender.to('email', 'oncall-high@example.test').map((s) => s.notification.kind)).toEqual(['resolved']);
    expect(t.sender.duplicates()).toEqual([]);
  });

  it('refuses any response after the resolution (409) and keeps what was recorded', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    await respond(t, alert.id, { type: 'resolution' });
    await expect(respond(t, alert.id, { type: 'update', note: 'late' })).rejects.toBeInstanceOf(ConflictError);
    expect((await reload(t, alert.id)).responses).toHaveLength(1);
  });

  it(`refuses updates past ${MAX_RESPONSES - RESERVED_FOR_CLOSING}, keeping room to acknowledge and resolve`, async () => {
    const t = testDeps({ now: C });
    const room = MAX_RESPONSES - RESERVED_FOR_CLOSING;
    const responses: Response[] = Array.from({ length: room - 1 }, (_, i) => ({ id: `x_${i + 1}`, type: 'update', by: 'bot', note: null, at: C, via: 'api' }));
    const alert = await storeAlert(t, { responses, notified: { ...NO_NOTIFICATIONS, newAlertAt: C } });
    const outcomes = await Promise.allSettled([respond(t, alert.id, { type: 'update' }), respond(t, alert.id, { type: 'update' })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { message: `response limit reached (${MAX_RESPONSES} per alert)` } });
    expect((await reload(t, alert.id)).responses).toHaveLength(room);

    await respond(t, alert.id, { type: 'acknowledgment', by: 'dana' });
    await respond(t, alert.id, { type: 'resolution', by: 'lee' });
    const closed = await reload(t, alert.id);
    expect(closed).toMatchObject({ status: 'resolved', acknowledgedBy: 'dana', resolvedBy: 'lee' });
    expect(closed.responses).toHaveLength(MAX_RESPONSES);
  });

  it('an acknowledgment just before the deadline, with an update due on it: the timer moves from the breach function to the reminder one', async () => {
    const t = testDeps({ now: min(25) });
    const fiveMinuteUpdates = { ...HIGH_24X7_POLICY, updateIntervalSeconds: 300 };
    const alert = await storeAlert(t, { sla: fiveMinuteUpdates, notified: { ...NO_NOTIFICATIONS, newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) } });
    expect(alert.timer).toMatchObject({ dueAt: min(30), kind: 'breach' });
    await respond(t, alert.id);
    expect(t.timers.pending().map((p) => ({ at: p.at, kind: p.payload.kind }))).toEqual([{ at: min(30), kind: 'reminder' }]);
    t.clock.set(min(30));
    await sweep(t.deps, { pageSize: 10 });
    expect(t.sender.kinds()).toEqual(['update-due']);
  });

  it('acting twice through the email link is harmless and tells who acknowledged first', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    t.clock.set(min(3));
    await respond(t, alert.id, { via: 'link', by: 'dana@example.test' });
    t.clock.set(min(4));
    const again = await respond(t, alert.id, { via: 'link', by: 'sam@example.test' });
    expect(again).toMatchObject({ kind: 'already', alert: { acknowledgedBy: 'dana@example.test', acknowledgedAt: min(3) } });
    expect((await reload(t, alert.id)).responses).toHaveLength(1);
  });

  it('answers 404 for an unknown alert and 422 for an invalid response, changing nothing', async () => {
    const t = testDeps({ now: C });
    const alert = await reload(t, (await notifiedAlert(t)).id);
    await expect(respond(t, 'aaaaaaaaaaaaaaaaaaaaa')).rejects.toBeInstanceOf(NotFoundError);
    await expect(respond(t, alert.id, { by: '' })).rejects.toBeInstanceOf(UnprocessableError);
    expect((await reload(t, alert.id)).version).toBe(alert.version);
  });

  it('records the response even when the scheduler is down; the sweeper covers the timer', async () => {
    const t = testDeps({ now: C });
    const alert = await notifiedAlert(t);
    t.clock.set(min(5));
    t.timers.failNext('schedule');
    expect((await respond(t, alert.id)).kind).toBe('recorded');
    expect((await reload(t, alert.id)).timer?.dueAt).toBe(min(65));
    t.clock.set(min(65));
    await sweep(t.deps, { pageSize: 10 });
    expect(t.sender.kinds()).toEqual(['update-due']);
  });
});
