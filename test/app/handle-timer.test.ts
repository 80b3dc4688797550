import { describe, expect, it } from 'vitest';
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { MINUTE_MS, toIso } from '../../shared/domain/instant.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';
import { reload, storeAlert } from './stored-alert.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';

const min = (n: number) => C + n * MINUTE_MS;

describe('handleTimer', () => {
  it('a timer for an alert that no longer exists is dropped and logged, not retried', async () => {
    const t = testDeps({ now: C });
    const result = await handleTimer(t.deps, { alertId: 'aaaaaaaaaaaaaaaaaaaaa', kind: 'breach', generation: 3, dueAt: toIso(C) });
    expect(result).toEqual({ kind: 'not-found' });
    expect(t.logger.matching('unknown alert')).toHaveLength(1);
  });

  it('decides from the stored alert and the clock, not the payload: a stale breach timer sends what is due', async () => {
    const t = testDeps({ now: min(11) });
    const alert = await storeAlert(t);
    await handleTimer(t.deps, { alertId: alert.id, kind: 'breach', generation: 0, dueAt: toIso(min(30)) });
    // At +11 min: the new-alert notification and the first reminder; no breach yet.
    expect(t.sender.kinds()).toEqual(['new-alert', 'reminder']);
  });

  it('a stale timer for an alert that is resolved and told sends nothing and writes nothing', async () => {
    const t = testDeps({ now: min(20) });
    const alert = await storeAlert(t, {
      status: 'resolved',
      acknowledgedAt: min(15),
      acknowledgedBy: 'dana',
      resolvedAt: min(15),
      resolvedBy: 'dana',
      notified: { ...NO_NOTIFICATIONS, newAlertAt: C, resolvedAt: min(15) },
    });
    expect(alert.timer).toBeNull();
    const result = await handleTimer(t.deps, { alertId: alert.id, kind: 'breach', generation: 0, dueAt: toIso(min(30)) });
    expect(result.kind).toBe('alert-resolved');
    expect(t.sender.kinds()).toEqual([]);
    expect(await reload(t, alert.id)).toEqual(alert);
  });

  it('a late timer sends what became due meanwhile, once', async () => {
    const t = testDeps({ now: min(26) });
    const alert = await storeAlert(t);
    const payload = { alertId: alert.id, kind: 'reminder' as const, generation: 0, dueAt: toIso(C) };
    await handleTimer(t.deps, payload);
    await handleTimer(t.deps, payload);
    // Each recipient in claim order; Slack (not a reminder channel) had only the at-risk.
    expect(t.sender.to('email', 'oncall-high@example.test').map((s) => s.notification.kind)).toEqual(['new-alert', 'reminder', 'acknowledgment-at-risk']);
    expect(t.sender.to('slack', 'default').map((s) => s.notification.kind)).toEqual(['acknowledgment-at-risk']);
    expect(t.sender.duplicates()).toEqual([]);
    expect(t.sender.ofKind('reminder')[0]?.notification.reminderNumber).toBe(2);
  });
});
