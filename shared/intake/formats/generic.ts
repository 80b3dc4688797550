/**
 * The generic JSON format, for scripts and tools without a format of their own.
 *
 * A body is one event, an array of events, or `{ "events": [...] }`. An event:
 *
 * ```json
 * {
 *   "id": "disk-full-db1",
 *   "title": "Disk almost full on db1",
 *   "status": "firing",
 *   "severity": "warning",
 *   "priority": "high",
 *   "description": "/var is 93% full",
 *   "source": "disk-check",
 *   "labels": { "host": "db1" },
 *   "links": [{ "href": "https://grafana.example.com/d/disk", "text": "Dashboard" }],
 *   "started_at": "2026-03-02T08:55:00Z",
 *   "by": "disk-check"
 * }
 * ```
 *
 * - `id` (or `dedup_key`), string or number, up to 255 characters: required. It names the
 *   problem; sending it again while the alert is open is a repeat.
 * - `title`: required when the status is `firing`.
 * - `status`: `firing` (default), `acknowledged` or `resolved`. Firing again after `resolved`
 *   opens a new occurrence of the same id.
 * - `priority` (`critical | high | medium | low`) sets the priority outright; otherwise
 *   `severity` is mapped through the integration's `priority_map` and the built-in words.
 * - `source`: what raised it, for the report's noisiest sources (default `generic`).
 * - `labels`: string values (numbers and booleans are taken as text).
 * - `links`: `{ href, text }` objects or plain URLs, absolute http(s) only.
 * - `started_at`: RFC 3339, when the problem started at the source (the SLA still counts
 *   from receipt).
 * - `by`: who acknowledged or resolved (default `generic`).
 * - `test`: `true` marks a test of the connection (a tool's test button): answered with
 *   outcome `test` and never stored; only `id` is required then.
 */
import type { AlertLink } from '../../domain/alert/alert.ts';
import { PRIORITIES, type Priority } from '../../domain/sla/priority.ts';
import { BodyReader, fieldPath, isJsonObject, itemPath, type JsonObject } from '../body-reader.ts';
import type { IntakeAction, IntakeEvent } from '../intake-event.ts';
import { httpLink, INTAKE_LIMITS, withinLimits } from '../intake-limits.ts';

const STATUSES = ['firing', 'acknowledged', 'resolved'] as const;
const ACTION_OF: Readonly<Record<(typeof STATUSES)[number], IntakeAction>> = {
  firing: 'trigger',
  acknowledged: 'acknowledge',
  resolved: 'resolve',
};

export function parseGeneric(body: unknown): IntakeEvent[] {
  const reader = new BodyReader();
  const items = eventItems(body);
  const events: IntakeEvent[] = [];
  if (items === null) reader.problem('', 'must be an event object, an array of events or { "events": [...] }');
  items?.values.forEach((item, index) => {
    const event = readEvent(reader, item, items.pathOf(index));
    if (event !== null) events.push(event);
  });
  reader.finish('invalid generic webhook body');
  return events;
}

interface EventItems {
  readonly values: readonly unknown[];
  readonly pathOf: (index: number) => string;
}

function eventItems(body: unknown): EventItems | null {
  if (Array.isArray(body)) return { values: body, pathOf: (i) => itemPath('', i) };
  if (!isJsonObject(body)) return null;
  const events = body['events'];
  if (Array.isArray(events)) return { values: events, pathOf: (i) => itemPath('events', i) };
  return { values: [body], pathOf: () => '' };
}

function readEvent(reader: BodyReader, item: unknown, path: string): IntakeEvent | null {
  const event = reader.object(item, path);
  if (event === null) return null;
  const at = (key: string) => fieldPath(path, key);
  const keyField = event['dedup_key'] !== undefined ? 'dedup_key' : 'id';
  const dedupKey = reader.key(event[keyField], at(keyField), { required: true, maxLength: INTAKE_LIMITS.dedupKeyLength, identity: true });
  const status = reader.string(event['status'], at('status'), { oneOf: STATUSES }) ?? 'firing';
  const test = event['test'];
  if (test !== undefined && typeof test !== 'boolean') reader.problem(at('test'), 'must be true or false');
  const isTest = test === true;
  const title = reader.string(event['title'], at('title'), { required: status === 'firing' && !isTest });
  const priority = reader.string(event['priority'], at('priority'), { oneOf: PRIORITIES }) as Priority | null;
  const severity = reader.string(event['severity'], at('severity'));
  const description = reader.string(event['description'], at('description'));
  const source = reader.string(event['source'], at('source'));
  const by = reader.string(event['by'], at('by'));
  const labels = reader.stringMap(event['labels'], at('labels'));
  const startedAt = reader.timestamp(event['started_at'], at('started_at'));
  const links = readLinks(reader, event['links'], at('links'));
  if (dedupKey === null) return null;
  return withinLimits({
    action: isTest ? 'test' : ACTION_OF[status as (typeof STATUSES)[number]],
    dedupKey,
    reopenAfterResolve: true,
    title: title ?? '',
    description,
    sourceName: source ?? 'generic',
    severity,
    priority,
    labels,
    annotations: {},
    links,
    sourceStartedAt: startedAt,
    by: by ?? 'generic',
  });
}

/** Unlike the tools' formats, a script's author can fix a bad link: each one is reported. */
function readLinks(reader: BodyReader, value: unknown, path: string): AlertLink[] {
  const items = reader.array(value, path, false) ?? [];
  return items.flatMap((item, index) => {
    const itemAt = itemPath(path, index);
    const link: JsonObject | null = typeof item === 'string' ? { href: item } : reader.object(item, itemAt);
    if (link === null) return [];
    const hrefAt = typeof item === 'string' ? itemAt : fieldPath(itemAt, 'href');
    const text = reader.string(link['text'], fieldPath(itemAt, 'text'));
    const checked = httpLink(link['href'], text ?? undefined);
    if (checked === null) reader.problem(hrefAt, `must be an absolute http(s) URL of at most ${INTAKE_LIMITS.hrefLength} characters`);
    return checked === null ? [] : [checked];
  });
}
