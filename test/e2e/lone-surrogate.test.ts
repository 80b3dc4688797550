/**
 * A lone UTF-16 surrogate in an alert (an annotation `"hi \ud800"`, as JSON escapes allow)
 * once made every email of that alert fail and poisoned the next, unrelated email through the
 * SDK client they share. Now the intake gate makes it U+FFFD, and the alert gets every email:
 * new-alert, breach and the daily report; the next alert's email is untouched.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { sendDailyReport } from '../../shared/app/send-report.ts';
import { localCredentials } from '../../infra/local/local-credentials.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

// Breached two seconds after it arrives, so the breach email comes while the test waits.
const FAST_CRITICAL = { sla: { definitions: { critical: { acknowledgment_time: 2, resolution_time: 600 } }, reporting: { recipients: ['reports@example.test'] } } };

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ patch: FAST_CRITICAL });
});
afterAll(async () => {
  await stack.stop();
});

/** The body, as raw text: `\ud800` is a JSON escape for a lone high surrogate. */
function loneSurrogateBody(fingerprint: string, summary: string): string {
  return (
    `{"alerts":[{"status":"firing","fingerprint":"${fingerprint}","startsAt":"${new Date().toISOString()}",` +
    `"labels":{"alertname":"x","severity":"critical","zone":"eu\\udc00"},"annotations":{"summary":"${summary}"}}]}`
  );
}

async function postAlertmanager(body: string): Promise<string> {
  const response = await fetch(`${stack.url}/webhooks/am`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_SECRETS.am}`, 'content-type': 'application/json' },
    body,
  });
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as { results: { alertId: string }[] };
  return results[0]?.alertId as string;
}

describe('an alert with a lone surrogate', () => {
  it('gets its new-alert, breach and report emails, and the next alert its own, intact', async () => {
    const alertId = await postAlertmanager(loneSurrogateBody('lone-1', 'hi \\ud800'));
    const stored = (await (await stack.api(`/alerts/${alertId}`)).json()) as { title: string; labels: Record<string, string> };
    expect(stored.title).toBe('hi \ufffd');
    expect(stored.labels['zone']).toBe('eu\ufffd');

    const newAlert = await waitFor('the new-alert email', async () => (await stack.emails()).find((m) => m.subject.includes('new alert: hi \ufffd')));
    expect(newAlert.body.text).toContain('hi \ufffd');
    // One message per recipient: the on-call's own, whichever recipient's arrived first.
    const breach = await waitFor('the breach email to the on-call', async () =>
      (await stack.emails()).find((m) => /breach/i.test(m.subject) && m.subject.includes('hi \ufffd') && m.destination.to.includes('oncall-critical@example.test')),
    );
    expect(breach.body.text).toContain('hi \ufffd');

    const ses = new SESClient({ endpoint: stack.sesUrl, region: 'us-east-1', credentials: localCredentials });
    try {
      const date = new Date().toISOString().slice(0, 10);
      const outcome = await sendDailyReport(stack.deps, { mailer: new SesMailer({ client: ses, from: 'sla-watch@example.test' }) }, { date });
      expect(outcome.kind).toBe('sent');
      const report = await waitFor('the report email', async () => (await stack.emails()).find((m) => m.destination.to.includes('reports@example.test')));
      expect(report.body.html).toContain('hi \ufffd');
    } finally {
      ses.destroy();
    }

    // The next, unrelated alert: its email arrives as sent, and nothing failed on the way.
    await postAlertmanager(loneSurrogateBody('plain-2', 'Disk full on db2'));
    const next = await waitFor('the next alert email', async () => (await stack.emails()).find((m) => m.subject.includes('new alert: Disk full on db2')));
    expect(next.body.text).toContain('Disk full on db2');
    expect(stack.logger.entries.filter((entry) => entry.level === 'error' || /mail|email/i.test(entry.message) && entry.level === 'warn')).toEqual([]);
  });

  it('in a response through the API is made well-formed too', async () => {
    const alertId = await postAlertmanager(loneSurrogateBody('lone-3', 'Responses'));
    const response = await stack.api(`/alerts/${alertId}/responses`, { method: 'POST', body: '{"type":"update","by":"bob \\ud800","note":"on it \\udc00\\u0007"}' });
    expect(response.status).toBe(201);
    const { response: recorded } = (await response.json()) as { response: { by: string; note: string } };
    expect(recorded).toMatchObject({ by: 'bob \ufffd', note: 'on it \ufffd' });
  });
});
