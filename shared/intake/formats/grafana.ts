/**
 * Grafana unified alerting's webhook contact point: Alertmanager's group shape (see
 * alert-group.ts) plus, per alert, links to silence it and to its dashboard and panel (empty
 * strings when the rule has none, which are dropped).
 *
 * The contact point's Test button posts a synthetic alert that Grafana builds from fixed
 * defaults (labels `alertname: TestAlert`, `instance: Grafana`; annotation `summary:
 * Notification test`), with any custom labels of the test dialog merged over them. Such an
 * alert is a `test` event: answered 200 with outcome `test`, logged, nothing stored, no email,
 * no SLA clock, no place in the report. The answer is what proves the path (URL, secret,
 * signature) works.
 */
import type { JsonObject } from '../body-reader.ts';
import type { IntakeEvent } from '../intake-event.ts';
import { httpLink } from '../intake-limits.ts';
import { parseAlertGroup } from './alert-group.ts';

/** The labels Grafana gives every test notification (grafana/alerting `newTestAlert`). */
const TEST_LABELS: Readonly<Record<string, string>> = { alertname: 'TestAlert', instance: 'Grafana' };

export function isGrafanaTestAlert(labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(TEST_LABELS).every(([name, value]) => labels[name] === value);
}

export function parseGrafana(body: unknown): IntakeEvent[] {
  const events = parseAlertGroup(body, {
    source: 'grafana',
    extraLinks: (alert: JsonObject) => [
      httpLink(alert['dashboardURL'], 'Dashboard'),
      httpLink(alert['panelURL'], 'Panel'),
      httpLink(alert['silenceURL'], 'Silence'),
    ],
  });
  return events.map((event) => (isGrafanaTestAlert(event.labels) ? { ...event, action: 'test' } : event));
}
