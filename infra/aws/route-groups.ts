/**
 * The HTTP routes of sla-watch by route group, each group served by its own Lambda function
 * with only the permissions its routes need. The list mirrors the routes of the hono app
 * (shared/http/*-routes.ts and app.ts); a test compares the two in both directions.
 *
 * Each group has its own entry (functions/api-<group>.ts) that mounts only its routes in the
 * same frame as the local app (shared/http/http-app.ts: request log, error mapping, 404), so
 * a bundle carries only its routes and the hot intake path loads the least. API Gateway sends
 * each group only its routes, and each group's role allows only what its routes do.
 */
import { BY_CREATED_INDEX, BY_DAY_INDEX, DUE_INDEX, OPEN_INDEX } from '../../shared/store/table-definition.ts';
import type { EntryName } from './entries.ts';
import type { FunctionNeeds } from './permissions.ts';

export type RouteMethod = 'GET' | 'POST';

export interface RouteGroup {
  readonly id: string;
  readonly description: string;
  /** The Lambda entry serving the group. */
  readonly entry: EntryName;
  /** Method and API Gateway path (`{param}`). */
  readonly routes: readonly (readonly [RouteMethod, string])[];
  readonly needs: FunctionNeeds;
}

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  {
    id: 'Intake',
    entry: 'api-intake',
    description: 'webhooks from alerting tools: store, arm timers, queue notifications',
    routes: [
      ['POST', '/webhooks/{integration}'],
      ['POST', '/v2/enqueue'],
    ],
    // Dedup pointer read and raised, alerts created and updated; new alerts may be due at once.
    needs: { items: ['BatchGetItem', 'PutItem', 'UpdateItem'], queries: [], timers: true, mail: false, writesAlerts: true },
  },
  {
    id: 'Alerts',
    entry: 'api-alerts',
    description: 'responses and the read API, health and the OpenAPI document',
    routes: [
      ['POST', '/alerts/{id}/responses'],
      ['GET', '/alerts/{id}'],
      ['GET', '/alerts'],
      ['GET', '/healthz'],
      ['GET', '/openapi.json'],
    ],
    // A response updates the alert, re-arms its timer and may notify; the list reads by-created.
    needs: { items: ['BatchGetItem', 'PutItem'], queries: [BY_CREATED_INDEX], timers: true, mail: false, writesAlerts: true },
  },
  {
    id: 'Ack',
    entry: 'api-ack',
    description: 'signed acknowledgment links from email',
    routes: [
      ['GET', '/ack/{token}'],
      ['POST', '/ack/{token}'],
    ],
    needs: { items: ['BatchGetItem', 'PutItem'], queries: [], timers: true, mail: false, writesAlerts: true },
  },
  {
    id: 'Reports',
    entry: 'api-reports',
    description: 'the daily, weekly and monthly SLA reports as JSON, HTML and CSV, and as console pages',
    routes: [
      ['GET', '/reports/daily'],
      ['GET', '/reports/daily/{date}'],
      ['GET', '/reports/weekly'],
      ['GET', '/reports/weekly/{week}'],
      ['GET', '/reports/monthly'],
      ['GET', '/reports/monthly/{month}'],
      ['GET', '/reports/view/{token}'],
    ],
    // The day, open and created indexes, and the stored day rollups (reports/rollups only).
    needs: { items: [], queries: [BY_DAY_INDEX, OPEN_INDEX, BY_CREATED_INDEX], timers: false, mail: false, rollups: true },
  },
  {
    id: 'Metrics',
    entry: 'api-metrics',
    description: 'the SLA figures for Prometheus',
    routes: [['GET', '/metrics']],
    // Today's counters (by key), open alerts' views (the open index alone) and the oldest due
    // timers; the due index holds keys only, so its alerts are read by key.
    needs: { items: ['BatchGetItem'], queries: [OPEN_INDEX, DUE_INDEX], timers: false, mail: false },
  },
  {
    id: 'Console',
    entry: 'api-console',
    description: 'the web console: board, alert pages and their forms, view links, integrations, what-if',
    routes: [
      ['GET', '/'],
      ['GET', '/sign-in'],
      ['POST', '/sign-in'],
      ['GET', '/sign-in/{ticket}'],
      ['POST', '/sign-in/{ticket}'],
      ['POST', '/sign-out'],
      ['GET', '/console/alerts/{id}'],
      ['POST', '/alerts/{id}/respond'],
      ['GET', '/view/{token}'],
      ['GET', '/integrations'],
      ['GET', '/explain'],
      ['GET', '/console/console.css'],
      ['GET', '/console/console.js'],
    ],
    // A response updates the alert like the API's; the board reads the open index; integration
    // counters are read by key. Reports, by view link too, are the Reports group's.
    needs: { items: ['BatchGetItem', 'PutItem'], queries: [OPEN_INDEX], timers: true, mail: false, writesAlerts: true },
  },
];
