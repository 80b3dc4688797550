/** OpenAPI paths and schemas of the SLA reports (report-routes.ts, report/report-json.ts). */
import { CLOCK_OUTCOMES } from '../../domain/sla/clock-outcome.ts';
import { errors, json, ref, type Json } from './schemas.ts';

const iso: Json = { type: 'string', format: 'date-time' };
const count: Json = { type: 'integer', minimum: 0 };
const share: Json = { type: ['number', 'null'], minimum: 0, maximum: 1 };
const duration: Json = {
  type: ['object', 'null'],
  properties: { count, medianSeconds: { type: 'number' }, p90Seconds: { type: 'number' } },
};
const times: Json = { type: 'object', properties: { wall: duration, business: duration } };
const clockCounts: Json = {
  type: 'object',
  description: 'Outcomes of one SLA clock; compliance = met / (met + missed + breached_open); pending and closed_by_source are shown apart.',
  properties: { ...Object.fromEntries(CLOCK_OUTCOMES.map((o) => [o, count])), compliance: share },
};
const sourceCount: Json = {
  type: 'object',
  properties: { integrationId: { type: 'string' }, sourceName: { type: 'string' }, alerts: count, deliveries: count },
};
const backlogCounts: Json = { type: 'object', properties: { open: count, breached: count, atRisk: count } };
const priorityMap = (value: Json): Json => ({ type: 'object', properties: Object.fromEntries(['critical', 'high', 'medium', 'low'].map((p) => [p, value])) });

export const reportSchemas: Readonly<Record<string, Json>> = {
  Report: {
    type: 'object',
    required: ['interval', 'period', 'timezone', 'from', 'to', 'days', 'generatedAt', 'percentiles', 'hasData', 'navigation', 'totals', 'priorities', 'backlog', 'groups', 'trend', 'previous', 'noisiestSources', 'breachedAlerts', 'breachedAlertsOmitted', 'deliveries'],
    properties: {
      interval: { type: 'string', enum: ['daily', 'weekly', 'monthly'] },
      period: { type: 'string', description: '`2026-11-30`, `2026-W49` or `2026-12`, local to `timezone`.' },
      date: { type: 'string', format: 'date', description: 'Daily reports only: the local day.' },
      timezone: { type: 'string' },
      from: iso,
      to: iso,
      days: count,
      generatedAt: { ...iso, description: 'The instant every alert was evaluated at.' },
      percentiles: { type: 'string', enum: ['exact', 'within_1_percent'], description: 'Weekly and monthly percentiles come from merged per-day histograms, within 1% of exact.' },
      hasData: { type: 'boolean', description: 'False when no alert had been received by the end of the period.' },
      navigation: { type: 'object', properties: { previous: { type: 'string' }, next: { type: ['string', 'null'] } } },
      totals: { type: 'object', properties: { opened: count, breaches: count, resolvedBySourceUnacknowledged: count } },
      priorities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            priority: ref('Priority'),
            opened: count,
            acknowledgment: clockCounts,
            resolution: clockCounts,
            mtta: { ...times, description: 'Time to a person\'s acknowledgment; the source closing an alert never counts.' },
            mttr: times,
            breaches: count,
            allowedBreaches: { ...count, description: 'The period\'s budget: allowed_breaches per day times the days.' },
            budget: { type: 'string', enum: ['within_budget', 'budget_used_up', 'over_budget'] },
            resolvedBySourceUnacknowledged: { ...count, description: 'Resolved by the source with no person\'s acknowledgment.' },
            calendars: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      backlog: {
        type: 'object',
        description: 'Everything not resolved at generatedAt, whatever day it was opened.',
        properties: {
          total: backlogCounts,
          byPriority: priorityMap(backlogCounts),
          omitted: count,
          items: {
            type: 'array',
            description: 'Oldest first, at most 50.',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                title: { type: 'string' },
                priority: ref('Priority'),
                status: ref('AlertStatus'),
                createdAt: iso,
                state: { type: 'string', enum: ['breached', 'at_risk', 'on_track'] },
                breachedClocks: { type: 'array', items: { type: 'string', enum: ['acknowledgment', 'resolution'] } },
                link: { type: 'string' },
              },
            },
          },
        },
      },
      groups: {
        type: ['object', 'null'],
        description: 'One row per value of the `sla.reporting.group_by` label; null without it.',
        properties: {
          label: { type: 'string' },
          omitted: count,
          rows: {
            type: 'array',
            items: { type: 'object', properties: { group: { type: ['string', 'null'] }, alerts: count, acknowledgment: clockCounts, resolution: clockCounts, breaches: count, mtta: duration } },
          },
        },
      },
      trend: {
        type: ['array', 'null'],
        description: 'Weekly and monthly: one point per day.',
        items: { type: 'object', properties: { date: { type: 'string', format: 'date' }, opened: count, breaches: count, acknowledgmentCompliance: share, resolutionCompliance: share } },
      },
      previous: {
        type: ['object', 'null'],
        description: 'Weekly and monthly: the previous period\'s figures, for the change.',
        properties: {
          label: { type: 'string' },
          priorities: { type: 'array', items: { type: 'object', properties: { priority: ref('Priority'), acknowledgmentCompliance: share, resolutionCompliance: share, breaches: count } } },
        },
      },
      noisiestSources: { type: 'object', properties: { byAlerts: { type: 'array', items: sourceCount }, byDeliveries: { type: 'array', items: sourceCount } } },
      breachedAlertsOmitted: { type: 'integer', minimum: 0, description: 'Breached alerts beyond the 100 listed (the counts per priority are always complete).' },
      deliveries: {
        type: 'object',
        description: "The deliveries of the period's alerts (one per recipient and channel of each notification claimed).",
        properties: {
          byChannel: {
            type: 'object',
            properties: Object.fromEntries(
              ['email', 'slack'].map((channel) => [
                channel,
                {
                  type: 'object',
                  properties: {
                    sent: count,
                    retried: { ...count, description: 'Sent after more than one attempt, or still retrying.' },
                    failed: { ...count, description: 'Failed for good (refused, or retried past the horizon).' },
                    skipped: { ...count, description: 'Not sent: a reminder or at-risk warning whose clock had stopped.' },
                    open: { ...count, description: 'Not yet sent (pending or retrying).' },
                  },
                },
              ]),
            ),
          },
          failingRecipients: {
            type: 'array',
            description: 'Most failures first, at most 20.',
            items: {
              type: 'object',
              properties: { channel: { type: 'string', enum: ['email', 'slack'] }, recipient: { type: 'string' }, failed: count, reason: { type: 'string', description: 'The last failure, as the provider put it.' } },
            },
          },
        },
      },
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
                  outcome: { type: 'string', enum: ['missed', 'breached_open'] },
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

const PERIODS = [
  { interval: 'daily', name: 'date', example: '2026-11-30', format: { type: 'string', format: 'date' }, what: 'Local date `YYYY-MM-DD`' },
  { interval: 'weekly', name: 'week', example: '2026-W49', format: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' }, what: 'ISO week `YYYY-Www` (Monday to Sunday)' },
  { interval: 'monthly', name: 'month', example: '2026-12', format: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, what: 'Month `YYYY-MM`' },
] as const;

const capitalized = (text: string) => text[0]?.toUpperCase() + text.slice(1);

export const reportPaths: Readonly<Record<string, Json>> = Object.fromEntries(
  PERIODS.flatMap(({ interval, name, example, format, what }) => [
    [
      `/reports/${interval}`,
      {
        get: {
          operationId: `get${capitalized(interval)}Report`,
          summary: `The ${interval} SLA report as JSON`,
          tags: ['reports'],
          security: apiKey,
          parameters: [
            {
              name,
              in: 'query',
              schema: format,
              example,
              description: `${what} in the reporting time zone; default the last complete one. A malformed one or one in the future is a 400 naming it.`,
            },
          ],
          responses: {
            '200': { description: 'The report.', headers: noStore, content: json(ref('Report')) },
            ...errors('400', '401', '503', '500'),
          },
        },
      },
    ],
    [
      `/reports/${interval}/{${name}}`,
      {
        get: {
          operationId: `get${capitalized(interval)}ReportPage`,
          summary: `The ${interval} SLA report as an HTML page, or with a \`.csv\` suffix one row per alert`,
          description: 'Also needs `Authorization: Bearer <key>` (a key in the URL would leak through history and logs). `…/{period}.csv` answers CSV: one row per alert opened in the period, with its priority, source, group, times, outcomes and who answered.',
          tags: ['reports'],
          security: apiKey,
          parameters: [{ name, in: 'path', required: true, schema: { type: 'string' }, example, description: `${what}, optionally followed by \`.csv\`.` }],
          responses: {
            '200': {
              description: 'The report page (strict CSP, not cached), or the CSV.',
              headers: noStore,
              content: { 'text/html': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
            },
            ...errors('400', '401', '503', '500'),
          },
        },
      },
    ],
  ]),
);
