/**
 * What people do on an alert before anyone acknowledges it (an escalation of their own, a
 * status update) must not silence what the system still owes: the escalation at the
 * acknowledgment breach, the reminders. And an update on an unacknowledged alert does not
 * start the "an update is due" nudge, which only an acknowledged alert has.
 */
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../../shared/app/record-response.ts';
import type { ResponseType } from '../../shared/domain/alert/response.ts';
import { HOUR_MS, MINUTE_MS, toIso } from '../../shared/domain/instant.ts';
import { FIXTURE_CREATED_AT as C } from '../support/alert-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';
import { reload } from '../app/stored-alert.ts';
import { arrive, timerDriver } from './drivers.ts';

// Fixture policy from C, around the clock: reminders +10, +20 min; acknowledgment at risk +24,
// due +30 min; resolution at risk +3 h 12 min, due +4 h; an update due 1 h after the last.
const min = (n: number) => C + n * MINUTE_MS;

const respond = (t: TestDeps, alertId: string, type: ResponseType, by: string) =>
  recordResponse(t.deps, { alertId, type, by, note: `${type} by ${by}`, via: 'api' });

function received(t: TestDeps): string[] {
  return t.sender.notifications().map((s) => `${s.notification.kind} ${toIso(s.notification.dueAt).slice(11, 16)}`);
}

describe('responses before anyone acknowledges', () => {
  it('a person escalating and posting an update early does not stop the system escalating at the breach', async () => {
    const t = testDeps({ now: C });
    const driver = timerDriver(t);
    const alert = await arrive(t);
    await driver.runUntil(min(5));
    await respond(t, alert.id, 'escalation', 'dana');
    await driver.runUntil(min(8));
    await respond(t, alert.id, 'update', 'dana');
    await driver.runUntil(min(31));

    expect(received(t)).toEqual(['new-alert 12:00', 'reminder 12:10', 'reminder 12:20', 'acknowledgment-at-risk 12:24', 'acknowledgment-breach 12:30']);
    const responses = (await reload(t, alert.id)).responses.map((r) => `${r.type} by ${r.by} via ${r.via} at ${toIso(r.at).slice(11, 16)}`);
    expect(responses).toEqual(['escalation by dana via api at 12:05', 'update by dana via api at 12:08', 'escalation by sla-watch via system at 12:30']);
    // The breach email shows the system's escalation.
    expect(t.sender.ofKind('acknowledgment-breach')[0]?.alert.responses.at(-1)).toMatchObject({ type: 'escalation', via: 'system' });
    expect(driver.failures).toEqual([]);
  });

  it('an update on an unacknowledged alert arms no "update due" nudge, while reminders go on', async () => {
    const t = testDeps({ now: C });
    const driver = timerDriver(t);
    const alert = await arrive(t);
    await driver.runUntil(min(5));
    await respond(t, alert.id, 'update', 'dana');
    // An update-due would fall at 13:05, an hour after the update.
    await driver.runUntil(C + 2 * HOUR_MS);

    expect(received(t)).toEqual(['new-alert 12:00', 'reminder 12:10', 'reminder 12:20', 'acknowledgment-at-risk 12:24', 'acknowledgment-breach 12:30']);
    expect(t.timers.pending().map((p) => toIso(p.at).slice(11, 16))).toEqual(['15:12']);
    expect(driver.failures).toEqual([]);
  });
});
