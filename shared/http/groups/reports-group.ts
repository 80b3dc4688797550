/** Route group `Reports`: the daily SLA report as JSON and as a page. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { ReportBuilder } from '../../ports/report-builder.ts';
import { reportRoutes } from '../report-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountReports(app: Hono<RequestEnv>, deps: AppDeps, build?: ReportBuilder): void {
  app.route('/', reportRoutes(deps, build));
}
