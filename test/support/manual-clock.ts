/**
 * A clock the test moves. Use cases read time only through `Clock`, so a test (or a scenario
 * that spans days) decides exactly what "now" is and never waits for real time to pass.
 */
import type { Instant } from '../../shared/domain/instant.ts';
import type { Clock } from '../../shared/ports/clock.ts';

export class ManualClock implements Clock {
  private at: Instant;

  constructor(at: Instant | string = '2026-03-02T09:00:00.000Z') {
    this.at = typeof at === 'string' ? Date.parse(at) : at;
  }

  now(): Instant {
    return this.at;
  }

  /** Moves to `at` (epoch ms or ISO text). Moving backwards is allowed: tests of late delivery use it. */
  set(at: Instant | string): void {
    this.at = typeof at === 'string' ? Date.parse(at) : at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
