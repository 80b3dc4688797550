/**
 * Prometheus Alertmanager's webhook (payload version 4). See alert-group.ts for what an alert
 * of the group becomes; Alertmanager adds nothing beyond it.
 */
import type { IntakeEvent } from '../intake-event.ts';
import { parseAlertGroup } from './alert-group.ts';

export function parseAlertmanager(body: unknown): IntakeEvent[] {
  return parseAlertGroup(body, { source: 'alertmanager', extraLinks: () => [] });
}
