/**
 * Where a notification's deliveries go, decided when it is claimed: one per email recipient
 * and one per Slack destination. A Slack destination is stored by name (which configured
 * webhook), never by URL: the URL is a secret, and the sender looks it up in the
 * configuration in force when it sends, so a rotated webhook applies to queued deliveries.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { Alert } from '../domain/alert/alert.ts';
import type { DeliveryTarget } from '../domain/delivery/delivery.ts';
import type { Notification } from '../domain/notifications/notification.ts';
import { PRIORITIES, type Priority } from '../domain/sla/priority.ts';
import { channelsFor, emailRecipients } from './notification-routing.ts';

/** The integration's webhook, else the priority's, else the default, by name; null when none is configured. */
export function slackDestinationFor(alert: Alert, config: AppConfig): string | null {
  const integration = config.integrations.find((i) => i.id === alert.integrationId);
  if (integration?.slackWebhookUrl) return `integration:${integration.id}`;
  if (config.notifications.slackWebhookUrlByPriority[alert.priority] !== undefined) return `priority:${alert.priority}`;
  return config.notifications.slackWebhookUrl === null ? null : 'default';
}

/** The webhook URL a destination name stands for now; null when it is no longer configured. */
export function slackWebhookOf(destination: string, config: AppConfig): string | null {
  if (destination === 'default') return config.notifications.slackWebhookUrl;
  if (destination.startsWith('priority:')) {
    const priority = destination.slice('priority:'.length) as Priority;
    return PRIORITIES.includes(priority) ? (config.notifications.slackWebhookUrlByPriority[priority] ?? null) : null;
  }
  if (destination.startsWith('integration:')) {
    const id = destination.slice('integration:'.length);
    return config.integrations.find((i) => i.id === id)?.slackWebhookUrl ?? null;
  }
  return null;
}

/** The targets of one notification of `alert` under `config`. */
export function deliveryTargets(config: AppConfig) {
  return (notification: Notification, alert: Alert): DeliveryTarget[] => {
    const channels = channelsFor(notification.kind, alert);
    const targets: DeliveryTarget[] = [];
    if (channels.includes('email')) {
      for (const recipient of emailRecipients(notification.kind, alert, config)) targets.push({ channel: 'email', recipient });
    }
    if (channels.includes('slack')) {
      const destination = slackDestinationFor(alert, config);
      if (destination !== null) targets.push({ channel: 'slack', recipient: destination });
    }
    return targets;
  };
}
