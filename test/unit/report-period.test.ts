import { describe, expect, it } from 'vitest';
import { isPeriodLabel, lastCompletePeriodLabel, nextPeriodLabel, periodLabelOf, periodProblem, previousPeriod, reportPeriod } from '../../shared/domain/report/report-period.ts';
import { nextReportAt } from '../../shared/domain/schedule/next-report-at.ts';

const iso = (at: number) => new Date(at).toISOString();

describe('report periods', () => {
  it('runs an ISO week from Monday in the zone, a DST week 169 hours long', () => {
    const week = reportPeriod('weekly', '2026-W44', 'America/New_York');
    expect(week.dates).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect([iso(week.fromAt), iso(week.toAt)]).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect((week.toAt - week.fromAt) / 3_600_000).toBe(169);
  });

  it('knows the first ISO week of a year starts in the previous December, and months their lengths', () => {
    expect(reportPeriod('weekly', '2026-W01', 'UTC').dates[0]).toBe('2025-12-29');
    expect(reportPeriod('monthly', '2028-02', 'UTC').dates).toHaveLength(29);
    expect(previousPeriod(reportPeriod('monthly', '2027-01', 'UTC')).label).toBe('2026-12');
    expect(previousPeriod(reportPeriod('weekly', '2027-W01', 'UTC')).label).toBe('2026-W53');
  });

  it('names what is wrong with a label: malformed, not existing, or in the future there', () => {
    const now = Date.parse('2026-12-01T02:00:00Z'); // still 30 November in New York
    expect(periodProblem('daily', 'date', '2026-12-01', now, 'America/New_York')).toBe('date: 2026-12-01 is in the future (today is 2026-11-30 in America/New_York)');
    expect(periodProblem('daily', 'date', '2026-11-30', now, 'America/New_York')).toBeNull();
    expect(periodProblem('weekly', 'week', '2026-W53', now, 'UTC')).toBe('week: 2026-W53 is in the future (today is 2026-12-01 in UTC)');
    expect(periodProblem('weekly', 'week', '2025-W53', now, 'UTC')).toBe('week: "2025-W53" is not an existing YYYY-Www (an ISO week), e.g. 2026-W49');
    expect(periodProblem('monthly', 'month', '2026-1', now, 'UTC')).toBe('month: "2026-1" is not an existing YYYY-MM, e.g. 2026-12');
    expect(periodProblem('daily', 'date', '2026-02-30', now, 'UTC')).toBe('date: "2026-02-30" is not an existing YYYY-MM-DD, e.g. 2026-11-30');
    expect(lastCompletePeriodLabel('weekly', now, 'UTC')).toBe('2026-W48');
    expect(lastCompletePeriodLabel('monthly', now, 'UTC')).toBe('2026-11');
  });

  it.each([
    ['weekly', '2026-49'],
    ['weekly', '12026-W49'],
    ['weekly', '2026-W490'],
    ['monthly', '12026-11'],
    ['monthly', '2026-110'],
  ] as const)('refuses the %s label %j, malformed or with something around a valid one', (interval, label) => {
    expect(() => reportPeriod(interval, label, 'UTC')).toThrow(`"${label}" is not an existing`);
  });

  it('tells an existing period label from one that is not, and names the period holding a date', () => {
    expect(isPeriodLabel('weekly', '2026-W53')).toBe(true);
    expect(isPeriodLabel('weekly', '2025-W53')).toBe(false);
    expect(isPeriodLabel('monthly', '2026-13')).toBe(false);
    expect(periodLabelOf('weekly', '2027-01-01')).toBe('2026-W53');
    expect(periodLabelOf('monthly', '2027-01-01')).toBe('2027-01');
    expect(periodLabelOf('daily', '2027-01-01')).toBe('2027-01-01');
    expect(nextPeriodLabel(reportPeriod('weekly', '2026-W53', 'UTC'))).toBe('2027-W01');
    expect(nextPeriodLabel(reportPeriod('monthly', '2026-12', 'UTC'))).toBe('2027-01');
    expect(() => lastCompletePeriodLabel('weekly', Date.parse('2026-12-01T02:00:00Z'), 'Mars/Olympus')).toThrow('Invalid time zone "Mars/Olympus"');
  });

  it('mails the weekly report on Mondays and the monthly on the 1st, at the local time', () => {
    const after = Date.parse('2026-11-25T12:00:00Z'); // a Wednesday
    expect(iso(nextReportAt('weekly', '08:00', 'Europe/Paris', after))).toBe('2026-11-30T07:00:00.000Z');
    expect(iso(nextReportAt('monthly', '08:00', 'Europe/Paris', after))).toBe('2026-12-01T07:00:00.000Z');
    expect(iso(nextReportAt('daily', '08:00', 'Europe/Paris', after))).toBe('2026-11-26T07:00:00.000Z');
  });
});
