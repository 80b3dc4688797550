/**
 * What an alert still has to notify, and from when: the single source both `nextDue` (when to
 * arm the timer) and `decideDue` (what to send now) read, so the timer is always armed for an
 * instant at which `decideDue` will find something to send.
 *
 * An item is pending while its mark in `alert.notified` is unset and the response it waits for
 * has not come: nothing before acknowledgment is pending once acknowledged, nothing before
 * resolution once resolved, except a breach whose deadline passed before the answer came
 * (timers arrive late: the breach still happened and is announced). Reminders are one item at a time (the next unsent one); update-due
 * is pending for the instant computed from the last acknowledgment or update until that exact
 * instant is marked. The `resolved` notification is pending from the resolution until it is
 * sent, so a failed send keeps a due timer and the sweeper retries it.
 */
import type { Alert, TimerKind } from '../alert/alert.ts';
import type { Instant } from '../instant.ts';
import type { NotificationKind } from '../notifications/notification.ts';
import { updateDueAt } from '../sla/sla-timeline.ts';

export interface DueItem {
  readonly kind: NotificationKind;
  readonly at: Instant;
  /** The function a timer for this item targets. */
  readonly timerKind: TimerKind;
}

const TIMER_KIND: Record<NotificationKind, TimerKind> = {
  'new-alert': 'reminder',
  reminder: 'reminder',
  'update-due': 'reminder',
  resolved: 'reminder',
  'acknowledgment-at-risk': 'at-risk',
  'resolution-at-risk': 'at-risk',
  'acknowledgment-breach': 'breach',
  'resolution-breach': 'breach',
};

const SEVERITY: Record<TimerKind, number> = { reminder: 0, 'at-risk': 1, breach: 2 };

/** breach > at-risk > reminder: the tie-break when two items fall on one instant. */
export function timerSeverity(kind: TimerKind): number {
  return SEVERITY[kind];
}

function item(kind: NotificationKind, at: Instant): DueItem {
  return { kind, at, timerKind: TIMER_KIND[kind] };
}

/** The reminder instants this alert may use: the timeline's, never more than the snapshot's max. */
export function reminderInstants(alert: Alert): readonly Instant[] {
  const { enabled, max } = alert.sla.reminders;
  return enabled ? alert.timeline.reminderAts.slice(0, Math.max(0, max)) : [];
}

/** The update-due instant pending for the alert, or null when none is (or it was notified). */
export function pendingUpdateDueAt(alert: Alert): Instant | null {
  if (alert.acknowledgedAt === null || alert.resolvedAt !== null || alert.lastUpdateAt === null) return null;
  if (!(alert.sla.updateIntervalSeconds > 0)) return null;
  const at = updateDueAt(alert.sla, alert.lastUpdateAt);
  return alert.notified.updateDueNotifiedFor === at ? null : at;
}

export function pendingItems(alert: Alert): DueItem[] {
  const { notified, timeline } = alert;
  const items: DueItem[] = [];
  // A breach happened if its deadline passed before the answer, even when the answer came
  // before the (late) timer: it is still announced, once.
  if (notified.acknowledgmentBreachAt === null && answeredLate(alert.acknowledgedAt, timeline.acknowledgment.deadlineAt)) {
    items.push(item('acknowledgment-breach', timeline.acknowledgment.deadlineAt));
  }
  if (notified.resolutionBreachAt === null && answeredLate(alert.resolvedAt, timeline.resolution.deadlineAt)) {
    items.push(item('resolution-breach', timeline.resolution.deadlineAt));
  }
  if (alert.resolvedAt !== null) {
    if (notified.resolvedAt === null) items.push(item('resolved', alert.resolvedAt));
    return items;
  }
  if (notified.newAlertAt === null) items.push(item('new-alert', alert.createdAt));
  if (alert.acknowledgedAt === null) {
    if (notified.acknowledgmentAtRiskAt === null) items.push(item('acknowledgment-at-risk', timeline.acknowledgment.atRiskAt));
    const nextReminderAt = reminderInstants(alert)[notified.remindersSent];
    if (nextReminderAt !== undefined) items.push(item('reminder', nextReminderAt));
  }
  if (notified.resolutionAtRiskAt === null) items.push(item('resolution-at-risk', timeline.resolution.atRiskAt));
  const updateAt = pendingUpdateDueAt(alert);
  if (updateAt !== null) items.push(item('update-due', updateAt));
  return items;
}

/** Not answered yet, or answered at or after the deadline (the SLA was missed). */
function answeredLate(answeredAt: Instant | null, deadlineAt: Instant): boolean {
  return answeredAt === null || answeredAt >= deadlineAt;
}
