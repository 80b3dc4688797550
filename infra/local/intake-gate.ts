/**
 * Intake first, on one machine: the report thread's store requests wait while a webhook is
 * being handled. Locally one dynalite thread serves both; a report reads hundreds of pages, and
 * an intake write that arrives while dynalite works through one of them waits behind it. So the
 * main thread counts the intake requests in flight in memory both threads share, and the report
 * thread, before each request to the store, waits until none is (or at most `maxWaitMs`, so
 * that a report still finishes under a steady stream of webhooks: it then reads one request
 * per wait, giving intake most of dynalite's time).
 *
 * Waiting is `Atomics.waitAsync`: the report thread sleeps without polling and wakes when the
 * count drops to zero. On AWS the report runs in a function of its own against DynamoDB, which
 * serves both at once: nothing there needs this.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export class IntakeGate {
  private readonly inFlight: Int32Array;

  /** A new gate, or (in the report thread) the one whose `shared` memory was passed in. */
  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.inFlight = new Int32Array(shared);
  }

  /** Counts `work` (an intake request) as in flight until it settles. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    Atomics.add(this.inFlight, 0, 1);
    try {
      return await work();
    } finally {
      if (Atomics.sub(this.inFlight, 0, 1) === 1) Atomics.notify(this.inFlight, 0);
    }
  }

  /** Resolves once no intake request is in flight, or after `maxWaitMs`. */
  async clear(maxWaitMs: number): Promise<void> {
    const deadline = performance.now() + maxWaitMs;
    for (;;) {
      const inFlight = Atomics.load(this.inFlight, 0);
      if (inFlight === 0) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      // Sleeps while the count is still `inFlight`; woken when it reaches zero.
      const waited = Atomics.waitAsync(this.inFlight, 0, inFlight, left);
      if (waited.async) await waited.value;
    }
  }
}

/**
 * The requests `client` sends go one at a time, each first waiting for the gate (at most
 * `maxWaitMs`). One at a time: a report reads a page's alerts in many batches at once, and had
 * they all waited for the gate together they would all go when it opened, one burst holding
 * dynalite as long as one large read.
 */
export function yieldToIntake(client: DynamoDBClient, gate: IntakeGate, maxWaitMs: number): void {
  let turn: Promise<void> = Promise.resolve();
  client.middlewareStack.add(
    (next) => async (args) => {
      const previous = turn;
      let done = () => {};
      turn = new Promise<void>((resolve) => (done = resolve));
      try {
        await previous;
        await gate.clear(maxWaitMs);
        return await next(args);
      } finally {
        done();
      }
    },
    { step: 'initialize', name: 'yieldToIntake' },
  );
}
