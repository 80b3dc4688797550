/**
 * A DeliveryQueue for use-case and scenario tests that makes the queued alerts' ready
 * deliveries at once (what the sender would do on receiving them), so a test sees after a
 * claim what a person would receive. `drain()` makes whatever is ready at the clock's time
 * (retries whose time came), as the local sender loop or the sweeper's re-feed would.
 */
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import { deliverReady } from '../../shared/app/deliver-ready.ts';
import type { DeliveryQueue } from '../../shared/ports/delivery-queue.ts';

export class InlineDeliveryQueue implements DeliveryQueue {
  /** Alert ids handed over, in order. */
  readonly queued: string[] = [];
  /** When false, alerts are only recorded (a lost queue message, a sender not yet running). */
  deliverAtOnce = true;

  constructor(private readonly deps: () => DeliveryDeps) {}

  async enqueue(alertIds: readonly string[]): Promise<void> {
    this.queued.push(...alertIds);
    if (!this.deliverAtOnce) return;
    for (const id of alertIds) await deliverReady(this.deps(), id, { maxWaitMs: Number.POSITIVE_INFINITY });
  }

  /** Makes every delivery ready now, alert by alert, until none is left. */
  async drain(): Promise<number> {
    const deps = this.deps();
    let made = 0;
    for (;;) {
      const ids = await deps.store.listOutboxDue(deps.clock.now(), 100);
      if (ids.length === 0) return made;
      let progress = 0;
      for (const id of ids) {
        const result = await deliverReady(deps, id, { maxWaitMs: Number.POSITIVE_INFINITY });
        progress += result.counts.sent + result.counts.failed + result.counts.retrying + result.counts.skipped;
      }
      made += progress;
      if (progress === 0) return made;
    }
  }
}
