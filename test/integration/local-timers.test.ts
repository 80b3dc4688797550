import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalTimers } from '../../shared/adapters/local-timers/local-timers.ts';
import { TimerLoop, type TimerLoopOptions } from '../../shared/adapters/local-timers/timer-loop.ts';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { TimersUnavailableError } from '../../shared/errors.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { TimerPayload, TimerRequest } from '../../shared/ports/timers.ts';
import { countingClient } from '../support/command-counter.ts';
import { startDynalite, type Dynalite } from '../support/dynalite.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { MemoryLogger } from '../support/memory-logger.ts';
import { waitFor } from '../support/wait-for.ts';

const T0 = Date.parse('2026-11-30T12:00:00.000Z');

let dynalite: Dynalite;
let tableName: string;
let timers: LocalTimers;
let logger: MemoryLogger;
const loops: TimerLoop[] = [];

beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite.stop();
});
beforeEach(async () => {
  tableName = await dynalite.createTable();
  timers = new LocalTimers({ client: dynalite.client, tableName });
  logger = new MemoryLogger();
});
afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

function request(name: string, at: number, generation = 1): TimerRequest {
  return { name, at, payload: { alertId: name.split('.')[0] ?? name, kind: 'breach', generation, dueAt: new Date(at).toISOString() } };
}

function loop(clock: Clock, deliver: TimerLoopOptions['deliver'], options: Partial<TimerLoopOptions> = {}): TimerLoop {
  const made = new TimerLoop({ client: dynalite.client, tableName, clock, logger, deliver, tickMs: 20, ...options });
  loops.push(made);
  return made;
}

describe('LocalTimers with TimerLoop', () => {
  it('fires a timer within a second of its instant, once', async () => {
    const delivered: { payload: TimerPayload; at: number }[] = [];
    const at = Date.now() + 300;
    await timers.schedule(request('a1.breach.1', at));
    loop(systemClock, async (payload) => void delivered.push({ payload, at: Date.now() })).start();

    await waitFor('the timer to fire', async () => delivered[0], 3_000, 10);
    expect(delivered[0]?.payload).toEqual(request('a1.breach.1', at).payload);
    expect(delivered[0]?.at).toBeGreaterThanOrEqual(at);
    expect(delivered[0]?.at).toBeLessThanOrEqual(at + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(delivered).toHaveLength(1);
  });

  it('does not fire before the instant', async () => {
    const clock = new ManualClock(T0);
    const delivered: TimerPayload[] = [];
    await timers.schedule(request('a1.breach.1', T0 + MINUTE_MS));
    const timerLoop = loop(clock, async (payload) => void delivered.push(payload));
    expect(await timerLoop.tick()).toEqual({ delivered: 0, failed: 0 });
    clock.set(T0 + MINUTE_MS - 1);
    await timerLoop.tick();
    expect(delivered).toEqual([]);
    clock.set(T0 + MINUTE_MS);
    expect(await timerLoop.tick()).toEqual({ delivered: 1, failed: 0 });
  });

  it('fires, at the next start, a timer that fell due while the stack was down', async () => {
    const clock = new ManualClock(T0);
    await timers.schedule(request('a1.at-risk.2', T0 + MINUTE_MS));
    const before = loop(clock, async () => {
      throw new Error('nothing should be delivered before the instant');
    });
    await before.tick();
    await before.stop();

    clock.set(T0 + 3 * 60 * MINUTE_MS);
    const delivered: TimerPayload[] = [];
    const after = loop(clock, async (payload) => void delivered.push(payload));
    after.start();
    await waitFor('the overdue timer to fire', async () => delivered[0], 3_000, 10);
    expect(delivered.map((p) => p.alertId)).toEqual(['a1']);
  });

  it('keeps a timer whose delivery failed and delivers it again (at least once)', async () => {
    const clock = new ManualClock(T0);
    const attempts: TimerPayload[] = [];
    await timers.schedule(request('a1.breach.1', T0));
    const timerLoop = loop(clock, async (payload) => {
      attempts.push(payload);
      if (attempts.length === 1) throw new Error('SES refused');
    });
    expect(await timerLoop.tick()).toEqual({ delivered: 0, failed: 1 });
    expect(logger.at('warn')[0]).toMatchObject({ fields: { timer: 'a1.breach.1', alertId: 'a1', attempt: 1, error: 'Error: SES refused' } });
    expect(await timerLoop.tick()).toEqual({ delivered: 1, failed: 0 });
    expect(await timerLoop.tick()).toEqual({ delivered: 0, failed: 0 });
    expect(attempts).toHaveLength(2);
  });

  it('backs off a delivery that keeps failing instead of retrying it every tick, and never gives up', async () => {
    const clock = new ManualClock(T0);
    let attempts = 0;
    await timers.schedule(request('a1.breach.1', T0));
    const timerLoop = loop(clock, async () => {
      attempts += 1;
      throw new Error('handler down');
    });
    const perTick: number[] = [];
    for (let i = 0; i < 16; i += 1) {
      const before = attempts;
      await timerLoop.tick();
      perTick.push(attempts - before);
    }
    // Retries on ticks 1, 2, 4, 8 and 16: doubling pauses.
    expect(perTick.flatMap((n, i) => (n > 0 ? [i + 1] : []))).toEqual([1, 2, 4, 8, 16]);
  });

  it('does not fire a cancelled timer, and cancelling a missing one succeeds', async () => {
    const clock = new ManualClock(T0 + MINUTE_MS);
    const delivered: TimerPayload[] = [];
    await timers.schedule(request('a1.breach.1', T0));
    await timers.schedule(request('a2.breach.1', T0));
    await timers.cancel('a1.breach.1');
    await timers.cancel('never-armed.breach.1');
    await loop(clock, async (payload) => void delivered.push(payload)).tick();
    expect(delivered.map((p) => p.alertId)).toEqual(['a2']);
  });

  it('keeps the first arm of a name: arming it again changes nothing', async () => {
    const clock = new ManualClock(T0 + 2 * MINUTE_MS);
    const delivered: TimerPayload[] = [];
    await timers.schedule(request('a1.reminder.1', T0, 1));
    await timers.schedule({ ...request('a1.reminder.1', T0 + MINUTE_MS, 9) });
    await loop(clock, async (payload) => void delivered.push(payload)).tick();
    expect(delivered).toEqual([request('a1.reminder.1', T0, 1).payload]);
  });

  it('never runs two ticks at once, and stop() waits for the delivery in flight', async () => {
    const clock = new ManualClock(T0);
    let inFlight = 0;
    let maxInFlight = 0;
    let finished = 0;
    await timers.schedule(request('a1.breach.1', T0));
    const timerLoop = loop(clock, async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight -= 1;
      finished += 1;
    });
    timerLoop.start();
    const manual = [timerLoop.tick(), timerLoop.tick()];
    await waitFor('the delivery to start', async () => (inFlight > 0 ? true : undefined), 3_000, 5);
    await timerLoop.stop();
    expect(finished).toBe(1);
    await Promise.all(manual);
    expect(maxInFlight).toBe(1);
    expect(finished).toBe(1);
  });

  it('logs a tick that cannot read the table and keeps ticking', async () => {
    const broken = new TimerLoop({ client: dynalite.client, tableName: 'no-such-table', clock: new ManualClock(T0), logger, deliver: async () => undefined, tickMs: 10 });
    loops.push(broken);
    broken.start();
    await waitFor('two failed ticks', async () => (logger.at('error').length >= 2 ? true : undefined), 3_000, 10);
    expect(logger.at('error')[0]?.message).toMatch(/tick failed/);
    await expect(broken.tick()).rejects.toMatchObject({ name: 'StoreUnavailableError', cause: { name: 'ResourceNotFoundException' } });
  });

  it('reports a table it cannot reach as timers unavailable', async () => {
    const missing = new LocalTimers({ client: dynalite.client, tableName: 'no-such-table' });
    await expect(missing.schedule(request('a1.breach.1', T0))).rejects.toBeInstanceOf(TimersUnavailableError);
    await expect(missing.cancel('a1.breach.1')).rejects.toBeInstanceOf(TimersUnavailableError);
  });
});

describe('LocalTimers over index shards', () => {
  it('fires timers from 16 shards in the order one shard gives: by instant, then by name', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => request(`a${i}.breach.1`, T0 - (i % 7) * MINUTE_MS));
    const order = async (indexShards: number): Promise<string[]> => {
      const table = await dynalite.createTable(indexShards);
      const sharded = new LocalTimers({ client: dynalite.client, tableName: table, indexShards });
      await Promise.all(requests.map((r) => sharded.schedule(r)));
      const delivered: string[] = [];
      const made = new TimerLoop({ client: dynalite.client, tableName: table, indexShards, clock: new ManualClock(T0), logger, batchSize: 1, deliver: async (p) => void delivered.push(`${p.dueAt} ${p.alertId}`) });
      expect(await made.tick()).toEqual({ delivered: 40, failed: 0 });
      return delivered;
    };
    const one = await order(1);
    expect(one).toEqual([...one].sort());
    expect(await order(16)).toEqual(one);
  });
});

describe('LocalTimers arms and cancels made together', () => {
  it('are written in BatchWriteItem calls of up to 25 after one existence check, and every timer fires', async () => {
    const counting = countingClient(dynalite.endpoint);
    const batched = new LocalTimers({ client: counting.client, tableName });
    const names = Array.from({ length: 60 }, (_, i) => `a${i}.breach.1`);
    await Promise.all(names.map((name) => batched.schedule(request(name, T0))));

    expect(counting.batchSizes('BatchGetItem')).toEqual([60]);
    expect(counting.batchSizes('BatchWriteItem').sort((a, b) => b - a)).toEqual([25, 25, 10]);
    const delivered: string[] = [];
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload.alertId)).tick();
    expect(delivered.sort()).toEqual(names.map((name) => name.split('.')[0]).sort());
  });

  it('keep the first of two arms of one name', async () => {
    const delivered: TimerPayload[] = [];
    await Promise.all([timers.schedule(request('a1.reminder.1', T0, 1)), timers.schedule(request('a1.reminder.1', T0, 9))]);
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload)).tick();
    expect(delivered).toEqual([request('a1.reminder.1', T0, 1).payload]);
  });

  it('take effect in the order asked: arm then cancel leaves nothing, cancel then arm leaves the timer', async () => {
    const delivered: string[] = [];
    await Promise.all([timers.schedule(request('gone.breach.1', T0)), timers.cancel('gone.breach.1')]);
    await Promise.all([timers.cancel('kept.breach.1'), timers.schedule(request('kept.breach.1', T0))]);
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload.alertId)).tick();
    expect(delivered).toEqual(['kept']);
  });

  it('take effect in the order asked even when more are asked at once than one batch holds', async () => {
    const delivered: string[] = [];
    // 99 others, then the arm and the cancel of x: the two land in different batches of 100.
    const others = Array.from({ length: 99 }, (_, i) => timers.schedule(request(`other${i}.breach.1`, T0)));
    await Promise.all([...others, timers.schedule(request('x.breach.1', T0)), timers.cancel('x.breach.1')]);
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload.alertId)).tick();
    expect(delivered).toHaveLength(99);
    expect(delivered).not.toContain('x');
  });

  it('take effect in the order asked when a cancel comes while the arm is being written', async () => {
    const delivered: string[] = [];
    const armed = timers.schedule(request('x.breach.1', T0));
    // The arm's batch goes out after this round of I/O; the cancel is asked while it is written.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([armed, timers.cancel('x.breach.1')]);
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload.alertId)).tick();
    expect(delivered).toEqual([]);
  });

  it('re-arm a name that was armed before when it is cancelled and armed again together', async () => {
    const delivered: TimerPayload[] = [];
    await timers.schedule(request('a1.reminder.1', T0, 1));
    await Promise.all([timers.cancel('a1.reminder.1'), timers.schedule(request('a1.reminder.1', T0, 9))]);
    await loop(new ManualClock(T0), async (payload) => void delivered.push(payload)).tick();
    expect(delivered).toEqual([request('a1.reminder.1', T0, 9).payload]);
  });

  it('fail together as timers unavailable when the batch cannot be written', async () => {
    const missing = new LocalTimers({ client: dynalite.client, tableName: 'no-such-table' });
    const settled = await Promise.allSettled([missing.schedule(request('a1.breach.1', T0)), missing.cancel('a2.breach.1')]);
    for (const s of settled) expect(s.status === 'rejected' ? s.reason : s).toBeInstanceOf(TimersUnavailableError);
  });
});
