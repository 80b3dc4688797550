/**
 * A day's tally counts report views made under its own `group_by`: a view made under another
 * setting would put its alert in the wrong team's row (or in none), so it is refused, naming
 * both settings, rather than counted.
 */
import { describe, expect, it } from 'vitest';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import { reportPeriod } from '../../shared/domain/report/report-period.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';
import { reportAlert } from '../support/report-fixtures.ts';

function tallyGroupedBy(groupBy: string | null): DayTally {
  const { fromAt, toAt } = reportPeriod('daily', '2026-11-30', 'UTC');
  return new DayTally({ date: '2026-11-30', timezone: 'UTC', fromAt, toAt, now: Date.parse('2026-12-01T06:00:00Z'), linkBaseUrl: 'https://sla.example.test', groupBy });
}

describe('report views of another group_by', () => {
  const alert = () => reportAlert({ key: 'grouped', createdAt: Date.parse('2026-11-30T09:00:00Z'), patch: { labels: { alertname: 'x', team: 'db' } } });

  it('are refused, naming how the view and the day are grouped', () => {
    const view = alert();
    expect(() => tallyGroupedBy('team').add([reportViewOf(view, null)])).toThrow(new TypeError(`report view of ${view.id} is grouped by nothing, the day by team`));
    expect(() => tallyGroupedBy(null).add([reportViewOf(view, 'team')])).toThrow(new TypeError(`report view of ${view.id} is grouped by team, the day by nothing`));
  });

  it('are counted when made under the same setting', () => {
    const tally = tallyGroupedBy('team');
    tally.add([reportViewOf(alert(), 'team')]);
    expect(tally.rollup().groups.map((g) => [g.group, g.alerts])).toEqual([['db', 1]]);
  });
});
