/**
 * The report email's links for each recipient: every alert it lists and the report's own page
 * open by a view link signed for that recipient (as alert emails do), so a manager who clicks
 * needs no API key; one recipient's refused mailbox does not keep the report from the others.
 */
import { describe, expect, it } from 'vitest';
import { sendReport } from '../../shared/app/send-report.ts';
import { verifyViewToken } from '../../shared/domain/links/view-token.ts';
import { MailError } from '../../shared/errors.ts';
import type { EmailMessage } from '../../shared/ports/mailer.ts';
import { testConfig } from '../support/config-fixtures.ts';
import { RecordingMailer } from '../support/recording-mailer.ts';
import { reportDayAlerts, REPORT_NOW } from '../support/report-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const SECRET = 'report-link-secret-0123456789abcdef';
const BASE = 'https://sla.example.test';
const RECIPIENTS = ['manager@example.test', 'sre-lead@example.test'];

async function setUp() {
  const config = testConfig({ sla: { reporting: { recipients: RECIPIENTS } }, links: { base_url: BASE } });
  const t = testDeps({ config, now: REPORT_NOW });
  for (const alert of reportDayAlerts()) await t.store.create(alert);
  return t;
}

function hrefs(message: EmailMessage): string[] {
  return [...(message.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
}

function claimsOf(url: string) {
  const token = url.split('/').pop() as string;
  const checked = verifyViewToken(token, SECRET, REPORT_NOW);
  if (!checked.ok) throw new Error(`not a valid view link: ${url}`);
  return checked.claims;
}

describe('the report email with view links', () => {
  it('sends each recipient a message whose alert and report links are view links signed for them', async () => {
    const t = await setUp();
    const mailer = new RecordingMailer();
    const outcome = await sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'daily', label: '2026-11-30' });
    expect(outcome).toMatchObject({ kind: 'sent', recipients: 2 });
    expect(mailer.sent.map((m) => m.to)).toEqual([[RECIPIENTS[0]], [RECIPIENTS[1]]]);
    for (const [i, message] of mailer.sent.entries()) {
      const links = hrefs(message);
      const alertLinks = links.filter((href) => href.startsWith(`${BASE}/view/`));
      const pageLinks = links.filter((href) => href.startsWith(`${BASE}/reports/view/`));
      // The breached alerts and the still-open ones of the fixture day are listed, each by a view link.
      expect(alertLinks.length).toBeGreaterThanOrEqual(3);
      expect(pageLinks).toHaveLength(1);
      expect(links.filter((href) => href.includes('/alerts/'))).toEqual([]);
      for (const href of alertLinks) expect(claimsOf(href)).toMatchObject({ subject: { kind: 'alert' }, recipient: RECIPIENTS[i] });
      expect(claimsOf(pageLinks[0] as string)).toMatchObject({ subject: { kind: 'report', period: 'daily/2026-11-30' }, recipient: RECIPIENTS[i] });
      // They expire like acknowledgment links.
      expect(claimsOf(pageLinks[0] as string).expiresAt).toBe(REPORT_NOW + t.deps.config.links.ttlSeconds * 1000);
      // The text alternative carries the same links.
      expect(message.text).toContain(pageLinks[0]);
      for (const href of alertLinks) expect(message.text).toContain(href);
      expect(message.html).toContain('Open this report in your browser');
    }
    // Links signed for one recipient are not the other's.
    expect(hrefs(mailer.sent[0] as EmailMessage).filter((h) => h.includes('/view/'))).not.toEqual(hrefs(mailer.sent[1] as EmailMessage).filter((h) => h.includes('/view/')));
  });

  it('lists the breached alerts in each copy, each by a view link for that recipient', async () => {
    const t = await setUp();
    const mailer = new RecordingMailer();
    await sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'daily', label: '2026-11-30' });
    const text = mailer.sent[0]?.text ?? '';
    // B missed both clocks and is resolved: it is in the breached list only, not in the backlog.
    const listed = text.slice(text.indexOf('BREACHED ALERTS'));
    expect(listed).toContain('- [high] Alert B');
    const link = /- \[high\] Alert B\n.*\n\s+(\S+)/.exec(listed)?.[1] as string;
    expect(claimsOf(link)).toMatchObject({ subject: { kind: 'alert' }, recipient: RECIPIENTS[0] });
  });

  it('without details, sends each recipient the report with no breached list', async () => {
    const config = testConfig({ sla: { reporting: { recipients: RECIPIENTS, include_details: false } }, links: { base_url: BASE } });
    const t = testDeps({ config, now: REPORT_NOW });
    for (const alert of reportDayAlerts()) await t.store.create(alert);
    const mailer = new RecordingMailer();
    expect(await sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'daily', label: '2026-11-30' })).toMatchObject({ kind: 'sent', recipients: 2 });
    expect(mailer.sent[0]?.text).not.toContain('BREACHED ALERTS');
    expect(mailer.sent[0]?.text).toContain('Alert E');
  });

  it('names the weekly report period in its page link', async () => {
    const t = await setUp();
    const mailer = new RecordingMailer();
    await sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'weekly', label: '2026-W49' });
    const page = hrefs(mailer.sent[0] as EmailMessage).find((href) => href.startsWith(`${BASE}/reports/view/`)) as string;
    expect(claimsOf(page).subject).toEqual({ kind: 'report', period: 'weekly/2026-W49' });
  });

  it('still reaches the other recipients when one mailbox is refused, and fails only when all are', async () => {
    const t = await setUp();
    const mailer = new RecordingMailer();
    mailer.failFor(RECIPIENTS[0] as string);
    const outcome = await sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'daily', label: '2026-11-30' });
    expect(outcome.kind).toBe('sent');
    expect(mailer.sent.map((m) => m.to)).toEqual([[RECIPIENTS[1]]]);
    expect(t.logger.matching('report email refused')[0]?.fields).toMatchObject({ recipient: RECIPIENTS[0] });
    mailer.failFor(RECIPIENTS[1] as string);
    await expect(sendReport(t.deps, { mailer, linkSecret: SECRET }, { interval: 'daily', label: '2026-11-30' })).rejects.toBeInstanceOf(MailError);
  });
});
