/**
 * Decorators that record business metrics around the ports that see the events: the store
 * (an alert is opened exactly when it is created) and the notifier (what was delivered on which
 * channel, and what failed). The use cases stay as they are.
 */
import type { Alert } from '../../domain/alert/alert.ts';
import type { Instant } from '../../domain/instant.ts';
import type { Notification } from '../../domain/notifications/notification.ts';
import type { AlertStore } from '../../ports/alert-store.ts';
import type { BusinessMetrics } from '../../ports/business-metrics.ts';
import type { Notifier, NotifyOutcome } from '../../ports/notifier.ts';

/**
 * The store, counting each alert created. A Proxy rather than a class listing every method, so
 * a method added to the port passes through untouched instead of needing a forwarder here.
 */
export function meteredAlertStore(store: AlertStore, metrics: BusinessMetrics): AlertStore {
  const create = async (alert: Alert): Promise<void> => {
    await store.create(alert);
    metrics.record({ kind: 'alert-opened', priority: alert.priority });
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'create') return create;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export class MeteredNotifier implements Notifier {
  constructor(
    private readonly notifier: Notifier,
    private readonly metrics: BusinessMetrics,
  ) {}

  async send(notification: Notification, alert: Alert, now: Instant): Promise<NotifyOutcome> {
    let outcome: NotifyOutcome;
    try {
      outcome = await this.notifier.send(notification, alert, now);
    } catch (error) {
      // Email refused for every recipient: nothing was delivered.
      this.metrics.record({ kind: 'notification-failed', notification: notification.kind, channel: 'email' });
      throw error;
    }
    for (const channel of outcome.delivered) this.metrics.record({ kind: 'notification-sent', notification: notification.kind, channel });
    for (const failure of outcome.failures) this.metrics.record({ kind: 'notification-failed', notification: notification.kind, channel: failure.channel });
    return outcome;
  }
}
