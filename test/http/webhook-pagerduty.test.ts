import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { pdAction, pdEvent } from '../support/payload-fixtures.ts';
import { testDeps } from '../support/test-deps.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup() {
  const t = testDeps({ now: NOW });
  const app = createApp(t.deps, { linkSecret: 'pd-test-link-secret-0123456789abc' });
  const enqueue = (body: string, path = '/v2/enqueue', headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request(path, { method: 'POST', headers, body });
  return { ...t, app, enqueue };
}

describe('PagerDuty Events v2', () => {
  it("answers PagerDuty's exact 202 and stores the alert under the routing key's integration", async () => {
    const { enqueue, store } = setup();
    const res = await enqueue(JSON.stringify(pdEvent()));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'db-replication-lag' });
    expect(store.all().map((a) => [a.integrationId, a.title, a.priority])).toEqual([['pd', 'Replication lag above 30s on db-2', 'high']]);
  });

  it('generates and returns a dedup_key for a trigger without one, which then resolves it', async () => {
    const { enqueue, store } = setup();
    const res = await enqueue(JSON.stringify(pdEvent({ dedup_key: undefined })));
    const { dedup_key: key } = (await res.json()) as { dedup_key: string };
    expect(key).toMatch(UUID);
    expect((await enqueue(JSON.stringify(pdAction('resolve', key)))).status).toBe(202);
    expect(store.all().map((a) => [a.dedupKey, a.status])).toEqual([[key, 'resolved']]);
  });

  it('answers an invalid event exactly as PagerDuty, listing each error, and stores nothing', async () => {
    const { enqueue, store } = setup();
    const res = await enqueue(JSON.stringify(pdEvent({ payload: { summary: 'x', severity: 'sev1' } })));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ['payload.source: required', 'payload.severity: must be one of critical, error, warning, info'],
    });
    expect(store.all()).toEqual([]);
  });

  it('answers malformed JSON and a wrong media type in the same shape', async () => {
    const { enqueue } = setup();
    const malformed = await enqueue('{"routing_key":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
    const text = await enqueue(JSON.stringify(pdEvent()), '/v2/enqueue', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ status: 'invalid event' });
  });

  it('answers 401 for a routing key no pagerduty integration has, even another integration\'s secret', async () => {
    const { enqueue, store } = setup();
    for (const key of [TEST_SECRETS.am, 'x'.repeat(32), undefined]) {
      const res = await enqueue(JSON.stringify(pdEvent({ routing_key: key })));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ status: 'unauthorized', errors: [expect.any(String)] });
    }
    expect(store.all()).toEqual([]);
  });

  it('is also served at /webhooks/:id of a pagerduty integration, whose routing key must match it', async () => {
    const { enqueue, store } = setup();
    const res = await enqueue(JSON.stringify(pdEvent()), '/webhooks/pd');
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'success', dedup_key: 'db-replication-lag' });
    const wrong = await enqueue(JSON.stringify(pdEvent({ routing_key: 'abcdefghijklmnopqrstuvwxyz012345' })), '/webhooks/pd');
    expect(wrong.status).toBe(401);
    expect(store.all()).toHaveLength(1);
  });
});
