import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../shared/errors.ts';
import { parseIntake } from '../../shared/intake/parse-intake.ts';
import { amAlert, amGroup, kumaNotice } from '../support/payload-fixtures.ts';

const CONTEXT = { generatedDedupKey: 'generated-key' };

function startedAt(startsAt: string): number | null {
  return parseIntake('alertmanager', amGroup([amAlert({ startsAt })]), CONTEXT)[0]?.sourceStartedAt ?? null;
}

function refusal(body: unknown, format: 'alertmanager' | 'uptime-kuma'): readonly string[] {
  try {
    parseIntake(format, body, CONTEXT);
  } catch (error) {
    if (error instanceof UnprocessableError) return error.details;
    throw error;
  }
  throw new Error('expected the webhook to be refused with a 422');
}

describe('webhook timestamps at the edges of their ranges', () => {
  it.each([
    ['New Year’s Eve, last second', '2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['a December afternoon', '2026-12-15T14:30:00Z', Date.UTC(2026, 11, 15, 14, 30)],
    ['New Year’s Day, first second', '2027-01-01T00:00:00Z', Date.UTC(2027, 0, 1)],
    ['the first of a month at 23:59', '2026-06-01T23:59:00+00:00', Date.UTC(2026, 5, 1, 23, 59)],
    ['a fraction of one digit is tenths', '2026-12-31T23:59:59.5Z', Date.UTC(2026, 11, 31, 23, 59, 59, 500)],
    ['29 February of a leap year', '2028-02-29T12:00:00Z', Date.UTC(2028, 1, 29, 12)],
  ])('an Alertmanager alert started on %s is accepted', (_, startsAt, at) => {
    expect(startedAt(startsAt)).toBe(at);
  });

  it('an Uptime Kuma heartbeat at 23:59:59 on 31 December is accepted', () => {
    const [event] = parseIntake('uptime-kuma', kumaNotice({ time: '2026-12-31 23:59:59.999' }), CONTEXT);
    expect(event?.sourceStartedAt).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
  });

  it.each([
    ['month 13', '2026-13-01T00:00:00Z'],
    ['month 0', '2026-00-10T00:00:00Z'],
    ['day 0', '2026-12-00T00:00:00Z'],
    ['31 November', '2026-11-31T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T12:00:00Z'],
    ['hour 24', '2026-12-31T24:00:00Z'],
    ['minute 60', '2026-12-31T23:60:00Z'],
    ['second 60', '2026-12-31T23:59:60Z'],
  ])('a timestamp with %s is refused with a 422 naming the field', (_, startsAt) => {
    expect(refusal(amGroup([amAlert({ startsAt })]), 'alertmanager')).toEqual(['alerts[0].startsAt: must be a timestamp such as 2026-03-02T09:00:00Z']);
  });

  it('an Uptime Kuma time of second 60 is refused with a 422 naming the field', () => {
    expect(refusal(kumaNotice({ time: '2026-12-31 23:59:60' }), 'uptime-kuma')).toEqual(['heartbeat.time: must be a UTC time such as 2024-09-24 23:51:35.527']);
  });
});
