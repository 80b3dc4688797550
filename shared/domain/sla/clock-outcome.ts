/**
 * The outcome of one SLA clock at an instant, the words every report, page and metric uses:
 * `met` (a person answered by the deadline), `missed` (answered late, or closed by the source
 * after the deadline), `breached_open` (no answer and the deadline has passed), `pending` (no
 * answer, deadline ahead) and, for the acknowledgment clock only, `closed_by_source` (the
 * source resolved or acknowledged the alert before the deadline and no person did: nobody
 * looked at it, so it is neither met nor missed). Compliance counts met against met + missed
 * + breached_open; pending and closed_by_source are shown apart, never as met.
 */
import type { ClockEvaluation } from './sla-evaluation.ts';

export type ClockOutcome = 'met' | 'missed' | 'breached_open' | 'pending' | 'closed_by_source';
export const CLOCK_OUTCOMES: readonly ClockOutcome[] = ['met', 'missed', 'breached_open', 'pending', 'closed_by_source'];

export function clockOutcome(clock: Pick<ClockEvaluation, 'state'>): ClockOutcome {
  switch (clock.state) {
    case 'met':
      return 'met';
    case 'missed':
      return 'missed';
    case 'breached':
      return 'breached_open';
    case 'compliant':
    case 'at_risk':
      return 'pending';
    case 'closed_by_source':
      return 'closed_by_source';
  }
}

export type OutcomeCounts = Readonly<Record<ClockOutcome, number>>;

export const NO_OUTCOMES: OutcomeCounts = { met: 0, missed: 0, breached_open: 0, pending: 0, closed_by_source: 0 };

/** Met over everything decided (met, missed, breached and still open); null when none is. */
export function compliance(counts: Pick<OutcomeCounts, 'met' | 'missed' | 'breached_open'> & Partial<OutcomeCounts>): number | null {
  const decided = counts.met + counts.missed + counts.breached_open;
  return decided === 0 ? null : counts.met / decided;
}

/** Whether an outcome is a breach of its clock (missed, or breached and still open). */
export function isBreachOutcome(outcome: ClockOutcome): boolean {
  return outcome === 'missed' || outcome === 'breached_open';
}
