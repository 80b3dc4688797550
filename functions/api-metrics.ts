/** Lambda entry point of the `Metrics` route group: `GET /metrics` for Prometheus. */
import { handle } from 'hono/aws-lambda';
import { mountMetrics } from '../shared/http/groups/metrics-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountMetrics(app, root.deps))));
