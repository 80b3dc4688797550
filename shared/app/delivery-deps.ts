/**
 * What the senders work with: the store, a DeliverySender for the channels, the shared send
 * rates, the clock and a way to wait (for a send slot). Built by the composition roots next to
 * AppDeps (the sender Lambda, the local sender loop); tests build one from fakes.
 */
import type { AppConfig } from '../config/app-config.ts';
import type { AlertStore } from '../ports/alert-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliverySender } from '../ports/delivery-sender.ts';
import type { Logger } from '../ports/logger.ts';
import type { SendRate } from '../ports/send-rate.ts';

export interface DeliveryDeps {
  readonly config: AppConfig;
  readonly store: AlertStore;
  readonly sender: DeliverySender;
  readonly rate: SendRate;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Resolves after `ms` (a real timer in production; tests move their clock). */
  readonly wait: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter of retry backoffs. */
  readonly random: () => number;
}
