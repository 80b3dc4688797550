/**
 * A real Prometheus Alertmanager delivers to the local stack over HTTP with bearer auth: an
 * alert posted to Alertmanager becomes an open alert with the right priority and deadlines,
 * and ending it in Alertmanager resolves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryOrSkip } from '../support/binaries.ts';
import { startAlertmanager, type RunningAlertmanager } from '../support/alertmanager.ts';
import { TEST_SECRETS } from '../support/config-fixtures.ts';
import { startTestStack, type TestStack } from '../support/test-stack.ts';
import { waitFor } from '../support/wait-for.ts';

const binary = binaryOrSkip(['prometheus-alertmanager', 'alertmanager'], 'apt-get install prometheus-alertmanager');

interface AlertSummary {
  id: string;
  title: string;
  priority: string;
  status: string;
}

describe.runIf(binary)('Alertmanager to sla-watch, end to end', () => {
  let stack: TestStack;
  let alertmanager: RunningAlertmanager;

  beforeAll(async () => {
    stack = await startTestStack();
    alertmanager = await startAlertmanager(binary as string, { url: `${stack.url}/webhooks/am`, bearer: TEST_SECRETS.am });
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await stack?.stop();
  });

  const findAlert = async (title: string, status?: string) => {
    const response = await stack.api('/alerts?limit=100');
    const { alerts } = (await response.json()) as { alerts: AlertSummary[] };
    return alerts.find((alert) => alert.title === title && (status === undefined || alert.status === status));
  };

  it('opens an alert with its priority and deadlines, then resolves it when Alertmanager does', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const alert = {
      labels: { alertname: 'DiskAlmostFull', instance: 'db-1', severity: 'critical' },
      annotations: { summary: 'Disk on db-1 is 95% full' },
      startsAt,
    };
    await alertmanager.postAlerts([alert]);

    const opened = await waitFor('the alert to arrive', () => findAlert('Disk on db-1 is 95% full'), 15_000, 100);
    expect(opened.priority).toBe('critical');
    expect(opened.status).toBe('open');

    const detail = (await (await stack.api(`/alerts/${opened.id}`)).json()) as {
      createdAt: string;
      labels: Record<string, string>;
      sla: { calendar: string; acknowledgment: { deadline: string }; resolution: { deadline: string } };
    };
    const createdAt = Date.parse(detail.createdAt);
    // Critical is counted around the clock: 300 s to acknowledge, 3600 s to resolve.
    expect(detail.sla.calendar).toBe('24x7');
    expect(Date.parse(detail.sla.acknowledgment.deadline) - createdAt).toBe(300_000);
    expect(Date.parse(detail.sla.resolution.deadline) - createdAt).toBe(3_600_000);
    expect(detail.labels.instance).toBe('db-1');

    await alertmanager.postAlerts([{ ...alert, endsAt: new Date(Date.now() - 1000).toISOString() }]);
    const resolved = await waitFor('the alert to be resolved', () => findAlert('Disk on db-1 is 95% full', 'resolved'), 15_000, 100);
    expect(resolved.id).toBe(opened.id);

    const after = (await (await stack.api(`/alerts/${opened.id}`)).json()) as { responses: { type: string; via: string }[] };
    expect(after.responses.map((response) => [response.type, response.via])).toContainEqual(['resolution', 'webhook']);
  });
});
