import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { DayTally } from '../../shared/domain/report/day-tally.ts';
import { reportDay } from '../../shared/domain/report/report-day.ts';
import { REPORT_DATE, REPORT_NOW, reportAlert } from '../support/report-fixtures.ts';
import { reportViewOf } from '../../shared/domain/report/report-view.ts';

const DAY_START = Date.parse(`${REPORT_DATE}T00:00:00Z`);

describe('the daily report of a busy day', () => {
  it('gives the median and 90th percentile of all 200 acknowledgment times, not of the first few', () => {
    // Alert i (1..200) is acknowledged after i minutes; they arrive in a scrambled order, in pages.
    const order = Array.from({ length: 200 }, (_, i) => ((i * 37) % 200) + 1);
    const alerts = order.map((n) =>
      reportAlert({ key: `busy-${n}`, createdAt: DAY_START + n * 60_000, acknowledgedAt: DAY_START + n * 60_000 + n * MINUTE_MS }),
    );
    const day = reportDay(REPORT_DATE, 'UTC');
    const tally = new DayTally({ date: REPORT_DATE, timezone: 'UTC', fromAt: day.fromAt, toAt: day.toAt, now: REPORT_NOW, linkBaseUrl: 'https://sla.example.test', groupBy: null });
    for (let page = 0; page < alerts.length; page += 50) tally.add(alerts.slice(page, page + 50).map((alert) => reportViewOf(alert, null)));
    // Nearest rank: the 100th and 180th of 200 sorted values.
    expect(tally.exactTimes().priorities.high.mtta.wall).toEqual({ count: 200, medianMs: 100 * MINUTE_MS, p90Ms: 180 * MINUTE_MS });
    expect(tally.rollup().priorities.high.opened).toBe(200);
  });
});
