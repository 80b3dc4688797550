import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { DAY_MS, MINUTE_MS } from '../../shared/domain/instant.ts';
import { signLinkToken, type LinkAction } from '../../shared/domain/links/link-token.ts';
import { ackRoutes } from '../../shared/http/ack-routes.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { testDeps, type TestDeps } from '../support/test-deps.ts';

const SECRET = 'ack-link-secret-0123456789abcdefgh';
const ONCALL = 'oncall-high@example.test';
const NOW = FIXTURE_CREATED_AT + 5 * MINUTE_MS;
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
/** What a browser sends with the page's own form. */
const FORM = { ...FORM_TYPE, 'sec-fetch-site': 'same-origin' };

let t: TestDeps;
let alert: Alert;
let app: ReturnType<typeof ackRoutes>;

beforeEach(async () => {
  t = testDeps({ now: NOW });
  alert = makeAlert();
  await t.store.create(alert);
  app = ackRoutes(t.deps, SECRET);
});

function token(action: LinkAction, patch: { alertId?: string; recipient?: string; expiresAt?: number; secret?: string } = {}): string {
  return signLinkToken(
    { alertId: patch.alertId ?? alert.id, action, recipient: patch.recipient ?? ONCALL, expiresAt: patch.expiresAt ?? NOW + 7 * DAY_MS },
    patch.secret ?? SECRET,
  );
}

const get = (tok: string) => app.request(`/ack/${tok}`);
const post = (tok: string, body = '', headers: Record<string, string> = FORM) => app.request(`/ack/${tok}`, { method: 'POST', headers, body });

async function stored(): Promise<Alert> {
  const current = await t.store.get(alert.id);
  if (current === null) throw new Error('alert vanished');
  return current;
}

function expectPageHeaders(response: Response): void {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'"]) expect(csp).toContain(directive);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-robots-tag')).toContain('noindex');
}

/** Text a person reads on the page (tags removed, entities decoded for the few we use). */
async function pageText(response: Response): Promise<string> {
  const html = await response.text();
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('GET /ack/:token', () => {
  it('shows the alert and one button for the link action, and changes nothing', async () => {
    const response = await get(token('acknowledge'));
    expect(response.status).toBe(200);
    expectPageHeaders(response);
    const html = await response.clone().text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<form method="post">\s*<button type="submit">Acknowledge<\/button><\/form>/);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|src=|<link /i);
    const text = await pageText(response);
    expect(text).toContain('Acknowledge this alert?');
    expect(text).toContain('HighErrorRate: checkout 5xx above 5%');
    expect(text).toContain('Acknowledge by 2026-11-30T12:30:00Z (25m left)');
    expect(text).toContain(`You are acting as ${ONCALL}`);
    expect(await stored()).toEqual(alert);
    expect(t.timers.scheduled).toEqual([]);
    expect(t.sender.sent).toEqual([]);
  });

  it('shows the button of the token action: a resolve link resolves, it does not acknowledge', async () => {
    const html = await (await get(token('resolve'))).text();
    expect(html).toContain('<button type="submit">Resolve</button>');
    expect(html).not.toContain('>Acknowledge</button>');
    const update = await (await get(token('update'))).text();
    expect(update).toContain('<textarea id="note" name="note" required maxlength="1000">');
    expect(update).toContain('<button type="submit">Post update</button>');
  });

  it('says who acknowledged and when, without a button, once acknowledged', async () => {
    await post(token('acknowledge', { recipient: 'ana@example.test' }));
    t.clock.advance(MINUTE_MS);
    const response = await get(token('acknowledge'));
    expect(response.status).toBe(200);
    const html = await response.clone().text();
    expect(html).not.toContain('<form');
    expect(await pageText(response)).toContain('Already acknowledged by ana@example.test at 2026-11-30T12:05:00Z');
  });

  it('escapes everything from the alert and the token', async () => {
    const hostile = makeAlert({ dedupKey: 'other', title: '<script>alert(1)</script>' });
    await t.store.create(hostile);
    const html = await (await get(token('acknowledge', { alertId: hostile.id, recipient: '<b>eve</b>@example.test' }))).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>eve</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;eve&lt;/b&gt;@example.test');
  });
});

describe('POST /ack/:token', () => {
  it('acknowledges in the name of the recipient', async () => {
    const response = await post(token('acknowledge'));
    expect(response.status).toBe(200);
    expectPageHeaders(response);
    expect(await pageText(response)).toContain(`Acknowledged by ${ONCALL} at 2026-11-30T12:05:00Z`);
    const after = await stored();
    expect(after).toMatchObject({ status: 'acknowledged', acknowledgedBy: ONCALL, acknowledgedAt: NOW });
    expect(after.responses).toEqual([{ id: `${alert.id}_1`, type: 'acknowledgment', by: ONCALL, note: null, at: NOW, via: 'link', actor: 'person' }]);
  });

  it('is harmless twice: the second shows who acknowledged first and records nothing', async () => {
    await post(token('acknowledge'));
    t.clock.advance(2 * MINUTE_MS);
    const again = await post(token('acknowledge', { recipient: 'bob@example.test' }));
    expect(again.status).toBe(200);
    expect(await pageText(again)).toContain(`Already acknowledged by ${ONCALL} at 2026-11-30T12:05:00Z`);
    expect((await stored()).responses).toHaveLength(1);
  });

  it('resolves with a resolve link, and says so if it is used again', async () => {
    const response = await post(token('resolve'));
    expect(response.status).toBe(200);
    expect(await pageText(response)).toContain(`Resolved by ${ONCALL} at 2026-11-30T12:05:00Z`);
    expect(await stored()).toMatchObject({ status: 'resolved', resolvedBy: ONCALL, acknowledgedBy: ONCALL });
    const again = await post(token('resolve'));
    expect(again.status).toBe(200);
    expect(await pageText(again)).toContain(`Already resolved by ${ONCALL}`);
    const ackAfter = await post(token('acknowledge'));
    expect(ackAfter.status).toBe(200);
    expect(await pageText(ackAfter)).toContain(`It was resolved by ${ONCALL}`);
    expect((await stored()).responses).toHaveLength(1);
  });

  it('posts an update with its note', async () => {
    const response = await post(token('update'), new URLSearchParams({ note: 'Rolled back the deploy.\r\nWatching <errors> & latency.' }).toString());
    expect(response.status).toBe(200);
    expect(await pageText(response)).toContain(`Update posted by ${ONCALL}`);
    const [update] = (await stored()).responses;
    expect(update).toMatchObject({ type: 'update', by: ONCALL, note: 'Rolled back the deploy.\nWatching <errors> & latency.', via: 'link' });
  });

  it('requires a note of at most 1000 characters for an update, and keeps what was typed', async () => {
    const empty = await post(token('update'), 'note=%20%20');
    expect(empty.status).toBe(422);
    expect(await pageText(empty)).toContain('Write a short update before posting it.');
    const long = await post(token('update'), new URLSearchParams({ note: `<i>${'x'.repeat(1001)}` }).toString());
    expect(long.status).toBe(422);
    const html = await long.text();
    expect(html).toContain('the limit is 1000');
    expect(html).toContain('&lt;i&gt;xxx');
    expect((await stored()).responses).toEqual([]);
  });

  it('refuses an update on a resolved alert with a friendly 409 page', async () => {
    await post(token('resolve'));
    const response = await post(token('update'), 'note=still%20here');
    expect(response.status).toBe(409);
    expectPageHeaders(response);
    expect(await pageText(response)).toContain('This alert was resolved by');
    expect((await stored()).responses).toHaveLength(1);
  });

  it('refuses a body that is not the page form', async () => {
    const json = await post(token('acknowledge'), '{}', { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' });
    expect(json.status).toBe(415);
    expectPageHeaders(json);
    const huge = await post(token('update'), `note=${'x'.repeat(20_000)}`);
    expect(huge.status).toBe(413);
    expect((await stored()).responses).toEqual([]);
  });

  it('shows a friendly 503 page when the store is unavailable', async () => {
    t.store.failNext('get');
    const response = await post(token('acknowledge'));
    expect(response.status).toBe(503);
    expectPageHeaders(response);
    const text = await pageText(response);
    expect(text).toContain('Please try again');
    expect(text).not.toMatch(/injected|StoreUnavailable/);
  });
});

describe('links that cannot work', () => {
  it.each([
    ['tampered', 400, 'This link is not valid', () => `${token('acknowledge').slice(0, -2)}AA`],
    ['signed with another secret', 400, 'This link is not valid', () => token('acknowledge', { secret: 'another-secret-0123456789abcdefgh' })],
    ['not a token at all', 400, 'This link is not valid', () => 'hello'],
    ['expired', 410, 'This link has expired', () => token('acknowledge', { expiresAt: NOW })],
    ['expiring past what a date can hold', 400, 'This link is not valid', () => token('acknowledge', { expiresAt: Number.MAX_SAFE_INTEGER })],
    ['expiring more than a year ahead', 400, 'This link is not valid', () => token('acknowledge', { expiresAt: NOW + 400 * DAY_MS })],
    ['for an alert that does not exist', 404, 'Alert not found', () => token('acknowledge', { alertId: 'aaaaaaaaaaaaaaaaaaaaa' })],
  ])('%s: a friendly page, and nothing changes on GET or POST', async (_, status, heading, make) => {
    const tok = make();
    for (const response of [await get(tok), await post(tok)]) {
      expect(response.status).toBe(status);
      expectPageHeaders(response);
      const html = await response.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).not.toContain('<form');
    }
    expect(await stored()).toEqual(alert);
  });
});

describe('forms sent from another site', () => {
  it.each([
    ['Sec-Fetch-Site cross-site', { ...FORM_TYPE, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['Sec-Fetch-Site same-site', { ...FORM_TYPE, 'sec-fetch-site': 'same-site', origin: 'https://evil.sla.example.test' }],
    ['a foreign Origin alone', { ...FORM_TYPE, origin: 'https://evil.example' }],
    ['Origin null (a sandboxed frame)', { ...FORM_TYPE, origin: 'null' }],
    ['neither header', FORM_TYPE],
    ['a text/plain body', { 'content-type': 'text/plain', origin: 'https://evil.example' }],
    ['a JSON body with neither header (a script)', { 'content-type': 'application/json' }],
    ['Sec-Fetch-Site none (typed into the address bar, no page)', { ...FORM_TYPE, 'sec-fetch-site': 'none' }],
    ['Sec-Fetch-Site cross-site with a trusted Origin', { ...FORM_TYPE, 'sec-fetch-site': 'cross-site', origin: 'http://localhost' }],
  ])('%s: a 403 page saying why, and nothing is recorded even with a valid token', async (_, headers) => {
    const response = await post(token('acknowledge'), '', headers);
    expect(response.status).toBe(403);
    expectPageHeaders(response);
    const text = await pageText(response);
    expect(text).toContain('This form was not sent from a page of sla-watch');
    expect(text).toContain('Nothing was changed.');
    expect(text).toContain('open the link from your email again');
    expect(await stored()).toEqual(alert);
  });

  it.each([
    ['the request URL origin', { ...FORM_TYPE, origin: 'http://localhost' }],
    ['the configured public base URL', { ...FORM_TYPE, origin: 'https://sla.example.test' }],
  ])('accepts a form whose Origin is %s', async (_, headers) => {
    const response = await post(token('acknowledge'), '', headers);
    expect(response.status).toBe(200);
    expect((await stored()).acknowledgedBy).toBe(ONCALL);
  });
});

describe('text a person types', () => {
  it('is made well-formed and stripped of controls before it is stored', async () => {
    const response = await post(token('update'), new URLSearchParams({ note: 'half \ud800 a pair\u0000\u0007 and a bell' }).toString());
    expect(response.status).toBe(200);
    const note = (await stored()).responses.at(-1)?.note;
    expect(note).toBe('half \ufffd a pair and a bell');
  });
});
