import { describe, expect, it } from 'vitest';
import { evaluateSla, type ClockEvaluation } from '../../shared/domain/sla/sla-evaluation.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import type { SlaPolicy } from '../../shared/domain/sla/sla-policy.ts';
import { at, hours, minutes, policy } from './calendar-fixtures.ts';

// A high alert on the default calendar (UTC Mon-Fri 09:00-17:00), created Friday 16:00:
// acknowledgment at risk 16:24, due 16:30; resolution at risk Monday 11:12, due Monday 12:00.
const createdAt = at('2026-11-27T16:00:00Z');

function evaluate(acknowledgedAt: string | null, resolvedAt: string | null, now: string, p: SlaPolicy = policy()) {
  return evaluateSla(
    {
      policy: p,
      createdAt,
      timeline: slaTimeline(p, createdAt),
      acknowledgedAt: acknowledgedAt === null ? null : at(acknowledgedAt),
      resolvedAt: resolvedAt === null ? null : at(resolvedAt),
    },
    at(now),
  );
}

const summary = (clock: ClockEvaluation) => ({
  state: clock.state,
  elapsed: clock.businessElapsedMs,
  remaining: clock.remainingMs,
  overrun: clock.overrunMs,
});

describe('an open acknowledgment clock', () => {
  it.each([
    { now: '2026-11-27T16:00:00Z', state: 'compliant', elapsed: 0, remaining: minutes(30), overrun: 0 },
    { now: '2026-11-27T16:23:59.999Z', state: 'compliant', elapsed: minutes(24) - 1, remaining: minutes(6) + 1, overrun: 0 },
    { now: '2026-11-27T16:24:00Z', state: 'at_risk', elapsed: minutes(24), remaining: minutes(6), overrun: 0 },
    { now: '2026-11-27T16:29:59.999Z', state: 'at_risk', elapsed: minutes(30) - 1, remaining: 1, overrun: 0 },
    { now: '2026-11-27T16:30:00Z', state: 'breached', elapsed: minutes(30), remaining: 0, overrun: 0 },
    { now: '2026-11-27T20:00:00Z', state: 'breached', elapsed: hours(1), remaining: 0, overrun: minutes(30) },
    { now: '2026-11-30T09:10:00Z', state: 'breached', elapsed: minutes(70), remaining: 0, overrun: minutes(40) },
  ])('at $now is $state', ({ now, ...expected }) => {
    expect(summary(evaluate(null, null, now).acknowledgment)).toEqual(expected);
  });
});

describe('an open resolution clock', () => {
  it.each([
    { now: '2026-11-28T12:00:00Z', state: 'compliant', elapsed: hours(1), remaining: hours(3), overrun: 0 },
    { now: '2026-11-30T11:11:59.999Z', state: 'compliant', elapsed: minutes(192) - 1, remaining: minutes(48) + 1, overrun: 0 },
    { now: '2026-11-30T11:12:00Z', state: 'at_risk', elapsed: minutes(192), remaining: minutes(48), overrun: 0 },
    { now: '2026-11-30T12:00:00Z', state: 'breached', elapsed: hours(4), remaining: 0, overrun: 0 },
    { now: '2026-12-01T10:00:00Z', state: 'breached', elapsed: hours(10), remaining: 0, overrun: hours(6) },
  ])('at $now is $state', ({ now, ...expected }) => {
    expect(summary(evaluate('2026-11-27T16:05:00Z', null, now).resolution)).toEqual(expected);
  });

  it('is measured in real time around the clock', () => {
    const evaluation = evaluate(null, null, '2026-11-28T12:00:00Z', policy({ calendar: null }));
    expect(summary(evaluation.resolution)).toEqual({ state: 'breached', elapsed: hours(20), remaining: 0, overrun: hours(16) });
  });
});

describe('answered clocks', () => {
  it('is met when acknowledged a millisecond before the deadline', () => {
    const { acknowledgment } = evaluate('2026-11-27T16:29:59.999Z', null, '2026-12-10T00:00:00Z');
    expect(summary(acknowledgment)).toEqual({ state: 'met', elapsed: minutes(30) - 1, remaining: 1, overrun: 0 });
    expect(acknowledgment.answeredAt).toBe(at('2026-11-27T16:29:59.999Z'));
  });

  it('is missed when acknowledged exactly at the deadline', () => {
    expect(summary(evaluate('2026-11-27T16:30:00Z', null, '2026-11-27T16:30:00Z').acknowledgment)).toEqual({
      state: 'missed', elapsed: minutes(30), remaining: 0, overrun: 0,
    });
  });

  it('counts a late acknowledgment overrun in business time over the weekend', () => {
    expect(summary(evaluate('2026-11-30T09:15:00Z', null, '2026-11-30T09:15:00Z').acknowledgment)).toEqual({
      state: 'missed', elapsed: minutes(75), remaining: 0, overrun: minutes(45),
    });
  });

  it('keeps a met state however late it is evaluated', () => {
    const evaluation = evaluate('2026-11-27T16:10:00Z', '2026-11-30T11:00:00Z', '2027-06-01T00:00:00Z');
    expect(evaluation.acknowledgment.state).toBe('met');
    expect(summary(evaluation.resolution)).toEqual({ state: 'met', elapsed: hours(3), remaining: hours(1), overrun: 0 });
  });

  it('misses the resolution when resolved after its deadline', () => {
    const evaluation = evaluate('2026-11-27T16:10:00Z', '2026-11-30T13:00:00Z', '2026-11-30T13:00:00Z');
    expect(summary(evaluation.resolution)).toEqual({ state: 'missed', elapsed: hours(5), remaining: 0, overrun: hours(1) });
  });

  it('lets a resolution answer an unacknowledged alert in time', () => {
    const { acknowledgment, resolution } = evaluate(null, '2026-11-27T16:20:00Z', '2026-11-30T12:00:00Z');
    expect(acknowledgment.answeredAt).toBe(at('2026-11-27T16:20:00Z'));
    expect(acknowledgment.state).toBe('met');
    expect(resolution.state).toBe('met');
  });

  it('misses the acknowledgment of an alert resolved late without one', () => {
    const { acknowledgment, resolution } = evaluate(null, '2026-11-30T11:00:00Z', '2026-11-30T11:00:00Z');
    expect(summary(acknowledgment)).toEqual({ state: 'missed', elapsed: hours(3), remaining: 0, overrun: hours(2) + minutes(30) });
    expect(resolution.state).toBe('met');
  });

  it('reports the timeline instants it judged against', () => {
    const { acknowledgment, resolution } = evaluate(null, null, '2026-11-27T16:00:00Z');
    expect([acknowledgment.atRiskAt, acknowledgment.deadlineAt]).toEqual([at('2026-11-27T16:24:00Z'), at('2026-11-27T16:30:00Z')]);
    expect([resolution.atRiskAt, resolution.deadlineAt]).toEqual([at('2026-11-30T11:12:00Z'), at('2026-11-30T12:00:00Z')]);
    expect(acknowledgment.answeredAt).toBeNull();
  });
});
