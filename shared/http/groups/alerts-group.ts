/** Route group `Alerts`: responses and reads, health, and the OpenAPI document. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { alertPageRedirect } from '../../console/http/alert-page-redirect.ts';
import { alertRoutes } from '../alert-routes.ts';
import { openApiDocument } from '../openapi.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountAlerts(app: Hono<RequestEnv>, deps: AppDeps): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const document = openApiDocument();
  app.get('/openapi.json', (c) => c.json(document));
  // Before the API: a browser asking for /alerts/:id as HTML is sent to the console's page.
  app.route('/', alertPageRedirect());
  app.route('/', alertRoutes(deps));
}
