/** Route group `Intake`: webhooks from alerting tools. */
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/app-deps.ts';
import type { RequestEnv } from '../request-log.ts';
import { webhookRoutes } from '../webhook-routes.ts';

export function mountIntake(app: Hono<RequestEnv>, deps: AppDeps): void {
  app.route('/', webhookRoutes(deps));
}
