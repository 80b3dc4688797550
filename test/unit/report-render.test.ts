import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import type { PeriodReport } from '../../shared/domain/report/period-report.ts';
import { renderReportEmail } from '../../shared/report/report-email.ts';
import { renderReportHtml } from '../../shared/report/report-html.ts';
import { reportJson } from '../../shared/report/report-json.ts';
import { renderReportText } from '../../shared/report/report-text.ts';
import { composeDayReport, REPORT_DATE, REPORT_NOW, reportAlert, reportDayAlerts } from '../support/report-fixtures.ts';

const HOSTILE_TITLE = '<script>alert("x")</script> & <img src=https://evil.test/x.png onerror=steal()>\r\nBcc: victim@example.test';

function buildReport(alerts: readonly Alert[], date = REPORT_DATE, zone = 'UTC', now = REPORT_NOW): PeriodReport {
  return composeDayReport([alerts], { date, zone, now });
}

function hostileDay(): Alert[] {
  return reportDayAlerts().map((alert) =>
    alert.title === 'Alert C' ? { ...alert, title: HOSTILE_TITLE, sourceName: '<b>loud</b>\u001b[31m' } : alert,
  );
}

describe('the report email', () => {
  // Rendered before each test rather than once at collection: `npm run mutation` credits a
  // test only with the code that runs while it runs.
  let email: ReturnType<typeof renderReportEmail>;
  beforeEach(() => {
    email = renderReportEmail(buildReport(hostileDay()), ['reports@example.test']);
  });

  it('has a subject with the day, the counts and the priorities over budget', () => {
    expect(email.subject).toBe('SLA report Mon 30 Nov 2026: 6 alerts, 3 breaches, 2 open breaches, over budget: high');
    expect(email.to).toEqual(['reports@example.test']);
  });

  it('escapes untrusted titles and source names', () => {
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=https://evil.test/x.png');
    expect(email.html).toContain('&lt;b&gt;loud&lt;/b&gt;');
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>loud');
  });

  it('loads nothing from anywhere: no scripts, images, stylesheets or remote URLs but links to alerts', () => {
    // Untrusted text is escaped, so every `<` left in the HTML opens markup we wrote.
    const tags = email.html.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\/?(script|img|link|style|iframe|object|embed|form|base|meta http-equiv)\b/i);
      expect(tag).not.toMatch(/\s(src|srcset|background|on[a-z]+)=/i);
      expect(tag).not.toMatch(/url\(/i);
    }
    const urls = tags.flatMap((tag) => [...tag.matchAll(/https?:\/\/[^"' >]*/g)].map((m) => m[0]));
    expect(urls).toHaveLength(6); // the three breached alerts, and the three still open
    for (const url of urls) expect(url).toMatch(/^https:\/\/sla\.example\.test\/alerts\/a[a-z2-7]{20}$/);
  });

  it('draws a compliance bar per clock, a breach still open in red, and never 100% beside a breach', () => {
    // high acknowledgment: 3 met, 1 missed, 1 breached and still open, of 5.
    expect(email.html).toMatch(/<td width="60%" bgcolor="#15803d"[^>]*>&nbsp;<\/td><td width="20%" bgcolor="#dc2626"[^>]*>&nbsp;<\/td><td width="20%" bgcolor="#7f1d1d"/);
    expect(email.html).toContain('Acknowledged within SLA: 60% (3 met, 1 missed, 1 breached and still open)');
    expect(email.html).toContain('Over budget: 3 breaches, 2 allowed');
  });

  it('has a plain-text alternative with the same numbers, one line per untrusted title', () => {
    const text = email.text;
    expect(text).toContain('Daily SLA report: Monday 30 November 2026');
    expect(text).toContain('6 alerts opened, 3 breached, 0 resolved by source and never acknowledged.');
    expect(text).toContain('Open now: 3, of which 2 breached and 1 at risk.');
    expect(text).toContain('HIGH: Over budget: 3 breaches, 2 allowed');
    expect(text).toContain('  Acknowledged within SLA: 60% (3 met, 1 missed, 1 breached and still open)');
    expect(text).toContain('  Resolved within SLA: 33% (1 met, 1 missed, 1 breached and still open, 2 pending)');
    expect(text).toContain('  Time to acknowledge (people): median 10m, p90 45m (4 answered)');
    expect(text).toContain('  Time to acknowledge (people): median 1h 30m, p90 1h 30m (1 answered); business time median 30m, p90 30m (1 answered)');
    expect(text).toMatch(/STILL OPEN \(3, oldest first, whatever day they were opened\)\n {2}High 3 open \(2 breached, 1 at risk\)\n- \[BREACHED\] \[high\] /);
    expect(text).toContain('CRITICAL: Within budget: 0 breaches, 0 allowed');
    expect(text).toContain('MEDIUM: Within budget: 0 breaches, 3 allowed\n  No alerts opened.');
    expect(text).toContain('  Opened Mon 30 Nov 2026, 10:00 UTC; resolved. Acknowledgment missed by 15m; Resolution missed by 2h.');
    expect(text).toContain('Resolution breached, still open, 10h 30m over so far');
    expect(text).toMatch(/\n {2}https:\/\/sla\.example\.test\/alerts\/a[a-z2-7]{20}\n/);
    expect(text).toContain('  1. alertmanager-main / HighErrorRate: 2 alerts, 2 deliveries');
    expect(text).toContain('  2. alertmanager-main / DiskFull: 1 alert, 7 deliveries');
    // The title's CR/LF cannot start a line of its own, and the escape character is gone.
    expect(text).not.toMatch(/\nBcc:/);
    expect(text).toContain('- [high] <script>alert("x")</script> & <img src=https://evil.test/x.png onerror=steal()> Bcc: victim@example.test');
    expect(text).not.toContain('\u001b');
  });
});

describe('a day with more breaches than are listed', () => {
  it('lists the first 100 and says how many more there are', () => {
    const alerts = Array.from({ length: 103 }, (_, i) => reportAlert({ key: `k${i}`, createdAt: Date.parse('2026-11-30T08:00:00Z') + i * 60_000 }));
    const email = renderReportEmail(buildReport(alerts), ['reports@example.test']);
    expect(email.text).toContain('BREACHED ALERTS (103)');
    expect(email.text).toContain('And 3 more breached alerts, not listed (the most urgent and oldest are listed above).');
    expect(email.html).toContain('Breached alerts (103)');
    expect(email.html.match(/href=/g)).toHaveLength(150); // 100 breached, 50 oldest still open
  });
});

describe('the report page', () => {
  it('is a complete document with a title', () => {
    const html = renderReportHtml(buildReport(reportDayAlerts()), 'page');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">/);
    expect(html).toContain('<title>SLA report Mon 30 Nov 2026: 6 alerts, 3 breaches, 2 open breaches, over budget: high</title>');
    expect(html).toContain('href="/reports/daily/2026-11-29"'); // the previous day
    expect(html).not.toContain('sla.reporting.recipients');
  });

  it('says so when a DST change made the day 25 hours long', () => {
    const report = buildReport([], '2026-11-01', 'America/New_York', Date.parse('2026-11-02T12:00:00Z'));
    const text = renderReportText(report);
    expect(text).toContain('Sun 1 Nov 2026, 00:00 GMT-4 to Mon 2 Nov 2026, 00:00 GMT-5 (25 hours: the clocks changed) (America/New_York)');
    expect(text).toContain('0 alerts opened, 0 breached');
    expect(text).toContain('No alerts were opened in this period.');
  });
});

describe('the report as JSON', () => {
  it('has ISO instants and durations in seconds', () => {
    const json = reportJson(buildReport(reportDayAlerts()));
    expect(json).toMatchObject({ interval: 'daily', period: '2026-11-30', date: '2026-11-30', timezone: 'UTC', from: '2026-11-30T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', generatedAt: '2026-12-01T02:30:00.000Z' });
    const high = json.priorities.find((p) => p.priority === 'high');
    expect(high?.mtta.wall).toEqual({ count: 4, medianSeconds: 600, p90Seconds: 2700 });
    expect(json.breachedAlerts?.[0]?.clocks[0]).toEqual({ clock: 'acknowledgment', outcome: 'missed', deadlineAt: '2026-11-30T10:30:00.000Z', overrunSeconds: 900 });
  });

  it('says when nothing was answered instead of inventing a zero', () => {
    const json = reportJson(buildReport([reportAlert({ key: 'open', createdAt: Date.parse('2026-11-30T12:00:00Z') })]));
    const high = json.priorities.find((p) => p.priority === 'high');
    expect(high?.mttr).toEqual({ wall: null, business: null });
    // Never answered and past both deadlines: 0% compliance, not "n/a" and not 100%.
    expect(high?.resolution).toMatchObject({ breached_open: 1, compliance: 0 });
    expect(high?.mtta).toEqual({ wall: null, business: null });
  });
});
