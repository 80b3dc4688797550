/**
 * Where an alert's two SLA clocks stand at an instant: compliant, at risk or breached while
 * open; met or missed once answered; for the acknowledgment clock also closed by source (the
 * source resolved or acknowledged the alert before its deadline and no person answered: it
 * was never acknowledged, so it is neither met nor counted in MTTA; after the deadline that
 * is missed). Use `evaluateAlertSla` (alert-sla.ts) for a stored alert: it tells a person's
 * answer from its source's.
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
export type ClosedClockState = 'met' | 'missed' | 'closed_by_source';

/** Who stopped a clock: a person, or the alert's source (a webhook). */
export type ClockAnswerer = 'person' | 'source';

export interface ClockEvaluation {
  readonly state: OpenClockState | ClosedClockState;
  readonly atRiskAt: Instant;
  readonly deadlineAt: Instant;
  readonly answeredAt: Instant | null;
  /** Who stopped the clock; null while it runs. */
  readonly answeredBy: ClockAnswerer | null;
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
  /** Only its calendar counts here: the deadlines are in `timeline`. */
  readonly policy: Pick<SlaPolicy, 'calendar'>;
  readonly createdAt: Instant;
  /** The clocks' instants (reminders do not count here). */
  readonly timeline: Pick<SlaTimeline, 'acknowledgment' | 'resolution'>;
  /** A person's first acknowledgment (or resolution), else null. */
  readonly acknowledgedAt: Instant | null;
  readonly resolvedAt: Instant | null;
  /**
   * When the source closed the acknowledgment clock (its acknowledgment or resolution) with no
   * person's answer in `acknowledgedAt`; absent or null when it did not. Without it a
   * resolution answers the acknowledgment clock, as before sources were told apart.
   */
  readonly acknowledgmentClosedBySourceAt?: Instant | null;
  /** Whether the source resolved it (true) or a person did; default a person. */
  readonly resolvedBySource?: boolean;
}

function closedState(answeredAt: Instant, deadlineAt: Instant): ClosedClockState {
  return answeredAt < deadlineAt ? 'met' : 'missed';
}

function openState({ atRiskAt, deadlineAt }: ClockTimeline, now: Instant): OpenClockState {
  if (now >= deadlineAt) return 'breached';
  return now >= atRiskAt ? 'at_risk' : 'compliant';
}

interface ClockAnswer {
  readonly at: Instant;
  readonly by: ClockAnswerer;
  /** The source closed it without a person's answer (acknowledgment clock only). */
  readonly closesUnanswered: boolean;
}

function answeredState(answer: ClockAnswer, deadlineAt: Instant): ClosedClockState {
  const state = closedState(answer.at, deadlineAt);
  return answer.closesUnanswered && state === 'met' ? 'closed_by_source' : state;
}

function evaluateClock(
  clock: BusinessClock,
  createdAt: Instant,
  timeline: ClockTimeline,
  answer: ClockAnswer | null,
  now: Instant,
): ClockEvaluation {
  const { atRiskAt, deadlineAt } = timeline;
  // A closed clock stops at its answer; an open one runs to now.
  const stoppedAt = answer?.at ?? now;
  return {
    state: answer !== null ? answeredState(answer, deadlineAt) : openState(timeline, now),
    atRiskAt,
    deadlineAt,
    answeredAt: answer?.at ?? null,
    answeredBy: answer?.by ?? null,
    businessElapsedMs: clock.elapsed(createdAt, stoppedAt),
    remainingMs: clock.elapsed(stoppedAt, deadlineAt),
    overrunMs: clock.elapsed(deadlineAt, stoppedAt),
  };
}

export function evaluateSla(input: SlaEvaluationInput, now: Instant): SlaEvaluation {
  const clock = businessClock(input.policy.calendar);
  const { createdAt, timeline, acknowledgedAt, resolvedAt } = input;
  const resolvedBy: ClockAnswerer = input.resolvedBySource === true ? 'source' : 'person';
  const closedBySourceAt = input.acknowledgmentClosedBySourceAt ?? null;
  return {
    acknowledgment: evaluateClock(clock, createdAt, timeline.acknowledgment, acknowledgmentAnswer(acknowledgedAt, resolvedAt, resolvedBy, closedBySourceAt), now),
    resolution: evaluateClock(clock, createdAt, timeline.resolution, resolvedAt === null ? null : { at: resolvedAt, by: resolvedBy, closesUnanswered: false }, now),
  };
}

function acknowledgmentAnswer(
  acknowledgedAt: Instant | null,
  resolvedAt: Instant | null,
  resolvedBy: ClockAnswerer,
  closedBySourceAt: Instant | null,
): ClockAnswer | null {
  if (acknowledgedAt !== null) return { at: acknowledgedAt, by: 'person', closesUnanswered: false };
  if (closedBySourceAt !== null) return { at: closedBySourceAt, by: 'source', closesUnanswered: true };
  if (resolvedAt === null) return null;
  return { at: resolvedAt, by: resolvedBy, closesUnanswered: resolvedBy === 'source' };
}
