import { describe, expect, it } from 'vitest';
import { signViewToken } from '../../shared/domain/links/view-token.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SECRETS, testConfig } from '../support/config-fixtures.ts';
import { consoleKey } from '../../shared/domain/links/session-token.ts';
import { signInTicketUrl } from '../../shared/console/http/sign-in-routes.tsx';
import { Browser, CONSOLE_LINK_SECRET, consoleApp, hiddenValue } from './console-support.ts';

describe('the console over HTTP', () => {
  it('sends a browser without a session to sign in, and keeps the API answering JSON with a key', async () => {
    const { app, store, browser } = consoleApp({ now: FIXTURE_CREATED_AT });
    await store.create(makeAlert());
    const page = await browser().get('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?next=%2F');
    const api = await app.request(`/alerts/${makeAlert().id}`, { headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, accept: 'text/html' } });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('signs in with an API key and shows the board with the alert and its countdown', async () => {
    const { store, browser } = consoleApp({ now: FIXTURE_CREATED_AT + 5 * MINUTE_MS });
    await store.create(makeAlert({ title: 'Disk <full> on db-1' }));
    const b = browser();
    const signed = await b.signIn();
    expect(signed.status).toBe(303);
    expect(b.cookie).toMatch(/^sla_watch_session=/);
    const board = await b.get('/');
    const html = await board.text();
    expect(board.status).toBe(200);
    expect(html).toContain('Disk &lt;full&gt; on db-1');
    expect(html).toContain('Signed in as <b>Dana Ops</b>');
    expect(html).toMatch(/data-remaining-ms="\d+"/);
    expect(board.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(board.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(board.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).not.toContain('<script>');
  });

  it('refuses a wrong key, a response without the CSRF token, and a cross-site form', async () => {
    const { store, browser } = consoleApp({ now: FIXTURE_CREATED_AT });
    const alert = makeAlert();
    await store.create(alert);
    const b = browser();
    expect((await b.signIn('Dana', 'not-the-key-at-all-0123')).status).toBe(401);
    await b.signIn();
    const noCsrf = await b.post(`/alerts/${alert.id}/respond`, { action: 'acknowledge' });
    expect(noCsrf.status).toBe(403);
    const csrf = await b.csrf(`/console/alerts/${alert.id}`);
    const crossSite = await b.post(`/alerts/${alert.id}/respond`, { action: 'acknowledge', csrf }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await store.get(alert.id))?.status).toBe('open');
  });

  it('acknowledges from the alert page as the signed-in person', async () => {
    const { store, browser } = consoleApp({ now: FIXTURE_CREATED_AT + MINUTE_MS });
    const alert = makeAlert();
    await store.create(alert);
    const b = browser();
    await b.signIn('Dana Ops');
    const redirected = await b.get(`/alerts/${alert.id}`);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe(`/console/alerts/${alert.id}`);
    const page = await (await b.get(`/console/alerts/${alert.id}`)).text();
    expect(page).toContain('<svg');
    const done = await b.post(`/alerts/${alert.id}/respond`, { action: 'acknowledge', csrf: hiddenValue(page, 'csrf') ?? '' });
    expect(done.status).toBe(303);
    const stored = await store.get(alert.id);
    expect(stored?.acknowledgedBy).toBe('Dana Ops');
    expect(stored?.responses[0]).toMatchObject({ type: 'acknowledgment', by: 'Dana Ops', via: 'console' });
    const after = await (await b.get(done.headers.get('location') ?? '')).text();
    expect(after).toContain('Acknowledged as Dana Ops.');
  });

  it('opens an alert by view link without a session, and explains a tampered or expired one', async () => {
    const { store, browser } = consoleApp({ now: FIXTURE_CREATED_AT });
    const alert = makeAlert({ title: 'Checkout slow' });
    await store.create(alert);
    const token = signViewToken({ subject: { kind: 'alert', alertId: alert.id }, recipient: 'oncall@example.test', expiresAt: FIXTURE_CREATED_AT + MINUTE_MS }, CONSOLE_LINK_SECRET);
    const b = browser();
    const ok = await b.get(`/view/${token}`);
    const html = await ok.text();
    expect(ok.status).toBe(200);
    expect(html).toContain('Checkout slow');
    expect(html).toContain('oncall@example.test');
    expect(html).not.toContain('name="csrf"');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const tampered = await b.get(`/view/${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('This link is not valid');
    const late = consoleApp({ now: FIXTURE_CREATED_AT + 2 * MINUTE_MS });
    await late.store.create(alert);
    const expired = await late.browser().get(`/view/${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
  });
});

describe('the integrations page', () => {
  it('shows URLs, snippets, secret names only, and accepted/rejected counts with the last reason', async () => {
    const { app, browser, deps } = consoleApp({ now: FIXTURE_CREATED_AT });
    const post = (auth: string, body: unknown) =>
      app.request('/webhooks/generic', { method: 'POST', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(TEST_SECRETS.generic, { id: 'a-1', title: 'Disk full', severity: 'critical' })).status).toBe(200);
    expect((await post('wrong-secret-0123456789abcdef', { id: 'a-2', title: 'x' })).status).toBe(401);
    expect((await post(TEST_SECRETS.generic, { id: 'a-3' })).status).toBe(422);
    const b = browser();
    await b.signIn();
    const html = await (await b.get('/integrations')).text();
    const generic = html.slice(html.indexOf('id="integration-generic"'));
    expect(generic).toContain(`${deps.config.links.baseUrl}/webhooks/generic`);
    expect(generic).toMatch(/class="accepted">1</);
    expect(generic).toMatch(/class="rejected">2</);
    expect(generic).toMatch(/class="last-rejection"><code>422: [^<]*title/);
    expect(html).toContain('receivers:');
    expect(html).toContain('SLA_WATCH_GENERIC_SECRET');
    for (const secret of Object.values(TEST_SECRETS)) expect(html).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('signs in with the console password, and signing out ends the session', async () => {
    const { browser } = consoleApp({ config: testConfig({ console: { password_env: 'CONSOLE_PASSWORD' } }, { CONSOLE_PASSWORD: 'correct horse battery staple' }) });
    const b = browser();
    expect((await b.signIn('Sam', 'correct horse battery staple')).status).toBe(303);
    expect((await b.get('/')).status).toBe(200);
    const csrf = await b.csrf('/');
    const out = await b.post('/sign-out', { csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/sla_watch_session=;.*Max-Age=0/i);
    b.cookie = null;
    expect((await b.get('/')).status).toBe(303);
  });

  it('sets the cookie HttpOnly and SameSite=Strict, Secure over https', async () => {
    const { app } = consoleApp();
    const b = new Browser(app);
    await b.signIn();
    const form = await (await b.get('https://sla.example.test/sign-in')).text();
    const res = await app.request('https://sla.example.test/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ csrf: hiddenValue(form, 'csrf') ?? '', next: '/', name: 'Dana', secret: TEST_SECRETS.apiKey }).toString(),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=43200/);
  });

  it('lets a one-time sign-in link work once', async () => {
    const { app, clock } = consoleApp();
    const url = signInTicketUrl('http://localhost', consoleKey(CONSOLE_LINK_SECRET), clock.now());
    const path = new URL(url).pathname;
    const b = new Browser(app);
    expect((await b.get(path)).status).toBe(200);
    expect((await b.post(path, { name: 'Dana' })).status).toBe(303);
    const again = new Browser(app);
    const refused = await again.post(path, { name: 'Eve' });
    expect(refused.status).toBe(410);
    expect(again.cookie).toBeNull();
  });
});
