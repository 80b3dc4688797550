/** Route group `Reports`: the SLA reports as JSON, CSV and pages, in the console frame for a signed-in browser or a view link. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { buildReport } from '../../app/build-report.ts';
import type { LinkKeys } from '../../domain/links/link-token.ts';
import type { ReportBuilder } from '../../ports/report-builder.ts';
import { reportConsoleRoutes } from '../../console/http/report-console.tsx';
import { reportRoutes } from '../report-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountReports(app: Hono<RequestEnv>, deps: AppDeps, linkKeys: LinkKeys, build: ReportBuilder = (request) => buildReport(deps, request)): void {
  // Before the API: a signed-in browser, or a view link, gets the report in the console frame.
  app.route('/', reportConsoleRoutes(deps, linkKeys, build));
  app.route('/', reportRoutes(deps, build));
}
