/**
 * The stored side of notifying: the alert as written by the conditional update that claims a
 * decision's notifications (before any is sent), as written when a send failed and the unsent
 * ones are released for a retry, and with channel failures recorded.
 *
 * Claim first, send second: of two deliveries racing on one alert only the one whose claim is
 * stored sends. Releasing restores only the marks of notifications that were not sent (and only
 * where the mark is still the claimed value), so a retry sends what is missing and nothing twice.
 */
import type { Alert } from '../alert/alert.ts';
import { responseRoom } from '../alert/apply-response.ts';
import type { NotificationFailure, NotificationMarks } from '../alert/notification-marks.ts';
import { responseId, type Response } from '../alert/response.ts';
import type { Instant } from '../instant.ts';
import type { Notification, NotificationKind } from '../notifications/notification.ts';
import { SYSTEM_RESPONDER, type NotifyDecision } from './decide-due.ts';
import { replanTimer } from './plan-timer.ts';

/** Channel failures kept on an alert: the most recent ones. */
export const MAX_RECORDED_FAILURES = 20;

type MarkField = Exclude<keyof NotificationMarks, 'failures'>;

const MARKS_OF: Record<NotificationKind, readonly MarkField[]> = {
  'new-alert': ['newAlertAt'],
  reminder: ['remindersSent'],
  'update-due': ['updateDueNotifiedFor'],
  'acknowledgment-at-risk': ['acknowledgmentAtRiskAt'],
  // A breach claims the at-risk it made redundant: releasing it releases both.
  'acknowledgment-breach': ['acknowledgmentBreachAt', 'acknowledgmentAtRiskAt'],
  'resolution-at-risk': ['resolutionAtRiskAt'],
  'resolution-breach': ['resolutionBreachAt', 'resolutionAtRiskAt'],
  resolved: ['resolvedAt'],
};

function escalationResponse(alert: Alert, now: Instant): Response {
  return {
    id: responseId(alert.id, alert.responses.length + 1),
    type: 'escalation',
    by: SYSTEM_RESPONDER,
    note: 'Not acknowledged by the acknowledgment deadline: escalated.',
    at: now,
    via: 'system',
    actor: 'system',
  };
}

/** The alert that claims `decision`: marks set, escalation recorded, next timer planned, version + 1. */
export function claimDue(alert: Alert, decision: NotifyDecision, now: Instant): Alert {
  // Near the response cap the escalation is still notified, just not recorded as a response:
  // the last places are kept for the acknowledgment and the resolution.
  const escalation = decision.escalate && alert.responses.length < responseRoom(alert, 'escalation') ? [escalationResponse(alert, now)] : [];
  return replanTimer({
    ...alert,
    version: alert.version + 1,
    notified: decision.marks,
    responses: [...alert.responses, ...escalation],
  });
}

/**
 * `current` with the marks of `unsent` notifications put back to what they were in `before`
 * (the alert the claim was made from), where they still hold the value `claimed` set; plus
 * the channel failures met so far. The timer is replanned (now due again), version + 1.
 */
export function releaseClaim(
  current: Alert,
  before: NotificationMarks,
  claimed: NotificationMarks,
  sent: readonly Notification[],
  unsent: readonly Notification[],
  failures: readonly NotificationFailure[],
): Alert {
  const keep = new Set(sent.flatMap((n) => MARKS_OF[n.kind]));
  const release = new Set(unsent.flatMap((n) => MARKS_OF[n.kind]).filter((f) => !keep.has(f)));
  let marks: NotificationMarks = current.notified;
  for (const field of release) {
    if (current.notified[field] === claimed[field]) marks = { ...marks, [field]: before[field] };
  }
  const notified = withFailures(marks, failures);
  return replanTimer({ ...current, version: current.version + 1, notified });
}

/** `alert` with channel failures appended (the last MAX_RECORDED_FAILURES kept), version + 1. */
export function recordFailures(alert: Alert, failures: readonly NotificationFailure[]): Alert {
  return { ...alert, version: alert.version + 1, notified: withFailures(alert.notified, failures) };
}

function withFailures(marks: NotificationMarks, failures: readonly NotificationFailure[]): NotificationMarks {
  if (failures.length === 0) return marks;
  return { ...marks, failures: [...marks.failures, ...failures].slice(-MAX_RECORDED_FAILURES) };
}
