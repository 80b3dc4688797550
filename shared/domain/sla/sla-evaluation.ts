/**
 * Where an alert's two SLA clocks stand at an instant: compliant, at risk or breached while
 * open; met or missed once answered.
 *
 * A clock's allowance is its full duration. It is met when answered strictly before its
 * deadline (answering at the deadline instant is missed, as the deadline is the instant the
 * allowance is used up); an open clock is breached from its deadline on and at risk from its
 * at-risk instant on. A resolution also answers the acknowledgment clock when nobody
 * acknowledged first. Elapsed, remaining and overrun are business ms on the policy's
 * calendar (real ms around the clock), so "2h left" means two hours of business time.
 */
import type { Instant } from '../instant.ts';
import { businessClock, type BusinessClock } from '../calendar/business-clock.ts';
import type { SlaPolicy } from './sla-policy.ts';
import type { ClockTimeline, SlaTimeline } from './sla-timeline.ts';

export type OpenClockState = 'compliant' | 'at_risk' | 'breached';
export type ClosedClockState = 'met' | 'missed';

export interface ClockEvaluation {
  readonly state: OpenClockState | ClosedClockState;
  readonly atRiskAt: Instant;
  readonly deadlineAt: Instant;
  readonly answeredAt: Instant | null;
  /** Business ms elapsed from creation to answeredAt (closed) or now (open). */
  readonly businessElapsedMs: number;
  /** Business ms left before the deadline (0 once past). */
  readonly remainingMs: number;
  /** Business ms past the deadline (0 while within). */
  readonly overrunMs: number;
}

export interface SlaEvaluation {
  readonly acknowledgment: ClockEvaluation;
  readonly resolution: ClockEvaluation;
}

export interface SlaEvaluationInput {
  readonly policy: SlaPolicy;
  readonly createdAt: Instant;
  readonly timeline: SlaTimeline;
  readonly acknowledgedAt: Instant | null;
  readonly resolvedAt: Instant | null;
}

function closedState(answeredAt: Instant, deadlineAt: Instant): ClosedClockState {
  return answeredAt < deadlineAt ? 'met' : 'missed';
}

function openState({ atRiskAt, deadlineAt }: ClockTimeline, now: Instant): OpenClockState {
  if (now >= deadlineAt) return 'breached';
  return now >= atRiskAt ? 'at_risk' : 'compliant';
}

function evaluateClock(
  clock: BusinessClock,
  createdAt: Instant,
  timeline: ClockTimeline,
  answeredAt: Instant | null,
  now: Instant,
): ClockEvaluation {
  const { atRiskAt, deadlineAt } = timeline;
  // A closed clock stops at its answer; an open one runs to now.
  const stoppedAt = answeredAt ?? now;
  return {
    state: answeredAt !== null ? closedState(answeredAt, deadlineAt) : openState(timeline, now),
    atRiskAt,
    deadlineAt,
    answeredAt,
    businessElapsedMs: clock.elapsed(createdAt, stoppedAt),
    remainingMs: clock.elapsed(stoppedAt, deadlineAt),
    overrunMs: clock.elapsed(deadlineAt, stoppedAt),
  };
}

export function evaluateSla(input: SlaEvaluationInput, now: Instant): SlaEvaluation {
  const clock = businessClock(input.policy.calendar);
  const { createdAt, timeline, acknowledgedAt, resolvedAt } = input;
  return {
    acknowledgment: evaluateClock(clock, createdAt, timeline.acknowledgment, acknowledgedAt ?? resolvedAt, now),
    resolution: evaluateClock(clock, createdAt, timeline.resolution, resolvedAt, now),
  };
}
