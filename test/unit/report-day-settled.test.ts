/**
 * A day's rollup is marked final (kept and reused by every later weekly or monthly report
 * without reading the day again) only once nothing in it can change: the day is over and
 * every alert created in it was resolved by the report's instant. Marked final too early, a
 * later resolution would never reach the week's figures.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import { reportPeriod } from '../../shared/domain/report/report-period.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';
import { reportAlert } from '../support/report-fixtures.ts';

const day = () => reportPeriod('daily', '2026-11-30', 'UTC');
const at = (iso: string) => Date.parse(iso);

function finalAt(now: number, alerts: readonly Alert[]): boolean {
  const { fromAt, toAt } = day();
  const tally = new DayTally({ date: '2026-11-30', timezone: 'UTC', fromAt, toAt, now, linkBaseUrl: 'https://sla.example.test', groupBy: null });
  tally.add(alerts.map((alert) => reportViewOf(alert, null)));
  return tally.rollup().final;
}

const resolvedAt = (iso: string) => reportAlert({ key: `resolved ${iso}`, createdAt: at('2026-11-30T09:00:00Z'), acknowledgedAt: at('2026-11-30T09:05:00Z'), resolvedAt: at(iso) });
const NEXT_MORNING = at('2026-12-01T06:00:00Z');

describe('a day settled for good', () => {
  it('is final once over with every alert resolved, up to a resolution at the report instant itself', () => {
    expect(finalAt(NEXT_MORNING, [resolvedAt('2026-11-30T10:00:00Z')])).toBe(true);
    expect(finalAt(NEXT_MORNING, [resolvedAt('2026-12-01T06:00:00Z')])).toBe(true);
  });

  it('is final from the very end of the day, not before', () => {
    const endOfDay = at('2026-12-01T00:00:00Z');
    expect(finalAt(endOfDay, [resolvedAt('2026-11-30T10:00:00Z')])).toBe(true);
    expect(finalAt(endOfDay - 1, [resolvedAt('2026-11-30T10:00:00Z')])).toBe(false);
  });

  it('is not final while an alert is open, or resolved only after the report instant', () => {
    expect(finalAt(NEXT_MORNING, [resolvedAt('2026-11-30T10:00:00Z'), reportAlert({ key: 'open', createdAt: at('2026-11-30T11:00:00Z') })])).toBe(false);
    expect(finalAt(NEXT_MORNING, [resolvedAt('2026-12-01T06:00:01Z')])).toBe(false);
  });
});
