/**
 * The HTTP application with every route group of sla-watch: what the local server serves and
 * the tests drive. On AWS each route group's function serves its own group in the same frame
 * (http-app.ts), so both answer alike.
 */
import type { Hono } from 'hono';
import type { AppDeps } from '../app/app-deps.ts';
import type { LinkKeys } from '../domain/links/link-token.ts';
import { mountAck } from './groups/ack-group.ts';
import { mountAlerts } from './groups/alerts-group.ts';
import { mountConsole } from './groups/console-group.ts';
import { mountIntake } from './groups/intake-group.ts';
import { mountMetrics } from './groups/metrics-group.ts';
import { mountReports } from './groups/reports-group.ts';
import type { ReportBuilder } from '../ports/report-builder.ts';
import { createHttpApp } from './http-app.ts';
import type { RequestEnv } from './request-log.ts';

export interface AppOptions {
  /**
   * The HMAC secret that signs and verifies links in email and console sessions; or the keys,
   * the current one first, with the previous one while it rotates (still accepted, never used to sign).
   */
  readonly linkSecret: LinkKeys;
  /** Where reports are built (a worker thread locally); the use case in this thread by default. */
  readonly buildReport?: ReportBuilder;
  /** More route groups mounted at `/` after the built-in ones (document them in openapi.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route groups carry their own Env types
  readonly extraRoutes?: readonly Hono<any, any, any>[];
}

export function createApp(deps: AppDeps, options: AppOptions): Hono<RequestEnv> {
  return createHttpApp(deps, (app) => {
    // The console first: its form route /alerts/:id/respond is not behind the API's key check.
    mountConsole(app, deps, options.linkSecret);
    mountAlerts(app, deps);
    mountIntake(app, deps);
    mountAck(app, deps, options.linkSecret);
    mountReports(app, deps, options.linkSecret, options.buildReport);
    mountMetrics(app, deps);
    for (const routes of options.extraRoutes ?? []) app.route('/', routes);
  });
}
