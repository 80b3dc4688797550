/**
 * What the console shows, as data: the board's order, statuses, counts and filters; countdowns
 * in the alert's own terms; the timeline's shaded business windows across a weekend and a DST
 * change; what-if; report navigation; and tokens that never pass for one another.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarSpec } from '../../shared/domain/calendar/calendar-spec.ts';
import { businessWindows } from '../../shared/domain/calendar/business-windows.ts';
import { signLinkToken, verifyLinkToken } from '../../shared/domain/links/link-token.ts';
import { consoleKey, consoleKeys, csrfToken, checkCsrf, signSession, signTicket, verifySession, verifyTicket } from '../../shared/domain/links/session-token.ts';
import { signViewToken, verifyViewToken, viewLinkUrl } from '../../shared/domain/links/view-token.ts';
import type { DeliveryTarget } from '../../shared/domain/delivery/delivery.ts';
import { afterAttempt, DEFAULT_RETRY_POLICY, skipped } from '../../shared/domain/delivery/delivery-outcome.ts';
import { recordDeliveries, updateDelivery } from '../../shared/domain/delivery/outbox.ts';
import { HOUR_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import { slaTimeline } from '../../shared/domain/sla/sla-timeline.ts';
import { alertPageView } from '../../shared/console/view/alert-page-view.ts';
import { buildBoardView, NO_FILTERS } from '../../shared/console/view/board-view.ts';
import { explainView } from '../../shared/console/view/explain-view.ts';
import { choosePeriod, periodNav } from '../../shared/console/view/report-nav.ts';
import { spacedDuration, wallText, zoneLabel } from '../../shared/console/view/time-text.ts';
import { timelineModel } from '../../shared/console/view/timeline-model.ts';
import { FIXTURE_CREATED_AT, HIGH_24X7_POLICY, makeAlert } from '../support/alert-fixtures.ts';
import { testConfig } from '../support/config-fixtures.ts';

const NEW_YORK: CalendarSpec = {
  name: 'ny',
  timezone: 'America/New_York',
  windows: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] },
  holidays: [],
} as unknown as CalendarSpec;
const NY_POLICY = { ...HIGH_24X7_POLICY, calendar: NEW_YORK };

describe('time words', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [5 * MINUTE_MS + 7_000, '5 m 07 s'],
    [HOUR_MS + 20 * MINUTE_MS + 59_000, '1 h 20 m'],
    [26 * HOUR_MS, '1 d 2 h'],
  ])('%i ms reads %s', (ms, text) => expect(spacedDuration(ms)).toBe(text));

  it('names a deadline by weekday, wall time and city, with the date when it is more than days away', () => {
    const friday = Date.UTC(2026, 11, 4, 20, 0); // Fri 15:00 New York
    expect(zoneLabel('America/New_York')).toBe('New York');
    expect(wallText(Date.UTC(2026, 11, 7, 15, 0), 'America/New_York', friday)).toBe('Mon 10:00 New York');
    expect(wallText(Date.UTC(2026, 11, 21, 15, 0), 'America/New_York', friday)).toBe('Mon 21 Dec 10:00 New York');
  });
});

describe('the board', () => {
  const now = FIXTURE_CREATED_AT + 26 * MINUTE_MS;
  const zone = () => 'UTC';
  const alerts = [
    makeAlert({ dedupKey: 'later', title: 'later', createdAt: FIXTURE_CREATED_AT + 20 * MINUTE_MS, timeline: slaTimeline(HIGH_24X7_POLICY, FIXTURE_CREATED_AT + 20 * MINUTE_MS) }),
    makeAlert({ dedupKey: 'at-risk', title: 'at risk', labels: { team: 'db' } }),
    makeAlert({ dedupKey: 'breached', title: 'breached', priority: 'critical', createdAt: FIXTURE_CREATED_AT - HOUR_MS, timeline: slaTimeline(HIGH_24X7_POLICY, FIXTURE_CREATED_AT - HOUR_MS) }),
  ];

  it('puts the most pressing first: past deadlines, then the nearest', () => {
    const view = buildBoardView(alerts, NO_FILTERS, zone, now);
    expect(view.rows.map((r) => [r.title, r.status])).toEqual([
      ['breached', 'breached'],
      ['at risk', 'at_risk'],
      ['later', 'compliant'],
    ]);
    expect(view.counts).toEqual([
      { priority: 'critical', count: 1 },
      { priority: 'high', count: 2 },
      { priority: 'medium', count: 0 },
      { priority: 'low', count: 0 },
    ]);
    expect(view.rows[1]?.acknowledgment).toMatchObject({ text: '4 m 00 s left', dueText: 'due Mon 12:30 UTC', remainingMs: 4 * MINUTE_MS, running: true });
    expect(view.rows[0]?.acknowledgment).toMatchObject({ text: 'overdue by 56 m 00 s', remainingMs: null });
  });

  it('filters by priority, status, integration and label, and counts over everything open', () => {
    expect(buildBoardView(alerts, { ...NO_FILTERS, priority: 'critical' }, zone, now).rows.map((r) => r.title)).toEqual(['breached']);
    expect(buildBoardView(alerts, { ...NO_FILTERS, status: 'compliant' }, zone, now).rows.map((r) => r.title)).toEqual(['later']);
    expect(buildBoardView(alerts, { ...NO_FILTERS, label: 'team=db' }, zone, now).rows.map((r) => r.title)).toEqual(['at risk']);
    expect(buildBoardView(alerts, { ...NO_FILTERS, integration: 'nope' }, zone, now)).toMatchObject({ rows: [], openCount: 3, matching: 0 });
  });

  it('shows a business-hours countdown standing still outside the window, due the next business morning', () => {
    const friday = Date.UTC(2026, 11, 4, 21, 40); // Fri 16:40 New York: 20 minutes of the day left
    const alert = makeAlert({ sla: NY_POLICY, createdAt: friday, timeline: slaTimeline(NY_POLICY, friday) });
    const saturday = Date.UTC(2026, 11, 5, 15, 0);
    const [row] = buildBoardView([alert], NO_FILTERS, () => 'America/New_York', saturday).rows;
    expect(row?.acknowledgment).toMatchObject({ text: '10 m 00 s of business time left', dueText: 'due Mon 09:10 New York', running: false });
  });
});

describe('the timeline', () => {
  it('shades the business windows of the calendar, none over the weekend, and marks deadlines', () => {
    const friday = Date.UTC(2026, 11, 4, 21, 40);
    const alert = makeAlert({ sla: NY_POLICY, createdAt: friday, timeline: slaTimeline(NY_POLICY, friday) });
    const view = alertPageView(alert, 'America/New_York', Date.UTC(2026, 11, 5, 15, 0));
    const model = view.timeline;
    expect(model.markers.filter((m) => m.kind === 'deadline').map((m) => m.wall)).toEqual(['Mon 09:10 New York', 'Mon 12:40 New York']);
    expect(model.windows.length).toBe(2); // Friday's last 20 minutes and Monday morning
    expect(model.windows.every((w) => w.x >= 0 && w.x + w.width <= model.width)).toBe(true);
    expect(model.summary).toContain('business hours, calendar ny (America/New_York)');
  });

  it('follows a DST change: the window after it opens at 09:00 local, an hour earlier in UTC', () => {
    const windows = businessWindows(NEW_YORK, Date.UTC(2026, 9, 30, 0), Date.UTC(2026, 10, 3, 0));
    expect(windows.map(([s]) => new Date(s).toISOString())).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('places markers in time order within the drawing', () => {
    const model = timelineModel({ createdAt: FIXTURE_CREATED_AT, timeline: slaTimeline(HIGH_24X7_POLICY, FIXTURE_CREATED_AT), calendar: null, responses: [{ type: 'acknowledgment', by: 'Dana', at: FIXTURE_CREATED_AT + 5 * MINUTE_MS }], resolvedAt: null, zone: 'UTC' }, FIXTURE_CREATED_AT + 10 * MINUTE_MS);
    const xs = model.markers.map((m) => m.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(model.markers.map((m) => m.label)).toContain('Acknowledgment by Dana');
    expect(model.windows).toEqual([]);
  });
});

describe('the alert page', () => {
  it('lists responses with who and how, and says an alert stored before deliveries were recorded has none to show', () => {
    const alert = makeAlert({ status: 'acknowledged', acknowledgedAt: FIXTURE_CREATED_AT + MINUTE_MS, acknowledgedBy: 'Dana', responses: [{ id: 'x_1', type: 'acknowledgment', by: 'Dana', note: null, at: FIXTURE_CREATED_AT + MINUTE_MS, via: 'console' }] });
    const view = alertPageView(alert, 'UTC', FIXTURE_CREATED_AT + 2 * MINUTE_MS);
    expect(view.responses).toMatchObject([{ type: 'acknowledgment', by: 'Dana', how: 'from the console' }]);
    expect(view.actions).toEqual(['resolve', 'update']);
    expect(view.deliveries).toBeNull();
  });

  it('lists every delivery in claim order with its state, attempts and what went wrong', () => {
    const at = FIXTURE_CREATED_AT;
    const targets = (): readonly DeliveryTarget[] => [
      { channel: 'email', recipient: 'dana@example.test' },
      { channel: 'email', recipient: 'unverified@example.test' },
      { channel: 'slack', recipient: 'default' },
    ];
    let outbox = recordDeliveries([], [{ kind: 'new-alert', alertId: 'a', dueAt: at }, { kind: 'reminder', alertId: 'a', dueAt: at + 10 * MINUTE_MS, reminderNumber: 1 }], targets, at);
    outbox = updateDelivery(outbox, 1, (d) => afterAttempt(d, { kind: 'accepted', messageId: 'ses-1' }, at + 1_000, DEFAULT_RETRY_POLICY, 0));
    outbox = updateDelivery(outbox, 2, (d) => afterAttempt(d, { kind: 'permanent', error: 'SES MessageRejected: Email address is not verified' }, at + 1_000, DEFAULT_RETRY_POLICY, 0));
    outbox = updateDelivery(outbox, 3, (d) => afterAttempt(d, { kind: 'transient', error: 'Slack answered 429', retryAfterMs: 30_000 }, at + 1_000, DEFAULT_RETRY_POLICY, 0));
    outbox = updateDelivery(outbox, 4, (d) => skipped(d, 'the alert was acknowledged before it was sent', at + 11 * MINUTE_MS));
    const view = alertPageView(makeAlert({ outbox }), 'UTC', at + 12 * MINUTE_MS);
    expect(view.deliveries?.map((d) => `${d.notification} | ${d.channel} | ${d.recipient} | ${d.state} | ${d.detail ?? ''}`)).toEqual([
      'New alert | email | dana@example.test | sent | message id ses-1',
      'New alert | email | unverified@example.test | failed after 1 attempt | SES MessageRejected: Email address is not verified',
      'New alert | slack | default | retrying after 1 attempt | last error: Slack answered 429; next attempt at the time shown',
      'Reminder 1 | email | dana@example.test | skipped | the alert was acknowledged before it was sent',
      'Reminder 1 | email | unverified@example.test | pending | ',
      'Reminder 1 | slack | default | pending | ',
    ]);
  });
});

describe('what-if and report navigation', () => {
  it('explains a Friday-afternoon arrival on the default calendar, and names every problem of a bad form', () => {
    const config = testConfig();
    const view = explainView(config, { priority: 'high', arrival: '2026-12-04T16:45', calendar: 'policy' }, 0);
    expect(view.result?.rows.find((r) => r.label === 'Acknowledgment due')?.utc).toBe('2026-12-07 09:15 UTC');
    expect(explainView(config, { priority: 'urgent', arrival: 'x', calendar: 'nope' }, 0).problems).toHaveLength(2);
  });

  it('reads latest as the last complete day, week and month in the reporting zone', () => {
    // Saturday 5 December 2026, 03:00 UTC: still Friday evening in New York.
    const now = Date.UTC(2026, 11, 5, 3);
    expect(choosePeriod('daily', 'latest', 'UTC', now)).toEqual({ ok: true, interval: 'daily', label: '2026-12-04' });
    expect(choosePeriod('daily', 'latest', 'America/New_York', now)).toEqual({ ok: true, interval: 'daily', label: '2026-12-03' });
    expect(choosePeriod('weekly', 'latest', 'UTC', now)).toEqual({ ok: true, interval: 'weekly', label: '2026-W48' });
    expect(choosePeriod('monthly', 'latest', 'UTC', now)).toEqual({ ok: true, interval: 'monthly', label: '2026-11' });
    expect(choosePeriod('weekly', '2026-W49', 'UTC', now)).toEqual({ ok: true, interval: 'weekly', label: '2026-W49' });
  });

  it('explains a bad period instead of reporting another one', () => {
    const now = Date.UTC(2026, 11, 5, 10);
    expect(choosePeriod('daily', '2026-02-30', 'UTC', now)).toMatchObject({ ok: false, status: 400, text: expect.stringContaining('2026-11-30') });
    // 2026 has 53 ISO weeks, 2025 only 52: week 53 of 2025 would silently be week 1 of 2026.
    expect(choosePeriod('weekly', '2025-W53', 'UTC', now)).toMatchObject({ ok: false, status: 400, text: expect.stringContaining('2026-W49') });
    expect(choosePeriod('monthly', '2026-13', 'UTC', now)).toMatchObject({ ok: false, status: 400 });
    expect(choosePeriod('monthly', '2027-01', 'UTC', now)).toMatchObject({ ok: false, status: 404, heading: 'This report does not exist yet' });
    expect(choosePeriod('yearly', '2026', 'UTC', now)).toMatchObject({ ok: false, status: 404 });
  });

  it('pages through periods by the report\'s own navigation and switches to the week and month holding the day', () => {
    const weekly = periodNav({ interval: 'weekly', label: '2026-W49', navigation: { previous: '2026-W48', next: null } }, '2026-11-30');
    expect(weekly).toMatchObject({ heading: 'Weekly report 2026-W49', previous: { href: '/reports/weekly/2026-W48' }, next: null });
    expect(weekly.intervals).toEqual([
      { href: '/reports/daily/2026-11-30', text: 'Day', current: false },
      { href: '/reports/weekly/2026-W49', text: 'Week', current: true },
      { href: '/reports/monthly/2026-11', text: 'Month', current: false },
    ]);
    // 1 January 2027 is in ISO week 53 of 2026.
    const daily = periodNav({ interval: 'daily', label: '2027-01-01', navigation: { previous: '2026-12-31', next: '2027-01-02' } }, '2027-01-01');
    expect(daily.next?.href).toBe('/reports/daily/2027-01-02');
    expect(daily.intervals.map((i) => i.href)).toEqual(['/reports/daily/2027-01-01', '/reports/weekly/2026-W53', '/reports/monthly/2027-01']);
  });
});

describe('tokens', () => {
  const secret = 'token-test-secret-0123456789';
  it('never lets a view link, an action link, a session or a sign-in ticket pass for another', () => {
    const now = 1_000;
    const view = signViewToken({ subject: { kind: 'alert', alertId: 'a1' }, recipient: 'r@example.test', expiresAt: now + 10 }, secret);
    const action = signLinkToken({ alertId: 'a1', action: 'acknowledge', recipient: 'r@example.test', expiresAt: now + 10 }, secret);
    const key = consoleKey(secret);
    const session = signSession({ person: 'Dana', method: 'password', id: 's1', expiresAt: now + 10 }, key);
    const ticket = signTicket({ id: 't1', expiresAt: now + 10 }, key);
    expect(verifyViewToken(view, secret, now)).toMatchObject({ ok: true, claims: { subject: { kind: 'alert', alertId: 'a1' } } });
    expect(verifyLinkToken(view, secret, now).ok).toBe(false);
    expect(verifyViewToken(action, secret, now).ok).toBe(false);
    expect(verifySession(ticket, key, now).ok).toBe(false);
    expect(verifyTicket(session, key, now).ok).toBe(false);
    expect(verifySession(session, Buffer.from(secret), now).ok).toBe(false);
    expect(verifyViewToken(view, secret, now + 10)).toEqual({ ok: false, reason: 'expired' });
    const tooLong = signViewToken({ subject: { kind: 'alert', alertId: 'a1' }, recipient: 'r@example.test', expiresAt: now + 366 * 24 * HOUR_MS }, secret);
    expect(verifyViewToken(tooLong, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySession(session, key, now + 10)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps view links, sessions, tickets and CSRF tokens of the previous link key valid while the key rotates', () => {
    const now = 1_000;
    const previous = 'previous-link-secret-0123456789';
    const rotated = [secret, previous];
    const oldView = signViewToken({ subject: { kind: 'report', period: 'weekly/2026-W49' }, recipient: 'r@example.test', expiresAt: now + 10 }, previous);
    const [currentKey, previousKey] = consoleKeys(rotated) as [Buffer, Buffer];
    const oldSession = signSession({ person: 'Dana', method: 'password', id: 's1', expiresAt: now + 10 }, previousKey);
    expect(verifyViewToken(oldView, rotated, now)).toMatchObject({ ok: true, claims: { subject: { kind: 'report', period: 'weekly/2026-W49' } } });
    expect(verifySession(oldSession, consoleKeys(rotated), now)).toMatchObject({ ok: true, claims: { person: 'Dana' } });
    expect(verifyTicket(signTicket({ id: 't1', expiresAt: now + 10 }, previousKey), consoleKeys(rotated), now).ok).toBe(true);
    expect(checkCsrf(csrfToken('s1', previousKey), 's1', [currentKey, previousKey])).toBe(true);
    // Once the previous key is dropped, what it signed stops working.
    expect(verifyViewToken(oldView, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession(oldSession, currentKey, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(checkCsrf(csrfToken('s1', previousKey), 's1', currentKey)).toBe(false);
  });

  it('sends an alert view link to the console and a report view link to the reports', () => {
    const request = { recipient: 'r@example.test', baseUrl: 'https://sla.example.test/', ttlSeconds: 60, now: 0 };
    expect(viewLinkUrl({ ...request, subject: { kind: 'alert', alertId: 'a1' } }, secret)).toMatch(/^https:\/\/sla\.example\.test\/view\/[\w-]+\.[\w-]+$/);
    expect(viewLinkUrl({ ...request, subject: { kind: 'report', period: 'daily/2026-12-04' } }, secret)).toMatch(/^https:\/\/sla\.example\.test\/reports\/view\/[\w-]+\.[\w-]+$/);
  });

  it('checks the CSRF token of the session it was made for only', () => {
    const key = consoleKey(secret);
    expect(checkCsrf(csrfToken('s1', key), 's1', key)).toBe(true);
    expect(checkCsrf(csrfToken('s1', key), 's2', key)).toBe(false);
    expect(checkCsrf('', 's1', key)).toBe(false);
  });
});
