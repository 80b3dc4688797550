/**
 * What every use case works with: the ports, the clock and the configuration. The composition
 * roots (infra/local for one machine, functions/ wiring for AWS) build one of these; tests build
 * one from fakes (test/support).
 */
import type { AppConfig } from '../config/app-config.ts';
import type { AlertStore } from '../ports/alert-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryQueue } from '../ports/delivery-queue.ts';
import type { IntakeStatsStore } from '../ports/intake-stats.ts';
import type { LiveFigures } from '../ports/live-figures.ts';
import type { Logger } from '../ports/logger.ts';
import type { ReportRollups } from '../ports/report-rollups.ts';
import type { Timers } from '../ports/timers.ts';

export interface AppDeps {
  readonly config: AppConfig;
  readonly store: AlertStore;
  readonly timers: Timers;
  /** Where claimed deliveries are handed to the senders (delivery-queue.ts). */
  readonly deliveries: DeliveryQueue;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Stored per-day report summaries; without them weekly and monthly reports read every alert of the period. */
  readonly rollups?: ReportRollups;
  /** Per-integration intake counters for the console; absent where nothing keeps them. */
  readonly intakeStats?: IntakeStatsStore;
  /** Day counters kept as alerts are written, and open alerts' views: the metrics read these
   * instead of every alert of the day; absent where the store keeps none. */
  readonly live?: LiveFigures;
}
