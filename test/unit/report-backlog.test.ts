/**
 * The report's backlog: what is still open when the report is made, each alert marked
 * breached, at risk or on track, listed oldest first however the store's index pages arrive.
 */
import { describe, expect, it } from 'vitest';
import { reportAlert, composeDayReport, REPORT_NOW } from '../support/report-fixtures.ts';

// The report is made at 2026-12-01T02:30Z. `high`, around the clock: acknowledgment at risk
// after 24 min, due after 30 min; resolution at risk after 3 h 12 min, due after 4 h.
const at = (iso: string) => Date.parse(iso);

describe('the backlog of the daily report', () => {
  it("marks an alert whose acknowledgment is at risk, one on track, and leaves out one stored after the report's instant", () => {
    const report = composeDayReport([
      [
        reportAlert({ key: 'answered', createdAt: at('2026-12-01T02:00:00Z'), acknowledgedAt: at('2026-12-01T02:05:00Z') }),
        // Unanswered for 25 min: past the at-risk instant (02:29), before the deadline (02:35).
        reportAlert({ key: 'waiting', createdAt: at('2026-12-01T02:05:00Z') }),
        reportAlert({ key: 'at the report instant', createdAt: REPORT_NOW }),
        reportAlert({ key: 'after the report', createdAt: REPORT_NOW + 1 }),
      ],
    ]);
    expect(report.backlog.items.map((i) => [i.title, i.state])).toEqual([
      ['Alert answered', 'on_track'],
      ['Alert waiting', 'at_risk'],
      ['Alert at the report instant', 'on_track'],
    ]);
    expect(report.backlog.total).toEqual({ open: 3, breached: 0, atRisk: 1 });
  });

  it('lists the oldest first when the index pages arrive newest first, alerts of one instant by id', () => {
    const same = at('2026-11-30T22:00:00Z');
    const twins = [reportAlert({ key: 'twin-1', createdAt: same }), reportAlert({ key: 'twin-2', createdAt: same })].sort((a, b) => a.id.localeCompare(b.id));
    const report = composeDayReport([
      [reportAlert({ key: 'newest', createdAt: at('2026-12-01T01:00:00Z') })],
      [...twins].reverse(),
      [reportAlert({ key: 'oldest', createdAt: at('2026-11-30T20:00:00Z') })],
    ]);
    expect(report.backlog.items.map((i) => i.title)).toEqual(['Alert oldest', ...twins.map((a) => a.title), 'Alert newest']);
  });
});
