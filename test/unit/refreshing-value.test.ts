import { describe, expect, it } from 'vitest';
import { RefreshingValue } from '../../functions/runtime/refreshing-value.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { MemoryLogger } from '../support/memory-logger.ts';

function setup() {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const logger = new MemoryLogger();
  const stored = { text: 'v2', fail: false, reads: 0 };
  const value = new RefreshingValue(
    {
      load: async () => {
        stored.reads += 1;
        if (stored.fail) throw new Error('Secrets Manager unreachable');
        return stored.text;
      },
      maxAgeMs: 300_000,
      clock,
      logger,
      what: 'secret',
    },
    'v1',
  );
  return { clock, logger, stored, value };
}

describe('a secret kept with a cache interval', () => {
  it('is read again only once the interval has passed, then the new value is used', async () => {
    const { clock, stored, value } = setup();
    expect(await value.get()).toBe('v1');
    clock.set('2026-03-02T09:04:59Z');
    expect(await value.get()).toBe('v1');
    expect(stored.reads).toBe(0);
    clock.set('2026-03-02T09:05:00Z');
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual(['v2', 'v2', 'v2']);
    expect(stored.reads).toBe(1);
  });

  it('keeps the last value when a read fails, says so, and tries again one interval later', async () => {
    const { clock, logger, stored, value } = setup();
    stored.fail = true;
    clock.set('2026-03-02T09:06:00Z');
    expect(await value.get()).toBe('v1');
    expect(logger.entries.map((e) => [e.level, e.message])).toEqual([['warn', 'secret not refreshed: keeping the value read before']]);
    stored.fail = false;
    expect(await value.get()).toBe('v1');
    expect(stored.reads).toBe(1);
    clock.set('2026-03-02T09:11:00Z');
    expect(await value.get()).toBe('v2');
  });
});
