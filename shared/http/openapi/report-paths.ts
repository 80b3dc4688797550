/** OpenAPI paths and schemas of the daily SLA report (report-routes.ts, report/report-json.ts). */
import { errors, json, ref, type Json } from './schemas.ts';

const iso: Json = { type: 'string', format: 'date-time' };
const count: Json = { type: 'integer', minimum: 0 };
const duration: Json = {
  type: ['object', 'null'],
  properties: { count, medianSeconds: { type: 'number' }, p90Seconds: { type: 'number' } },
};
const times: Json = { type: 'object', properties: { wall: duration, business: duration } };
const compliance: Json = {
  type: 'object',
  properties: { met: count, missed: count, open: count, metShare: { type: ['number', 'null'], minimum: 0, maximum: 1 } },
};
const sourceCount: Json = {
  type: 'object',
  properties: { integrationId: { type: 'string' }, sourceName: { type: 'string' }, alerts: count, deliveries: count },
};

export const reportSchemas: Readonly<Record<string, Json>> = {
  DailyReport: {
    type: 'object',
    required: ['date', 'timezone', 'from', 'to', 'generatedAt', 'totals', 'priorities', 'noisiestSources', 'breachedAlerts', 'breachedAlertsOmitted'],
    properties: {
      date: { type: 'string', format: 'date', description: 'The local day in `timezone`.' },
      timezone: { type: 'string' },
      from: iso,
      to: iso,
      generatedAt: iso,
      totals: { type: 'object', properties: { opened: count, breaches: count, stillOpen: count, atRisk: count } },
      priorities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            priority: ref('Priority'),
            opened: count,
            acknowledgment: compliance,
            resolution: compliance,
            mtta: times,
            mttr: times,
            breaches: count,
            allowedBreaches: count,
            budget: { type: 'string', enum: ['within_budget', 'budget_used_up', 'over_budget'] },
            stillOpen: count,
            atRisk: count,
            calendars: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      noisiestSources: { type: 'object', properties: { byAlerts: { type: 'array', items: sourceCount }, byDeliveries: { type: 'array', items: sourceCount } } },
      breachedAlertsOmitted: { type: 'integer', minimum: 0, description: 'Breached alerts beyond the 100 listed (the counts per priority are always complete).' },
      breachedAlerts: {
        type: ['array', 'null'],
        description: 'At most 100, the most urgent priority first, then the oldest. Null when `sla.reporting.include_details` is off.',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            priority: ref('Priority'),
            status: ref('AlertStatus'),
            createdAt: iso,
            link: { type: 'string' },
            clocks: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  clock: { type: 'string', enum: ['acknowledgment', 'resolution'] },
                  state: { type: 'string', enum: ['missed', 'breached'] },
                  deadlineAt: iso,
                  overrunSeconds: { type: 'number' },
                },
              },
            },
          },
        },
      },
    },
  },
};

const apiKey = [{ apiKey: [] }];
const noStore: Json = { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } };

export const reportPaths: Readonly<Record<string, Json>> = {
  '/reports/daily': {
    get: {
      operationId: 'getDailyReport',
      summary: 'The daily SLA report as JSON',
      tags: ['reports'],
      security: apiKey,
      parameters: [
        {
          name: 'date',
          in: 'query',
          schema: { type: 'string', format: 'date' },
          description: 'Local date `YYYY-MM-DD` in the reporting time zone; default yesterday there.',
        },
      ],
      responses: {
        '200': { description: 'The report.', headers: noStore, content: json(ref('DailyReport')) },
        ...errors('400', '401', '503', '500'),
      },
    },
  },
  '/reports/daily/{date}': {
    get: {
      operationId: 'getDailyReportPage',
      summary: 'The daily SLA report as an HTML page',
      description: 'Also needs `Authorization: Bearer <key>` (a key in the URL would leak through history and logs).',
      tags: ['reports'],
      security: apiKey,
      parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }],
      responses: {
        '200': { description: 'The report page (strict CSP, not cached).', headers: noStore, content: { 'text/html': { schema: { type: 'string' } } } },
        ...errors('400', '401', '503', '500'),
      },
    },
  },
};
