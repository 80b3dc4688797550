import { describe, expect, it } from 'vitest';
import { MAX_RESPONSES } from '../../shared/domain/alert/alert.ts';
import { MINUTE_MS } from '../../shared/domain/instant.ts';
import type { AlertView, ResponseView } from '../../shared/http/alert-view.ts';
import { createApp } from '../../shared/http/app.ts';
import { FIXTURE_CREATED_AT, makeAlert } from '../support/alert-fixtures.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const LINK_SECRET = 'link-secret-for-tests-0123456789abcdef';
interface Created {
  readonly response: ResponseView;
  readonly alert: AlertView;
}

const AUTH = { authorization: `Bearer ${TEST_SECRETS.apiKey}` };

async function setup() {
  const t = testDeps({ now: FIXTURE_CREATED_AT + 5 * MINUTE_MS });
  const alert = makeAlert();
  await t.store.create(alert);
  const app = createApp(t.deps, { linkSecret: LINK_SECRET });
  const post = (body: unknown, headers: Record<string, string> = AUTH, id = alert.id) =>
    app.request(`/alerts/${id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = async (id = alert.id) => {
    const res = await app.request(`/alerts/${id}`, { headers: AUTH });
    return { status: res.status, body: (await res.json()) as AlertView };
  };
  return { ...t, alert, app, post, get };
}

describe('POST /alerts/:id/responses', () => {
  it('refuses a request without an API key, with a wrong one, or with another scheme (401), recording nothing', async () => {
    const { post, store, alert } = await setup();
    const ack = { type: 'acknowledgment', by: 'mallory' };
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-key' }, { authorization: `Basic ${Buffer.from(`x:${TEST_SECRETS.apiKey}`).toString('base64')}` }];
    for (const headers of attempts) {
      const res = await post(ack, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    expect((await store.get(alert.id))?.responses).toEqual([]);
  });

  it('records responses with tracking ids <alertId>_1, _2 and answers 201 with the response and the alert', async () => {
    const { post, alert, clock } = await setup();
    const first = await post({ type: 'acknowledgment', by: 'alice', note: 'looking' });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/alerts/${alert.id}`);
    const body = (await first.json()) as Created;
    expect(body.response).toEqual({ id: `${alert.id}_1`, type: 'acknowledgment', by: 'alice', note: 'looking', at: '2026-11-30T12:05:00.000Z', via: 'api', actor: 'person' });
    expect(body.alert).toMatchObject({ id: alert.id, status: 'acknowledged', acknowledgedBy: 'alice', acknowledgedAt: '2026-11-30T12:05:00.000Z' });

    clock.advance(MINUTE_MS);
    const second = await post({ type: 'update', by: 'alice' });
    expect(second.status).toBe(201);
    const secondBody = (await second.json()) as Created;
    expect(secondBody.response).toMatchObject({ id: `${alert.id}_2`, type: 'update', note: null, at: '2026-11-30T12:06:00.000Z' });
    expect(secondBody.alert.responses.map((r) => r.id)).toEqual([`${alert.id}_1`, `${alert.id}_2`]);
  });

  it('stops the acknowledgment clock at the first acknowledgment: GET shows it met, later', async () => {
    const { post, get, clock } = await setup();
    expect((await post({ type: 'acknowledgment', by: 'alice' })).status).toBe(201);
    clock.advance(2 * 60 * MINUTE_MS); // long past the 30-minute acknowledgment deadline
    expect((await post({ type: 'acknowledgment', by: 'bob' })).status).toBe(201);

    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.status).toBe('acknowledged');
    expect(body.acknowledgedBy).toBe('alice');
    expect(body.sla.acknowledgment).toMatchObject({
      state: 'met',
      answeredAt: '2026-11-30T12:05:00.000Z',
      deadline: '2026-11-30T12:30:00.000Z',
      elapsedSeconds: 300,
      remainingSeconds: 25 * 60,
      overrunSeconds: 0,
    });
    expect(body.sla.resolution).toMatchObject({ state: 'compliant', answeredAt: null, elapsedSeconds: 125 * 60 });
  });

  it('a resolution on an unacknowledged alert also answers the acknowledgment clock', async () => {
    const { post, get } = await setup();
    const res = await post({ type: 'resolution', by: 'carol', note: 'rolled back' });
    expect(res.status).toBe(201);
    const { body } = await get();
    expect(body).toMatchObject({
      status: 'resolved',
      acknowledgedAt: '2026-11-30T12:05:00.000Z',
      resolvedAt: '2026-11-30T12:05:00.000Z',
      resolvedBy: 'carol',
    });
    expect(body.sla.acknowledgment.state).toBe('met');
    expect(body.sla.resolution.state).toBe('met');
  });

  it('refuses any response after the resolution (409) and keeps what was recorded', async () => {
    const { post, get } = await setup();
    await post({ type: 'resolution', by: 'carol' });
    for (const type of ['update', 'acknowledgment', 'resolution', 'escalation']) {
      const res = await post({ type, by: 'dave' });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: 'conflict' });
    }
    expect((await get()).body.responses).toHaveLength(1);
  });

  it('refuses a response past the cap of responses per alert (409)', async () => {
    const { post, store, get } = await setup();
    const full = makeAlert({ dedupKey: 'full', status: 'acknowledged', acknowledgedAt: FIXTURE_CREATED_AT, acknowledgedBy: 'x' });
    const responses = Array.from({ length: MAX_RESPONSES }, (_, i) => ({ id: `${full.id}_${i + 1}`, type: 'update' as const, by: 'x', note: null, at: FIXTURE_CREATED_AT, via: 'api' as const }));
    await store.create({ ...full, responses });
    const res = await post({ type: 'update', by: 'y' }, AUTH, full.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'conflict' });
    expect((await get(full.id)).body.responses).toHaveLength(MAX_RESPONSES);
  });

  it('lists every problem of an invalid body at once (422), naming each field', async () => {
    const { post, get } = await setup();
    const res = await post({ type: 'ack', by: '   ', note: 'x'.repeat(1001), assignee: 'bob', extra: 1 });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; details: string[] };
    expect(body.error).toBe('unprocessable');
    const fields = body.details.map((d) => d.slice(0, d.indexOf(':'))).sort();
    expect(fields).toEqual(['assignee', 'by', 'extra', 'note', 'type']);
    expect(body.details.find((d) => d.startsWith('type:'))).toContain('acknowledgment, update, resolution, escalation');

    const missing = await post({});
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { details: string[] }).details.map((d) => d.split(':')[0]).sort()).toEqual(['by', 'type']);

    const notObject = await post([1, 2]);
    expect(notObject.status).toBe(422);
    const ctl = await post({ type: 'update', by: 'eve\r\nBcc: x@example.com' });
    expect(ctl.status).toBe(422);
    expect((await get()).body.responses).toEqual([]);
  });

  it('answers 400 for malformed JSON, 415 for a body that is not JSON and 413 for an oversized one', async () => {
    const { post, app, alert } = await setup();
    const bad = await post('{"type": "update", "by": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request' });

    const form = await app.request(`/alerts/${alert.id}/responses`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=update&by=alice',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: 'unsupported_media_type' });

    const huge = await post({ type: 'update', by: 'alice', note: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 404 for an alert that does not exist, or an id no alert can have', async () => {
    const { post } = await setup();
    const unknown = makeAlert({ dedupKey: 'never-stored' }).id;
    for (const id of [unknown, 'not-an-alert-id', '..%2F..%2Fetc']) {
      const res = await post({ type: 'acknowledgment', by: 'alice' }, AUTH, id);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('records all of 50 concurrent responses, each with its own tracking id', async () => {
    const { post, get, alert } = await setup();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post({ type: 'update', by: `responder-${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const ids = await Promise.all(results.map(async (r) => ((await r.json()) as Created).response.id));
    const expected = Array.from({ length: 50 }, (_, i) => `${alert.id}_${i + 1}`);
    expect([...ids].sort()).toEqual([...expected].sort());

    const { body } = await get();
    expect(body.responses.map((r) => r.id)).toEqual(expected);
    expect(new Set(body.responses.map((r) => r.by)).size).toBe(50);
  });
});
