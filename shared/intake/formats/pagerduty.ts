/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`): one event per request,
 * `{ routing_key, event_action, dedup_key, payload: { summary, source, severity, ... } }`.
 *
 * The routing key is the integration's credential and is checked before this parser runs
 * (authenticate.ts); here it only has to be present. A trigger without `dedup_key` gets the
 * key the caller generated (a UUID, passed in so that this stays a pure function) and the
 * answer returns it, as PagerDuty does. Acknowledge and resolve need the key and carry no
 * payload. A trigger after a resolution opens a new occurrence (`reopenAfterResolve`): the
 * same dedup key is reused by tools for every recurrence of a problem.
 *
 * `payload.component/group/class/source` become labels; `custom_details` become annotations
 * (non-string values as bounded compact text, flat-details.ts); `links` and `client_url` become links; images are ignored.
 */
import { BodyReader, fieldPath, itemPath, type JsonObject } from '../body-reader.ts';
import { flatDetails } from '../flat-details.ts';
import type { IntakeEvent } from '../intake-event.ts';
import { httpLink, INTAKE_LIMITS, withinLimits } from '../intake-limits.ts';
import type { AlertLink } from '../../domain/alert/alert.ts';

const ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
const LABEL_FIELDS = ['component', 'group', 'class'] as const;

export function parsePagerDuty(body: unknown, generatedDedupKey: string): IntakeEvent[] {
  const reader = new BodyReader();
  const event = reader.object(body, '');
  if (event === null) {
    reader.finish('invalid PagerDuty event');
    return [];
  }
  reader.string(event['routing_key'], 'routing_key', { required: true });
  const action = reader.string(event['event_action'], 'event_action', { required: true, oneOf: ACTIONS });
  const dedupKey = reader.key(event['dedup_key'], 'dedup_key', { required: action !== null && action !== 'trigger', maxLength: INTAKE_LIMITS.dedupKeyLength, identity: true });
  const client = reader.string(event['client'], 'client');
  const by = client === null ? 'pagerduty' : `pagerduty:${client}`;

  if (action === 'acknowledge' || action === 'resolve') {
    reader.finish('invalid PagerDuty event');
    // finish() threw unless dedup_key, required for these actions, was read.
    return [responseEvent(action, dedupKey as string, by)];
  }
  // A trigger, or an unknown action: its payload is checked too, so one answer lists everything.
  const payload = reader.object(event['payload'], 'payload');
  const summary = payload === null ? null : reader.string(payload['summary'], 'payload.summary', { required: true, maxLength: 1024 });
  const source = payload === null ? null : reader.string(payload['source'], 'payload.source', { required: true });
  const severity = payload === null ? null : reader.string(payload['severity'], 'payload.severity', { required: true, oneOf: SEVERITIES });
  const startedAt = payload === null ? null : reader.timestamp(payload['timestamp'], 'payload.timestamp');
  const labels: Record<string, string> = {};
  for (const field of LABEL_FIELDS) {
    const value = payload === null ? null : reader.string(payload[field], fieldPath('payload', field));
    if (value !== null) labels[field] = value;
  }
  const links = readLinks(reader, event);
  reader.finish('invalid PagerDuty event');

  return [
    withinLimits({
      action: 'trigger',
      dedupKey: dedupKey ?? generatedDedupKey,
      reopenAfterResolve: true,
      title: summary as string,
      description: typeof payload?.['custom_details'] === 'string' ? payload['custom_details'] : null,
      sourceName: source as string,
      severity,
      priority: null,
      labels: { source: source as string, ...labels },
      annotations: flatDetails(payload?.['custom_details'], INTAKE_LIMITS.mapEntries, INTAKE_LIMITS.mapValueLength),
      links: [...links, httpLink(event['client_url'], client ?? 'Source')].filter((link) => link !== null),
      sourceStartedAt: startedAt,
      by,
    }),
  ];
}

function responseEvent(action: 'acknowledge' | 'resolve', dedupKey: string, by: string): IntakeEvent {
  return withinLimits({
    action,
    dedupKey,
    reopenAfterResolve: true,
    title: '',
    description: null,
    sourceName: 'pagerduty',
    severity: null,
    priority: null,
    labels: {},
    annotations: {},
    links: [],
    sourceStartedAt: null,
    by,
  });
}

function readLinks(reader: BodyReader, event: JsonObject): AlertLink[] {
  const items = reader.array(event['links'], 'links', false) ?? [];
  return items.flatMap((item, index) => {
    const link = reader.object(item, itemPath('links', index));
    if (link === null) return [];
    const text = reader.string(link['text'], fieldPath(itemPath('links', index), 'text'));
    return [httpLink(link['href'], text ?? undefined)].filter((l) => l !== null);
  });
}
