import { describe, expect, it } from 'vitest';
import { buildDailyReport } from '../../shared/app/build-report.ts';
import { sendDailyReport } from '../../shared/app/send-report.ts';
import { MailError } from '../../shared/errors.ts';
import type { EmailMessage, Mailer } from '../../shared/ports/mailer.ts';
import { testConfig } from '../support/config-fixtures.ts';
import { reportAlert, reportDayAlerts, REPORT_NOW } from '../support/report-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

class RecordingMailer implements Mailer {
  readonly sent: EmailMessage[] = [];
  failWith: Error | null = null;

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    if (this.failWith !== null) throw this.failWith;
    this.sent.push(message);
    return { messageId: `msg-${this.sent.length}` };
  }
}

async function depsWith(alerts: readonly Parameters<typeof reportAlert>[0][], options: { zone?: string; now?: string } = {}) {
  const config = testConfig({ sla: { reporting: { recipients: ['reports@example.test', 'sre@example.test'], timezone: options.zone ?? 'UTC' } } });
  const t = testDeps({ config, now: options.now ?? REPORT_NOW });
  for (const alert of alerts) await t.store.create(reportAlert(alert));
  return t;
}

describe('buildDailyReport', () => {
  it('counts only the alerts created on the local day of the reporting zone', async () => {
    // New York: 30 November runs from 05:00Z to 05:00Z the next day.
    const t = await depsWith(
      [
        { key: 'previous-day', createdAt: Date.parse('2026-11-30T04:59:59.999Z') },
        { key: 'first', createdAt: Date.parse('2026-11-30T05:00:00.000Z') },
        { key: 'utc-next-day', createdAt: Date.parse('2026-12-01T03:00:00.000Z') },
        { key: 'next-day', createdAt: Date.parse('2026-12-01T05:00:00.000Z') },
      ],
      { zone: 'America/New_York', now: '2026-12-02T12:00:00Z' },
    );
    const report = await buildDailyReport(t.deps, { date: '2026-11-30' });
    expect(report.totals.opened).toBe(2);
    // Never answered, all are breached by now: the list shows exactly which were counted.
    expect(report.breachedAlerts?.map((a) => a.title)).toEqual(['Alert first', 'Alert utc-next-day']);
    expect(report).toMatchObject({
      label: '2026-11-30',
      timezone: 'America/New_York',
      fromAt: Date.parse('2026-11-30T05:00:00Z'),
      toAt: Date.parse('2026-12-01T05:00:00Z'),
      generatedAt: Date.parse('2026-12-02T12:00:00Z'),
    });
  });

  it('counts an alert at the edge of each part of the day it reads concurrently exactly once', async () => {
    const edges = ['00:00:00.000', '05:59:59.999', '06:00:00.000', '11:59:59.999', '12:00:00.000', '18:00:00.000', '23:59:59.999'];
    const t = await depsWith(edges.map((time) => ({ key: time, createdAt: Date.parse(`2026-11-30T${time}Z`) })), { now: '2026-12-02T00:00:00Z' });
    const report = await buildDailyReport(t.deps, { date: '2026-11-30' });
    expect(report.totals.opened).toBe(edges.length);
    expect(report.breachedAlerts?.map((a) => a.title)).toEqual(edges.map((time) => `Alert ${time}`));
  });

  it('reads a day larger than one store page in full', async () => {
    const t = await depsWith(
      Array.from({ length: 1201 }, (_, i) => ({ key: `k${i}`, createdAt: Date.parse('2026-11-30T10:00:00Z') + i * 1000 })),
    );
    const report = await buildDailyReport(t.deps, { date: '2026-11-30' });
    expect(report.totals.opened).toBe(1201);
    // Never answered, past the deadline at the clock's now: every one breached and still open.
    expect(report.priorities.find((p) => p.priority === 'high')?.acknowledgment.breached_open).toBe(1201);
  });

  it('reports yesterday in the reporting zone by default', async () => {
    // 04:30Z on 1 December is still 30 November in New York: yesterday there is the 29th.
    const t = await depsWith([{ key: 'on-29th', createdAt: Date.parse('2026-11-29T15:00:00Z') }], { zone: 'America/New_York', now: '2026-12-01T04:30:00Z' });
    const report = await buildDailyReport(t.deps);
    expect(report.label).toBe('2026-11-29');
    expect(report.totals.opened).toBe(1);
  });

  it('refuses a date that does not exist, naming the field', async () => {
    const t = await depsWith([]);
    await expect(buildDailyReport(t.deps, { date: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_request',
      details: [expect.stringMatching(/^date: /)],
    });
  });

  it('takes the budget of a priority without alerts from the configuration', async () => {
    const config = testConfig({ sla: { definitions: { low: { allowed_breaches: 7 } } } });
    const t = testDeps({ config, now: REPORT_NOW });
    const report = await buildDailyReport(t.deps, { date: '2026-11-30' });
    expect(report.priorities.find((p) => p.priority === 'low')).toMatchObject({ opened: 0, allowedBreaches: 7 });
  });
});

describe('sendDailyReport', () => {
  it('mails the report to the reporting recipients, HTML with a text alternative', async () => {
    const t = testDeps({ config: testConfig({ sla: { reporting: { recipients: ['reports@example.test'] } } }), now: REPORT_NOW });
    for (const alert of reportDayAlerts()) await t.store.create(alert);
    const mailer = new RecordingMailer();
    const outcome = await sendDailyReport(t.deps, { mailer }, { date: '2026-11-30' });
    expect(outcome).toMatchObject({ kind: 'sent', messageId: 'msg-1', recipients: 1 });
    expect(mailer.sent).toHaveLength(1);
    const [message] = mailer.sent;
    expect(message?.to).toEqual(['reports@example.test']);
    expect(message?.subject).toBe('SLA report Mon 30 Nov 2026: 6 alerts, 3 breaches, 2 open breaches, over budget: high');
    expect(message?.html).toContain('Acknowledged within SLA: 60%');
    expect(message?.text).toContain('Open now: 3, of which 2 breached and 1 at risk.');
    expect(t.logger.matching('report sent')[0]?.fields).toMatchObject({ interval: 'daily', period: '2026-11-30', alerts: 6, breaches: 3 });
  });

  it('sends nothing and says why when there are no recipients', async () => {
    const t = testDeps({ config: testConfig({ sla: { reporting: { recipients: [] } } }), now: REPORT_NOW });
    const mailer = new RecordingMailer();
    expect(await sendDailyReport(t.deps, { mailer })).toEqual({ kind: 'no_recipients' });
    expect(mailer.sent).toHaveLength(0);
    expect(t.logger.at('warn')[0]?.message).toMatch(/recipients is empty/);
  });

  it('lets a refused email fail the run, so the schedule retries it', async () => {
    const t = testDeps({ now: REPORT_NOW });
    const mailer = new RecordingMailer();
    mailer.failWith = new MailError('SES refused');
    await expect(sendDailyReport(t.deps, { mailer })).rejects.toBeInstanceOf(MailError);
  });
});
