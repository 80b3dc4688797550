/** Lambda entry point of the `Console` route group: the web console's pages and forms. */
import { handle } from 'hono/aws-lambda';
import { mountConsole } from '../shared/http/groups/console-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountConsole(app, root.deps, root.linkKeys))));
