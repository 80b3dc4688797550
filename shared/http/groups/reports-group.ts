/** Route group `Reports`: the daily SLA report as JSON, as a page, and as a console page. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { ReportBuilder } from '../../ports/report-builder.ts';
import { reportConsoleRoutes } from '../../console/http/report-console.tsx';
import { reportRoutes } from '../report-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountReports(app: Hono<RequestEnv>, deps: AppDeps, linkSecret: string | Buffer, build?: ReportBuilder): void {
  // Before the API: a signed-in browser gets the report in the console frame.
  app.route('/', reportConsoleRoutes(deps, linkSecret));
  app.route('/', reportRoutes(deps, build));
}
