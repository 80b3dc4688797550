/**
 * AppDeps built from fakes, for use-case and scenario tests: an in-memory store with the real
 * store's version checks, timers that are recorded (the test fires them), a delivery queue
 * that makes the queued deliveries at once through a recording sender (with an in-memory
 * shared rate), a manual clock and a memory logger. Each call builds a fresh, independent set.
 */
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { DeliveryDeps } from '../../shared/app/delivery-deps.ts';
import { InlineDeliveryQueue } from './inline-delivery-queue.ts';
import { InMemorySendRate } from './in-memory-send-rate.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { testConfig } from './config-fixtures.ts';
import { InMemoryAlertStore } from './in-memory-alert-store.ts';
import { InMemoryIntakeStats } from './in-memory-intake-stats.ts';
import { ManualClock } from './manual-clock.ts';
import { MemoryLogger } from './memory-logger.ts';
import { RecordingSender, type RecordingSenderOptions } from './recording-sender.ts';
import { RecordingTimers } from './recording-timers.ts';

export interface TestDepsOptions {
  /** Start of the manual clock (default 2026-03-02T09:00:00Z, a Monday). */
  readonly now?: Instant | string;
  /** A complete configuration; default `testConfig()`. */
  readonly config?: AppConfig;
  readonly sender?: RecordingSenderOptions;
}

export interface TestDeps {
  readonly deps: AppDeps;
  readonly clock: ManualClock;
  readonly store: InMemoryAlertStore;
  readonly timers: RecordingTimers;
  readonly sender: RecordingSender;
  readonly queue: InlineDeliveryQueue;
  readonly delivery: DeliveryDeps;
  readonly rate: InMemorySendRate;
  readonly logger: MemoryLogger;
  readonly intakeStats: InMemoryIntakeStats;
}

export function testDeps(options: TestDepsOptions = {}): TestDeps {
  const clock = new ManualClock(options.now);
  const store = new InMemoryAlertStore();
  const timers = new RecordingTimers();
  const sender = new RecordingSender(options.sender);
  const logger = new MemoryLogger();
  const config = options.config ?? testConfig();
  const rate = new InMemorySendRate();
  // Slots are not waited for on the manual clock: the test moves time itself.
  const delivery: DeliveryDeps = { config, store, sender, rate, clock, logger, wait: async () => undefined, random: () => 0.5 };
  const queue = new InlineDeliveryQueue(() => delivery);
  const intakeStats = new InMemoryIntakeStats();
  const deps: AppDeps = { config, store, timers, deliveries: queue, clock, logger, intakeStats };
  return { deps, clock, store, timers, sender, queue, delivery, rate, logger, intakeStats };
}
