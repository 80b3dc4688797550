/**
 * The instants an alert's SLA will reach, fixed when the alert arrives: for each clock
 * (acknowledgment, resolution) when it becomes at risk and when it breaches, and when
 * reminders to acknowledge are due.
 *
 * All are counted in business time on the policy's calendar from the creation instant. A clock
 * is at risk once `warningThreshold` of its allowance has elapsed (rounded to the ms). The
 * first reminder is due after `reminders.firstAfterSeconds`, each next one
 * `reminders.intervalSeconds` after the previous, at most `reminders.max` of them. The
 * timeline depends only on the snapshot policy and the creation instant, so it can be
 * stored with the alert and recomputed to the same values.
 */
import type { Instant } from '../instant.ts';
import { SECOND_MS } from '../instant.ts';
import { businessClock, type BusinessClock } from '../calendar/business-clock.ts';
import type { SlaPolicy } from './sla-policy.ts';

export interface ClockTimeline {
  readonly atRiskAt: Instant;
  readonly deadlineAt: Instant;
}

export interface SlaTimeline {
  readonly acknowledgment: ClockTimeline;
  readonly resolution: ClockTimeline;
  readonly reminderAts: readonly Instant[];
}

function clockTimeline(clock: BusinessClock, createdAt: Instant, seconds: number, warningThreshold: number): ClockTimeline {
  const durationMs = seconds * SECOND_MS;
  return {
    atRiskAt: clock.deadline(createdAt, Math.round(warningThreshold * durationMs)),
    deadlineAt: clock.deadline(createdAt, durationMs),
  };
}

function reminderAts(clock: BusinessClock, policy: SlaPolicy, createdAt: Instant): Instant[] {
  const { enabled, firstAfterSeconds, intervalSeconds, max } = policy.reminders;
  if (!enabled || max <= 0) return [];
  const ats = [clock.deadline(createdAt, firstAfterSeconds * SECOND_MS)];
  // A zero interval would stack every reminder on one instant: one reminder is what it means.
  if (intervalSeconds <= 0) return ats;
  // Chaining from the previous reminder equals counting first + k * interval from creation
  // (business time is additive), and walks only the days between two reminders.
  while (ats.length < max) ats.push(clock.deadline(ats[ats.length - 1] as Instant, intervalSeconds * SECOND_MS));
  return ats;
}

export function slaTimeline(policy: SlaPolicy, createdAt: Instant): SlaTimeline {
  const clock = businessClock(policy.calendar);
  return {
    acknowledgment: clockTimeline(clock, createdAt, policy.acknowledgmentSeconds, policy.warningThreshold),
    resolution: clockTimeline(clock, createdAt, policy.resolutionSeconds, policy.warningThreshold),
    reminderAts: reminderAts(clock, policy, createdAt),
  };
}

/** When the next update is due after an acknowledgment or update at lastResponseAt, on the policy's calendar. */
export function updateDueAt(policy: SlaPolicy, lastResponseAt: Instant): Instant {
  return businessClock(policy.calendar).deadline(lastResponseAt, policy.updateIntervalSeconds * SECOND_MS);
}
