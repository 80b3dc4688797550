import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { ReportAccumulator } from '../../shared/domain/report/report-accumulator.ts';
import { reportDay } from '../../shared/domain/report/report-day.ts';
import { REPORT_DATE, REPORT_NOW, reportAlert } from '../support/report-fixtures.ts';

const DAY_START = Date.parse(`${REPORT_DATE}T00:00:00Z`);

describe('the daily report of a busy day', () => {
  it('gives the median and 90th percentile of all 200 acknowledgment times, not of the first few', () => {
    // Alert i (1..200) is acknowledged after i minutes; they arrive in a scrambled order, in pages.
    const order = Array.from({ length: 200 }, (_, i) => ((i * 37) % 200) + 1);
    const alerts = order.map((n) =>
      reportAlert({ key: `busy-${n}`, createdAt: DAY_START + n * 60_000, acknowledgedAt: DAY_START + n * 60_000 + n * MINUTE_MS }),
    );
    const accumulator = new ReportAccumulator({
      day: reportDay(REPORT_DATE, 'UTC'),
      now: REPORT_NOW,
      includeDetails: false,
      linkBaseUrl: 'https://sla.example.test',
      allowedBreaches: { critical: 0, high: 2, medium: 3, low: 5 },
    });
    for (let page = 0; page < alerts.length; page += 50) accumulator.add(alerts.slice(page, page + 50));
    const high = accumulator.finish().priorities.find((p) => p.priority === 'high');
    // Nearest rank: the 100th and 180th of 200 sorted values.
    expect(high?.mtta.wall).toEqual({ count: 200, medianMs: 100 * MINUTE_MS, p90Ms: 180 * MINUTE_MS });
    expect(high?.opened).toBe(200);
  });
});
