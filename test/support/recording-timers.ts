/**
 * A Timers fake that records what use cases armed and cancelled, with the port's contract:
 * scheduling a name that exists changes nothing, cancelling a missing name succeeds.
 *
 * - `scheduled` / `cancelled`: every accepted call, in order (a repeated schedule of a pending
 *   name is not recorded again, as the real adapters change nothing).
 * - `pending()`: timers armed and neither cancelled nor fired, by instant.
 * - `due(now)`: the pending ones whose instant is at or before `now`.
 * - `fireDue(now)`: removes and returns the due ones, as a scheduler firing them would
 *   (ActionAfterCompletion DELETE), for scenario tests that deliver them to handlers.
 * - `failNext(operation)`: the next call throws (TimersUnavailableError by default).
 */
import type { Instant } from '../../shared/domain/instant.ts';
import { TimersUnavailableError } from '../../shared/errors.ts';
import type { TimerRequest, Timers } from '../../shared/ports/timers.ts';

export class RecordingTimers implements Timers {
  readonly scheduled: TimerRequest[] = [];
  readonly cancelled: string[] = [];
  private readonly armed = new Map<string, TimerRequest>();
  private readonly failures: { operation: 'schedule' | 'cancel'; error: Error }[] = [];

  failNext(operation: 'schedule' | 'cancel', error: Error = new TimersUnavailableError(`injected ${operation} failure`)): void {
    this.failures.push({ operation, error });
  }

  async schedule(request: TimerRequest): Promise<void> {
    this.maybeFail('schedule');
    if (this.armed.has(request.name)) return;
    this.armed.set(request.name, structuredClone(request));
    this.scheduled.push(structuredClone(request));
  }

  async cancel(name: string): Promise<void> {
    this.maybeFail('cancel');
    this.armed.delete(name);
    this.cancelled.push(name);
  }

  pending(): TimerRequest[] {
    return [...this.armed.values()].sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  }

  due(now: Instant): TimerRequest[] {
    return this.pending().filter((request) => request.at <= now);
  }

  fireDue(now: Instant): TimerRequest[] {
    const due = this.due(now);
    for (const request of due) this.armed.delete(request.name);
    return due;
  }

  private maybeFail(operation: 'schedule' | 'cancel'): void {
    const index = this.failures.findIndex((failure) => failure.operation === operation);
    if (index < 0) return;
    const [failure] = this.failures.splice(index, 1);
    if (failure !== undefined) throw failure.error;
  }
}
