/**
 * Fires the local timers: every `tickMs` it reads the timers due by `clock.now()` from the
 * sparse `due` index, hands each payload to `deliver` (the local composition root routes it
 * to the handler the Lambda function would run) and deletes the timer only once `deliver`
 * resolved. Delivery is at least once, as on AWS: a failed delivery stays in the table and
 * is retried, first on the next tick, then backing off (doubling, up to `maxRetryDelayMs`) so
 * a handler that keeps failing does not flood the log; a crash between delivery and delete
 * delivers again after restart, which the handlers tolerate (they re-read and decide).
 *
 * Ticks never overlap: the next one is armed when the previous one ended, and `tick()`
 * (for scenario tests on a manual clock) waits for a tick in flight. `stop()` waits for it too.
 */
import { DeleteItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import type { TimerPayload } from '../../ports/timers.ts';
import { INDEX_SHARDS } from '../../store/table-definition.ts';
import { dueTimers } from './due-timers.ts';
import { fromTimerItem } from './timer-item.ts';

export interface TimerLoopOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly deliver: (payload: TimerPayload) => Promise<unknown>;
  /** Pause between two ticks (default 250 ms). */
  readonly tickMs?: number;
  /** Timers read, and delivered concurrently, per batch (default 25). */
  readonly batchSize?: number;
  /** The table's index shard count (default INDEX_SHARDS). */
  readonly indexShards?: number;
  /** Longest pause before retrying a failed delivery (default 30 s). */
  readonly maxRetryDelayMs?: number;
}

export interface TickOutcome {
  readonly delivered: number;
  readonly failed: number;
}

type Item = Record<string, AttributeValue>;

export class TimerLoop {
  private readonly options: TimerLoopOptions;
  private readonly tickMs: number;
  private readonly failures = new Map<string, { count: number; skipTicks: number }>();
  private chain: Promise<unknown> = Promise.resolve();
  private timeout: NodeJS.Timeout | undefined;
  private running = false;

  constructor(options: TimerLoopOptions) {
    this.options = options;
    this.tickMs = options.tickMs ?? 250;
  }

  /** Starts ticking (the first tick at once); a second start does nothing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.arm(0);
  }

  /** Stops ticking and resolves once the tick in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timeout);
    this.timeout = undefined;
    await this.chain;
  }

  /** Runs one tick after the one in flight; a failure to read the table is thrown. */
  tick(): Promise<TickOutcome> {
    const run = this.chain.then(() => this.runTick());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private arm(delayMs: number): void {
    // At most one pending tick, even when a stop() and start() raced a tick in flight.
    clearTimeout(this.timeout);
    this.timeout = setTimeout(() => {
      this.tick()
        .catch((error: unknown) => this.options.logger.error('local timer tick failed; retrying', { error: describe(error) }))
        .finally(() => {
          if (this.running) this.arm(this.tickMs);
        });
    }, delayMs);
  }

  private async runTick(): Promise<TickOutcome> {
    const { client, tableName, clock } = this.options;
    const now = clock.now();
    let delivered = 0;
    let failed = 0;
    const seen = new Set<string>();
    const batchSize = this.options.batchSize ?? 25;
    const shards = this.options.indexShards ?? INDEX_SHARDS;
    // Oldest first across the shards, delivered `batchSize` at a time, as one partition did.
    const due = dueTimers({ client, tableName, shards, dueBy: now, batch: Math.max(2, Math.ceil((batchSize * 1.5) / shards) + 1) });
    for (let ended = false; !ended; ) {
      const items: Item[] = [];
      while (items.length < batchSize) {
        const entry = await due.next();
        if (entry === null || entry === 'paused') {
          ended = true;
          break;
        }
        items.push(entry.value);
      }
      for (const item of items) seen.add(item.name?.S ?? '');
      const outcomes = await Promise.all(items.map((item) => this.fire(item)));
      delivered += outcomes.filter((o) => o === 'delivered').length;
      failed += outcomes.filter((o) => o === 'failed').length;
    }
    // Forget the failures of timers that are gone (cancelled while failing).
    for (const name of this.failures.keys()) if (!seen.has(name)) this.failures.delete(name);
    return { delivered, failed };
  }

  private async fire(item: Item): Promise<'delivered' | 'failed' | 'waiting'> {
    const { logger } = this.options;
    let timer;
    try {
      timer = fromTimerItem(item);
    } catch (error) {
      // It can never be delivered: keeping it would fail on every tick forever.
      logger.error('dropping a malformed local timer', { item: item.pk?.S, error: describe(error) });
      await this.remove(item);
      return 'failed';
    }
    const failure = this.failures.get(timer.name);
    if (failure !== undefined && failure.skipTicks > 0) {
      failure.skipTicks -= 1;
      return 'waiting';
    }
    const fields = { timer: timer.name, alertId: timer.payload.alertId, kind: timer.payload.kind, dueAt: timer.payload.dueAt };
    try {
      await this.options.deliver(timer.payload);
    } catch (error) {
      const count = (failure?.count ?? 0) + 1;
      const maxSkip = Math.max(0, Math.ceil((this.options.maxRetryDelayMs ?? 30_000) / Math.max(1, this.tickMs)) - 1);
      const skipTicks = Math.min(2 ** (count - 1) - 1, maxSkip);
      this.failures.set(timer.name, { count, skipTicks });
      logger.warn('local timer delivery failed; it stays armed and is retried', { ...fields, attempt: count, retryInMs: (skipTicks + 1) * this.tickMs, error: describe(error) });
      return 'failed';
    }
    this.failures.delete(timer.name);
    await this.remove(item).catch((error: unknown) =>
      // Delivered but still armed: it fires again later, which the handlers tolerate.
      logger.warn('could not delete a delivered local timer; it will be delivered again', { ...fields, error: describe(error) }),
    );
    logger.debug('local timer delivered', fields);
    return 'delivered';
  }

  private async remove(item: Item): Promise<void> {
    const pk = item.pk;
    if (pk === undefined) return;
    await this.options.client.send(new DeleteItemCommand({ TableName: this.options.tableName, Key: { pk } }));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
