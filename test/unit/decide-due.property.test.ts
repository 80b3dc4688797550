/**
 * Whatever the order and timing of deliveries and responses, people get each notification at
 * most once, never more reminders than the policy's max, nothing about a clock after its
 * response, exactly one breach per unanswered clock, and one `resolved` after a resolution.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { applyResponse } from '../../shared/domain/alert/apply-response.ts';
import { HOUR_MS, MINUTE_MS, type Instant } from '../../shared/domain/instant.ts';
import type { Notification } from '../../shared/domain/notifications/notification.ts';
import { claimDue } from '../../shared/domain/timers/claim-due.ts';
import { decideDue } from '../../shared/domain/timers/decide-due.ts';
import { planTimer } from '../../shared/domain/timers/plan-timer.ts';
import { FIXTURE_CREATED_AT as C, makeAlert } from '../support/alert-fixtures.ts';

type Event = { at: Instant; kind: 'process' } | { at: Instant; kind: 'acknowledgment' | 'update' | 'resolution' };

// Any instant, often exactly on (or a millisecond off) an instant of the fixture's timeline.
const KEY_MINUTES = [0, 10, 20, 24, 30, 75, 192, 240];
const instant = fc.oneof(
  fc.integer({ min: C - MINUTE_MS, max: C + 6 * HOUR_MS }),
  fc.tuple(fc.constantFrom(...KEY_MINUTES), fc.constantFrom(-1, 0, 1)).map(([m, ms]) => C + m * MINUTE_MS + ms),
);
const events = fc.record({
  processAts: fc.array(instant, { maxLength: 40 }),
  ackAt: fc.option(instant, { nil: null }),
  updateAts: fc.array(instant, { maxLength: 3 }),
  resolveAt: fc.option(instant, { nil: null }),
});

function run(input: { processAts: Instant[]; ackAt: Instant | null; updateAts: Instant[]; resolveAt: Instant | null }) {
  const timeline: Event[] = [
    ...input.processAts.map((at) => ({ at, kind: 'process' as const })),
    ...(input.ackAt === null ? [] : [{ at: input.ackAt, kind: 'acknowledgment' as const }]),
    ...input.updateAts.map((at) => ({ at, kind: 'update' as const })),
    ...(input.resolveAt === null ? [] : [{ at: input.resolveAt, kind: 'resolution' as const }]),
    { at: C + 10 * HOUR_MS, kind: 'process' as const },
  ].sort((a, b) => a.at - b.at);
  const fresh = makeAlert();
  let alert: Alert = { ...fresh, timer: planTimer(fresh) };
  const sent: { notification: Notification; at: Instant }[] = [];
  for (const event of timeline) {
    if (event.kind === 'process') {
      const decision = decideDue(alert, event.at);
      if (decision.kind === 'notify') {
        alert = claimDue(alert, decision, event.at, () => [{ channel: 'email', recipient: 'oncall@example.test' }]);
        sent.push(...decision.notifications.map((notification) => ({ notification, at: event.at })));
      }
      // Once claimed, nothing is left due: the timer points to the future or is gone.
      if (alert.timer !== null) expect(alert.timer.dueAt).toBeGreaterThan(event.at);
    } else if (alert.resolvedAt === null) {
      const outcome = applyResponse(alert, { type: event.kind, by: 'dana', note: null, via: 'api' }, event.at);
      if (outcome.kind === 'recorded') alert = outcome.alert;
    }
  }
  return { alert, sent };
}

describe('decideDue over any interleaving', () => {
  it('sends each notification at most once and every due breach exactly once', () => {
    fc.assert(
      fc.property(events, (input) => {
        const { alert, sent } = run(input);
        const keys = sent.map(({ notification: n }) => `${n.kind}|${n.dueAt}|${n.reminderNumber ?? ''}`);
        expect(new Set(keys).size).toBe(keys.length);
        const count = (kind: string) => sent.filter((s) => s.notification.kind === kind).length;
        expect(count('reminder')).toBeLessThanOrEqual(2);
        expect(count('new-alert')).toBeLessThanOrEqual(1);

        const ackedAt = alert.acknowledgedAt ?? Infinity;
        const resolvedAt = alert.resolvedAt ?? Infinity;
        const ackDeadline = alert.timeline.acknowledgment.deadlineAt;
        const resolutionDeadline = alert.timeline.resolution.deadlineAt;
        for (const { notification, at } of sent) {
          // A delivery at the very instant of a response is taken as arriving just before it.
          if (['reminder', 'acknowledgment-at-risk'].includes(notification.kind)) expect(at).toBeLessThanOrEqual(ackedAt);
          if (notification.kind === 'reminder' || notification.kind.endsWith('at-risk') || notification.kind === 'update-due') {
            expect(at).toBeLessThanOrEqual(resolvedAt);
          }
        }
        // A breach happens when a deadline passes unanswered: it is told exactly once, by the
        // first delivery at or after the deadline, even if the answer came late before it (timers
        // arrive late); never when the answer came in time.
        const processAts = [...input.processAts, C + 10 * HOUR_MS];
        expect(count('acknowledgment-breach')).toBe(Math.min(ackedAt, resolvedAt) >= ackDeadline && processAts.some((p) => p >= ackDeadline) ? 1 : 0);
        expect(count('resolution-breach')).toBe(resolvedAt >= resolutionDeadline && processAts.some((p) => p >= resolutionDeadline) ? 1 : 0);
        expect(count('resolved')).toBe(alert.resolvedAt === null ? 0 : 1);
        expect(alert.timer === null || alert.resolvedAt === null).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
