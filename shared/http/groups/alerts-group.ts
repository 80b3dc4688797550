/** Route group `Alerts`: responses and reads, the web console, health, and the OpenAPI document. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { consoleRoutes } from '../../console/http/console-routes.ts';
import { alertRoutes } from '../alert-routes.ts';
import { openApiDocument } from '../openapi.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountAlerts(app: Hono<RequestEnv>, deps: AppDeps, linkSecret: string | Buffer): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const document = openApiDocument();
  app.get('/openapi.json', (c) => c.json(document));
  // Before the API: a browser asking for /alerts/:id as HTML gets the console's page.
  app.route('/', consoleRoutes(deps, linkSecret));
  app.route('/', alertRoutes(deps));
}
