/**
 * The report's truth end to end on the local stack, over HTTP: with a 2-second critical
 * acknowledgment SLA, an alert left alone for 3 s is a breach still open, and the report says
 * compliance 0% with one breached-open alert in its JSON, its text (the CLI, reading the
 * running stack's store) and its HTML page; an Alertmanager `resolved` for another alert
 * closes that one by source, which leaves MTTA at "none answered".
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportCommand } from '../../infra/cli/commands/report.ts';
import { localCredentials } from '../../infra/local/local-credentials.ts';
import { LOCAL_TABLE_NAME } from '../../infra/local/local-table.ts';
import { DynamoAlertStore } from '../../shared/adapters/dynamo/dynamo-alert-store.ts';
import { systemClock } from '../../shared/adapters/clock/system-clock.ts';
import type { ReportJson } from '../../shared/report/report-json.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { amAlert, amGroup } from '../support/payload-fixtures.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';

const TWO_SECOND_CRITICAL = {
  sla: {
    definitions: { critical: { acknowledgment_time: 2, resolution_time: 600 } },
    reporting: { timezone: 'UTC', include_details: true },
  },
};

function post(stack: TestStack, integration: string, secret: string, body: unknown) {
  return fetch(`${stack.url}/webhooks/${integration}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the report on the local stack', () => {
  let stack: TestStack;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    stack = await startTestStack({ patch: TWO_SECOND_CRITICAL });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows 0% with one breached-open alert in JSON, text and HTML, and MTTA none answered', async () => {
    const left = await post(stack, 'generic', TEST_SECRETS.generic, { id: 'left-alone', title: 'Checkout down', priority: 'critical' });
    expect(left.status).toBe(200);
    const startsAt = new Date().toISOString();
    const firing = amGroup([amAlert({ fingerprint: 'flapping', startsAt, labels: { alertname: 'Flapping', severity: 'critical' } })]);
    expect((await post(stack, 'am', TEST_SECRETS.am, firing)).status).toBe(200);
    const resolved = amGroup([amAlert({ fingerprint: 'flapping', startsAt, status: 'resolved', labels: { alertname: 'Flapping', severity: 'critical' } })]);
    const resolvedBody = (await (await post(stack, 'am', TEST_SECRETS.am, resolved)).json()) as { results: { outcome: string }[] };
    expect(resolvedBody.results[0]?.outcome).toBe('resolved');
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const response = await stack.api(`/reports/daily?date=${today}`);
    expect(response.status).toBe(200);
    const json = (await response.json()) as ReportJson;
    const critical = json.priorities.find((p) => p.priority === 'critical');
    expect(critical?.acknowledgment).toMatchObject({ met: 0, breached_open: 1, closed_by_source: 1, compliance: 0 });
    expect(critical?.mtta.wall).toBeNull();
    expect(critical?.resolvedBySourceUnacknowledged).toBe(1);
    expect(json.backlog.total).toMatchObject({ open: 1, breached: 1 });

    const page = await (await stack.api(`/reports/daily/${today}`)).text();
    expect(page).toContain('Acknowledged within SLA: 0% (0 met, 0 missed, 1 breached and still open, 1 closed by source)');
    expect(page).toContain('Time to acknowledge (people)</td><td style="padding:4px 8px;vertical-align:top;border-bottom:1px solid #e5e7eb;text-align:left;">none answered');
    expect(page).toContain('bgcolor="#7f1d1d"'); // the breached-open segment, red

    const client = new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: localCredentials });
    const out: string[] = [];
    const err: string[] = [];
    try {
      const command = makeReportCommand({
        findRunningStack: async () => ({ url: stack.url, sesUrl: stack.sesUrl }),
        loadConfig: async () => stack.config,
        openStore: async () => ({ store: new DynamoAlertStore({ client, tableName: LOCAL_TABLE_NAME }), close: async () => undefined }),
        openMailer: () => {
          throw new Error('not mailing');
        },
        clock: systemClock,
      });
      const code = await command.run(['--date', today], { out: (line) => out.push(line), err: (line) => err.push(line), env: {} });
      expect(err).toEqual([]);
      expect(code).toBe(0);
    } finally {
      client.destroy();
    }
    const text = out.join('\n');
    expect(text).toContain('  Acknowledged within SLA: 0% (0 met, 0 missed, 1 breached and still open, 1 closed by source)');
    expect(text).toContain('  Time to acknowledge (people): none answered');
    expect(text).toContain('  Resolved by source, never acknowledged: 1');
    expect(text).toMatch(/- \[BREACHED\] \[critical\] Checkout down/);
  });
});
