/**
 * Decorators that record business metrics around the ports that see the events: the store
 * (an alert is opened exactly when it is created) and the delivery sender (what was delivered
 * on which channel, and what failed). The use cases stay as they are.
 */
import type { Alert } from '../../domain/alert/alert.ts';
import type { AttemptOutcome } from '../../domain/delivery/delivery-outcome.ts';
import type { Delivery } from '../../domain/delivery/delivery.ts';
import type { Instant } from '../../domain/instant.ts';
import type { AlertStore } from '../../ports/alert-store.ts';
import type { BusinessMetrics } from '../../ports/business-metrics.ts';
import type { DeliverySender } from '../../ports/delivery-sender.ts';

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

/** Counts each attempt's result: sent when the provider accepted, failed when it refused or
 * failed (a transient failure counts too: the dashboard shows trouble as it happens). */
export class MeteredSender implements DeliverySender {
  constructor(
    private readonly sender: DeliverySender,
    private readonly metrics: BusinessMetrics,
  ) {}

  async attempt(delivery: Delivery, alert: Alert, now: Instant): Promise<AttemptOutcome> {
    const outcome = await this.sender.attempt(delivery, alert, now);
    const kind = outcome.kind === 'accepted' ? 'notification-sent' : 'notification-failed';
    this.metrics.record({ kind, notification: delivery.notification.kind, channel: delivery.channel });
    return outcome;
  }
}
