/** Lambda entry point of the `Alerts` route group: responses, reads, health, OpenAPI document. */
import { handle } from 'hono/aws-lambda';
import { mountAlerts } from '../shared/http/groups/alerts-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { deps, withMetrics } from './runtime/aws-root.ts';

export const handler = withMetrics(handle(createHttpApp(deps, (app) => mountAlerts(app, deps))));
