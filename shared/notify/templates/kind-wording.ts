/**
 * What each kind of notification says: the words in the subject, the headline of the email
 * and the Slack message, and one sentence on what the reader should do. One exhaustive switch,
 * so a new kind cannot be sent without words of its own.
 */
import type { Notification } from '../../domain/notifications/notification.ts';

export interface KindWording {
  /** Lower-case words for the subject line, e.g. `acknowledgment SLA breached`. */
  readonly subjectWords: string;
  /** Sentence-case headline. */
  readonly headline: string;
  /** What is expected of the reader now. */
  readonly callToAction: string;
}

export function kindWording(notification: Notification, maxReminders: number): KindWording {
  switch (notification.kind) {
    case 'new-alert':
      return {
        subjectWords: 'new alert',
        headline: 'New alert',
        callToAction: 'Acknowledge it before the acknowledgment deadline.',
      };
    case 'reminder': {
      const n = notification.reminderNumber ?? 1;
      return {
        subjectWords: `reminder ${n} of ${maxReminders}, not acknowledged`,
        headline: `Reminder ${n} of ${maxReminders}: not acknowledged yet`,
        callToAction: 'Nobody has acknowledged this alert yet. Acknowledge it if you are on it.',
      };
    }
    case 'acknowledgment-at-risk':
      return {
        subjectWords: 'acknowledgment SLA at risk',
        headline: 'Acknowledgment SLA at risk',
        callToAction: 'The acknowledgment deadline is close. Acknowledge the alert now.',
      };
    case 'acknowledgment-breach':
      return {
        subjectWords: 'acknowledgment SLA breached, escalated',
        headline: 'Acknowledgment SLA breached: escalated',
        callToAction:
          'Nobody acknowledged this alert within its SLA. It has been escalated to the escalation contacts; ' +
          'whoever takes it, acknowledge it now.',
      };
    case 'resolution-at-risk':
      return {
        subjectWords: 'resolution SLA at risk',
        headline: 'Resolution SLA at risk',
        callToAction: 'The resolution deadline is close. Resolve the alert, or post an update on where it stands.',
      };
    case 'resolution-breach':
      return {
        subjectWords: 'resolution SLA breached',
        headline: 'Resolution SLA breached',
        callToAction: 'The alert was not resolved within its SLA. Resolve it, or post an update on where it stands.',
      };
    case 'update-due':
      return {
        subjectWords: 'update due',
        headline: 'Update due',
        callToAction: 'An update on this alert is due. Post one, or resolve the alert if it is fixed.',
      };
    case 'resolved':
      return {
        subjectWords: 'resolved',
        headline: 'Resolved',
        callToAction: 'No action needed.',
      };
  }
}
