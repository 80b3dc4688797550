import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { actionLinks } from '../../shared/domain/links/action-links.ts';
import { verifyLinkToken } from '../../shared/domain/links/link-token.ts';
import { NOTIFICATION_KINDS, type Notification, type NotificationKind } from '../../shared/domain/notifications/notification.ts';
import { renderNotificationEmail } from '../../shared/notify/templates/render-email.ts';
import { FIXTURE_CREATED_AT, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';
import { testConfig } from '../support/config-fixtures.ts';

const SECRET = 'email-link-secret-0123456789abcdef';
const RECIPIENT = 'oncall-high@example.test';
const config = testConfig();
const NOW = FIXTURE_CREATED_AT + 20 * MINUTE_MS;

function render(kind: NotificationKind, alert: Alert = makeAlert(), now = NOW, extra: Partial<Notification> = {}) {
  const links = actionLinks(
    { alertId: alert.id, status: alert.status, recipient: RECIPIENT, baseUrl: config.links.baseUrl, ttlSeconds: config.links.ttlSeconds, now },
    SECRET,
  );
  return renderNotificationEmail({ kind, alertId: alert.id, dueAt: now, ...extra }, alert, { config, now, actionLinks: links });
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('notification emails', () => {
  it.each(NOTIFICATION_KINDS)('%s: subject names the priority, the kind and the title on one line', (kind) => {
    const email = render(kind);
    expect(email.subject).toMatch(/^\[sla-watch\] HIGH [a-z].*: HighErrorRate: checkout 5xx above 5%$/);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toContain('HighErrorRate: checkout 5xx above 5%');
    expect(email.text).toContain('HighErrorRate: checkout 5xx above 5%');
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).not.toMatch(/<script|<link|<img|src=|<style/i);
  });

  it('say what each kind is about', () => {
    expect(render('new-alert').subject).toContain('HIGH new alert:');
    expect(render('reminder', makeAlert(), NOW, { reminderNumber: 2 }).subject).toContain('reminder 2 of 2');
    expect(render('acknowledgment-at-risk').subject).toContain('acknowledgment SLA at risk');
    const breach = render('acknowledgment-breach', makeAlert(), FIXTURE_CREATED_AT + 31 * MINUTE_MS);
    expect(breach.subject).toContain('acknowledgment SLA breached, escalated');
    expect(breach.text).toMatch(/escalated/i);
    expect(render('resolution-at-risk').subject).toContain('resolution SLA at risk');
    expect(render('resolution-breach').subject).toContain('resolution SLA breached');
    expect(render('update-due').subject).toContain('update due');
    expect(render('resolved').subject).toContain('HIGH resolved:');
  });

  it('escape everything that came from the alert', () => {
    const alert = makeAlert({
      title: `Disk full ${HOSTILE}`,
      description: `see ${HOSTILE}`,
      labels: { [`team${HOSTILE}`]: `ops ${HOSTILE}`, quote: `"'><a href="javascript:alert(3)">` },
      annotations: { summary: HOSTILE },
      links: [{ href: 'javascript:alert(4)', text: HOSTILE }, { href: 'https://grafana.example.test/d/1?a=1&b="2"', text: 'Dash' }],
      acknowledgedBy: HOSTILE,
    });
    const email = render('new-alert', alert);
    expect(email.html).not.toMatch(/<script|<img|onerror=alert\(2\)>|<a href="javascript/i);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('team&lt;script&gt;');
    expect(email.html).toContain('&quot;&#39;&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    for (const href of hrefs(email.html)) expect(href).toMatch(/^https:\/\//);
    expect(hrefs(email.html)).toContain('https://grafana.example.test/d/1?a=1&b=%222%22');
    expect(email.subject).toBe('[sla-watch] HIGH new alert: Disk full <script>alert(1)</script><img src=x onerror=alert(2)>');
  });

  it('keep subjects to one short line whatever the title holds', () => {
    const alert = makeAlert({ title: `line one\r\nBcc: victim@example.test\n\u0007\u202Eevil\t${'x'.repeat(500)}` });
    const { subject } = render('new-alert', alert);
    // eslint-disable-next-line no-control-regex -- asserting that control characters are gone
    expect(subject).not.toMatch(/[\r\n\t\u0000-\u001F\u007F\u202E]/);
    expect(subject.startsWith('[sla-watch] HIGH new alert: line one Bcc: victim@example.test evil')).toBe(true);
    expect(Array.from(subject).length).toBeLessThanOrEqual(200);
    expect(subject.endsWith('…')).toBe(true);
  });

  it('carry a text alternative with the same facts and links', () => {
    const email = render('acknowledgment-at-risk');
    expect(email.text).toContain('Priority: HIGH');
    expect(email.text).toContain('Acknowledge by: 2026-11-30T12:30:00Z');
    expect(email.text).toContain('service: checkout');
    expect(email.text).toContain('runbook_url: https://runbooks.example.com/checkout-5xx');
    const textLinks = [...email.text.matchAll(/https:\/\/sla\.example\.test\/ack\/\S+/g)].map((m) => m[0]);
    const htmlLinks = hrefs(email.html).filter((h) => h.includes('/ack/'));
    expect(textLinks).toHaveLength(3);
    expect(textLinks).toEqual(htmlLinks);
  });

  it('link acknowledge, resolve and update, each signed for the recipient', () => {
    const email = render('new-alert');
    const actions = hrefs(email.html)
      .filter((h) => h.startsWith('https://sla.example.test/ack/'))
      .map((h) => verifyLinkToken(h.slice('https://sla.example.test/ack/'.length), SECRET, NOW))
      .map((v) => (v.ok ? `${v.claims.action}:${v.claims.recipient}:${v.claims.alertId}` : v.reason));
    const id = makeAlert().id;
    expect(actions).toEqual([`acknowledge:${RECIPIENT}:${id}`, `resolve:${RECIPIENT}:${id}`, `update:${RECIPIENT}:${id}`]);
    expect(email.html).toContain('>Acknowledge</a>');
    expect(email.html).toContain('>Post an update</a>');
  });

  it('offer no acknowledge link once acknowledged, and no links once resolved', () => {
    const acknowledged = makeAlert({ status: 'acknowledged', acknowledgedAt: NOW - MINUTE_MS, acknowledgedBy: 'ana@example.test', lastUpdateAt: NOW - MINUTE_MS });
    const updateDue = render('update-due', acknowledged);
    expect(updateDue.html).not.toContain('>Acknowledge</a>');
    expect(updateDue.html).toContain('>Resolve</a>');
    expect(updateDue.text).toContain('Status: acknowledged by ana@example.test at 2026-11-30T12:19:00Z');
    expect(updateDue.text).toContain('Last update: 2026-11-30T12:19:00Z');
    const resolved = makeAlert({ ...acknowledged, status: 'resolved', resolvedAt: NOW, resolvedBy: 'ana@example.test' });
    const email = render('resolved', resolved);
    expect(hrefs(email.html).filter((h) => h.includes('/ack/'))).toEqual([]);
    expect(email.text).not.toContain('/ack/');
    expect(email.text).toContain('Status: resolved by ana@example.test');
  });

  it('show time left before a deadline and the overrun after it', () => {
    expect(render('reminder', makeAlert(), FIXTURE_CREATED_AT + 20 * MINUTE_MS).text).toContain('Acknowledge by: 2026-11-30T12:30:00Z — 10m left');
    expect(render('acknowledgment-at-risk', makeAlert(), FIXTURE_CREATED_AT + 25 * MINUTE_MS).text).toContain('at risk, 5m left');
    expect(render('acknowledgment-breach', makeAlert(), FIXTURE_CREATED_AT + 45 * MINUTE_MS).text).toContain('BREACHED, overdue by 15m');
    expect(render('resolution-breach', makeAlert(), FIXTURE_CREATED_AT + 5 * 60 * MINUTE_MS).text).toContain(
      'Resolve by: 2026-11-30T16:00:00Z — BREACHED, overdue by 1h',
    );
  });

  it('show deadlines in UTC and in the local time of a business calendar, counted in business time', () => {
    const berlin = { name: 'emea', timezone: 'Europe/Berlin', windows: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: [] };
    const alert = makeAlert({
      sla: { ...HIGH_24X7_POLICY, calendar: berlin },
      timeline: {
        acknowledgment: { atRiskAt: FIXTURE_CREATED_AT + 24 * MINUTE_MS, deadlineAt: FIXTURE_CREATED_AT + 30 * MINUTE_MS },
        resolution: { atRiskAt: FIXTURE_CREATED_AT + 192 * MINUTE_MS, deadlineAt: FIXTURE_CREATED_AT + 240 * MINUTE_MS },
        reminderAts: [],
      },
    });
    const { text, html } = render('new-alert', alert, FIXTURE_CREATED_AT);
    expect(text).toContain('Acknowledge by: 2026-11-30T12:30:00Z (Mon 30 Nov 2026, 13:30 CET) — 30m of business time left');
    expect(text).toContain('SLA clock: business hours, calendar emea (Europe/Berlin)');
    expect(html).toContain('Mon 30 Nov 2026, 13:30 CET');
  });

  it('cap huge labels so an email stays readable', () => {
    const labels = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${String(i).padStart(3, '0')}`, 'v'.repeat(5000)]));
    const email = render('new-alert', makeAlert({ labels }));
    expect(email.text).toContain('k039: ');
    expect(email.text).not.toContain('k040: ');
    expect(email.html.length).toBeLessThan(60_000);
  });
});
