import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { TEST_API_KEY_NAME, TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

function setup() {
  const t = testDeps();
  const app = createApp(t.deps, { linkSecret: 'log-test-link-secret-0123456789abcdef' });
  return { ...t, app };
}

describe('request log', () => {
  it('writes one line per request: method, route pattern, status, duration, request id and key name', async () => {
    const { app, store, logger } = setup();
    const alert = makeAlert();
    await store.create(alert);
    const res = await app.request(`/alerts/${alert.id}`, { headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}`, 'x-request-id': 'req-42' } });
    expect(res.status).toBe(200);
    const lines = logger.entries.filter((e) => e.message === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('info');
    expect(lines[0]?.fields).toEqual({ requestId: 'req-42', method: 'GET', route: '/alerts/:id', status: 200, ms: expect.any(Number), apiKeyName: TEST_API_KEY_NAME });
  });

  it('never logs a query string, a path token or the Authorization header', async () => {
    const { app, logger } = setup();
    const linkToken = 'v1.linktokenSECRETpart0123456789.signatureSECRETpart';
    await app.request(`/ack/${linkToken}`);
    await app.request(`/webhooks/am?token=${TEST_SECRETS.am}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await app.request('/alerts?status=open&cursor=cursorSECRET', { headers: { authorization: `Bearer ${TEST_SECRETS.apiKey}` } });
    await app.request('/alerts', { headers: { authorization: 'Bearer guessedSECRETkey' } });

    const logged = JSON.stringify(logger.entries);
    for (const secret of [linkToken, 'SECRET', TEST_SECRETS.am, TEST_SECRETS.apiKey, 'token=', 'cursor=']) {
      expect(logged).not.toContain(secret);
    }
    const routes = logger.entries.filter((e) => e.message === 'request').map((e) => `${e.fields['method']} ${e.fields['route']} ${e.fields['status']}`);
    expect(routes).toEqual([
      expect.stringMatching(/^GET \/ack\/:token [0-9]{3}$/),
      expect.stringMatching(/^POST \/webhooks\/:integration [0-9]{3}$/),
      'GET /alerts 400', // the made-up cursor is refused, and not logged either
      'GET /alerts 401',
    ]);
  });
});
