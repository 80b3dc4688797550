/**
 * The SLA policy of one priority, fully resolved: durations in seconds, the calendar itself
 * (not its name), channels and recipients.
 *
 * A copy of this object is stored on every alert when it arrives (the snapshot), so a later
 * configuration change never rewrites the history of an alert already open. Who is notified
 * (recipients, Slack webhooks) is routing, not policy: it is read from the configuration in
 * force when a notification is sent, so on-call changes apply at once and no webhook secret
 * is copied into every alert.
 */
import type { CalendarSpec } from '../calendar/calendar-spec.ts';
import type { Priority } from './priority.ts';

export type Channel = 'email' | 'slack';

export interface ReminderPolicy {
  readonly enabled: boolean;
  /** Business seconds after creation at which the first reminder is due (timeouts.acknowledgment). */
  readonly firstAfterSeconds: number;
  /** Business seconds between reminders. */
  readonly intervalSeconds: number;
  /** At most this many reminders per alert. */
  readonly max: number;
  readonly channels: readonly Channel[];
}

export interface SlaPolicy {
  readonly priority: Priority;
  /** Business seconds from creation to the acknowledgment deadline. */
  readonly acknowledgmentSeconds: number;
  /** Business seconds from creation to the resolution deadline. */
  readonly resolutionSeconds: number;
  /** The calendar both clocks count on; `null` counts around the clock. */
  readonly calendar: CalendarSpec | null;
  /** Breaches per report period this priority may have. */
  readonly allowedBreaches: number;
  /** Share of a clock's business time after which it is at risk, in (0, 1). */
  readonly warningThreshold: number;
  readonly reminders: ReminderPolicy;
  /** Business seconds after an acknowledgment or update at which the next update is due. */
  readonly updateIntervalSeconds: number;
  /** Channels for at-risk, breach, update-due and resolved notifications. */
  readonly notificationChannels: readonly Channel[];
}
