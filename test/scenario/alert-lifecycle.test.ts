/**
 * One alert's life over hours (and a weekend) on a manual clock, with the real use cases, an
 * in-memory store and recorded timers. Every scenario runs under each way of being driven:
 * timers delivered on time; timers delivered three times and 20 s late; the sweeper alone
 * every check interval; timers and the sweeper racing. Each must produce the same
 * notifications, each once, at most the driver's lateness after it fell due.
 */
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../../shared/app/record-response.ts';
import type { ResponseType } from '../../shared/domain/alert/response.ts';
import { MINUTE_MS, toIso, type Instant } from '../../shared/domain/instant.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';
import { reload } from '../app/stored-alert.ts';
import { arrive, sweepDriver, timerDriver, timersAndSweeperDriver, type Driver } from './drivers.ts';

const SWEEP_OFFSET_MS = 17_000;

interface DriverCase {
  readonly name: string;
  readonly maxLateMs: number;
  make(t: TestDeps): Driver;
}

function driverCases(checkIntervalMs: number): DriverCase[] {
  return [
    { name: 'timers on time', maxLateMs: 0, make: (t) => timerDriver(t) },
    { name: 'timers delivered three times, 20 s late', maxLateMs: 20_000, make: (t) => timerDriver(t, { copies: 3, latencyMs: 20_000 }) },
    { name: 'the sweeper alone', maxLateMs: checkIntervalMs, make: (t) => sweepDriver(t, t.clock.now() + SWEEP_OFFSET_MS, checkIntervalMs) },
    {
      name: 'timers (twice, 20 s late) racing the sweeper',
      maxLateMs: 20_000,
      make: (t) => timersAndSweeperDriver(t, { copies: 2, latencyMs: 20_000 }, t.clock.now() + SWEEP_OFFSET_MS, checkIntervalMs),
    },
  ];
}

/** What people received: kind (reminder number) and the instant that made it due, in order,
 * each notification once; no recipient got any delivery twice. */
function received(t: TestDeps): string[] {
  expect(t.sender.duplicates()).toEqual([]);
  return t.sender.notifications().map((s) => `${s.notification.kind}${s.notification.reminderNumber === undefined ? '' : `#${s.notification.reminderNumber}`} ${toIso(s.notification.dueAt)}`);
}

function expectOnTime(t: TestDeps, maxLateMs: number): void {
  for (const s of t.sender.sent) {
    expect(s.at - s.notification.dueAt, `${s.notification.kind} lateness`).toBeGreaterThanOrEqual(0);
    expect(s.at - s.notification.dueAt, `${s.notification.kind} lateness`).toBeLessThanOrEqual(maxLateMs);
  }
}

const respond = (t: TestDeps, alertId: string, type: ResponseType, by: string) => recordResponse(t.deps, { alertId, type, by, note: null, via: 'api' });
const iso = (at: Instant) => toIso(at);
const min = (n: number) => C + n * MINUTE_MS;
const CHECK_INTERVAL_MS = 60_000;

// The fixture policy (high, around the clock): reminders at +10 and +20 min (max 2),
// acknowledgment at risk at +24 min and due at +30 min, resolution at risk at +3 h 12 min and
// due at +4 h, an update due 1 h after the acknowledgment and after each update.
/** Everything an alert nobody answers is told, in order, on time. */
const UNANSWERED = [
  `new-alert ${iso(C)}`,
  `reminder#1 ${iso(min(10))}`,
  `reminder#2 ${iso(min(20))}`,
  `acknowledgment-at-risk ${iso(min(24))}`,
  `acknowledgment-breach ${iso(min(30))}`,
  `resolution-at-risk ${iso(min(192))}`,
  `resolution-breach ${iso(min(240))}`,
];

describe.each(driverCases(CHECK_INTERVAL_MS))('an alert nobody answers, driven by $name', (driver) => {
  it('is announced, reminded twice, warned about, breached with an escalation, and nothing more', async () => {
    const t = testDeps({ now: C });
    const run = driver.make(t);
    const alert = await arrive(t);
    await run.runUntil(min(10 * 60));

    expect(received(t)).toEqual(UNANSWERED);
    expectOnTime(t, driver.maxLateMs);
    expect(run.failures).toEqual([]);
    const stored = await reload(t, alert.id);
    expect(stored.responses).toEqual([expect.objectContaining({ type: 'escalation', by: 'sla-watch', via: 'system' })]);
    expect(stored.responses[0]?.at).toBe(t.sender.ofKind('acknowledgment-breach')[0]?.at);
    expect(stored.timer).toBeNull();
  });
});

describe.each(driverCases(CHECK_INTERVAL_MS))('an alert that is answered, driven by $name', (driver) => {
  it('stops reminding once acknowledged, asks for updates, and goes quiet once resolved', async () => {
    const t = testDeps({ now: C });
    const run = driver.make(t);
    const alert = await arrive(t);
    await run.runUntil(min(15));
    await respond(t, alert.id, 'acknowledgment', 'dana');
    await run.runUntil(min(90));
    await respond(t, alert.id, 'update', 'dana');
    await run.runUntil(min(210));
    await respond(t, alert.id, 'resolution', 'lee');
    await run.runUntil(min(12 * 60));

    expect(received(t)).toEqual([
      `new-alert ${iso(C)}`,
      `reminder#1 ${iso(min(10))}`,
      // Acknowledged at +15: no second reminder, no acknowledgment at-risk or breach.
      `update-due ${iso(min(75))}`,
      // The update at +90 moved the next one.
      `update-due ${iso(min(150))}`,
      `resolution-at-risk ${iso(min(192))}`,
      `resolved ${iso(min(210))}`,
    ]);
    expectOnTime(t, driver.maxLateMs);
    expect(run.failures).toEqual([]);
    expect(t.sender.ofKind('resolved')[0]?.at).toBe(min(210));
    expect((await reload(t, alert.id)).timer).toBeNull();
    // Nothing is left to fire later. (Driven by the sweeper alone, timers are never delivered:
    // those past their instant stay in the recording, as a scheduler would fire them stale.)
    expect(t.timers.pending().filter((timer) => timer.at > min(12 * 60))).toEqual([]);
  });
});

// The configured `high` policy on the default calendar (UTC, Mon-Fri 09:00-17:00): reminders
// 15 min in then every 10 min (max 3), acknowledgment in 30 min, resolution in 4 h.
describe.each(driverCases(CHECK_INTERVAL_MS))('an alert on Friday at 16:50 on business hours, driven by $name', (driver) => {
  it('is announced at once, then stays quiet over the weekend until the clocks run on Monday', async () => {
    const fridayAt1650 = Date.parse('2026-11-27T16:50:00Z');
    const t = testDeps({ now: fridayAt1650 });
    const run = driver.make(t);
    const alert = await arrive(t, { sla: t.deps.config.policies.high, priority: 'high' });
    await run.runUntil(Date.parse('2026-11-30T18:00:00Z'));

    expect(received(t)).toEqual([
      'new-alert 2026-11-27T16:50:00.000Z',
      // 10 business minutes on Friday, the rest from Monday 09:00.
      'reminder#1 2026-11-30T09:05:00.000Z',
      'acknowledgment-at-risk 2026-11-30T09:14:00.000Z',
      'reminder#2 2026-11-30T09:15:00.000Z',
      'acknowledgment-breach 2026-11-30T09:20:00.000Z',
      'reminder#3 2026-11-30T09:25:00.000Z',
      'resolution-at-risk 2026-11-30T12:02:00.000Z',
      'resolution-breach 2026-11-30T12:50:00.000Z',
    ]);
    expectOnTime(t, driver.maxLateMs);
    expect(run.failures).toEqual([]);
    expect((await reload(t, alert.id)).responses.map((r) => r.type)).toEqual(['escalation']);
  });
});

describe('an email outage at the acknowledgment deadline, timers racing the sweeper', () => {
  it('retries the breach email with backoff until email is back, then sends it once with one escalation', async () => {
    const t = testDeps({ now: C });
    const run = timersAndSweeperDriver(t, { copies: 2, latencyMs: 20_000 }, C + SWEEP_OFFSET_MS, CHECK_INTERVAL_MS);
    // Email refuses everything from +29 to +33 min.
    t.sender.beforeSend = () => {
      if (t.clock.now() >= min(29) && t.clock.now() < min(33)) t.sender.failEmail(1);
    };
    const alert = await arrive(t);
    await run.runUntil(min(6 * 60));

    expect(received(t)).toEqual(UNANSWERED);
    // Slack had it at once; the email went on the first sender pass after the outage.
    const breach = t.sender.sent.filter((s) => s.notification.kind === 'acknowledgment-breach');
    expect(breach.find((s) => s.delivery.channel === 'slack')?.at).toBeLessThanOrEqual(min(30) + 20_000);
    expect(breach.find((s) => s.delivery.recipient === 'oncall-high@example.test')?.at).toBe(min(33) + SWEEP_OFFSET_MS);
    expect(t.sender.refused.length).toBeGreaterThanOrEqual(4);
    expect(run.failures).toEqual([]);
    const record = (await reload(t, alert.id)).outbox?.find((d) => d.notification.kind === 'acknowledgment-breach' && d.recipient === 'oncall-high@example.test');
    expect(record).toMatchObject({ state: 'sent', lastError: 'SES Throttling: Maximum sending rate exceeded' });
    expect(record?.attempts).toBeGreaterThan(1);
    expect((await reload(t, alert.id)).responses.filter((r) => r.type === 'escalation')).toHaveLength(1);
  });
});
