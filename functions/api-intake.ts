/**
 * Lambda entry point of the `Intake` route group (webhooks, /v2/enqueue) behind API Gateway
 * (HTTP API, payload format 2.0). Each route group has its own entry so that its bundle carries
 * only its routes: the hot intake path loads no report rendering, pages or OpenAPI document.
 */
import { handle } from 'hono/aws-lambda';
import { mountIntake } from '../shared/http/groups/intake-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountIntake(app, root.deps))));
