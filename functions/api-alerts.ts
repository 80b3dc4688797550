/** Lambda entry point of the `Alerts` route group: responses, reads, health, OpenAPI document. */
import { handle } from 'hono/aws-lambda';
import { mountAlerts } from '../shared/http/groups/alerts-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountAlerts(app, root.deps))));
