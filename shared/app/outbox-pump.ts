/**
 * The sender of one machine (and of any number of processes sharing a table): each `tick`
 * lists the alerts with deliveries ready (the `outbox` index), reads them, and puts each
 * ready delivery in the line of the rate it counts against (`email`, `slack:<destination>`).
 * Each line has a few workers that make deliveries one after the other (deliver-one.ts), each
 * waiting for its slot of the shared rate; so email drains at the email rate while a slow
 * Slack destination drains at its own, and neither holds the other back.
 *
 * Nothing is kept in memory that the table does not also hold: a restart lists the same
 * deliveries again (a lease taken before the crash runs out first), so it survives restarts.
 * An alert is not listed again while one of its deliveries is in a line; when they are done,
 * the next of each lane (a breach after its new-alert) is found at the next tick.
 */
import type { Delivery } from '../domain/delivery/delivery.ts';
import { outboxOf, readyDeliveries } from '../domain/delivery/outbox.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { deliverOne, rateOf, type DeliverOneResult } from './deliver-one.ts';

export interface OutboxPumpOptions {
  /** Deliveries kept waiting in lines at most (default 5,000: a whole wave, so a slow line,
   * a Slack webhook at 1/s, never keeps work from a fast one); the table is listed again only
   * once fewer than half that are left, so a backlog is not re-read on every tick. */
  readonly maxQueued?: number;
  /** Longest wait for a send slot a worker accepts (default 30 s: workers are few per line, so
   * a slot is seconds away at most). A crashed sender's leases run out a minute later. */
  readonly maxWaitMs?: number;
}

interface Job {
  readonly alertId: string;
  readonly seq: number;
}

interface Line {
  readonly jobs: Job[];
  running: number;
  readonly workers: number;
}

export type PumpCounts = Record<DeliverOneResult | 'errors', number>;

export class OutboxPump {
  private readonly lines = new Map<string, Line>();
  /** Deliveries of each alert waiting in a line or being made. */
  private readonly inFlight = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  readonly counts: PumpCounts = { sent: 0, retrying: 0, failed: 0, skipped: 0, busy: 0, taken: 0, errors: 0 };

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly options: OutboxPumpOptions = {},
  ) {}

  /** Deliveries waiting in lines or being made. */
  pending(): number {
    let total = 0;
    for (const n of this.inFlight.values()) total += n;
    return total;
  }

  /** Lists ready deliveries and lines them up; returns how many were added. */
  async tick(): Promise<number> {
    const maxQueued = this.options.maxQueued ?? 5_000;
    const room = maxQueued - this.pending();
    if (this.stopped || room < maxQueued / 2) return 0;
    const now = this.deps.clock.now();
    // The alerts in flight come first in the index (oldest first): list past them.
    const listed = await this.deps.store.listOutboxDue(now, this.inFlight.size + room);
    const ids = this.shuffled(listed.filter((id) => !this.inFlight.has(id)).slice(0, room));
    const alerts = await Promise.all(ids.map((id) => this.deps.store.get(id)));
    let added = 0;
    for (const alert of alerts) {
      if (alert === null) continue;
      for (const delivery of readyDeliveries(outboxOf(alert), now)) {
        this.line(delivery, { alertId: alert.id, seq: delivery.seq });
        added += 1;
      }
    }
    return added;
  }

  /** In random order: two senders that listed the same wave do not race for the same deliveries. */
  private shuffled(ids: string[]): string[] {
    for (let i = ids.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.deps.random() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    }
    return ids;
  }

  /** Takes no more work and resolves once every delivery being made is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const line of this.lines.values()) {
      for (const job of line.jobs.splice(0)) this.release(job.alertId);
    }
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private line(delivery: Delivery, job: Job): void {
    const rate = rateOf(delivery, this.deps.config.notifications.rates);
    let line = this.lines.get(rate.key);
    if (line === undefined) {
      // Enough workers to keep the rate busy while each waits on the store and the provider
      // (a delivery takes a few store round trips and one provider call: up to about 2 s here).
      line = { jobs: [], running: 0, workers: Math.max(3, Math.ceil(rate.perSecond * 2) + 2) };
      this.lines.set(rate.key, line);
    }
    line.jobs.push(job);
    this.inFlight.set(job.alertId, (this.inFlight.get(job.alertId) ?? 0) + 1);
    while (line.running < line.workers && line.jobs.length > 0) this.startWorker(line);
  }

  private startWorker(line: Line): void {
    line.running += 1;
    const work = (async () => {
      while (!this.stopped) {
        const job = line.jobs.shift();
        if (job === undefined) return;
        await this.make(job);
      }
    })().finally(() => {
      line.running -= 1;
      this.running.delete(work);
    });
    this.running.add(work);
  }

  private async make(job: Job): Promise<void> {
    try {
      const result = await deliverOne(this.deps, job.alertId, job.seq, { maxWaitMs: this.options.maxWaitMs ?? 30_000, leaseMs: 30_000 });
      this.counts[result] += 1;
    } catch (error) {
      // The delivery stays in the table as it was; the next tick lists it again.
      this.counts.errors += 1;
      this.deps.logger.warn('delivery attempt not recorded; it will be taken again', {
        alertId: job.alertId,
        seq: job.seq,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.release(job.alertId);
    }
  }

  private release(alertId: string): void {
    const left = (this.inFlight.get(alertId) ?? 1) - 1;
    if (left <= 0) this.inFlight.delete(alertId);
    else this.inFlight.set(alertId, left);
  }
}
