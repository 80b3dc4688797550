/**
 * The business windows a timeline shades between two instants, so that "why is the deadline
 * on Monday?" answers itself.
 */
import { describe, expect, it } from 'vitest';
import { businessWindows } from '../../shared/domain/calendar/business-windows.ts';
import { toIso } from '../../shared/domain/instant.ts';
import { at, calendar, weekly } from './calendar-fixtures.ts';

const lunchBreak = calendar('lunch break', 'UTC', weekly(['09:00-12:00', '13:00-17:00']));
const shaded = (fromIso: string, toIso_: string, maxDays?: number) =>
  businessWindows(lunchBreak, at(fromIso), at(toIso_), maxDays).map(([start, end]) => `${toIso(start)} - ${toIso(end)}`);

describe('businessWindows', () => {
  it('shades Friday afternoon and Monday morning across a weekend, up to the instant asked', () => {
    // 2026-12-04 is a Friday. The morning window closed before 12:30; the span ends at Monday's 13:00 opening.
    expect(shaded('2026-12-04T12:30:00Z', '2026-12-07T13:00:00Z')).toEqual([
      '2026-12-04T13:00:00.000Z - 2026-12-04T17:00:00.000Z',
      '2026-12-07T09:00:00.000Z - 2026-12-07T12:00:00.000Z',
    ]);
  });

  it('cuts a window at both ends of a span inside it', () => {
    expect(shaded('2026-12-04T14:00:00Z', '2026-12-04T15:30:00Z')).toEqual(['2026-12-04T14:00:00.000Z - 2026-12-04T15:30:00.000Z']);
  });

  it('walks at most the days it is allowed', () => {
    // From Monday 2026-11-30, two days of the two-week span.
    expect(shaded('2026-11-30T00:00:00Z', '2026-12-14T00:00:00Z', 2)).toEqual([
      '2026-11-30T09:00:00.000Z - 2026-11-30T12:00:00.000Z',
      '2026-11-30T13:00:00.000Z - 2026-11-30T17:00:00.000Z',
      '2026-12-01T09:00:00.000Z - 2026-12-01T12:00:00.000Z',
      '2026-12-01T13:00:00.000Z - 2026-12-01T17:00:00.000Z',
    ]);
  });

  it('shades nothing over a weekend', () => {
    expect(shaded('2026-12-05T00:00:00Z', '2026-12-07T00:00:00Z')).toEqual([]);
  });
});
