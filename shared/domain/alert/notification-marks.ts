/**
 * What has been notified for an alert, stored on the alert so that a duplicate, late or stale
 * timer (or the sweeper racing one) never sends anything twice: a notification is claimed by
 * the conditional write that sets its mark, and only then sent.
 */
import type { Instant } from '../instant.ts';

export interface NotificationMarks {
  /** When the new-alert notification was claimed. */
  readonly newAlertAt: Instant | null;
  readonly acknowledgmentAtRiskAt: Instant | null;
  readonly acknowledgmentBreachAt: Instant | null;
  readonly resolutionAtRiskAt: Instant | null;
  readonly resolutionBreachAt: Instant | null;
  /** Reminders sent so far (the n-th reminder is due at timeline.reminderAts[n]). */
  readonly remindersSent: number;
  /** The update-due instant already notified (the next one is due from lastUpdateAt). */
  readonly updateDueNotifiedFor: Instant | null;
  readonly resolvedAt: Instant | null;
  /** Failures of a channel (e.g. Slack) kept for the record; email never waits on them. */
  readonly failures: readonly NotificationFailure[];
}

export interface NotificationFailure {
  readonly kind: string;
  readonly channel: 'email' | 'slack';
  readonly at: Instant;
  readonly error: string;
}

export const NO_NOTIFICATIONS: NotificationMarks = {
  newAlertAt: null,
  acknowledgmentAtRiskAt: null,
  acknowledgmentBreachAt: null,
  resolutionAtRiskAt: null,
  resolutionBreachAt: null,
  remindersSent: 0,
  updateDueNotifiedFor: null,
  resolvedAt: null,
  failures: [],
};
