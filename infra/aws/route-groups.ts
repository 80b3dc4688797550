/**
 * The HTTP routes of sla-watch by route group, each group served by its own Lambda function
 * with only the permissions its routes need. The list mirrors the routes of the hono app
 * (shared/http/*-routes.ts and app.ts); a test compares the two in both directions.
 *
 * All groups run the same entry (functions/api.ts, the whole hono app). Separate entries per
 * group would need a second way to assemble the app (its middleware, error mapping and 404)
 * for each group, which could drift from createApp; what they would save is small (the whole
 * app bundles to about 270 KB, under the 300 KB goal, and the groups share most of it: hono,
 * the configuration schema, the domain, the store). API Gateway sends each group only its
 * routes, so a group's function never runs another group's handlers, and its role forbids
 * what those handlers would do.
 */
import { BY_CREATED_INDEX, BY_DAY_INDEX } from '../../shared/store/table-definition.ts';
import type { FunctionNeeds } from './permissions.ts';

export type RouteMethod = 'GET' | 'POST';

export interface RouteGroup {
  readonly id: string;
  readonly description: string;
  /** Method and API Gateway path (`{param}`). */
  readonly routes: readonly (readonly [RouteMethod, string])[];
  readonly needs: FunctionNeeds;
}

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  {
    id: 'Intake',
    description: 'webhooks from alerting tools: store, arm timers, notify',
    routes: [
      ['POST', '/webhooks/{integration}'],
      ['POST', '/v2/enqueue'],
    ],
    // Dedup pointer read and raised, alerts created and updated; new alerts may be due at once.
    needs: { items: ['GetItem', 'PutItem', 'UpdateItem'], queries: [], timers: true, mail: true },
  },
  {
    id: 'Alerts',
    description: 'responses and the read API, health and the OpenAPI document',
    routes: [
      ['POST', '/alerts/{id}/responses'],
      ['GET', '/alerts/{id}'],
      ['GET', '/alerts'],
      ['GET', '/healthz'],
      ['GET', '/openapi.json'],
    ],
    // A response updates the alert, re-arms its timer and may notify; the list reads by-created.
    needs: { items: ['GetItem', 'PutItem'], queries: [BY_CREATED_INDEX], timers: true, mail: true },
  },
  {
    id: 'Ack',
    description: 'signed acknowledgment links from email',
    routes: [
      ['GET', '/ack/{token}'],
      ['POST', '/ack/{token}'],
    ],
    needs: { items: ['GetItem', 'PutItem'], queries: [], timers: true, mail: true },
  },
  {
    id: 'Reports',
    description: 'the daily SLA report as JSON and HTML',
    routes: [
      ['GET', '/reports/daily'],
      ['GET', '/reports/daily/{date}'],
    ],
    needs: { items: [], queries: [BY_DAY_INDEX], timers: false, mail: false },
  },
];
