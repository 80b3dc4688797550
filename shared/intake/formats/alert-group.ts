/**
 * The alert group both Alertmanager (webhook v4) and Grafana (unified alerting webhook contact
 * point) post: `{ receiver, status, alerts: [...], groupLabels, commonLabels, ... }`.
 *
 * Each alert of the group is its own event; the group's own status and labels are ignored (a
 * group may mix firing and resolved alerts). An alert is identified by its `fingerprint`
 * (stable from firing to resolved) plus its `startsAt` (one occurrence): the dedup key is
 * `fingerprint@startsAt`, with `startsAt` normalized to UTC milliseconds because peers of an
 * Alertmanager cluster may write the same instant in different zones. Since the key already
 * names one occurrence, a firing delivered after its resolution is out of order and ignored
 * (`reopenAfterResolve: false`); the next real firing has a new `startsAt`.
 *
 * Repeats every `repeat_interval` are normal and merge into the open alert.
 */
import type { AlertLink } from '../../domain/alert/alert.ts';
import { toIso } from '../../domain/instant.ts';
import { BodyReader, fieldPath, itemPath, type JsonObject } from '../body-reader.ts';
import type { IntakeEvent } from '../intake-event.ts';
import { httpLink, INTAKE_LIMITS, withinLimits } from '../intake-limits.ts';

export interface AlertGroupDialect {
  /** Recorded as who resolved, and the source name of an alert without `alertname`. */
  readonly source: 'alertmanager' | 'grafana';
  /** Links a dialect adds beyond generatorURL and the runbook (Grafana's silence, dashboard, panel). */
  readonly extraLinks: (alert: JsonObject) => readonly (AlertLink | null)[];
}

const STATUSES = ['firing', 'resolved'] as const;
// Room for `@` and the normalized startsAt inside the 255 characters a dedup key may have.
const MAX_FINGERPRINT = INTAKE_LIMITS.dedupKeyLength - 32;

export function parseAlertGroup(body: unknown, dialect: AlertGroupDialect): IntakeEvent[] {
  const reader = new BodyReader();
  const group = reader.object(body, '');
  const alerts = group === null ? null : reader.array(group['alerts'], 'alerts');
  const events: IntakeEvent[] = [];
  alerts?.forEach((item, index) => {
    const event = readAlert(reader, item, itemPath('alerts', index), dialect);
    if (event !== null) events.push(event);
  });
  reader.finish(`invalid ${dialect.source} webhook body`);
  return events;
}

function readAlert(reader: BodyReader, item: unknown, path: string, dialect: AlertGroupDialect): IntakeEvent | null {
  const alert = reader.object(item, path);
  if (alert === null) return null;
  const status = reader.string(alert['status'], fieldPath(path, 'status'), { required: true, oneOf: STATUSES });
  const fingerprint = reader.string(alert['fingerprint'], fieldPath(path, 'fingerprint'), { required: true, maxLength: MAX_FINGERPRINT, identity: true });
  const startsAt = reader.timestamp(alert['startsAt'], fieldPath(path, 'startsAt'), true);
  const labels = reader.stringMap(alert['labels'], fieldPath(path, 'labels'), true);
  const annotations = reader.stringMap(alert['annotations'], fieldPath(path, 'annotations'));
  if (status === null || fingerprint === null || startsAt === null) return null;

  const alertname = nonEmpty(labels['alertname']);
  const links = [
    httpLink(alert['generatorURL'], 'Source'),
    httpLink(annotations['runbook_url'], 'Runbook'),
    ...dialect.extraLinks(alert),
  ].filter((link) => link !== null);
  return withinLimits({
    action: status === 'firing' ? 'trigger' : 'resolve',
    dedupKey: `${fingerprint}@${toIso(startsAt)}`,
    reopenAfterResolve: false,
    title: nonEmpty(annotations['summary']) ?? alertname ?? `alert ${fingerprint}`,
    description: nonEmpty(annotations['description']),
    sourceName: alertname ?? dialect.source,
    severity: nonEmpty(labels['severity']),
    priority: null,
    labels,
    annotations,
    links,
    sourceStartedAt: startsAt,
    by: dialect.source,
  });
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : text;
}
