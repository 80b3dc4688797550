/**
 * Intake first on one machine (infra/local/intake-gate.ts): a report's store request waits
 * while a webhook is being handled, goes as soon as none is, and never waits longer than its
 * bound, so a report still finishes under a steady stream of webhooks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IntakeGate } from '../../infra/local/intake-gate.ts';

/** A webhook being handled until `answer()` is called. */
function handling(gate: IntakeGate): { answer: () => void; done: Promise<void> } {
  let answer = () => {};
  const done = gate.around(() => new Promise<void>((resolve) => (answer = resolve)));
  return { answer: () => answer(), done };
}

describe('the intake gate', () => {
  it('lets a report read at once when no webhook is being handled', async () => {
    // The test's own timeout (far below 60 s) fails it if the read waited for its bound.
    await new IntakeGate().clear(60_000);
  });

  it('holds a report read while webhooks are handled, and lets it go when the last is answered', async () => {
    const gate = new IntakeGate();
    const first = handling(gate);
    const second = handling(gate);
    let read = false;
    const waiting = gate.clear(60_000).then(() => (read = true));
    first.answer();
    await first.done;
    await sleep(20);
    expect(read).toBe(false);
    second.answer();
    await second.done;
    await waiting;
    expect(read).toBe(true);
  });

  it('lets a report read after its bound under a steady stream of webhooks', async () => {
    const gate = new IntakeGate();
    const steady = handling(gate);
    await gate.clear(30);
    steady.answer();
    await steady.done;
  });

  it('counts a webhook whose handling failed as answered', async () => {
    const gate = new IntakeGate();
    await expect(gate.around(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await gate.clear(60_000);
  });

  it('is seen the same through its shared memory, as the report thread holds it', async () => {
    const gate = new IntakeGate();
    const steady = handling(gate);
    const other = new IntakeGate(gate.shared);
    let read = false;
    const waiting = other.clear(60_000).then(() => (read = true));
    await sleep(20);
    expect(read).toBe(false);
    steady.answer();
    await waiting;
  });
});
