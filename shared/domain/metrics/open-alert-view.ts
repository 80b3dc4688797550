/**
 * What the time-driven figures need of an alert still open, and nothing more: its priority,
 * status, creation instant, the at-risk and deadline instants of both clocks, and who (if
 * anyone) closed its acknowledgment clock. The store keeps this view beside each open alert's
 * open-index entry, so the metrics and the report's backlog read a page of small views instead
 * of every open alert whole.
 *
 * An open alert's resolution clock is always running (a resolution removes the alert from the
 * open index); its acknowledgment clock is answered by a person's first acknowledgment, or
 * closed by the source (its acknowledgment, no person's): the same rules as `evaluateAlertSla`
 * (alert-sla.ts), which `openClockStates` agrees with for every open alert at every instant
 * (tested), without walking a calendar: an open clock's state needs only its instants.
 */
import type { Alert, AlertStatus } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import { acknowledgmentAnswers } from '../sla/alert-sla.ts';
import { isPriority, type Priority } from '../sla/priority.ts';
import type { ClosedClockState, OpenClockState } from '../sla/sla-evaluation.ts';
import type { ClockTimeline } from '../sla/sla-timeline.ts';

export interface OpenAlertView {
  readonly id: string;
  readonly priority: Priority;
  readonly status: Exclude<AlertStatus, 'resolved'>;
  readonly createdAt: Instant;
  readonly acknowledgment: ClockTimeline;
  readonly resolution: ClockTimeline;
  /** A person's first acknowledgment; null when none. */
  readonly acknowledgedAt: Instant | null;
  /** When the source closed the acknowledgment clock with no person's answer; else null. */
  readonly sourceClosedAt: Instant | null;
}

export interface OpenClockStates {
  readonly acknowledgment: OpenClockState | ClosedClockState;
  readonly resolution: OpenClockState;
}

/** The view of an alert not yet resolved; null once it is resolved (it has none). */
export function openAlertView(alert: Alert): OpenAlertView | null {
  if (alert.status === 'resolved') return null;
  const { personAt, sourceClosedAt } = acknowledgmentAnswers(alert);
  return {
    id: alert.id,
    priority: alert.priority,
    status: alert.status,
    createdAt: alert.createdAt,
    acknowledgment: { atRiskAt: alert.timeline.acknowledgment.atRiskAt, deadlineAt: alert.timeline.acknowledgment.deadlineAt },
    resolution: { atRiskAt: alert.timeline.resolution.atRiskAt, deadlineAt: alert.timeline.resolution.deadlineAt },
    acknowledgedAt: personAt,
    sourceClosedAt,
  };
}

function runningState({ atRiskAt, deadlineAt }: ClockTimeline, now: Instant): OpenClockState {
  if (now >= deadlineAt) return 'breached';
  return now >= atRiskAt ? 'at_risk' : 'compliant';
}

/** Where the clocks of an open alert stand at `now`, as `evaluateAlertSla` says. */
export function openClockStates(view: OpenAlertView, now: Instant): OpenClockStates {
  const { deadlineAt } = view.acknowledgment;
  let acknowledgment: OpenClockState | ClosedClockState;
  if (view.acknowledgedAt !== null) acknowledgment = view.acknowledgedAt < deadlineAt ? 'met' : 'missed';
  else if (view.sourceClosedAt !== null) acknowledgment = view.sourceClosedAt < deadlineAt ? 'closed_by_source' : 'missed';
  else acknowledgment = runningState(view.acknowledgment, now);
  return { acknowledgment, resolution: runningState(view.resolution, now) };
}

/** The view as stored: short names, since every open alert carries one in an index entry. */
export function encodeOpenAlertView(view: OpenAlertView): string {
  return JSON.stringify([
    view.priority,
    view.status,
    view.createdAt,
    view.acknowledgment.atRiskAt,
    view.acknowledgment.deadlineAt,
    view.resolution.atRiskAt,
    view.resolution.deadlineAt,
    view.acknowledgedAt,
    view.sourceClosedAt,
  ]);
}

/** Reads back what `encodeOpenAlertView` wrote for alert `id`; throws TypeError on anything else. */
export function decodeOpenAlertView(id: string, text: string): OpenAlertView {
  const value: unknown = JSON.parse(text);
  const instant = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
  if (
    !Array.isArray(value) ||
    value.length !== 9 ||
    !isPriority(value[0]) ||
    !['open', 'acknowledged'].includes(value[1] as string) ||
    !value.slice(2, 7).every(instant) ||
    !value.slice(7).every((v) => v === null || instant(v))
  ) {
    throw new TypeError(`open alert view of ${id} is not one: ${text.slice(0, 100)}`);
  }
  const [priority, status, createdAt, ackRisk, ackDeadline, resRisk, resDeadline, acknowledgedAt, sourceClosedAt] = value as [
    Priority,
    OpenAlertView['status'],
    number,
    number,
    number,
    number,
    number,
    number | null,
    number | null,
  ];
  return {
    id,
    priority,
    status,
    createdAt,
    acknowledgment: { atRiskAt: ackRisk, deadlineAt: ackDeadline },
    resolution: { atRiskAt: resRisk, deadlineAt: resDeadline },
    acknowledgedAt,
    sourceClosedAt,
  };
}
