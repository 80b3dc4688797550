/**
 * The Timers port as EventBridge Scheduler would bill and deliver it, for the cost run: every
 * `schedule` is one CreateSchedule request (a name that exists is Scheduler's
 * ConflictException: a request all the same, and nothing changes), every `cancel` one
 * DeleteSchedule request (a name already gone is ResourceNotFoundException, likewise). A
 * schedule is delivered once, `delayMs` after its instant (Scheduler invokes "within about a
 * minute"), and then deletes itself (ActionAfterCompletion DELETE, no request). The driver asks
 * for the next delivery and hands its payload to the timer function.
 */
import type { Instant } from '../../shared/domain/instant.ts';
import type { TimerRequest, Timers } from '../../shared/ports/timers.ts';
import type { Meter } from './counts.ts';

export interface Delivery {
  readonly at: Instant;
  readonly request: TimerRequest;
}

export class MeteredTimers implements Timers {
  private readonly pending = new Map<string, Delivery>();

  constructor(
    private readonly meter: Meter,
    /** How long after its instant a timer is delivered (may differ per timer). */
    private readonly delayMs: (request: TimerRequest) => number,
  ) {}

  async schedule(request: TimerRequest): Promise<void> {
    this.meter.count('scheduler.create');
    if (this.pending.has(request.name)) return;
    this.pending.set(request.name, { at: request.at + this.delayMs(request), request });
  }

  async cancel(name: string): Promise<void> {
    this.meter.count('scheduler.delete');
    this.pending.delete(name);
  }

  /** The next delivery due, without taking it. */
  next(): Delivery | undefined {
    let first: Delivery | undefined;
    for (const delivery of this.pending.values()) {
      if (first === undefined || delivery.at < first.at || (delivery.at === first.at && delivery.request.name < first.request.name)) first = delivery;
    }
    return first;
  }

  /** Removes a delivery that is being made (the schedule deletes itself once it has fired). */
  take(delivery: Delivery): void {
    this.pending.delete(delivery.request.name);
  }

  /** Schedules armed and neither delivered nor cancelled. */
  size(): number {
    return this.pending.size;
  }
}
