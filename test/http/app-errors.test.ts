import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, VersionConflictError } from '../../shared/errors.ts';
import { createApp } from '../../shared/http/app.ts';
import { makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const AUTH = { authorization: `Bearer ${TEST_SECRETS.apiKey}` };
const INTERNAL_DETAIL = 'connect ECONNREFUSED 10.0.3.7:8000 table sla-watch-prod';

function setup() {
  const t = testDeps();
  const app = createApp(t.deps, { linkSecret: 'errors-test-link-secret-0123456789ab' });
  return { ...t, app };
}

describe('error answers', () => {
  it('a plain failure answers 500 with nothing internal, a request id to quote, and logs the cause', async () => {
    const { app, store, logger } = setup();
    const alert = makeAlert();
    await store.create(alert);
    store.failNext('get', new Error(INTERNAL_DETAIL));

    const res = await app.request(`/alerts/${alert.id}`, { headers: AUTH });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('ECONNREFUSED');
    expect(text).not.toContain('sla-watch-prod');
    expect(text).not.toMatch(/stack|at .*\.ts/);
    const body = JSON.parse(text);
    expect(body).toEqual({ error: 'internal', message: 'internal error', requestId: expect.any(String) });
    expect(res.headers.get('x-request-id')).toBe(body.requestId);

    const logged = logger.at('error').find((e) => e.fields['requestId'] === body.requestId);
    expect(logged?.fields).toMatchObject({ method: 'GET', route: '/alerts/:id' });
    expect((logged?.fields['err'] as Error).message).toBe(INTERNAL_DETAIL);
  });

  it('a store that is down answers 503 with Retry-After and says nothing internal', async () => {
    const { app, store } = setup();
    store.failNext('list', new StoreUnavailableError('DynamoDB throttled', new Error(INTERNAL_DETAIL)));
    const res = await app.request('/alerts', { headers: AUTH });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^[0-9]+$/);
    const text = await res.text();
    expect(text).not.toMatch(/DynamoDB|ECONNREFUSED/);
    expect(JSON.parse(text)).toMatchObject({ error: 'unavailable', requestId: expect.any(String) });
  });

  it('a write that kept losing races answers 503, which senders retry, and names no version', async () => {
    const { app, store } = setup();
    store.failNext('list', new VersionConflictError('alert a123 is not at version 7'));
    const res = await app.request('/alerts', { headers: AUTH });
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('version 7');
    expect(JSON.parse(text)).toMatchObject({ error: 'unavailable' });
  });

  it('an unknown route answers a JSON 404 naming it', async () => {
    const { app } = setup();
    const res = await app.request('/nothing/here', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'no route for DELETE /nothing/here', details: [] });
  });

  it('keeps the caller request id when it is a plain token, and replaces anything else', async () => {
    const { app } = setup();
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'trace-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-1234.abc');
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'x'.repeat(300) } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await app.request('/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the health check without credentials', async () => {
    const { app } = setup();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
