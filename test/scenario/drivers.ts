/**
 * Drives the system through time on the manual clock, the way production would: either the
 * scheduler delivers each armed timer when it falls due (optionally late and several times,
 * as EventBridge Scheduler may), or only the sweeper runs, every check interval. Scenarios are
 * written once against `Driver` and run with both.
 */
import { armTimer } from '../../shared/app/arm-timer.ts';
import { handleTimer } from '../../shared/app/handle-timer.ts';
import { sweep } from '../../shared/app/sweep.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Instant } from '../../shared/domain/instant.ts';
import { storeAlert } from '../app/stored-alert.ts';
import type { TimerRequest } from '../../shared/ports/timers.ts';
import type { TestDeps } from '../support/test-deps.ts';

export interface Driver {
  readonly name: string;
  /** Lets time pass up to `at`, delivering whatever would run meanwhile; the clock ends at `at`. */
  runUntil(at: Instant): Promise<void>;
  /** Deliveries and sweeps that failed (a timer delivery that threw, an alert a sweep could not process). */
  readonly failures: string[];
}

export interface TimerDriverOptions {
  /** Each timer is delivered this many times, concurrently (at-least-once delivery). */
  readonly copies?: number;
  /** Deliveries happen this long after the timer's instant. */
  readonly latencyMs?: number;
}

const MAX_STEPS = 10_000;

export function timerDriver(t: TestDeps, options: TimerDriverOptions = {}): Driver {
  const copies = options.copies ?? 1;
  const latencyMs = options.latencyMs ?? 0;
  const failures: string[] = [];
  // A delivery that throws is not redelivered here: the sweeper stands for the scheduler's retries.
  const deliver = (payload: TimerRequest['payload']) =>
    handleTimer(t.deps, payload).catch((error: unknown) => {
      failures.push(`${payload.alertId} at ${t.clock.now()}: ${String(error)}`);
    });
  return {
    name: `timers (x${copies}, +${latencyMs} ms)`,
    failures,
    async runUntil(until) {
      for (let step = 0; step < MAX_STEPS; step += 1) {
        const next = t.timers.pending()[0];
        if (next === undefined || next.at + latencyMs > until) break;
        t.clock.set(Math.max(t.clock.now(), next.at + latencyMs));
        for (const fired of t.timers.fireDue(next.at)) {
          await Promise.all(Array.from({ length: copies }, () => deliver(fired.payload)));
        }
      }
      t.clock.set(Math.max(t.clock.now(), until));
    },
  };
}

/** Only the sweeper, every `intervalMs` on a grid starting at `firstAt` (timers are never delivered). */
export function sweepDriver(t: TestDeps, firstAt: Instant, intervalMs: number): Driver & { nextSweepAt(): Instant } {
  let nextSweepAt = firstAt;
  const failures: string[] = [];
  return {
    name: `sweeper every ${intervalMs / 1000} s`,
    failures,
    nextSweepAt: () => nextSweepAt,
    async runUntil(until) {
      while (nextSweepAt <= until) {
        t.clock.set(Math.max(t.clock.now(), nextSweepAt));
        const result = await sweep(t.deps, { pageSize: 100 });
        failures.push(...result.failed.map((f) => `${f.alertId} at ${t.clock.now()}: ${f.error}`));
        // The senders pass by as often: deliveries whose retry came due are made.
        await t.queue.drain();
        nextSweepAt += intervalMs;
      }
      t.clock.set(Math.max(t.clock.now(), until));
    },
  };
}

/**
 * An alert arriving at the clock's current time, as intake stores it: built with its SLA
 * timeline, planned timer (the new-alert notification, due at once), stored, timer armed.
 */
export async function arrive(t: TestDeps, patch: Partial<Alert> = {}): Promise<Alert> {
  const alert = await storeAlert(t, { createdAt: t.clock.now(), lastSeenAt: t.clock.now(), ...patch });
  await armTimer(t.deps, { alertId: alert.id, before: null, after: alert.timer, now: t.clock.now() });
  return alert;
}

/** Timers and the sweeper both running, interleaved in time (the sweeper often wins the race). */
export function timersAndSweeperDriver(t: TestDeps, timerOptions: TimerDriverOptions, firstSweepAt: Instant, intervalMs: number): Driver {
  const timers = timerDriver(t, timerOptions);
  const sweeper = sweepDriver(t, firstSweepAt, intervalMs);
  return {
    name: `${timers.name} and ${sweeper.name}`,
    failures: timers.failures,
    async runUntil(until) {
      // Up to each sweep in turn: the timers due before it, then the sweep itself.
      while (t.clock.now() < until) {
        const cursor = Math.min(until, sweeper.nextSweepAt());
        await timers.runUntil(cursor);
        await sweeper.runUntil(cursor);
        timers.failures.push(...sweeper.failures.splice(0));
      }
      t.clock.set(Math.max(t.clock.now(), until));
    },
  };
}
