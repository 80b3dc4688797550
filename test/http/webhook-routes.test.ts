import { describe, expect, it } from 'vitest';
import { alertId } from '../../shared/domain/alert/alert-id.ts';
import { StoreUnavailableError } from '../../shared/errors.ts';
import { createApp } from '../../shared/http/app.ts';
import { MAX_BODY_BYTES } from '../../shared/http/request-body.ts';
import { grafanaSignature } from '../../shared/intake/grafana-signature.ts';
import { testConfig, testConfigFile, TEST_SECRETS } from '../support/config-fixtures.ts';
import { amAlert, amGroup, genericEvent, grafanaGroup, kumaNotice, kumaTest } from '../support/payload-fixtures.ts';
import { testDeps, type TestDepsOptions } from '../support/test-deps.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const JSON_TYPE = { 'content-type': 'application/json' };

function setup(options: TestDepsOptions = {}) {
  const t = testDeps({ now: NOW, ...options });
  const app = createApp(t.deps, { linkSecret: 'webhook-test-link-secret-0123456789' });
  const post = (path: string, body: string | FormData, headers: Record<string, string> = {}) => app.request(path, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body });
  return { ...t, app, post };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('POST /webhooks/:integration', () => {
  it('stores an Alertmanager group and answers 200 with one result per alert', async () => {
    const { post, store } = setup();
    const res = await post('/webhooks/am', JSON.stringify(amGroup([amAlert()])), bearer(TEST_SECRETS.am));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [{ outcome: 'created', alertId: alertId('am', 'a368be53ef7f847c@2026-03-02T08:58:00.000Z', 1), dedupKey: 'a368be53ef7f847c@2026-03-02T08:58:00.000Z' }],
    });
    expect(store.all()).toHaveLength(1);
  });

  it('accepts the secret as a Basic password and as ?token=', async () => {
    const { post, store } = setup();
    const basic = `Basic ${Buffer.from(`alertmanager:${TEST_SECRETS.am}`).toString('base64')}`;
    expect((await post('/webhooks/am', JSON.stringify(amGroup()), { authorization: basic })).status).toBe(200);
    expect((await post(`/webhooks/am?token=${TEST_SECRETS.am}`, JSON.stringify(amGroup()))).status).toBe(200);
    expect(store.all()[0]?.deliveries).toBe(2);
  });

  it('answers 401 for a missing or wrong secret (another integration\'s included) and stores nothing', async () => {
    const { post, store } = setup();
    for (const headers of [{}, bearer(TEST_SECRETS.generic), bearer('not-the-secret')]) {
      const res = await post('/webhooks/am', JSON.stringify(amGroup()), headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.any(String), details: [] });
    }
    expect(store.all()).toEqual([]);
  });

  it('answers 404 for an unknown integration', async () => {
    const { post } = setup();
    const res = await post('/webhooks/nope', JSON.stringify(amGroup()), bearer(TEST_SECRETS.am));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers 400 for malformed JSON and 415 for another media type, storing nothing', async () => {
    const { post, store } = setup();
    const malformed = await post('/webhooks/am', '{"alerts": [', bearer(TEST_SECRETS.am));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_request', message: 'body is not valid JSON' });
    const empty = await post('/webhooks/am', '', bearer(TEST_SECRETS.am));
    expect(empty.status).toBe(400);
    const form = await post('/webhooks/am', 'a=1', { ...bearer(TEST_SECRETS.am), 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: 'unsupported_media_type' });
    expect(store.all()).toEqual([]);
  });

  it('answers 413 past 1 MB, whether declared in Content-Length or only counted', async () => {
    const { app, post, store } = setup();
    const big = JSON.stringify(amGroup([amAlert({ annotations: { summary: 'x'.repeat(MAX_BODY_BYTES) } })]));
    const declared = await post('/webhooks/am', big, { ...bearer(TEST_SECRETS.am), 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(big);
        for (let i = 0; i < chunk.length; i += 64 * 1024) controller.enqueue(chunk.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const counted = await app.request('/webhooks/am', { method: 'POST', headers: { ...JSON_TYPE, ...bearer(TEST_SECRETS.am) }, body: streamed, duplex: 'half' } as RequestInit);
    expect(counted.status).toBe(413);
    expect(await counted.json()).toMatchObject({ error: 'payload_too_large' });
    expect(store.all()).toEqual([]);
  });

  it('answers 422 listing every problem and stores nothing of a group with one bad alert', async () => {
    const { post, store } = setup();
    const body = amGroup([amAlert({ fingerprint: 'good' }), { ...amAlert(), fingerprint: '', startsAt: undefined }]);
    const res = await post('/webhooks/am', JSON.stringify(body), bearer(TEST_SECRETS.am));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'unprocessable',
      message: 'invalid alertmanager webhook body',
      details: ['alerts[1].fingerprint: required', 'alerts[1].startsAt: required'],
    });
    expect(store.all()).toEqual([]);
  });

  it('answers 503 when the store is down, so the sender retries', async () => {
    const { post, store } = setup();
    store.failNext('get', new StoreUnavailableError('throttled'));
    const res = await post('/webhooks/am', JSON.stringify(amGroup()), bearer(TEST_SECRETS.am));
    expect(res.status).toBe(503);
  });

  it('reads a generic array of events', async () => {
    const { post } = setup();
    const res = await post('/webhooks/generic', JSON.stringify([genericEvent(), genericEvent({ id: 'other', priority: 'low' })]), bearer(TEST_SECRETS.generic));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual(['created', 'created']);
  });
});

describe('Uptime Kuma over HTTP', () => {
  it('accepts multipart/form-data with the JSON in the data field', async () => {
    const { app, store } = setup();
    const form = new FormData();
    form.append('data', JSON.stringify(kumaNotice({ status: 0 })));
    const res = await app.request(`/webhooks/kuma?token=${TEST_SECRETS.kuma}`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(store.all().map((a) => a.title)).toEqual(['Checkout API is down']);
  });

  it('accepts and ignores the Test button with 200', async () => {
    const { post, store } = setup();
    const res = await post('/webhooks/kuma', JSON.stringify(kumaTest()), bearer(TEST_SECRETS.kuma));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [] });
    expect(store.all()).toEqual([]);
  });

  it('refuses multipart for formats that do not send it', async () => {
    const { app } = setup();
    const form = new FormData();
    form.append('data', JSON.stringify(amGroup()));
    const res = await app.request(`/webhooks/am?token=${TEST_SECRETS.am}`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
  });
});

describe('Grafana with a signature', () => {
  const SIGNING = 'grafanaSigningSecret-0123456789';
  function signedSetup() {
    const file = testConfigFile();
    const integrations = (file['integrations'] as Record<string, unknown>[]).map((i) =>
      i['id'] === 'grafana' ? { ...i, grafana_signature: { secret: SIGNING, timestamp_header: 'X-Grafana-Alerting-Timestamp' } } : i,
    );
    return setup({ config: testConfig({ integrations }) });
  }

  it('accepts a body signed over its raw bytes with a fresh timestamp', async () => {
    const { post, store } = signedSetup();
    // Whitespace a re-serialization would drop: the signature must be over the bytes as sent.
    const raw = JSON.stringify(grafanaGroup(), null, 2);
    const ts = NOW / 1000 - 30;
    const res = await post('/webhooks/grafana', raw, {
      ...bearer(TEST_SECRETS.grafana),
      'X-Grafana-Alerting-Signature': grafanaSignature(SIGNING, raw, ts),
      'X-Grafana-Alerting-Timestamp': String(ts),
    });
    expect(res.status).toBe(200);
    expect(store.all()).toHaveLength(1);
  });

  it('refuses a tampered body, a replayed request and a missing signature with 401, storing nothing', async () => {
    const { post, store } = signedSetup();
    const raw = JSON.stringify(grafanaGroup());
    const ts = NOW / 1000;
    const headers = { ...bearer(TEST_SECRETS.grafana), 'X-Grafana-Alerting-Signature': grafanaSignature(SIGNING, raw, ts), 'X-Grafana-Alerting-Timestamp': String(ts) };
    expect((await post('/webhooks/grafana', raw.replace('Memory above 90%', 'Memory above 10%'), headers)).status).toBe(401);
    const old = ts - 3600;
    const replayed = { ...headers, 'X-Grafana-Alerting-Signature': grafanaSignature(SIGNING, raw, old), 'X-Grafana-Alerting-Timestamp': String(old) };
    expect((await post('/webhooks/grafana', raw, replayed)).status).toBe(401);
    expect((await post('/webhooks/grafana', raw, bearer(TEST_SECRETS.grafana))).status).toBe(401);
    expect(store.all()).toEqual([]);
  });
});
