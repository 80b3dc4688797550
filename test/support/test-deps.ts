/**
 * AppDeps built from fakes, for use-case and scenario tests: an in-memory store with the real
 * store's version checks, timers that are recorded (the test fires them), a recording notifier,
 * a manual clock and a memory logger. Each call builds a fresh, independent set.
 */
import type { AppDeps } from '../../shared/app/app-deps.ts';
import type { AppConfig } from '../../shared/config/app-config.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { testConfig } from './config-fixtures.ts';
import { InMemoryAlertStore } from './in-memory-alert-store.ts';
import { InMemoryIntakeStats } from './in-memory-intake-stats.ts';
import { ManualClock } from './manual-clock.ts';
import { MemoryLogger } from './memory-logger.ts';
import { RecordingNotifier, type RecordingNotifierOptions } from './recording-notifier.ts';
import { RecordingTimers } from './recording-timers.ts';

export interface TestDepsOptions {
  /** Start of the manual clock (default 2026-03-02T09:00:00Z, a Monday). */
  readonly now?: Instant | string;
  /** A complete configuration; default `testConfig()`. */
  readonly config?: AppConfig;
  readonly notifier?: RecordingNotifierOptions;
}

export interface TestDeps {
  readonly deps: AppDeps;
  readonly clock: ManualClock;
  readonly store: InMemoryAlertStore;
  readonly timers: RecordingTimers;
  readonly notifier: RecordingNotifier;
  readonly logger: MemoryLogger;
  readonly intakeStats: InMemoryIntakeStats;
}

export function testDeps(options: TestDepsOptions = {}): TestDeps {
  const clock = new ManualClock(options.now);
  const store = new InMemoryAlertStore();
  const timers = new RecordingTimers();
  const notifier = new RecordingNotifier(options.notifier);
  const logger = new MemoryLogger();
  const config = options.config ?? testConfig();
  const intakeStats = new InMemoryIntakeStats();
  const deps: AppDeps = { config, store, timers, notifier, clock, logger, intakeStats };
  return { deps, clock, store, timers, notifier, logger, intakeStats };
}
