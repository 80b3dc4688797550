/** Route group `Metrics`: the SLA figures for Prometheus. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import { metricsRoutes } from '../metrics-routes.ts';
import type { RequestEnv } from '../request-log.ts';

export function mountMetrics(app: Hono<RequestEnv>, deps: AppDeps): void {
  app.route('/', metricsRoutes(deps));
}
