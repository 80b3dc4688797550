/**
 * The reusable parts of the OpenAPI document: schemas of what the API answers (mirroring
 * alert-view.ts and error-response.ts), the error responses every route shares, and the
 * security schemes. Kept as plain objects: the document is data served as is.
 */
import { ALERT_STATUSES } from '../../domain/alert/alert.ts';
import { MAX_NOTE_LENGTH, MAX_RESPONDER_LENGTH } from '../../domain/alert/apply-response.ts';
import { RESPONSE_ACTORS, RESPONSE_TYPES } from '../../domain/alert/response.ts';
import { CLOCK_OUTCOMES } from '../../domain/sla/clock-outcome.ts';
import { PRIORITIES } from '../../domain/sla/priority.ts';

export type Json = Readonly<Record<string, unknown>>;

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const iso: Json = { type: 'string', format: 'date-time' };
const isoOrNull: Json = { type: ['string', 'null'], format: 'date-time' };
const stringOrNull: Json = { type: ['string', 'null'] };
const stringMap: Json = { type: 'object', additionalProperties: { type: 'string' } };
const CLOCK_STATES = ['compliant', 'at_risk', 'breached', 'met', 'missed', 'closed_by_source'];

export const schemas: Readonly<Record<string, Json>> = {
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: {
      error: { type: 'string', description: 'Stable code: invalid_request, unauthorized, not_found, conflict, version_conflict, payload_too_large, unsupported_media_type, unprocessable, unavailable, internal.' },
      message: { type: 'string' },
      details: { type: 'array', items: { type: 'string' }, description: 'Every problem, each naming its field (`by: required ...`).' },
      requestId: { type: 'string', description: 'On 5xx: quote it to the operator; the log line of the failure carries it.' },
    },
  },
  Priority: { type: 'string', enum: [...PRIORITIES] },
  AlertStatus: { type: 'string', enum: [...ALERT_STATUSES] },
  ResponseType: { type: 'string', enum: [...RESPONSE_TYPES] },
  ResponseRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'by'],
    properties: {
      type: ref('ResponseType'),
      by: { type: 'string', minLength: 1, maxLength: MAX_RESPONDER_LENGTH, description: 'Who responded (trimmed; no control characters).' },
      note: { type: ['string', 'null'], maxLength: MAX_NOTE_LENGTH },
    },
  },
  Response: {
    type: 'object',
    required: ['id', 'type', 'by', 'note', 'at', 'via', 'actor'],
    properties: {
      id: { type: 'string', description: '`<alertId>_<n>`, n counting from 1.', examples: ['aexampleid234567abcde_1'] },
      type: ref('ResponseType'),
      by: { type: 'string' },
      note: stringOrNull,
      at: { ...iso, description: 'Server time at which it was recorded.' },
      via: { type: 'string', enum: ['api', 'console', 'link', 'webhook', 'system'] },
      actor: {
        type: 'string',
        enum: [...RESPONSE_ACTORS],
        description: 'Who made it: a person (link, API, a PagerDuty acknowledgment), the alert\'s source (a webhook), or sla-watch. Responses stored before this field existed read as their `via` meant: webhook = source.',
      },
    },
  },
  Clock: {
    type: 'object',
    description: 'One SLA clock evaluated at the time of the request; seconds are business seconds on the calendar.',
    required: ['state', 'outcome', 'answeredBy', 'atRiskAt', 'deadline', 'answeredAt', 'allowedSeconds', 'elapsedSeconds', 'remainingSeconds', 'overrunSeconds'],
    properties: {
      state: { type: 'string', enum: CLOCK_STATES },
      outcome: {
        type: 'string',
        enum: [...CLOCK_OUTCOMES],
        description: 'As the report counts it: met, missed (late, or closed by the source after the deadline), breached_open, pending, closed_by_source (the source closed it before the deadline and no person acknowledged).',
      },
      answeredBy: { type: ['string', 'null'], enum: ['person', 'source', null] },
      atRiskAt: iso,
      deadline: iso,
      answeredAt: isoOrNull,
      allowedSeconds: { type: 'integer' },
      elapsedSeconds: { type: 'integer' },
      remainingSeconds: { type: 'integer' },
      overrunSeconds: { type: 'integer' },
    },
  },
  Sla: {
    type: 'object',
    required: ['calendar', 'timezone', 'warningThreshold', 'acknowledgment', 'resolution', 'reminders', 'nextUpdateDueAt'],
    properties: {
      calendar: { type: 'string', description: 'The calendar name, or `24x7`.' },
      timezone: { type: 'string' },
      warningThreshold: { type: 'number' },
      acknowledgment: ref('Clock'),
      resolution: ref('Clock'),
      reminders: {
        type: 'array',
        items: { type: 'object', required: ['number', 'dueAt', 'sent'], properties: { number: { type: 'integer' }, dueAt: iso, sent: { type: 'boolean' } } },
      },
      nextUpdateDueAt: isoOrNull,
    },
  },
  Notified: {
    type: 'object',
    properties: {
      newAlertAt: isoOrNull,
      acknowledgmentAtRiskAt: isoOrNull,
      acknowledgmentBreachAt: isoOrNull,
      resolutionAtRiskAt: isoOrNull,
      resolutionBreachAt: isoOrNull,
      remindersSent: { type: 'integer' },
      updateDueNotifiedFor: isoOrNull,
      resolvedAt: isoOrNull,
      failures: {
        type: 'array',
        items: { type: 'object', properties: { kind: { type: 'string' }, channel: { type: 'string', enum: ['email', 'slack'] }, at: iso, error: { type: 'string' } } },
      },
    },
  },
  Delivery: {
    type: 'object',
    description:
      'One notification to one recipient on one channel. Delivered at least once: pending until the provider accepts it (sent), retried with backoff on transient failures (retrying), given up on permanent refusals or after the retry horizon (failed), or not sent because it was stale (skipped).',
    required: ['seq', 'kind', 'channel', 'recipient', 'state', 'attempts', 'claimedAt', 'lastError'],
    properties: {
      seq: { type: 'integer', minimum: 1, description: 'Claim order; one recipient receives in this order' },
      kind: { type: 'string' },
      reminderNumber: { type: ['integer', 'null'] },
      channel: { type: 'string', enum: ['email', 'slack'] },
      recipient: { type: 'string', description: 'An email address, or the name of a Slack destination (default, priority:<p>, integration:<id>)' },
      state: { type: 'string', enum: ['pending', 'retrying', 'sent', 'failed', 'skipped'] },
      attempts: { type: 'integer', minimum: 0 },
      claimedAt: iso,
      nextAttemptAt: isoOrNull,
      lastError: stringOrNull,
      messageId: stringOrNull,
      doneAt: isoOrNull,
      reason: stringOrNull,
    },
  },
  Alert: {
    type: 'object',
    required: ['id', 'title', 'priority', 'status', 'integration', 'createdAt', 'responses', 'sla', 'notified', 'outbox', 'nextTimer'],
    properties: {
      id: { type: 'string', pattern: '^a[a-z2-7]{20}$' },
      title: { type: 'string' },
      description: stringOrNull,
      priority: ref('Priority'),
      severity: stringOrNull,
      status: ref('AlertStatus'),
      integration: { type: 'string' },
      format: { type: 'string', enum: ['alertmanager', 'grafana', 'pagerduty', 'uptime-kuma', 'generic'] },
      source: { type: 'string' },
      dedupKey: { type: 'string' },
      occurrence: { type: 'integer', minimum: 1 },
      labels: stringMap,
      annotations: stringMap,
      links: { type: 'array', items: { type: 'object', required: ['href'], properties: { href: { type: 'string', format: 'uri' }, text: { type: 'string' } } } },
      createdAt: iso,
      sourceStartedAt: isoOrNull,
      lastSeenAt: iso,
      acknowledgedAt: isoOrNull,
      acknowledgedBy: stringOrNull,
      resolvedAt: isoOrNull,
      resolvedBy: stringOrNull,
      lastUpdateAt: isoOrNull,
      deliveries: { type: 'integer', description: 'How many webhook deliveries of this occurrence were received' },
      responses: { type: 'array', items: ref('Response') },
      sla: ref('Sla'),
      notified: ref('Notified'),
      outbox: { type: 'array', items: ref('Delivery'), description: 'Every delivery of the notifications claimed, oldest first' },
      nextTimer: { type: ['object', 'null'], properties: { kind: { type: 'string' }, dueAt: iso } },
    },
  },
  AlertSummary: {
    type: 'object',
    required: ['id', 'title', 'priority', 'status', 'integration', 'createdAt', 'sla'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      priority: ref('Priority'),
      status: ref('AlertStatus'),
      integration: { type: 'string' },
      createdAt: iso,
      lastSeenAt: iso,
      acknowledgedAt: isoOrNull,
      resolvedAt: isoOrNull,
      responses: { type: 'integer', description: 'How many responses are recorded.' },
      sla: {
        type: 'object',
        properties: Object.fromEntries(
          ['acknowledgment', 'resolution'].map((clock) => [clock, { type: 'object', properties: { state: { type: 'string', enum: CLOCK_STATES }, deadline: iso } }]),
        ),
      },
    },
  },
  AlertPage: {
    type: 'object',
    required: ['alerts', 'nextCursor'],
    properties: {
      alerts: { type: 'array', items: ref('AlertSummary') },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
    },
  },
};

const ERROR_RESPONSES = {
  '400': 'The request can never succeed as sent (malformed JSON, bad query parameter).',
  '401': 'Missing or invalid credentials.',
  '404': 'No such resource.',
  '409': 'Conflicts with the current state (e.g. a response after the resolution).',
  '413': 'Body larger than the limit.',
  '415': 'Body is not JSON.',
  '422': 'Well-formed but invalid; `details` lists every problem.',
  '503': 'A dependency (store, timers, mail) is unavailable; retry (Retry-After).',
  '500': 'Internal error; the body says nothing internal but carries a requestId.',
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** Error responses by status, all with the Error body. */
export function errors(...statuses: readonly ErrorStatus[]): Record<string, Json> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_RESPONSES[status], content: { 'application/json': { schema: ref('Error') } } }]),
  );
}

/** JSON content with a schema. */
export function json(schema: Json): Json {
  return { 'application/json': { schema } };
}

export const securitySchemes: Readonly<Record<string, Json>> = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `api_keys` in the configuration: `Authorization: Bearer <key>`.' },
  webhookBearer: { type: 'http', scheme: 'bearer', description: "One of the integration's secrets: `Authorization: Bearer <secret>` (preferred)." },
  webhookBasic: { type: 'http', scheme: 'basic', description: "Any user name, one of the integration's secrets as the password." },
  webhookQueryToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: "Fallback only, for senders that can set no header: one of the integration's secrets as `?token=`. URLs end up in proxy and access logs; prefer a header.",
  },
};
