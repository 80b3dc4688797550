import { describe, expect, it } from 'vitest';
import { toIso } from '../../shared/domain/instant.ts';
import { slaTimeline, updateDueAt } from '../../shared/domain/sla/sla-timeline.ts';
import { at, policy } from './calendar-fixtures.ts';

const isoTimeline = (timeline: ReturnType<typeof slaTimeline>) => ({
  acknowledgment: { atRiskAt: toIso(timeline.acknowledgment.atRiskAt), deadlineAt: toIso(timeline.acknowledgment.deadlineAt) },
  resolution: { atRiskAt: toIso(timeline.resolution.atRiskAt), deadlineAt: toIso(timeline.resolution.deadlineAt) },
  reminderAts: timeline.reminderAts.map(toIso),
});

// 2026-11-27 is a Friday; the default calendar is UTC Monday to Friday 09:00-17:00.
const fridayAt1600 = at('2026-11-27T16:00:00Z');

describe('slaTimeline', () => {
  it('puts a high alert from Friday 16:00 at risk at 80% and due on Monday', () => {
    expect(isoTimeline(slaTimeline(policy(), fridayAt1600))).toEqual({
      // 80% of 30 min is 24 min; 80% of 4 h is 3 h 12 min: 1 h on Friday, 2 h 12 min on Monday.
      acknowledgment: { atRiskAt: '2026-11-27T16:24:00.000Z', deadlineAt: '2026-11-27T16:30:00.000Z' },
      resolution: { atRiskAt: '2026-11-30T11:12:00.000Z', deadlineAt: '2026-11-30T12:00:00.000Z' },
      reminderAts: ['2026-11-27T16:15:00.000Z', '2026-11-27T16:30:00.000Z', '2026-11-27T16:45:00.000Z'],
    });
  });

  it('counts around the clock when the policy has no calendar', () => {
    expect(isoTimeline(slaTimeline(policy({ calendar: null }), fridayAt1600))).toEqual({
      acknowledgment: { atRiskAt: '2026-11-27T16:24:00.000Z', deadlineAt: '2026-11-27T16:30:00.000Z' },
      resolution: { atRiskAt: '2026-11-27T19:12:00.000Z', deadlineAt: '2026-11-27T20:00:00.000Z' },
      reminderAts: ['2026-11-27T16:15:00.000Z', '2026-11-27T16:30:00.000Z', '2026-11-27T16:45:00.000Z'],
    });
  });

  it('a low alert is due after 24 business hours, on Wednesday', () => {
    const timeline = slaTimeline(policy({ priority: 'low', acknowledgmentSeconds: 14_400, resolutionSeconds: 86_400 }), fridayAt1600);
    expect(toIso(timeline.resolution.deadlineAt)).toBe('2026-12-02T16:00:00.000Z');
    // 80% of 24 h is 19 h 12 min: 1 h Friday, 8 h Monday, 8 h Tuesday, 2 h 12 min Wednesday.
    expect(toIso(timeline.resolution.atRiskAt)).toBe('2026-12-02T11:12:00.000Z');
  });

  it('spaces reminders in business time across the weekend, one exactly at the Friday close', () => {
    const reminders = { enabled: true, firstAfterSeconds: 1800, intervalSeconds: 1800, max: 5, channels: ['email'] as const };
    expect(slaTimeline(policy({ reminders }), fridayAt1600).reminderAts.map(toIso)).toEqual([
      '2026-11-27T16:30:00.000Z',
      '2026-11-27T17:00:00.000Z',
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T10:30:00.000Z',
    ]);
  });

  it('starts the reminders at Monday opening for an alert created on Saturday', () => {
    const reminders = { enabled: true, firstAfterSeconds: 900, intervalSeconds: 3600, max: 2, channels: ['slack'] as const };
    expect(slaTimeline(policy({ reminders }), at('2026-11-28T10:00:00Z')).reminderAts.map(toIso)).toEqual([
      '2026-11-30T09:15:00.000Z',
      '2026-11-30T10:15:00.000Z',
    ]);
  });

  it.each([
    { name: 'disabled', reminders: { enabled: false, firstAfterSeconds: 900, intervalSeconds: 900, max: 3, channels: [] } },
    { name: 'a maximum of zero', reminders: { enabled: true, firstAfterSeconds: 900, intervalSeconds: 900, max: 0, channels: [] } },
  ])('has no reminders when reminders are $name', ({ reminders }) => {
    expect(slaTimeline(policy({ reminders }), fridayAt1600).reminderAts).toEqual([]);
  });

  it('sends one reminder when the interval is zero rather than stacking them on one instant', () => {
    const reminders = { enabled: true, firstAfterSeconds: 600, intervalSeconds: 0, max: 4, channels: [] };
    expect(slaTimeline(policy({ reminders }), fridayAt1600).reminderAts.map(toIso)).toEqual(['2026-11-27T16:10:00.000Z']);
  });

  it('rounds the at-risk allowance to the millisecond', () => {
    const timeline = slaTimeline(policy({ calendar: null, acknowledgmentSeconds: 1, warningThreshold: 1 / 3 }), fridayAt1600);
    expect(timeline.acknowledgment.atRiskAt - fridayAt1600).toBe(333);
  });

  it('gives the same timeline for the same policy and instant', () => {
    const p = policy();
    expect(slaTimeline(JSON.parse(JSON.stringify(p)), fridayAt1600)).toEqual(slaTimeline(p, fridayAt1600));
  });
});

describe('updateDueAt', () => {
  it.each([
    { name: 'within the day', calendar: undefined, last: '2026-11-27T10:00:00Z', due: '2026-11-27T11:00:00.000Z' },
    { name: 'past the Friday close, on Monday', calendar: undefined, last: '2026-11-27T16:30:00Z', due: '2026-11-30T09:30:00.000Z' },
    { name: 'exactly at the close', calendar: undefined, last: '2026-11-27T16:00:00Z', due: '2026-11-27T17:00:00.000Z' },
    { name: 'around the clock', calendar: null, last: '2026-11-27T16:30:00Z', due: '2026-11-27T17:30:00.000Z' },
  ])('an hour of updates: $name', ({ calendar, last, due }) => {
    const p = calendar === null ? policy({ calendar: null }) : policy();
    expect(toIso(updateDueAt(p, at(last)))).toBe(due);
  });
});
