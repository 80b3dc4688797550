/**
 * Hostile requests against every format and route of the local stack (fast-check): arbitrary
 * JSON of hostile values, each format's real shape with one field replaced by something
 * hostile, nesting past the depth limit, and raw text a parser chokes on. What must hold:
 * - nothing answers 5xx (senders retry a 5xx forever);
 * - nothing is stored for a refused request: every stored alert is one a 2xx answer named;
 * - every stored alert's emails render and send (its new-alert email arrived; a breach email
 *   rendered from it now is accepted by SES).
 */
import { SESClient } from '@aws-sdk/client-ses';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { Alert } from '../../shared/domain/alert/alert.ts';
import { signLinkToken } from '../../shared/domain/links/link-token.ts';
import { renderNotificationEmail } from '../../shared/notify/templates/render-email.ts';
import { localCredentials } from '../../infra/local/local-credentials.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { amGroup, genericEvent, grafanaGroup, kumaNotice, pdEvent } from '../support/payload-fixtures.ts';
import { startTestStack, TEST_LINK_SECRET, type TestStack } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';
import { deepText, hostileJson, hostileNumber, hostileString, pathsOf, replaceAt } from './hostile-values.ts';

const RUNS = 20;

let stack: TestStack;
/** Alert ids named by 2xx intake answers. */
const accepted = new Set<string>();
/** PagerDuty answers name the dedup key instead (`202 {dedup_key}`). */
const acceptedDedupKeys = new Set<string>();
const statuses = new Map<number, number>();
let seedAlertId: string;

beforeAll(async () => {
  stack = await startTestStack();
  seedAlertId = (await intake('/webhooks/generic', TEST_SECRETS.generic, JSON.stringify(genericEvent({ id: 'fuzz-seed' })))).alertIds[0] as string;
});
afterAll(async () => {
  await stack.stop();
});

function count(status: number): number {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  return status;
}

async function intake(path: string, secret: string | null, body: string, contentType = 'application/json'): Promise<{ status: number; alertIds: string[] }> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (secret !== null) headers['authorization'] = `Bearer ${secret}`;
  const response = await fetch(`${stack.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  count(response.status);
  expect(response.status, `${path} ${body.slice(0, 300)} -> ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 300) return { status: response.status, alertIds: [] };
  const answer = JSON.parse(text) as { results?: { alertId: string | null }[]; dedup_key?: string };
  if (answer.dedup_key !== undefined) acceptedDedupKeys.add(answer.dedup_key);
  const alertIds = (answer.results ?? []).map((r) => r.alertId).filter((id): id is string => typeof id === 'string');
  for (const id of alertIds) accepted.add(id);
  return { status: response.status, alertIds };
}

const FORMATS = [
  { name: 'alertmanager', path: '/webhooks/am', secret: TEST_SECRETS.am, base: (n: number) => amGroup([{ ...(amGroup().alerts as object[])[0], fingerprint: `fz${n}` }]) },
  { name: 'grafana', path: '/webhooks/grafana', secret: TEST_SECRETS.grafana, base: (n: number) => ({ ...grafanaGroup(), alerts: [{ ...(grafanaGroup().alerts as object[])[0], fingerprint: `fz${n}` }] }) },
  { name: 'uptime kuma', path: '/webhooks/kuma', secret: TEST_SECRETS.kuma, base: (n: number) => kumaNotice({ monitorId: 1000 + n }) },
  { name: 'generic', path: '/webhooks/generic', secret: TEST_SECRETS.generic, base: (n: number) => genericEvent({ id: `fz-${n}` }) },
  { name: 'pagerduty', path: '/webhooks/pd', secret: null, base: (n: number) => pdEvent({ dedup_key: `fz-${n}` }) },
  { name: 'pagerduty events v2', path: '/v2/enqueue', secret: null, base: (n: number) => pdEvent({ dedup_key: `fz-v2-${n}` }) },
] as const;

const hostileReplacement = fc.oneof(hostileJson, hostileString, hostileNumber, fc.constantFrom({}, [], null, true, '', ' '));
let serial = 0;

describe.each(FORMATS)('$name intake', ({ path, secret, base }) => {
  it('never answers 5xx to a real body with one field made hostile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), hostileReplacement, async (pick, replacement) => {
        serial += 1;
        const body = base(serial);
        const paths = pathsOf(body);
        const mutated = replaceAt(body, paths[pick % paths.length] as (string | number)[], replacement);
        await intake(path, secret, JSON.stringify(mutated));
      }),
      { numRuns: RUNS },
    );
  });

  it('never answers 5xx to arbitrary JSON, deep nesting or broken text', async () => {
    const raw = fc.oneof(
      hostileJson.map((value) => JSON.stringify(value)),
      deepText,
      fc.constantFrom('\ufeff{}', '{}', '{"foo":1}', '[]', 'null', '{"alerts":', `1${'0'.repeat(400)}`, '\u0000', ''),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (text) => {
        const { status } = await intake(path, secret, text);
        // Nothing a tool would send as an alert is in there: refused, never silently accepted.
        if (text === '{}' || text === '{"foo":1}' || text === '\ufeff{}') expect(status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
  });

  it('names the depth limit for a body nested past it', async () => {
    const pdBody = (details: unknown) => JSON.stringify(pdEvent({ dedup_key: 'deep', payload: { ...(pdEvent().payload as object), custom_details: details } }));
    const text = secret === null ? pdBody(JSON.parse('1')) : `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deep = secret === null ? text.replace('"custom_details":1', `"custom_details":${'{"d":'.repeat(5000)}1${'}'.repeat(5000)}`) : text;
    const response = await fetch(`${stack.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret === null ? {} : { authorization: `Bearer ${secret}` }) }, body: deep });
    expect([400, 422]).toContain(response.status);
    expect(await response.text()).toContain('64 levels');
  });
});

describe('API and link routes', () => {
  it('never answer 5xx to hostile responses, link tokens, forms and queries', async () => {
    const responseBody = fc.oneof(
      hostileJson.map((v) => JSON.stringify(v)),
      fc.record({ type: fc.constantFrom('update', 'acknowledgment', 'escalation'), by: hostileString, note: fc.oneof(hostileString, hostileNumber, fc.constant(null)) }).map((v) => JSON.stringify(v)),
      deepText,
    );
    const token = fc.oneof(
      hostileString.map((s) => encodeURIComponent(s.toWellFormed())),
      fc.record({ alertId: fc.oneof(hostileString, fc.constant('')), expiresAt: fc.oneof(fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15 + 1)) }).map(({ alertId, expiresAt }) =>
        signLinkToken({ alertId: alertId === '' ? seedAlertId : alertId, action: 'update', recipient: 'oncall-high@example.test', expiresAt }, TEST_LINK_SECRET),
      ),
      fc.constant(signLinkToken({ alertId: seedAlertId, action: 'update', recipient: 'x@example.test', expiresAt: Date.now() + 3_600_000 }, TEST_LINK_SECRET)),
    );
    await fc.assert(
      fc.asyncProperty(responseBody, token, hostileString, hostileString, async (body, tok, note, query) => {
        const answers = [
          await stack.api(`/alerts/${seedAlertId}/responses`, { method: 'POST', body }),
          await fetch(`${stack.url}/ack/${tok}`),
          await fetch(`${stack.url}/ack/${tok}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
            body: new URLSearchParams({ note }).toString(),
          }),
          await stack.api(`/alerts?cursor=${encodeURIComponent(query.toWellFormed())}&status=${encodeURIComponent(query.toWellFormed())}`),
          await stack.api(`/reports/daily?date=${encodeURIComponent(query.toWellFormed())}`),
        ];
        for (const answer of answers) {
          await answer.arrayBuffer();
          expect(count(answer.status), `${answer.url}`).toBeLessThan(500);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('after every hostile request', () => {
  it('stored only what a 2xx named, and every stored alert has its emails', async () => {
    const stored: Alert[] = [];
    let cursor: string | undefined;
    do {
      const page = await stack.deps.store.list({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
      stored.push(...page.alerts);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    for (const alert of stored) {
      const named = accepted.has(alert.id) || (alert.format === 'pagerduty' && acceptedDedupKeys.has(alert.dedupKey));
      expect(named, `alert ${alert.id} (${alert.title}) stored without a 2xx naming it`).toBe(true);
    }
    // Fuzzing that never got anything through would prove little.
    expect(stored.length).toBeGreaterThan(5);
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);

    const triggered = stored.filter((alert) => alert.notified.newAlertAt !== null);
    await waitFor('every new-alert email', async () => {
      const mails = await stack.emails();
      return triggered.every((alert) => mails.some((mail) => mail.body.text?.includes(alert.id))) ? true : undefined;
    });
    const ses = new SESClient({ endpoint: stack.sesUrl, region: 'us-east-1', credentials: localCredentials });
    try {
      const mailer = new SesMailer({ client: ses, from: 'sla-watch@example.test' });
      for (const alert of stored) {
        const email = renderNotificationEmail({ kind: 'acknowledgment-breach', alertId: alert.id, dueAt: Date.now() }, alert, { config: stack.config, now: Date.now(), actionLinks: [] });
        await expect(mailer.send({ ...email, to: ['fuzz@example.test'] })).resolves.toMatchObject({ messageId: expect.any(String) });
      }
    } finally {
      ses.destroy();
    }
    expect(stack.logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
