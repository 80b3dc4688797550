/**
 * Grafana unified alerting's webhook contact point: Alertmanager's group shape (see
 * alert-group.ts) plus, per alert, links to silence it and to its dashboard and panel (empty
 * strings when the rule has none, which are dropped).
 *
 * The contact point's Test button posts a synthetic alert (`TestAlert`) with an empty
 * `receiver`. It is accepted like any other alert, on purpose: a test that creates an alert
 * and sends its new-alert email proves the whole path (secret, priority mapping, mail) works,
 * which is what the person pressing the button wants to know. Its `startsAt` is the click
 * time, so each click is its own alert; resolve it from the UI or API when done.
 */
import type { JsonObject } from '../body-reader.ts';
import type { IntakeEvent } from '../intake-event.ts';
import { httpLink } from '../intake-limits.ts';
import { parseAlertGroup } from './alert-group.ts';

export function parseGrafana(body: unknown): IntakeEvent[] {
  return parseAlertGroup(body, {
    source: 'grafana',
    extraLinks: (alert: JsonObject) => [
      httpLink(alert['dashboardURL'], 'Dashboard'),
      httpLink(alert['panelURL'], 'Panel'),
      httpLink(alert['silenceURL'], 'Silence'),
    ],
  });
}
