import { describe, expect, it } from 'vitest';
import { armTimer } from '../../shared/app/arm-timer.ts';
import type { PendingTimer } from '../../shared/domain/alert/alert.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const alertId = 'aabcdefghijklmnopqrst';
const timer = (generation: number, dueAt: number, kind: PendingTimer['kind'] = 'reminder'): PendingTimer => ({
  name: `${alertId}.${kind}.${generation}`,
  dueAt,
  kind,
  generation,
});

describe('armTimer', () => {
  it('schedules the new timer with the payload its function reads, then cancels the old one', async () => {
    const t = testDeps({ now: C });
    const outcome = await armTimer(t.deps, { alertId, before: timer(0, C + 30 * MINUTE_MS), after: timer(1, C + 24 * MINUTE_MS, 'at-risk'), now: t.clock.now() });
    expect(outcome).toMatchObject({ kind: 'armed', cancelled: `${alertId}.reminder.0` });
    expect(t.timers.scheduled).toEqual([
      {
        name: `${alertId}.at-risk.1`,
        at: C + 24 * MINUTE_MS,
        payload: { alertId, kind: 'at-risk', generation: 1, dueAt: '2026-11-30T12:24:00.000Z' },
      },
    ]);
    expect(t.timers.cancelled).toEqual([`${alertId}.reminder.0`]);
  });

  it('does nothing when the plan kept its name', async () => {
    const t = testDeps({ now: C });
    expect(await armTimer(t.deps, { alertId, before: timer(2, C), after: timer(2, C), now: t.clock.now() })).toEqual({ kind: 'unchanged' });
    expect(await armTimer(t.deps, { alertId, before: null, after: null, now: t.clock.now() })).toEqual({ kind: 'unchanged' });
    expect(t.timers.scheduled).toEqual([]);
  });

  it('only cancels when nothing more is due', async () => {
    const t = testDeps({ now: C });
    await armTimer(t.deps, { alertId, before: timer(3, C + MINUTE_MS), after: null, now: t.clock.now() });
    expect(t.timers.cancelled).toEqual([`${alertId}.reminder.3`]);
    expect(t.timers.scheduled).toEqual([]);
  });

  it('does not cancel a timer whose instant has passed: it fired, or fires stale and finds nothing', async () => {
    const t = testDeps({ now: C });
    const outcome = await armTimer(t.deps, { alertId, before: timer(0, C), after: timer(1, C + MINUTE_MS), now: t.clock.now() });
    expect(outcome).toEqual({ kind: 'armed', scheduled: timer(1, C + MINUTE_MS), cancelled: null });
    expect(t.timers.cancelled).toEqual([]);
  });

  it('leaves the timer to the sweeper when the scheduler is down, keeping the old one armed', async () => {
    const t = testDeps({ now: C });
    t.timers.failNext('schedule');
    const outcome = await armTimer(t.deps, { alertId, before: timer(0, C), after: timer(1, C + MINUTE_MS), now: t.clock.now() });
    expect(outcome.kind).toBe('left-to-sweeper');
    expect(t.timers.cancelled).toEqual([]);
    expect(t.logger.at('warn')).toEqual([expect.objectContaining({ fields: expect.objectContaining({ alertId, timer: `${alertId}.reminder.1` }) })]);
  });

  it('tolerates an old timer it cannot cancel: it will fire stale and find nothing', async () => {
    const t = testDeps({ now: C });
    t.timers.failNext('cancel');
    const outcome = await armTimer(t.deps, { alertId, before: timer(0, C + HOUR_MS), after: timer(1, C + MINUTE_MS), now: t.clock.now() });
    expect(outcome).toEqual({ kind: 'armed', scheduled: timer(1, C + MINUTE_MS), cancelled: null });
    expect(t.timers.pending().map((p) => p.name)).toEqual([`${alertId}.reminder.1`]);
  });
});
