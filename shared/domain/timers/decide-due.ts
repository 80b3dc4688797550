/**
 * What to send for an alert at `now`, decided from stored state only. A timer's payload (kind,
 * generation) never enters here: a duplicate, late, early or stale timer, or the sweeper, all
 * get the same answer for the same alert and instant, and once the marks of a decision are
 * stored the same alert yields nothing more to send.
 *
 * Everything due by `now` is decided at once, collapsed so that a stack that was down for a
 * while does not flood anyone:
 * - reminders: one (the latest due), marking every reminder whose instant passed as sent;
 * - an at-risk whose breach is also due is not sent (the breach says more), but is marked;
 * - an acknowledgment breach escalates (once: not when a system escalation is already recorded,
 *   nor when someone acknowledged after the deadline, before the breach was told).
 */
import type { Alert } from '../alert/alert.ts';
import type { NotificationMarks } from '../alert/notification-marks.ts';
import type { Instant } from '../instant.ts';
import type { Notification, NotificationKind } from '../notifications/notification.ts';
import { pendingItems, reminderInstants, type DueItem } from './due-items.ts';
import { nextDue, type NextDue } from './next-due.ts';

export type DueDecision =
  | {
      readonly kind: 'notify';
      /** In the order to send them: by due instant, then new-alert first and breaches last. */
      readonly notifications: readonly Notification[];
      /** `alert.notified` once these are claimed. */
      readonly marks: NotificationMarks;
      /** Record a system escalation response with the claim. */
      readonly escalate: boolean;
    }
  | { readonly kind: 'nothing-due'; readonly next: NextDue | null }
  | { readonly kind: 'alert-resolved' };

export type NotifyDecision = Extract<DueDecision, { kind: 'notify' }>;

/** The user-visible name of the system in responses it records. */
export const SYSTEM_RESPONDER = 'sla-watch';

const SEND_ORDER: readonly NotificationKind[] = [
  'new-alert',
  'reminder',
  'update-due',
  'acknowledgment-at-risk',
  'resolution-at-risk',
  'acknowledgment-breach',
  'resolution-breach',
  'resolved',
];

function byDueThenKind(a: Notification, b: Notification): number {
  return a.dueAt - b.dueAt || SEND_ORDER.indexOf(a.kind) - SEND_ORDER.indexOf(b.kind);
}

export function hasSystemEscalation(alert: Alert): boolean {
  return alert.responses.some((r) => r.type === 'escalation' && r.via === 'system');
}

export function decideDue(alert: Alert, now: Instant): DueDecision {
  const due = pendingItems(alert).filter((i) => i.at <= now);
  if (due.length === 0) {
    const next = nextDue(alert);
    return alert.resolvedAt !== null && next === null ? { kind: 'alert-resolved' } : { kind: 'nothing-due', next };
  }
  const dueKinds = new Set(due.map((i) => i.kind));
  let marks: NotificationMarks = alert.notified;
  const notifications: Notification[] = [];
  for (const dueItem of due) {
    const claimed = claim(alert, dueItem, now, dueKinds);
    marks = { ...marks, ...claimed.marks };
    if (claimed.notification !== null) notifications.push(claimed.notification);
  }
  notifications.sort(byDueThenKind);
  // Escalate only what is still unacknowledged: a late acknowledgment's breach is told, not escalated.
  const escalate = dueKinds.has('acknowledgment-breach') && alert.acknowledgedAt === null && !hasSystemEscalation(alert);
  return { kind: 'notify', notifications, marks, escalate };
}

interface Claimed {
  readonly notification: Notification | null;
  readonly marks: Partial<NotificationMarks>;
}

function claim(alert: Alert, dueItem: DueItem, now: Instant, dueKinds: ReadonlySet<NotificationKind>): Claimed {
  const notification: Notification = { kind: dueItem.kind, alertId: alert.id, dueAt: dueItem.at };
  switch (dueItem.kind) {
    case 'new-alert':
      return { notification, marks: { newAlertAt: now } };
    case 'reminder': {
      const ats = reminderInstants(alert);
      let sent = alert.notified.remindersSent;
      for (const at of ats.slice(sent)) {
        if (at > now) break;
        sent += 1;
      }
      const latest = { ...notification, dueAt: ats[sent - 1] as Instant, reminderNumber: sent };
      return { notification: latest, marks: { remindersSent: sent } };
    }
    case 'acknowledgment-at-risk':
      return { notification: dueKinds.has('acknowledgment-breach') ? null : notification, marks: { acknowledgmentAtRiskAt: now } };
    case 'acknowledgment-breach':
      return { notification, marks: { acknowledgmentBreachAt: now } };
    case 'resolution-at-risk':
      return { notification: dueKinds.has('resolution-breach') ? null : notification, marks: { resolutionAtRiskAt: now } };
    case 'resolution-breach':
      return { notification, marks: { resolutionBreachAt: now } };
    case 'update-due':
      return { notification, marks: { updateDueNotifiedFor: dueItem.at } };
    case 'resolved':
      return { notification, marks: { resolvedAt: now } };
  }
}
