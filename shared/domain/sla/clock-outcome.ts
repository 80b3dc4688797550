/**
 * The outcome of one SLA clock at an instant, the four words every report, page and metric
 * uses: `met` (answered by the deadline), `missed` (answered late), `breached_open` (no answer
 * and the deadline has passed) and `pending` (no answer, deadline ahead). Compliance counts
 * met against met + missed + breached_open; pending is shown apart, never as met.
 */
import type { ClockEvaluation } from './sla-evaluation.ts';

export type ClockOutcome = 'met' | 'missed' | 'breached_open' | 'pending';
export const CLOCK_OUTCOMES: readonly ClockOutcome[] = ['met', 'missed', 'breached_open', 'pending'];

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
  }
}

/** Met over everything decided (met, missed, breached and still open); null when none is. */
export function compliance(counts: Readonly<Record<ClockOutcome, number>>): number | null {
  const decided = counts.met + counts.missed + counts.breached_open;
  return decided === 0 ? null : counts.met / decided;
}
