/**
 * One SLA clock as the console shows it: the outcome word, the countdown or overrun in business
 * time ("1 h 20 m of business time left, due Mon 10:00 New York"), and what the page's script
 * needs to keep the countdown moving without computing business time itself: the business ms
 * left now, and whether business time is running now (outside the calendar's windows a
 * countdown stands still; the page refreshes from the server often enough to pick up a
 * window opening).
 */
import type { BusinessClock } from '../../domain/calendar/business-clock.ts';
import type { Instant } from '../../domain/instant.ts';
import { clockOutcome, type ClockOutcome } from '../../domain/sla/clock-outcome.ts';
import type { ClockEvaluation } from '../../domain/sla/sla-evaluation.ts';
import { isoText, spacedDuration, utcText, wallText } from './time-text.ts';

export interface ClockView {
  readonly label: string;
  readonly state: ClockEvaluation['state'];
  readonly outcome: ClockOutcome;
  /** `1 h 20 m of business time left`, `overdue by 5 m`, `met`, `missed by 3 m`. */
  readonly text: string;
  /** `due Mon 10:00 New York`, `was due ...`, `answered ...`. */
  readonly dueText: string;
  readonly deadlineIso: string;
  readonly deadlineUtc: string;
  /** Business ms left (open, not breached); null when the countdown does not move. */
  readonly remainingMs: number | null;
  /** Whether business time passes now (a 24x7 clock always). */
  readonly running: boolean;
  /** ` of business time` or `` around the clock. */
  readonly unit: string;
}

export function clockView(label: string, evaluation: ClockEvaluation, clock: BusinessClock, zone: string, now: Instant): ClockView {
  const unit = clock.name === '24x7' ? '' : ' of business time';
  const due = wallText(evaluation.deadlineAt, zone, now);
  const base = {
    label,
    state: evaluation.state,
    outcome: clockOutcome(evaluation),
    deadlineIso: isoText(evaluation.deadlineAt),
    deadlineUtc: utcText(evaluation.deadlineAt),
    running: clock.isBusinessTime(now),
    unit,
  };
  switch (evaluation.state) {
    case 'compliant':
    case 'at_risk':
      return { ...base, text: `${spacedDuration(evaluation.remainingMs)}${unit} left`, dueText: `due ${due}`, remainingMs: evaluation.remainingMs };
    case 'breached':
      return { ...base, text: `overdue by ${spacedDuration(evaluation.overrunMs)}${unit}`, dueText: `was due ${due}`, remainingMs: null };
    case 'met':
      return { ...base, text: 'met', dueText: `due ${due}`, remainingMs: null };
    case 'missed':
      return { ...base, text: `missed by ${spacedDuration(evaluation.overrunMs)}${unit}`, dueText: `was due ${due}`, remainingMs: null };
    case 'closed_by_source':
      return { ...base, text: 'closed by its source', dueText: `due ${due}`, remainingMs: null };
  }
}
