/**
 * Who hears about a notification, and where: channels by kind from the alert's policy
 * snapshot, email recipients from the routing configuration in force when the notification is
 * claimed. Pure: delivery-targets.ts records it on the claim and the
 * ChannelSender carries each delivery out.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import type { NotificationKind } from '../domain/notifications/notification.ts';
import type { Channel } from '../domain/sla/sla-policy.ts';

/**
 * New alerts and reminders go to the reminder channels; a new alert is always emailed too, as
 * the email carries the links to acknowledge it. Everything else uses notificationChannels.
 */
export function channelsFor(kind: NotificationKind, alert: Alert): readonly Channel[] {
  switch (kind) {
    case 'new-alert':
      return alert.sla.reminders.channels.includes('email') ? alert.sla.reminders.channels : ['email', ...alert.sla.reminders.channels];
    case 'reminder':
      return alert.sla.reminders.channels;
    case 'acknowledgment-at-risk':
    case 'acknowledgment-breach':
    case 'resolution-at-risk':
    case 'resolution-breach':
    case 'update-due':
    case 'resolved':
      return alert.sla.notificationChannels;
  }
}

/** Recipients of the priority, plus its escalation contacts on an acknowledgment breach; no one twice. */
export function emailRecipients(kind: NotificationKind, alert: Alert, config: AppConfig): string[] {
  const routing = config.notifications;
  const escalation = kind === 'acknowledgment-breach' ? routing.escalationRecipients[alert.priority] : [];
  const seen = new Set<string>();
  return [...routing.recipients[alert.priority], ...escalation].filter((address) => {
    const key = address.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
