import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { handle } from 'hono/aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const AUTH = `Bearer ${TEST_SECRETS.apiKey}`;

async function setup() {
  const t = testDeps({ now: FIXTURE_CREATED_AT + 60_000 });
  const alert = makeAlert();
  await t.store.create(alert);
  return { ...t, alert, app: createApp(t.deps, { linkSecret: 'runtime-test-link-secret-0123456789' }) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('the same app on both runtimes', () => {
  it('serves over HTTP with @hono/node-server (local mode)', async () => {
    const { app, alert } = await setup();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const posted = await fetch(`${base}/alerts/${alert.id}/responses`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'acknowledgment', by: 'alice' }),
    });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const read = await fetch(`${base}/alerts/${alert.id}`, { headers: { authorization: AUTH } });
    expect(((await read.json()) as { status: string }).status).toBe('acknowledged');
  });

  it('serves API Gateway HTTP API events with hono/aws-lambda, base64 bodies included', async () => {
    const { app, alert, logger } = await setup();
    const handler = handle(app);
    const event = (method: string, path: string, body: string | null) => ({
      version: '2.0',
      routeKey: '$default',
      rawPath: path,
      rawQueryString: '',
      headers: { authorization: AUTH, 'content-type': 'application/json', host: 'api.example.test' },
      body: body === null ? null : Buffer.from(body).toString('base64'),
      isBase64Encoded: body !== null,
      requestContext: {
        accountId: '123456789012',
        apiId: 'api',
        authentication: null,
        authorizer: {},
        domainName: 'api.example.test',
        domainPrefix: 'api',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
        requestId: 'JxYz1gHhIAMEbLw=',
        routeKey: '$default',
        stage: '$default',
        time: '30/Nov/2026:12:01:00 +0000',
        timeEpoch: FIXTURE_CREATED_AT + 60_000,
      },
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a literal event, typed by the adapter's union
    const posted = await handler(event('POST', `/alerts/${alert.id}/responses`, JSON.stringify({ type: 'resolution', by: 'bob' })) as any);
    expect(posted.statusCode).toBe(201);
    expect(JSON.parse(posted.body).response.id).toBe(`${alert.id}_1`);
    expect(posted.headers?.['x-request-id']).toBe('JxYz1gHhIAMEbLw=');
    expect(logger.entries.find((e) => e.message === 'request')?.fields).toMatchObject({ requestId: 'JxYz1gHhIAMEbLw=', route: '/alerts/:id/responses', status: 201 });
  });
});
