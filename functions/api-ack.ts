/** Lambda entry point of the `Ack` route group: the pages behind the signed links in email. */
import { handle } from 'hono/aws-lambda';
import { mountAck } from '../shared/http/groups/ack-group.ts';
import { createHttpApp } from '../shared/http/http-app.ts';
import { serve } from './runtime/aws-root.ts';

export const handler = serve((root) => handle(createHttpApp(root.deps, (app) => mountAck(app, root.deps, root.linkKeys))));
