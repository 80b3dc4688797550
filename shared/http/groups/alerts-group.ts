/** Route group `Alerts`: responses and reads, health, and the OpenAPI document. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { alertRoutes } from '../alert-routes.ts';
import { openApiDocument } from '../openapi.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountAlerts(app: Hono<RequestEnv>, deps: AppDeps): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const document = openApiDocument();
  app.get('/openapi.json', (c) => c.json(document));
  app.route('/', alertRoutes(deps));
}
