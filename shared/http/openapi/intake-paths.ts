/**
 * OpenAPI paths of the intake (webhook-routes.ts): one webhook per configured integration, in
 * its tool's format, and the PagerDuty Events v2 endpoint. The request bodies are the tools'
 * own formats, described here only as far as sla-watch reads them.
 */
import { errors, json, ref, type Json } from './schemas.ts';

const webhookSecurity = [{ webhookBearer: [] }, { webhookBasic: [] }, { webhookQueryToken: [] }];
const stringMap: Json = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };

const genericEvent: Json = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: ['string', 'number'], description: 'Names the problem (also accepted as `dedup_key`); up to 255 characters.' },
    title: { type: 'string', description: 'Required when firing.' },
    status: { type: 'string', enum: ['firing', 'acknowledged', 'resolved'], default: 'firing' },
    severity: { type: 'string' },
    priority: ref('Priority'),
    description: { type: 'string' },
    source: { type: 'string' },
    labels: stringMap,
    links: { type: 'array', items: { oneOf: [{ type: 'string', format: 'uri' }, { type: 'object', required: ['href'], properties: { href: { type: 'string' }, text: { type: 'string' } } }] } },
    started_at: { type: 'string', format: 'date-time' },
    by: { type: 'string' },
  },
};

const alertGroupAlert: Json = {
  type: 'object',
  required: ['status', 'labels', 'startsAt'],
  properties: {
    status: { type: 'string', enum: ['firing', 'resolved'] },
    labels: stringMap,
    annotations: stringMap,
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string' },
    generatorURL: { type: 'string' },
    fingerprint: { type: 'string' },
  },
};

export const intakeSchemas: Readonly<Record<string, Json>> = {
  AlertmanagerWebhook: {
    type: 'object',
    description: 'Alertmanager webhook v4 (also what Grafana unified alerting sends, with its extra fields).',
    required: ['alerts'],
    properties: { version: { type: 'string' }, status: { type: 'string' }, receiver: { type: 'string' }, groupKey: { type: 'string' }, alerts: { type: 'array', items: alertGroupAlert } },
  },
  UptimeKumaWebhook: {
    type: 'object',
    description: 'Uptime Kuma webhook: `heartbeat.status` 0 down, 1 up; `monitor.id` identifies the monitor. Also accepted as multipart/form-data with the JSON in field `data`.',
    properties: { heartbeat: { type: ['object', 'null'] }, monitor: { type: ['object', 'null'] }, msg: { type: 'string' } },
  },
  GenericEvent: genericEvent,
  GenericWebhook: {
    description: 'One event, an array of events, or `{ "events": [...] }`.',
    oneOf: [ref('GenericEvent'), { type: 'array', items: ref('GenericEvent') }, { type: 'object', required: ['events'], properties: { events: { type: 'array', items: ref('GenericEvent') } } }],
  },
  PagerDutyEvent: {
    type: 'object',
    required: ['routing_key', 'event_action'],
    properties: {
      routing_key: { type: 'string', description: "One of a pagerduty integration's secrets: it authenticates the event and picks the integration." },
      event_action: { type: 'string', enum: ['trigger', 'acknowledge', 'resolve'] },
      dedup_key: { type: 'string', maxLength: 255, description: 'Generated and returned when a trigger has none; required for acknowledge and resolve.' },
      payload: {
        type: 'object',
        required: ['summary', 'source', 'severity'],
        properties: {
          summary: { type: 'string', maxLength: 1024 },
          source: { type: 'string' },
          severity: { type: 'string', enum: ['critical', 'error', 'warning', 'info'] },
          timestamp: { type: 'string', format: 'date-time' },
          component: { type: 'string' },
          group: { type: 'string' },
          class: { type: 'string' },
          custom_details: { type: 'object' },
        },
      },
      links: { type: 'array', items: { type: 'object', properties: { href: { type: 'string' }, text: { type: 'string' } } } },
    },
  },
  IntakeResults: {
    type: 'object',
    required: ['results'],
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['outcome', 'alertId', 'dedupKey'],
          properties: {
            outcome: { type: 'string', enum: ['created', 'merged', 'acknowledged', 'resolved', 'ignored', 'test'], description: '`test`: a test notification (Grafana test button, generic `"test": true`), answered and not stored.' },
            alertId: { type: ['string', 'null'] },
            dedupKey: { type: 'string' },
          },
        },
      },
    },
  },
  PagerDutyAnswer: {
    type: 'object',
    required: ['status', 'message'],
    properties: {
      status: { type: 'string', examples: ['success', 'invalid event'] },
      message: { type: 'string' },
      dedup_key: { type: 'string' },
      errors: { type: 'array', items: { type: 'string' } },
    },
  },
};

export const intakePaths: Readonly<Record<string, Json>> = {
  '/webhooks/{integration}': {
    post: {
      operationId: 'postWebhook',
      summary: 'Receive alerts from an alerting tool, in the format of the integration',
      description:
        "The integration's `format` (alertmanager, grafana, pagerduty, uptime-kuma, generic) decides how the body is read. Authenticate with one of the integration's secrets: " +
        '`Authorization: Bearer`, the password of `Authorization: Basic`, or, as a fallback for senders that can set no header, `?token=`. ' +
        'A Grafana integration may also require `X-Grafana-Alerting-Signature`. A body is checked as a whole before anything is stored; repeats are harmless. ' +
        'Limits: 1 MB, objects and arrays nested at most 64 levels, at most 100,000 values (422 naming the limit).',
      tags: ['webhooks'],
      security: webhookSecurity,
      parameters: [{ name: 'integration', in: 'path', required: true, schema: { type: 'string' }, description: 'The id of a configured integration.' }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { oneOf: [ref('AlertmanagerWebhook'), ref('PagerDutyEvent'), ref('UptimeKumaWebhook'), ref('GenericWebhook')] },
          },
          'multipart/form-data': { schema: { type: 'object', properties: { data: { type: 'string', description: 'Uptime Kuma: the JSON body.' } } } },
        },
      },
      responses: {
        '200': { description: 'Every event of the body is stored; one result per event, in order.', content: json(ref('IntakeResults')) },
        '202': { description: 'A pagerduty-format integration answers as PagerDuty does.', content: json(ref('PagerDutyAnswer')) },
        ...errors('400', '401', '404', '413', '415', '422', '503', '500'),
      },
    },
  },
  '/v2/enqueue': {
    post: {
      operationId: 'enqueuePagerDutyEvent',
      summary: 'PagerDuty Events API v2 compatible endpoint',
      description: "For tools that speak PagerDuty Events v2: the event's `routing_key` (one of a pagerduty integration's secrets) authenticates it and picks the integration.",
      tags: ['webhooks'],
      security: [],
      requestBody: { required: true, content: json(ref('PagerDutyEvent')) },
      responses: {
        '202': { description: 'Event processed.', content: json(ref('PagerDutyAnswer')) },
        ...Object.fromEntries(
          (['400', '401', '413', '415'] as const).map((status) => [status, { description: "A client error, in PagerDuty's answer format.", content: json(ref('PagerDutyAnswer')) }]),
        ),
        ...errors('503', '500'),
      },
    },
  },
};
