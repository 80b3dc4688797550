/**
 * The open alert view and the day counters against the one evaluation every report, page and
 * metric uses (`evaluateAlertSla`): for open alerts answered by nobody, by a person (in time,
 * late), closed by the source (in time, late), on the office calendar and around the clock,
 * the view's clock states equal the evaluation's at every minute of two days; and an alert's
 * counters, added write by write, equal what it adds counted at once.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { Response } from '../../shared/domain/alert/response.ts';
import { counterDelta, priorityCounts, settledCounters, sumCounters } from '../../shared/domain/metrics/day-counts.ts';
import { decodeOpenAlertView, encodeOpenAlertView, openAlertView, openClockStates } from '../../shared/domain/metrics/open-alert-view.ts';
import { evaluateAlertSla } from '../../shared/domain/sla/alert-sla.ts';
import { CRITICAL_OFFICE_POLICY, reportAlert } from '../support/report-fixtures.ts';

const CREATED_AT = Date.parse('2026-11-30T16:50:00Z'); // a Monday, 10 minutes before the office closes
const MINUTE = 60_000;

function response(type: Response['type'], at: number, actor: 'person' | 'source'): Response {
  return { id: `r-${type}-${at}`, type, by: actor === 'person' ? 'alice' : 'alertmanager', note: null, at, via: actor === 'person' ? 'api' : 'webhook', actor };
}

function openAlerts(): Alert[] {
  const alerts: Alert[] = [];
  for (const policy of [undefined, CRITICAL_OFFICE_POLICY]) {
    const base = reportAlert({ key: `none-${policy?.priority ?? 'high'}`, createdAt: CREATED_AT, ...(policy === undefined ? {} : { policy }) });
    alerts.push(base);
    for (const [name, afterMinutes, actor] of [
      ['person-soon', 2, 'person'],
      ['person-late', 24 * 60, 'person'],
      ['source-soon', 2, 'source'],
      ['source-late', 24 * 60, 'source'],
    ] as const) {
      const at = CREATED_AT + afterMinutes * MINUTE;
      alerts.push({
        ...base,
        id: `${base.id}-${name}`,
        status: 'acknowledged',
        acknowledgedAt: at,
        acknowledgedBy: actor === 'person' ? 'alice' : 'alertmanager',
        responses: [response('acknowledgment', at, actor)],
      });
    }
  }
  return alerts;
}

describe('the open alert view', () => {
  it("says what evaluateAlertSla says of every running and answered clock, minute by minute", () => {
    for (const alert of openAlerts()) {
      const view = openAlertView(alert);
      expect(view).not.toBeNull();
      const decoded = decodeOpenAlertView(alert.id, encodeOpenAlertView(view!));
      expect(decoded).toEqual(view);
      for (let now = CREATED_AT; now < CREATED_AT + 2 * 24 * 60 * MINUTE; now += 7 * MINUTE) {
        const evaluation = evaluateAlertSla(alert, now);
        expect(openClockStates(decoded, now), `${alert.id} at ${new Date(now).toISOString()}`).toEqual({
          acknowledgment: evaluation.acknowledgment.state,
          resolution: evaluation.resolution.state,
        });
      }
    }
  });

  it('is absent once the alert is resolved, and refuses text that is not one', () => {
    const resolved = reportAlert({ key: 'done', createdAt: CREATED_AT, resolvedAt: CREATED_AT + MINUTE });
    expect(openAlertView(resolved)).toBeNull();
    expect(() => decodeOpenAlertView('x', '["urgent","open",1,2,3,4,5,null,null]')).toThrow(TypeError);
    expect(() => decodeOpenAlertView('x', '{"priority":"high"}')).toThrow(TypeError);
  });
});

describe('day counters of one alert', () => {
  it('added write by write equal the alert counted at once, and move a source-closed clock to met when a person answers', () => {
    const created = reportAlert({ key: 'life', createdAt: CREATED_AT });
    const sourceAcknowledged: Alert = { ...created, version: 2, status: 'acknowledged', acknowledgedAt: CREATED_AT + MINUTE, responses: [response('acknowledgment', CREATED_AT + MINUTE, 'source')] };
    const personAcknowledged: Alert = { ...sourceAcknowledged, version: 3, responses: [...sourceAcknowledged.responses, response('acknowledgment', CREATED_AT + 2 * MINUTE, 'person')] };
    const resolved: Alert = { ...personAcknowledged, version: 4, status: 'resolved', resolvedAt: CREATED_AT + 90 * MINUTE, responses: [...personAcknowledged.responses, response('resolution', CREATED_AT + 90 * MINUTE, 'person')] };

    const steps = [counterDelta(null, created), counterDelta(created, sourceAcknowledged), counterDelta(sourceAcknowledged, personAcknowledged), counterDelta(personAcknowledged, resolved)];
    const nonZero = (counters: Record<string, number>) => Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
    expect(nonZero(sumCounters(steps))).toEqual(nonZero(settledCounters(resolved)));
    expect(priorityCounts(steps[1] ?? {}).high.settled.acknowledgment).toEqual({ met: 0, missed: 0, closed_by_source: 1 });
    const final = priorityCounts(sumCounters(steps)).high;
    expect(final.settled.acknowledgment).toEqual({ met: 1, missed: 0, closed_by_source: 0 });
    expect(final.responseTimes.acknowledgment).toMatchObject({ count: 1, sum: 120 });
    // A write that changes nothing counted (a reminder claimed, say) adds nothing.
    expect(counterDelta(resolved, { ...resolved, version: 5 })).toEqual({});
  });
});
