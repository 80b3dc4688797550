/**
 * Uptime Kuma's webhook notification: `{ heartbeat, monitor, msg }`, as JSON or as
 * `multipart/form-data` with the same JSON in one `data` field (the route unwraps that).
 *
 * A monitor is one problem: the dedup key is `monitor.id`. `heartbeat.status` 0 (down) is a
 * trigger and 1 (up) a resolution; 2 (pending: retrying before declaring down) and 3
 * (maintenance) say nothing about an outage and are ignored. Going down again after coming up
 * opens a new occurrence (`reopenAfterResolve`).
 *
 * The notification's Test button, and notices that are not about a heartbeat (certificate
 * expiry), come with a null `heartbeat`: accepted and ignored. A body without Kuma's three
 * keys (`heartbeat`, `monitor`, `msg`) is refused with 422 naming them. `heartbeat.time` is UTC wall
 * time without a zone (`2024-09-24 23:51:35.527`). Kuma has no severity; a monitor tag named
 * `severity` or `priority` supplies one, and every tag becomes a label.
 */
import { BodyReader, isJsonObject, type JsonObject } from '../body-reader.ts';
import type { IntakeEvent } from '../intake-event.ts';
import { httpLink, INTAKE_LIMITS, withinLimits } from '../intake-limits.ts';
import { parseUtcWallTime } from '../timestamps.ts';

const DOWN = 0;
const UP = 1;
const STATUSES = [0, 1, 2, 3];
const SEVERITY_TAGS = ['severity', 'priority'];

export function parseUptimeKuma(body: unknown): IntakeEvent[] {
  const reader = new BodyReader();
  const notice = reader.object(body, '');
  if (notice !== null) requireKumaShape(reader, notice);
  const heartbeat = notice === null ? null : reader.object(notice['heartbeat'], 'heartbeat', false);
  if (notice === null || heartbeat === null) {
    reader.finish('invalid Uptime Kuma webhook body');
    return [];
  }
  const status = heartbeat['status'];
  if (typeof status !== 'number' || !STATUSES.includes(status)) reader.problem('heartbeat.status', 'required: 0 (down), 1 (up), 2 (pending) or 3 (maintenance)');
  const timeText = reader.string(heartbeat['time'], 'heartbeat.time');
  const time = timeText === null ? null : parseUtcWallTime(timeText);
  if (timeText !== null && time === null) reader.problem('heartbeat.time', 'must be a UTC time such as 2024-09-24 23:51:35.527');
  const monitor = reader.object(notice['monitor'], 'monitor');
  const id = monitor === null ? null : reader.key(monitor['id'], 'monitor.id', { required: true, maxLength: INTAKE_LIMITS.dedupKeyLength, identity: true });
  const name = monitor === null ? null : reader.key(monitor['name'], 'monitor.name');
  reader.finish('invalid Uptime Kuma webhook body');
  if ((status !== DOWN && status !== UP) || monitor === null || id === null) return [];

  const monitorName = name ?? `monitor ${id}`;
  const tags = tagLabels(monitor);
  const severityTag = Object.keys(tags).find((key) => SEVERITY_TAGS.includes(key.toLowerCase()));
  const message = stringOrNull(heartbeat['msg']) ?? stringOrNull(notice['msg']);
  const type = stringOrNull(monitor['type']);
  return [
    withinLimits({
      action: status === DOWN ? 'trigger' : 'resolve',
      dedupKey: id,
      reopenAfterResolve: true,
      title: `${monitorName} is down`,
      description: message,
      sourceName: monitorName,
      severity: severityTag === undefined ? null : stringOrNull(tags[severityTag]),
      priority: null,
      labels: { monitor: monitorName, ...(type === null ? {} : { type }), ...tags },
      annotations: {},
      links: [httpLink(monitor['url'], 'Monitored URL')].filter((link) => link !== null),
      sourceStartedAt: time,
      by: 'uptime-kuma',
    }),
  ];
}

/**
 * Every body Kuma sends has `heartbeat`, `monitor` (each an object, or null: both null for the
 * Test button, a null heartbeat for notices) and a `msg`. A body without them is not from Kuma
 * (a wrong URL, another tool): refused, so its sender learns it, rather than ignored.
 */
function requireKumaShape(reader: BodyReader, notice: JsonObject): void {
  const nullable = 'required: an object, or null (as the Test button sends)';
  if (notice['heartbeat'] === undefined) reader.problem('heartbeat', nullable);
  // With a heartbeat object, the monitor is required outright (below).
  if (!isJsonObject(notice['heartbeat']) && notice['monitor'] === undefined) reader.problem('monitor', nullable);
  if (typeof notice['msg'] !== 'string') reader.problem('msg', 'required: a string');
}

/** Kuma tags are `[{ name, value }]`; a tag without a value is a label with an empty one. */
function tagLabels(monitor: JsonObject): Record<string, string> {
  const tags = monitor['tags'];
  const labels: Record<string, string> = {};
  if (!Array.isArray(tags)) return labels;
  for (const tag of tags) {
    if (isJsonObject(tag) && typeof tag['name'] === 'string' && tag['name'] !== '') {
      labels[tag['name']] = stringOrNull(tag['value']) ?? '';
    }
  }
  return labels;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
