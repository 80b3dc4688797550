import { describe, expect, it } from 'vitest';
import { MAX_RESPONSES, type Alert } from '../../shared/domain/alert/alert.ts';
import { applyResponse, type ResponseInput, type ResponseOutcome } from '../../shared/domain/alert/apply-response.ts';
import { NO_NOTIFICATIONS } from '../../shared/domain/alert/notification-marks.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { planTimer } from '../../shared/domain/timers/plan-timer.ts';
import { ConflictError, UnprocessableError } from '../../shared/errors.ts';
import { FIXTURE_CREATED_AT as C, makeAlert } from '../support/alert-fixtures.ts';

const min = (n: number) => C + n * MINUTE_MS;
const input = (patch: Partial<ResponseInput> = {}): ResponseInput => ({ type: 'acknowledgment', by: 'dana', note: null, via: 'api', ...patch });

/** An open alert whose new-alert notification went out, stored with its planned timer (first reminder). */
function openAlert(patch: Partial<Alert> = {}): Alert {
  const alert = makeAlert({ notified: { ...NO_NOTIFICATIONS, newAlertAt: C }, generation: 1, ...patch });
  return { ...alert, timer: planTimer(alert) };
}

function recorded(outcome: ResponseOutcome): { alert: Alert; response: Response } {
  if (outcome.kind !== 'recorded') throw new Error(`expected recorded, got ${outcome.kind}`);
  return outcome;
}

describe('applyResponse', () => {
  it('the first acknowledgment stops the acknowledgment clock and starts the update clock', () => {
    const alert = openAlert();
    const { alert: after, response } = recorded(applyResponse(alert, input({ note: 'looking' }), min(5)));
    expect(response).toEqual({ id: `${alert.id}_1`, type: 'acknowledgment', by: 'dana', note: 'looking', at: min(5), via: 'api', actor: 'person' });
    expect(after).toMatchObject({ status: 'acknowledged', acknowledgedAt: min(5), acknowledgedBy: 'dana', lastUpdateAt: min(5), version: alert.version + 1 });
    // Reminders stop: the next timer is the update due an hour later, under a new generation.
    expect(after.timer).toMatchObject({ dueAt: min(65), kind: 'reminder', generation: 2 });
  });

  it('a second acknowledgment through the API is recorded but the first one stays the acknowledgment', () => {
    const first = recorded(applyResponse(openAlert(), input(), min(5))).alert;
    const { alert: after, response } = recorded(applyResponse(first, input({ by: 'sam' }), min(7)));
    expect(response.id).toBe(`${first.id}_2`);
    expect(after).toMatchObject({ acknowledgedAt: min(5), acknowledgedBy: 'dana', lastUpdateAt: min(7) });
  });

  it('acknowledging again through the email link changes nothing and says who acknowledged first', () => {
    const first = recorded(applyResponse(openAlert(), input(), min(5))).alert;
    const again = applyResponse(first, input({ by: 'sam', via: 'link' }), min(9));
    expect(again).toEqual({ kind: 'already', alert: first });
    expect(again.alert.acknowledgedBy).toBe('dana');
    expect(again.alert.acknowledgedAt).toBe(min(5));
  });

  it('each update moves the next update-due', () => {
    const acked = recorded(applyResponse(openAlert(), input(), min(5))).alert;
    const updated = recorded(applyResponse(acked, input({ type: 'update', note: 'rolled back' }), min(40))).alert;
    expect(updated.lastUpdateAt).toBe(min(40));
    expect(updated.timer?.dueAt).toBe(min(100));
  });

  it('a resolution of an unacknowledged alert stops both clocks, by the resolver', () => {
    const { alert: after } = recorded(applyResponse(openAlert(), input({ type: 'resolution', by: 'lee' }), min(12)));
    expect(after).toMatchObject({ status: 'resolved', acknowledgedAt: min(12), acknowledgedBy: 'lee', resolvedAt: min(12), resolvedBy: 'lee' });
    // Only the resolved notification remains: due at once.
    expect(after.timer).toMatchObject({ dueAt: min(12), kind: 'reminder' });
  });

  it('a resolution keeps the earlier acknowledgment', () => {
    const acked = recorded(applyResponse(openAlert(), input(), min(5))).alert;
    const { alert: after } = recorded(applyResponse(acked, input({ type: 'resolution', by: 'lee' }), min(50)));
    expect(after).toMatchObject({ acknowledgedAt: min(5), acknowledgedBy: 'dana', resolvedAt: min(50), resolvedBy: 'lee' });
  });

  it('refuses anything through the API after the resolution (409)', () => {
    const resolved = recorded(applyResponse(openAlert(), input({ type: 'resolution' }), min(12))).alert;
    for (const type of ['acknowledgment', 'update', 'resolution', 'escalation'] as const) {
      expect(() => applyResponse(resolved, input({ type }), min(13))).toThrow(ConflictError);
    }
  });

  it('a repeated resolution from the source or the link is harmless', () => {
    const resolved = recorded(applyResponse(openAlert(), input({ type: 'resolution' }), min(12))).alert;
    expect(applyResponse(resolved, input({ type: 'resolution', via: 'webhook' }), min(13)).kind).toBe('already');
    expect(applyResponse(resolved, input({ type: 'acknowledgment', via: 'link' }), min(13)).kind).toBe('already');
  });

  it(`refuses the ${MAX_RESPONSES + 1}st response`, () => {
    const responses: Response[] = Array.from({ length: MAX_RESPONSES }, (_, i) => ({ id: `x_${i + 1}`, type: 'update', by: 'bot', note: null, at: min(1), via: 'api' }));
    expect(() => applyResponse(openAlert({ responses }), input({ type: 'update' }), min(2))).toThrow('response limit reached');
  });

  it('lists every problem with the input at once (422)', () => {
    let thrown: unknown;
    try {
      applyResponse(openAlert(), input({ by: '  ', note: 'x'.repeat(1001) }), min(2));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnprocessableError);
    expect((thrown as UnprocessableError).details).toEqual(['by: required, 1 to 200 characters', 'note: at most 1000 characters']);
    expect(() => applyResponse(openAlert(), input({ by: 'x'.repeat(201) }), min(2))).toThrow(UnprocessableError);
  });

  it('an escalation by a person is recorded without moving any clock or the timer', () => {
    const alert = openAlert();
    const { alert: after } = recorded(applyResponse(alert, input({ type: 'escalation', note: 'paging the DBA' }), min(3)));
    expect(after).toMatchObject({ status: 'open', acknowledgedAt: null, lastUpdateAt: null, generation: alert.generation, timer: alert.timer });
  });

  it('trims the responder and stores an empty note as none', () => {
    const { response } = recorded(applyResponse(openAlert(), input({ by: '  dana  ', note: '   ' }), min(3)));
    expect(response).toMatchObject({ by: 'dana', note: null });
  });
});
