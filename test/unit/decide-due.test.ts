import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { NO_NOTIFICATIONS, type NotificationMarks } from '../../shared/domain/alert/notification-marks.ts';
import { HOUR_MS, MINUTE_MS, toIso } from '../../shared/domain/instant.ts';
import type { DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { claimDue } from '../../shared/domain/timers/claim-due.ts';
import { decideDue, type DueDecision, type NotifyDecision } from '../../shared/domain/timers/decide-due.ts';
import { FIXTURE_CREATED_AT as C, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';

// Fixture policy from C, around the clock: reminders +10, +20 min (max 2); acknowledgment at risk
// +24 min, due +30 min; resolution at risk +3 h 12 min, due +4 h; update due 1 h after the last.
const min = (n: number) => C + n * MINUTE_MS;
const ONE_EMAIL = (): readonly DeliveryTarget[] => [{ channel: 'email', recipient: 'dana@example.test' }];
const marks = (patch: Partial<NotificationMarks>): NotificationMarks => ({ ...NO_NOTIFICATIONS, ...patch });

/** The notifications as a user would read them: kind, the instant that made it due, reminder number. */
function sent(decision: DueDecision): string[] {
  if (decision.kind !== 'notify') return [];
  return decision.notifications.map((n) => `${n.kind}@${toIso(n.dueAt).slice(11, 16)}${n.reminderNumber === undefined ? '' : `#${n.reminderNumber}`}`);
}

function notify(decision: DueDecision): NotifyDecision {
  if (decision.kind !== 'notify') throw new Error(`expected notify, got ${decision.kind}`);
  return decision;
}

describe('decideDue: what is sent when', () => {
  const table: [string, Alert, number, string[]][] = [
    ['a fresh alert at creation: the new-alert notification', makeAlert(), C, ['new-alert@12:00']],
    ['a fresh alert before creation (a clock behind): nothing', makeAlert(), C - 1, []],
    ['the first reminder on its instant', makeAlert({ notified: marks({ newAlertAt: C }) }), min(10), ['reminder@12:10#1']],
    ['a millisecond before the first reminder: nothing', makeAlert({ notified: marks({ newAlertAt: C }) }), min(10) - 1, []],
    ['acknowledgment at risk', makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 2 }) }), min(24), ['acknowledgment-at-risk@12:24']],
    [
      'stack down for 35 min: one new-alert, ONE reminder (the latest), the breach and not its stale at-risk',
      makeAlert(),
      min(35),
      ['new-alert@12:00', 'reminder@12:20#2', 'acknowledgment-breach@12:30'],
    ],
    [
      'stack down for 5 h: every clock breached, at-risks skipped',
      makeAlert(),
      C + 5 * HOUR_MS,
      ['new-alert@12:00', 'reminder@12:20#2', 'acknowledgment-breach@12:30', 'resolution-breach@16:00'],
    ],
    [
      'acknowledged before its deadline: no reminder, at-risk or breach of acknowledgment',
      makeAlert({ status: 'acknowledged', acknowledgedAt: min(5), acknowledgedBy: 'dana', lastUpdateAt: min(5), notified: marks({ newAlertAt: C }) }),
      min(35),
      [],
    ],
    [
      'acknowledged: the update due an hour after the acknowledgment',
      makeAlert({ status: 'acknowledged', acknowledgedAt: min(5), acknowledgedBy: 'dana', lastUpdateAt: min(5), notified: marks({ newAlertAt: C }) }),
      min(65),
      ['update-due@13:05'],
    ],
    [
      'an update moved the next update-due: the old instant, already notified, is not repeated',
      makeAlert({
        status: 'acknowledged',
        acknowledgedAt: min(5),
        acknowledgedBy: 'dana',
        lastUpdateAt: min(70),
        notified: marks({ newAlertAt: C, updateDueNotifiedFor: min(65) }),
      }),
      min(129),
      [],
    ],
    [
      'resolved: only the resolved notification',
      makeAlert({ status: 'resolved', acknowledgedAt: min(15), resolvedAt: min(15), resolvedBy: 'dana', notified: marks({ newAlertAt: C }) }),
      C + 5 * HOUR_MS,
      ['resolved@12:15'],
    ],
  ];

  it.each(table)('%s', (_name, alert, now, expected) => {
    expect(sent(decideDue(alert, now))).toEqual(expected);
  });
});

describe('decideDue: marks and escalation', () => {
  it('marks every passed reminder as sent, never more than max', () => {
    const decision = notify(decideDue(makeAlert({ notified: marks({ newAlertAt: C }) }), C + 24 * HOUR_MS));
    expect(decision.marks.remindersSent).toBe(2);
  });

  it('marks the skipped at-risk with its breach, so it never comes later', () => {
    const decision = notify(decideDue(makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 2 }) }), min(31)));
    expect(decision.marks.acknowledgmentAtRiskAt).toBe(min(31));
    expect(decision.marks.acknowledgmentBreachAt).toBe(min(31));
  });

  it('escalates on the acknowledgment breach, not on the resolution breach', () => {
    expect(notify(decideDue(makeAlert({ notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }) }), min(30))).escalate).toBe(true);
    const acked = makeAlert({ status: 'acknowledged', acknowledgedAt: min(5), acknowledgedBy: 'dana', lastUpdateAt: min(5), notified: marks({ newAlertAt: C, updateDueNotifiedFor: min(65), resolutionAtRiskAt: min(192) }) });
    expect(notify(decideDue(acked, C + 4 * HOUR_MS)).escalate).toBe(false);
  });

  it('does not escalate twice when a system escalation is already recorded', () => {
    const escalated = makeAlert({
      notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }),
      responses: [{ id: 'x_1', type: 'escalation', by: 'sla-watch', note: null, at: min(30), via: 'system' }],
    });
    expect(notify(decideDue(escalated, min(30))).escalate).toBe(false);
  });

  it('says the alert is resolved once everything about it was sent', () => {
    const done = makeAlert({ status: 'resolved', acknowledgedAt: min(15), resolvedAt: min(15), notified: marks({ newAlertAt: C, resolvedAt: min(15) }) });
    expect(decideDue(done, C + 9 * HOUR_MS)).toEqual({ kind: 'alert-resolved' });
  });

  it('answers nothing-due with the next instant when nothing is due yet', () => {
    expect(decideDue(makeAlert({ notified: marks({ newAlertAt: C }) }), min(5))).toEqual({ kind: 'nothing-due', next: { at: min(10), kind: 'reminder' } });
  });

  it('a person\'s own escalation before the deadline does not stop the system escalating at the breach', () => {
    const alert = makeAlert({
      notified: marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) }),
      responses: [{ id: 'x_1', type: 'escalation', by: 'dana', note: 'paging the database team', at: min(5), via: 'api', actor: 'person' }],
    });
    expect(notify(decideDue(alert, min(30))).escalate).toBe(true);
  });

  it('an alert left open past every deadline, everything told: nothing more is due, and it is not called resolved', () => {
    const quiet = makeAlert({
      sla: { ...HIGH_24X7_POLICY, reminders: { ...HIGH_24X7_POLICY.reminders, enabled: false } },
      notified: marks({ newAlertAt: C, acknowledgmentAtRiskAt: min(24), acknowledgmentBreachAt: min(30), resolutionAtRiskAt: min(192), resolutionBreachAt: min(240) }),
    });
    expect(decideDue(quiet, C + 9 * HOUR_MS)).toEqual({ kind: 'nothing-due', next: null });
  });

  it('a sweep that read the clock just before a resolution: the resolved notification is next, not done', () => {
    const resolved = makeAlert({ status: 'resolved', acknowledgedAt: min(15), resolvedAt: min(15), resolvedBy: 'lee', notified: marks({ newAlertAt: C }) });
    expect(decideDue(resolved, min(15) - 1)).toEqual({ kind: 'nothing-due', next: { at: min(15), kind: 'reminder' } });
  });
});

describe('claimDue / releaseClaim', () => {
  it('once claimed, the same instant (a duplicate timer) decides nothing more', () => {
    const alert = makeAlert();
    const claimed = claimDue(alert, notify(decideDue(alert, min(35))), min(35), ONE_EMAIL);
    expect(decideDue(claimed, min(35)).kind).toBe('nothing-due');
    expect(claimed.version).toBe(alert.version + 1);
    expect(claimed.timer).toMatchObject({ dueAt: C + 3 * HOUR_MS + 12 * MINUTE_MS, kind: 'at-risk' });
  });

  it('records the escalation as a system response by sla-watch', () => {
    const alert = makeAlert({ responses: [] });
    const claimed = claimDue(alert, notify(decideDue(alert, min(30))), min(30), ONE_EMAIL);
    expect(claimed.responses).toEqual([
      { id: `${alert.id}_1`, type: 'escalation', by: 'sla-watch', note: expect.any(String), at: min(30), via: 'system', actor: 'system' },
    ]);
  });

  it('records one pending delivery per target of each notification, in send order, in the same write', () => {
    const alert = makeAlert();
    const both = (): readonly DeliveryTarget[] => [
      { channel: 'email', recipient: 'dana@example.test' },
      { channel: 'slack', recipient: 'default' },
    ];
    const claimed = claimDue(alert, notify(decideDue(alert, min(35))), min(35), both);
    expect(claimed.outbox?.map((d) => `${d.seq} ${d.notification.kind} ${d.channel}:${d.recipient} ${d.state}`)).toEqual([
      '1 new-alert email:dana@example.test pending',
      '2 new-alert slack:default pending',
      '3 reminder email:dana@example.test pending',
      '4 reminder slack:default pending',
      '5 acknowledgment-breach email:dana@example.test pending',
      '6 acknowledgment-breach slack:default pending',
    ]);
    expect(claimed.outbox?.every((d) => d.claimedAt === min(35) && d.attempts === 0)).toBe(true);
  });

  it('a notification with no target (no recipient configured) records nothing and still marks it claimed', () => {
    const alert = makeAlert();
    const claimed = claimDue(alert, notify(decideDue(alert, min(1))), min(1), () => []);
    expect(claimed.outbox).toEqual([]);
    expect(claimed.notified.newAlertAt).toBe(min(1));
  });
});

describe('decideDue: a breach that happened before a late timer', () => {
  const told = marks({ newAlertAt: C, remindersSent: 2, acknowledgmentAtRiskAt: min(24) });

  it('acknowledged 20 s after the deadline, before the breach timer fired: the breach is told, not escalated', () => {
    const alert = makeAlert({ status: 'acknowledged', acknowledgedAt: min(30) + 20_000, acknowledgedBy: 'dana', lastUpdateAt: min(30) + 20_000, notified: told });
    const decision = notify(decideDue(alert, min(31)));
    expect(sent(decision)).toEqual(['acknowledgment-breach@12:30']);
    expect(decision.escalate).toBe(false);
  });

  it('acknowledged a millisecond before the deadline: no breach to tell', () => {
    const alert = makeAlert({ status: 'acknowledged', acknowledgedAt: min(30) - 1, acknowledgedBy: 'dana', lastUpdateAt: min(30) - 1, notified: told });
    expect(sent(decideDue(alert, min(31)))).toEqual([]);
  });

  it('resolved after the resolution deadline: that breach is told with the resolution, once', () => {
    const resolvedAt = C + 4 * HOUR_MS + 5_000;
    const alert = makeAlert({
      status: 'resolved',
      acknowledgedAt: min(5),
      acknowledgedBy: 'dana',
      resolvedAt,
      resolvedBy: 'lee',
      notified: marks({ ...told, resolutionAtRiskAt: C + 192 * MINUTE_MS }),
    });
    const decision = notify(decideDue(alert, resolvedAt));
    expect(sent(decision)).toEqual(['resolution-breach@16:00', 'resolved@16:00']);
    expect(decideDue({ ...alert, notified: decision.marks }, resolvedAt + HOUR_MS).kind).toBe('alert-resolved');
  });
});
