/** Lambda entry point of the `Reports` route group: the daily report as JSON and as a page. */
import { handle } from 'hono/aws-lambda';
import { mountReports } from '../shared/http/groups/reports-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountReports(app, root.deps, root.linkKeys))));
