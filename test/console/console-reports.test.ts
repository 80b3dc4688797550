/**
 * Report pages in the console: the day, the week and the month with previous/next and a switch
 * between them, a clear page for a period that does not exist, a report's view link opened
 * without a session; links and sessions that keep working while the link key rotates; and the
 * one same-origin check in front of every form.
 */
import { describe, expect, it } from 'vitest';
import { consoleKey, signSession } from '../../shared/domain/links/session-token.ts';
import { signViewToken } from '../../shared/domain/links/view-token.ts';
import { makeAlert, FIXTURE_CREATED_AT } from '../support/alert-fixtures.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { reportDayAlerts, REPORT_NOW } from '../support/report-fixtures.ts';
import { Browser, CONSOLE_LINK_SECRET, consoleApp } from './console-support.ts';

const PREVIOUS_LINK_SECRET = 'console-previous-link-secret-9876543210';

async function reportApp(linkKeys: string | readonly string[] = CONSOLE_LINK_SECRET) {
  const t = consoleApp({ now: REPORT_NOW }, linkKeys);
  for (const alert of reportDayAlerts()) await t.store.create(alert);
  return t;
}

function links(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
}

describe('report pages', () => {
  it('shows the last week with the week before, no week after yet, and the day and month holding it', async () => {
    const { browser } = await reportApp();
    const b = browser();
    await b.signIn();
    const page = await b.get('/reports/weekly/latest');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Weekly report 2026-W48</h1>');
    expect(html).toContain('Weekly SLA report');
    expect(links(html)).toEqual(expect.arrayContaining(['/reports/daily/2026-11-23', '/reports/weekly/2026-W48', '/reports/monthly/2026-11', '/reports/weekly/2026-W47', '/reports/weekly/2026-W49']));
    expect(html).toMatch(/<a href="\/reports\/weekly\/2026-W48" aria-current="page">Week<\/a>/);
    // The week under way has started, so it is offered; the one after has not.
    const current = await (await b.get('/reports/weekly/2026-W49')).text();
    expect(links(current)).toContain('/reports/weekly/2026-W48');
    expect(links(current)).not.toContain('/reports/weekly/2026-W50');
    // The card's own navigation is not drawn a second time inside the console frame.
    expect(links(current).filter((href) => href === '/reports/weekly/2026-W48')).toHaveLength(1);
  });

  it('shows a month with its per-day trend, and the fixture day in it', async () => {
    const { browser } = await reportApp();
    const b = browser();
    await b.signIn();
    const html = await (await b.get('/reports/monthly/2026-11')).text();
    expect(html).toContain('<h1>Monthly report 2026-11</h1>');
    expect(html).toContain('<svg');
    expect(links(html)).toEqual(expect.arrayContaining(['/reports/monthly/2026-10', '/reports/monthly/2026-12', '/reports/daily/2026-11-01', '/reports/weekly/2026-W44']));
  });

  it('explains a period that does not exist or has not started, and asks a visitor to sign in first', async () => {
    const { browser } = await reportApp();
    const visitor = await browser().get('/reports/monthly/2026-11');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/sign-in?next=%2Freports%2Fmonthly%2F2026-11');
    const b = browser();
    await b.signIn();
    const bad = await b.get('/reports/weekly/2025-W53');
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('No such report period');
    expect(badText).toContain('name it like 2026-W49');
    const future = await b.get('/reports/monthly/2027-01');
    expect(future.status).toBe(404);
    expect(await future.text()).toContain('This report does not exist yet');
  });

  it('leaves the API its JSON and HTML for clients with a key', async () => {
    const { app } = await reportApp();
    const json = await app.request('/reports/weekly/2026-W48', { headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, accept: 'text/html' } });
    expect(json.status).toBe(200);
    expect(await json.text()).not.toContain('sla-watch</a>');
    const api = await app.request('/reports/monthly?month=2026-11', { headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}` } });
    expect(await api.json()).toMatchObject({ interval: 'monthly', period: '2026-11' });
  });

  it('opens a report by its view link without a session, read only, and sends one opened at /view/ there', async () => {
    const { browser } = await reportApp();
    const token = signViewToken({ subject: { kind: 'report', period: 'weekly/2026-W49' }, recipient: 'manager@example.test', expiresAt: REPORT_NOW + 60_000 }, CONSOLE_LINK_SECRET);
    const b = browser();
    const page = await b.get(`/reports/view/${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Weekly report 2026-W49</h1>');
    expect(html).toContain('Shown to manager@example.test by a view link');
    expect(links(html).filter((href) => href.startsWith('/reports/'))).toEqual([]);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const moved = await b.get(`/view/${token}`);
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/reports/view/${token}`);
    expect((await b.get(`/reports/view/${token.slice(0, -2)}xx`)).status).toBe(400);
    const late = await reportApp();
    late.clock.set(REPORT_NOW + 60_000);
    const expired = await late.browser().get(`/reports/view/${token}`);
    expect(expired.status).toBe(410);
  });
});

describe('while the link key rotates', () => {
  it('opens view links mailed under the previous key and keeps sessions signed with it, and refuses other keys', async () => {
    const { store, app } = consoleApp({ now: FIXTURE_CREATED_AT }, [CONSOLE_LINK_SECRET, PREVIOUS_LINK_SECRET]);
    const alert = makeAlert({ title: 'Checkout slow' });
    await store.create(alert);
    const view = (secret: string) =>
      signViewToken({ subject: { kind: 'alert', alertId: alert.id }, recipient: 'oncall@example.test', expiresAt: FIXTURE_CREATED_AT + 60_000 }, secret);
    const b = new Browser(app);
    expect((await b.get(`/view/${view(PREVIOUS_LINK_SECRET)}`)).status).toBe(200);
    expect((await b.get(`/view/${view(CONSOLE_LINK_SECRET)}`)).status).toBe(200);
    expect((await b.get(`/view/${view('some-other-link-secret-0123456789')}`)).status).toBe(400);

    // A session opened before the rotation, signed with the previous key's console key.
    b.cookie = `sla_watch_session=${signSession({ person: 'Dana Ops', method: 'password', id: 's-old', expiresAt: FIXTURE_CREATED_AT + 60_000 }, consoleKey(PREVIOUS_LINK_SECRET))}`;
    const board = await b.get('/');
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('Signed in as <b>Dana Ops</b>');
    const csrf = await b.csrf(`/console/alerts/${alert.id}`);
    expect((await b.post(`/alerts/${alert.id}/respond`, { action: 'acknowledge', csrf })).status).toBe(303);
    expect((await store.get(alert.id))?.acknowledgedBy).toBe('Dana Ops');

    b.cookie = `sla_watch_session=${signSession({ person: 'Eve', method: 'password', id: 's-eve', expiresAt: FIXTURE_CREATED_AT + 60_000 }, consoleKey('some-other-link-secret-0123456789'))}`;
    expect((await b.get('/')).status).toBe(303);
  });
});

describe('forms not sent from a page of this site', () => {
  it('are refused before anything is read, with the same page as the acknowledgment links, while the JSON API is untouched', async () => {
    const { store, app, browser } = consoleApp({ now: FIXTURE_CREATED_AT });
    const alert = makeAlert();
    await store.create(alert);
    const b = browser();
    await b.signIn();
    const csrf = await b.csrf(`/console/alerts/${alert.id}`);
    // As a browser sends the form, with only the headers given.
    const respond = (headers: Record<string, string>) =>
      app.request(`/alerts/${alert.id}/respond`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookie ?? '', ...headers },
        body: new URLSearchParams({ action: 'acknowledge', csrf }).toString(),
      });
    const foreign: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const headers of foreign) {
      const refused = await respond(headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await refused.text()).toContain('This form was not sent from a page of sla-watch');
    }
    // Neither header, as curl sends it: a form route is for browsers, and refuses it too.
    expect((await respond({})).status).toBe(403);
    expect((await store.get(alert.id))?.status).toBe('open');
    // A form from the configured public base URL (a proxy in front) is this site's own.
    expect((await respond({ origin: 'https://sla.example.test' })).status).toBe(303);
    // Scripts use the JSON API: a bearer key, no Origin, no Sec-Fetch-Site.
    const api = await app.request(`/alerts/${alert.id}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'update', by: 'script', note: 'still looking' }),
    });
    expect(api.status).toBeLessThan(300);
  });
});
